"""Hostile old-format forms (.doc, .rtf, .odt): files LibreOffice would choke on, for the reader
to refuse without harm.

The RTF and OpenDocument files are built in code, small on disk and large only once LibreOffice
unpacks them. A .doc cannot be written without an office suite, so those start from a form
LibreOffice's own command line saves as .doc (made once per test run, in a temporary folder,
never committed), then are broken in code or made heavy.
"""

from __future__ import annotations

import functools
import io
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

from tests.support.libreoffice import libreoffice_or_skip

RTF_START = b"{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\nChild's first name: Luke\\par\n"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def rtf(body: bytes) -> bytes:
    """An RTF form that says the child's first name is Luke, then ``body``."""
    return RTF_START + body + b"}"


def rtf_nesting_bomb() -> bytes:
    """200,000 groups inside each other: 400 KB on disk, over half a gigabyte in LibreOffice.
    (Every upload of these files stays under 500 KB, which the test client holds in memory.)"""
    return rtf(b"{" * 200_000 + b"x" + b"}" * 200_000)


def png_bomb(side: int = 30_000) -> bytes:
    """A grey PNG ``side`` pixels square, all black: 900 MB of pixels from under 1 MB."""
    packer = zlib.compressobj(9)
    row = bytes(side + 1)  # filter byte, then the pixels
    pixels = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _ole1_embedded(class_name: bytes, native: bytes) -> bytes:
    """An OLE 1.0 embedded object as RTF's ``\\objdata`` carries it (MS-OLEDS 2.2.4)."""

    def text(value: bytes) -> bytes:
        return struct.pack("<I", len(value) + 1) + value + b"\0"

    return (
        struct.pack("<II", 0x0501, 2)
        + text(class_name)
        + text(b"")
        + text(b"")
        + struct.pack("<I", len(native))
        + native
    )


def rtf_with_embedded_objects() -> bytes:
    """An embedded OLE object (a Word document's storage, as Office exploits carry them) and
    a picture of 12,000 by 12,000 pixels."""
    native = doc()
    embedded = (
        b"{\\object\\objemb\\objw1000\\objh1000{\\*\\objclass Word.Document.8}{\\*\\objdata "
        + _ole1_embedded(b"Word.Document.8", native).hex().encode()
        + b"}}\\par\n"
    )
    picture = (
        b"{\\pict\\pngblip\\picw12000\\pich12000\\picwgoal9000\\pichgoal9000 "
        + png_bomb(12_000).hex().encode()
        + b"}\\par\n"
    )
    return rtf(embedded + picture)


def rtf_including_a_local_file(path: str = "/etc/passwd") -> bytes:
    """Fields that would pull ``path`` into the text and a picture from the network."""
    return rtf(
        b'{\\field{\\*\\fldinst INCLUDETEXT "%s"}{\\fldrslt placeholder}}\\par\n'
        b'{\\field{\\*\\fldinst INCLUDEPICTURE "http://127.0.0.1:9/p.png" \\\\d}{\\fldrslt p}}'
        b"\\par\n" % path.encode()
    )


def odt_table_bomb(rows: int = 8000, columns: int = 40) -> bytes:
    """A table of 320,000 cells in a 70 KB zip: minutes and most of a gigabyte in LibreOffice."""
    row = (
        "<table:table-row>"
        + "<table:table-cell><text:p>x</text:p></table:table-cell>" * columns
        + "</table:table-row>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{ODF_OFFICE}" xmlns:text="{ODF_TEXT}" xmlns:table="{ODF_TABLE}" '
        'office:version="1.3"><office:body><office:text>'
        '<text:p>Child\'s first name: Luke</text:p><table:table table:name="t">'
        f'<table:table-column table:number-columns-repeated="{columns}"/>'
        + row * rows
        + "</table:table></office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        mimetype = "application/vnd.oasis.opendocument.text"
        package.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        package.writestr("content.xml", content)
        package.writestr("META-INF/manifest.xml", MANIFEST)
    return buffer.getvalue()


@functools.cache
def saved_as(kind: str, source: bytes, suffix: str = "rtf") -> bytes:
    """``source`` saved as ``kind`` by LibreOffice's command line (a fresh one, not the
    converter under test); skipped without LibreOffice, failed under CI."""
    libreoffice_or_skip()
    folder = Path(tempfile.mkdtemp(prefix="frontdoor-test-"))
    try:
        (folder / f"form.{suffix}").write_bytes(source)
        subprocess.run(
            [
                shutil.which("soffice"),
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                kind,
                "--outdir",
                str(folder / "out"),
                str(folder / f"form.{suffix}"),
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
        return (folder / "out" / f"form.{kind}").read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def doc() -> bytes:
    """A one-line old Word form: the child's first name is Luke."""
    return saved_as("doc", rtf(b""))


def doc_with_recursive_storage() -> bytes:
    """The .doc whose storage's root names itself as its first child: a loop for any reader
    that walks the storage tree."""
    broken = bytearray(doc())
    sector = 1 << struct.unpack_from("<H", broken, 30)[0]
    root = (struct.unpack_from("<I", broken, 48)[0] + 1) * sector  # the first directory entry
    struct.pack_into("<I", broken, root + 76, 0)  # its child: entry 0, the root itself
    return bytes(broken)


def doc_with_a_large_table(rows: int = 3000, columns: int = 40) -> bytes:
    """A .doc holding a table of ``rows`` × ``columns`` cells: seconds of LibreOffice's time."""
    widths = b"".join(b"\\cellx%d" % (200 * (column + 1)) for column in range(columns))
    row = b"\\trowd" + widths + b"x\\cell" * columns + b"\\row\n"
    return saved_as("doc", rtf(row * rows))
