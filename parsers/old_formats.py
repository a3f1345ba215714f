"""Old Word (.doc), RTF and OpenDocument text (.odt) forms, read as Word: LibreOffice converts each
to DOCX, and the Word reader (``parsers.docx_form``) reads that like any other Word form.

Why convert rather than read: no Python reader of the Word binary format is worth trusting with a
stranger's file, and one conversion in front of one reader means every improvement to the Word
reader serves these forms too. LibreOffice keeps what a form holds (tables, tick boxes, content
controls) on the way.

Why a LibreOffice of its own: these files are strangers', so they never reach the LibreOffice that
renders our letters (``service.documents.pdf``). This one has its own profile, with macros off,
links and fields never updated and remote images blocked; each file is held to a wall-clock deadline
and to CPU and memory limits set on the warm process before each file (``libreoffice.client``); one
that misbehaves is stopped, and the next file starts a fresh LibreOffice. No file is tried twice.

Where it runs: in the isolated reader, the reading server (``parsers.forkserver``) keeps the warm
instance and converts ahead of the child that reads the file (``convert_ahead``): a child lives
for one file, too short to keep LibreOffice warm, under a memory limit too tight for one. The
server hands the child the DOCX with the file (``hand_over``) and the child reads as usual. Used
in-process (the accuracy harness, the bench), this process keeps its own instance.
"""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
import zlib

from libreoffice.client import (
    Converter,
    Limits,
    Misbehaved,
    PerProcess,
    TimedOut,
    Unavailable,
    Unreadable,
)
from parsers.errors import DamagedFile, ParseError, ReaderStopped, ReadTooLong, UnsupportedFile

# The import filter LibreOffice reads each kind with: named, so it never guesses from content.
IMPORT_FILTERS = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}
WORD_FILTER = "MS Word 2007 XML"
NAMES = {"doc": "old Word document", "rtf": "RTF document", "odt": "OpenDocument text"}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_STREAM = "WordDocument".encode("utf-16-le")  # a directory entry's name in the OLE file
ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# An embedded OLE object in RTF (``\object``, not an escaped ``\\object`` in the text): another
# program's data, never a form's answers, and the usual carrier of RTF exploits; never opened.
EMBEDDED_OBJECT = re.compile(rb"(?<!\\)\\object(?![a-z])")
_LOCAL_HEADER = struct.Struct("<4s2xHH8xII HH")  # signature, flags, method, sizes, name, extra

DEFAULT_LIMITS = Limits(cpu_seconds=20, memory_mb=512)  # as parsers.isolation's defaults
DEFAULT_SECONDS = 30.0
START_SECONDS = 60  # LibreOffice's start, not counted against the first file
MAX_DOCX_BYTES = 64 * 1024 * 1024  # what LibreOffice may give back for one form
UNTRUSTED = "untrusted"  # its working folder: /tmp/frontdoor-untrusted-…, profile inside

# LibreOffice's settings for strangers' files: macros never run, links, fields and charts never
# updated (an INCLUDETEXT field would read a local file), pictures from links refused.
UNTRUSTED_SETTINGS = {
    "/org.openoffice.Office.Common/Security/Scripting": {
        "MacroSecurityLevel": "3",
        "DisableMacrosExecution": "true",
        "BlockUntrustedRefererLinks": "true",
    },
    "/org.openoffice.Office.Writer/Content/Update": {
        "Link": "2",  # never
        "Field": "false",
        "Chart": "false",
    },
}


def _registry(settings: dict[str, dict[str, str]]) -> str:
    """``settings`` as the ``registrymodifications.xcu`` a fresh LibreOffice profile starts with."""
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, values in settings.items()
        for name, value in values.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + items + "</oor:items>\n"
    )


def kind_of(data: bytes) -> str | None:
    """``doc``, ``rtf`` or ``odt`` from the content, or None for any other kind of file."""
    if data[:8] == OLE_MAGIC and WORD_STREAM in data and ENCRYPTED_OOXML not in data:
        return "doc"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return "rtf"
    if data[:4] == b"PK\x03\x04" and _opendocument_type(data) == ODT_MIMETYPE:
        return "odt"
    return None


def _opendocument_type(data: bytes) -> bytes:
    """The package's ``mimetype``: stored first and uncompressed as the standard asks, or else
    wherever a re-zipped file put it."""
    _, flags, method, packed, _, name_size, extra_size = _LOCAL_HEADER.unpack_from(data.ljust(30))
    start = _LOCAL_HEADER.size + name_size
    if data[_LOCAL_HEADER.size : start] == b"mimetype" and method == 0 and not flags & 0x1:
        return data[start + extra_size : start + extra_size + min(packed, 100)].strip()
    if b"mimetype" not in data[-(1 << 16) :]:  # not among the names at the end: not there
        return b""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "content.xml" not in package.namelist():
                return b""
            with package.open("mimetype") as mimetype:
                return mimetype.read(100).strip()
    except (KeyError, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, zlib.error):
        return b""  # damaged or encrypted: not an OpenDocument text we can read


def _untrusted(soffice: str) -> Converter:
    return Converter(
        "reading old Word, RTF and OpenDocument forms",
        UNTRUSTED,
        soffice,
        timeout=DEFAULT_SECONDS,
        start_timeout=START_SECONDS,
        retries=0,
        limits=DEFAULT_LIMITS,
        settings=_registry(UNTRUSTED_SETTINGS),
        max_output=MAX_DOCX_BYTES,
    )


_converters = PerProcess(_untrusted)


def converter() -> Converter:
    """This process's LibreOffice for strangers' files."""
    return _converters.get()


def _is_whole_docx(output: bytes) -> bool:
    return output[:4] == b"PK\x03\x04" and b"PK\x05\x06" in output[-(1 << 16) - 22 :]


def convert(
    kind: str, data: bytes, limits: Limits = DEFAULT_LIMITS, seconds: float = DEFAULT_SECONDS
) -> bytes:
    """The DOCX LibreOffice makes of ``data`` (of ``kind``), or a ParseError saying why not."""
    if kind == "rtf" and EMBEDDED_OBJECT.search(data):
        raise UnsupportedFile(
            "this RTF document holds an embedded object (OLE), which is not opened: save the "
            "form without it, or as .docx or PDF"
        )
    try:
        return converter().convert_document(
            data, IMPORT_FILTERS[kind], WORD_FILTER, _is_whole_docx, seconds, limits
        )
    except Unreadable:
        raise DamagedFile(
            f"LibreOffice could not convert this {NAMES[kind]}: it cannot read it (damaged?)"
        ) from None
    except TimedOut:
        raise ReadTooLong(
            f"LibreOffice could not convert this {NAMES[kind]} in time: it may be damaged or "
            "built to stall the reader"
        ) from None
    except Misbehaved:
        raise ReaderStopped(
            f"LibreOffice could not convert this {NAMES[kind]}: it stopped, out of the memory "
            "or time allowed (a bomb?) or on damage"
        ) from None
    except Unavailable as error:
        raise ParseError(str(error)) from None


def convert_ahead(data: bytes, limits: Limits, seconds: float) -> tuple[bytes | None, float]:
    """For the reading server: the DOCX of an old-format file, or None for any other kind, and
    the seconds the conversion took (LibreOffice's start not counted: it is not the file's)."""
    kind = kind_of(data)
    if kind is None:
        return None, 0.0
    try:
        converter().start()
    except Unavailable as error:
        raise ParseError(str(error)) from None
    started = time.monotonic()
    return convert(kind, data, limits, seconds), time.monotonic() - started


_handed_over: list[tuple[bytes, bytes]] = []  # (a file, its DOCX): at most one, in a child


def hand_over(data: bytes, docx: bytes) -> None:
    """In the reading child: the DOCX the server made of ``data``, for ``to_docx`` to use."""
    _handed_over[:] = [(data, docx)]


def to_docx(kind: str, data: bytes) -> bytes:
    """The DOCX of ``data``: the one handed over, or converted here."""
    if _handed_over and _handed_over[0][0] == data:
        return _handed_over.pop()[1]
    return convert(kind, data)
