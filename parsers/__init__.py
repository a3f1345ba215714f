"""Legacy forms in: ``parse_file`` turns a PDF or Word CAF / referral form into a record.

The file's kind is decided by its content (magic bytes), never its name; a reader for that kind
reports what it finds (``parsers.model``) and ``parsers.mapping`` turns that into the record of
RECORD.md with the provenance of every value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parsers import old_formats
from parsers.errors import EmptyFile, EncryptedFile, FileTooLarge, ParseError, UnsupportedFile

MAX_FILE_BYTES = 20 * 1024 * 1024
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The media type a file of each kind is sent as; a scan's by its own magic bytes.
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": DOCX_MEDIA_TYPE,
    "doc": "application/msword",
    "rtf": "application/rtf",
    "odt": "application/vnd.oasis.opendocument.text",
}
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
    b"\xff\xd8\xff": "image/jpeg",
}

__all__ = [
    "MAX_FILE_BYTES",
    "ParseError",
    "ParseResult",
    "detect_kind",
    "media_type",
    "parse_bytes",
    "parse_file",
    "read_file",
]


@dataclass
class ParseResult:
    """The record (contract names and formats) and, for each dotted field path, where it came
    from: ``{"where", "label", "text", "confidence"}``."""

    record: dict
    provenance: dict[str, dict] = field(default_factory=dict)
    kind: str = ""


def detect_kind(data: bytes) -> str:
    """``pdf``, ``docx``, ``doc``, ``rtf``, ``odt`` or ``image`` (a scan) from the content;
    anything else is refused."""
    if not data:
        raise EmptyFile("the file is empty")
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if old := old_formats.kind_of(data):
        return old  # doc, rtf or odt: converted to DOCX, then read as Word
    if data[:4] == b"PK\x03\x04":
        return "docx"
    if data.startswith(tuple(_IMAGE_MAGIC)):
        return "image"  # a scan: PNG, TIFF or JPEG
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFile(
                "the document is password-protected: remove the password and upload it again"
            )
        raise UnsupportedFile("this is an Office file but not a Word document: save it as PDF")
    raise UnsupportedFile("this is not a PDF or a Word (.docx) document")


def media_type(data: bytes) -> str:
    """The media type a file is sent back as, decided by its content as ``detect_kind`` decides
    it (never by its name); ``application/octet-stream`` for a file no reader takes."""
    try:
        kind = detect_kind(data)
    except ParseError:
        return "application/octet-stream"
    if kind == "image":
        return next(type_ for magic, type_ in _IMAGE_MAGIC.items() if data.startswith(magic))
    return MEDIA_TYPES[kind]


def parse_bytes(data: bytes) -> ParseResult:
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLarge(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    kind = detect_kind(data)
    from parsers import mapping, readers

    document = readers.read(kind, data)
    record, provenance = mapping.to_record(document)
    return ParseResult(record=record, provenance=provenance, kind=document.kind)


def read_file(path: Path | str) -> bytes:
    """The bytes of the form at ``path``, refused (ParseError) before reading when it is too big,
    missing, a folder or unreadable."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FileTooLarge(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except IsADirectoryError:
        raise UnsupportedFile("this is a folder, not a file") from None
    except FileNotFoundError:
        raise ParseError("there is no such file") from None
    except PermissionError:
        raise ParseError("the file cannot be read (permission denied)") from None


def parse_file(path: Path | str) -> ParseResult:
    return parse_bytes(read_file(path))
