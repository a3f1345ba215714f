"""Turn what was uploaded (one file, or a zip of forms) into entries, one per form.

A zip is expanded here, in memory, and never onto disk by the names it carries: an entry whose
name would lead outside the zip, a zip inside the zip, an encrypted or oversized entry each
become an entry with a reason instead of content, so the admin sees them in the batch. Whether
a file is a zip of forms is decided by its content, never its name: a Word .docx is a zip too
(it holds ``[Content_Types].xml``), and so is an OpenDocument file (.odt, .ods: a ``mimetype``
first, or an OpenDocument ``META-INF/manifest.xml``); each of those is one form.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from parsers import MAX_FILE_BYTES

MAX_ENTRIES = 500
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # uncompressed, across one zip
MAX_NAME_LENGTH = 255
SYSTEM_FILES = {"__macosx", "thumbs.db", "desktop.ini"}

OPENDOCUMENT_MIMETYPE = b"application/vnd.oasis.opendocument"
OPENDOCUMENT_MANIFEST = b"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
MANIFEST_READ = 64 * 1024  # the namespace is declared on the root element, near the start

ZIP_IN_ZIP = "a zip inside a zip is not accepted: upload its files directly"
OUTSIDE_THE_ZIP = (
    "its name in the zip leads outside the zip (../ or an absolute path): not accepted"
)
ENCRYPTED_ENTRY = "it is password-protected in the zip: upload it unprotected"
TOO_LARGE = f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"


@dataclass
class Entry:
    """One file to import: its name as uploaded, and its content or why it cannot be read."""

    name: str
    content: bytes | None = None
    reason: str | None = None


def zip_kind(content: bytes) -> str | None:
    """``ooxml`` (Word, Excel…), ``opendocument``, ``forms`` (a zip of files), or None for
    something that is not a zip that can be opened."""
    if content[:4] not in (b"PK\x03\x04", b"PK\x05\x06"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return "ooxml"
            if _is_opendocument(archive, names):
                return "opendocument"
            return "forms"
    except zipfile.BadZipFile:
        return None


def is_zip_archive(content: bytes) -> bool:
    """A zip of files, as opposed to a document that is a zip (Word, OpenDocument) or not one."""
    return zip_kind(content) == "forms"


def _is_opendocument(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """The package's own marks (ODF 1.2 part 3, 3.3 and 3.2): a stored ``mimetype`` first that
    names an OpenDocument type, or a manifest in the OpenDocument namespace (a re-zipped file
    may have lost the first)."""
    members = archive.infolist()
    first = members[0] if members else None
    if (
        first
        and first.filename == "mimetype"
        and first.compress_type == zipfile.ZIP_STORED
        and _start_of(archive, first, len(OPENDOCUMENT_MIMETYPE)) == OPENDOCUMENT_MIMETYPE
    ):
        return True
    if "META-INF/manifest.xml" in names:
        manifest = archive.getinfo("META-INF/manifest.xml")
        return OPENDOCUMENT_MANIFEST in _start_of(archive, manifest, MANIFEST_READ)
    return False


def _start_of(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int) -> bytes:
    """Up to ``size`` bytes of a member, or none when it is encrypted or cannot be read: a
    zip of forms with such a member is still expanded, and reports it there."""
    if info.flag_bits & 0x1:
        return b""
    try:
        with archive.open(info) as stream:
            return stream.read(size)
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError, zlib.error):
        return b""


def entries_of(name: str, content: bytes) -> list[Entry]:
    """The forms in one uploaded file: itself, or each file in it if it is a zip."""
    name = display_name(name)
    kind = zip_kind(content)
    if len(content) > MAX_FILE_BYTES and kind != "forms":
        return [Entry(name, reason=TOO_LARGE)]
    if kind != "forms":
        if _is_damaged_zip(name, kind, content):
            return [Entry(name, reason="the zip could not be opened: it may be damaged")]
        return [Entry(name, content)]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return list(_expand(name, archive))
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError):
        return [Entry(name, reason="the zip could not be opened: it may be damaged")]


def _expand(zip_name: str, archive: zipfile.ZipFile) -> Iterator[Entry]:
    members = [info for info in archive.infolist() if not _skipped(info)]
    if not members:
        yield Entry(zip_name, reason="the zip holds no files")
        return
    if len(members) > MAX_ENTRIES:
        yield Entry(
            zip_name, reason=f"the zip holds more than {MAX_ENTRIES} files: split it into parts"
        )
        return
    if sum(info.file_size for info in members) > MAX_TOTAL_BYTES:
        limit = MAX_TOTAL_BYTES // (1024 * 1024)
        yield Entry(zip_name, reason=f"the zip unpacks to more than {limit} MB: split it")
        return
    read_so_far = 0
    for info in members:
        name = display_name(info.filename)
        if _leads_outside(info.filename):
            yield Entry(name, reason=OUTSIDE_THE_ZIP)
        elif info.flag_bits & 0x1:
            yield Entry(name, reason=ENCRYPTED_ENTRY)
        elif info.file_size > MAX_FILE_BYTES:
            yield Entry(name, reason=TOO_LARGE)
        else:
            content = _read_at_most(archive, info, MAX_FILE_BYTES)
            read_so_far += len(content or b"")
            if content is None:
                yield Entry(name, reason=TOO_LARGE)  # the zip understated its size
            elif read_so_far > MAX_TOTAL_BYTES:
                yield Entry(name, reason="the zip unpacks to more than it says: not accepted")
                return
            elif _is_zip_inside(name, content):
                yield Entry(name, reason=ZIP_IN_ZIP)
            else:
                yield Entry(name, content)


def _is_zip_inside(name: str, content: bytes) -> bool:
    """A zip of files, or one named .zip too damaged to tell; a document (.docx, .odt) is not."""
    kind = zip_kind(content)
    return kind == "forms" or _is_damaged_zip(name, kind, content)


def _is_damaged_zip(name: str, kind: str | None, content: bytes) -> bool:
    """Named .zip and starting as one, but no zip that opens (``kind`` is ``zip_kind``'s)."""
    return kind is None and name.lower().endswith(".zip") and content[:2] == b"PK"


def entries_of_path(name: str, path: Path) -> list[Entry]:
    """As ``entries_of``, for a file on disk: one too large to be a form or a zip is not read."""
    try:
        if path.stat().st_size > MAX_TOTAL_BYTES:
            return [Entry(display_name(name), reason=TOO_LARGE)]
        content = path.read_bytes()
    except OSError as error:
        return [Entry(display_name(name), reason=f"the file cannot be read ({error.strerror})")]
    return entries_of(name, content)


def _read_at_most(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The entry's bytes, or None if it unpacks to more than ``limit`` (a zip bomb)."""
    with archive.open(info) as stream:
        content = stream.read(limit + 1)
    return None if len(content) > limit else content


def _parts(name: str) -> list[str]:
    return [part for part in name.replace("\\", "/").split("/") if part]


def _skipped(info: zipfile.ZipInfo) -> bool:
    """Folders, hidden files and what operating systems leave behind (__MACOSX, .DS_Store)."""
    if info.is_dir() or info.filename.endswith(("/", "\\")):
        return True
    return any(_is_system_name(part) for part in _parts(info.filename))


def _is_system_name(part: str) -> bool:
    if part in (".", ".."):  # a path, not a hidden file: ``_leads_outside`` reports ".."
        return False
    return part.startswith((".", "~$")) or part.lower() in SYSTEM_FILES


def _leads_outside(name: str) -> bool:
    unified = name.replace("\\", "/")
    return (
        unified.startswith("/")
        or bool(re.match(r"^[A-Za-z]:", unified))
        or ".." in PurePosixPath(unified).parts
    )


def display_name(name: str) -> str:
    """The name as uploaded, fit for a column and a page (never used as a path)."""
    cleaned = "".join(c for c in (name or "") if c.isprintable()).strip() or "unnamed file"
    return cleaned if len(cleaned) <= MAX_NAME_LENGTH else "…" + cleaned[-(MAX_NAME_LENGTH - 1) :]


def files_under(paths: list[Path]) -> Iterator[tuple[str, Path]]:
    """(name to show, path) for each file named or inside a folder named, hidden files left out."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if found.is_file() and not any(_is_system_name(p) for p in relative.parts):
                    yield str(Path(path.name) / relative), found
        else:
            yield str(path), path
