"""Hostile and broken uploads, each built in code (small and the same every time, no blobs).

``BAD_FILES`` names each one with the name it is uploaded under, its builder (given a folder it
may write to: the CMap pickle) and the words its refusal must say; ``MISNAMED`` holds files
named as the other kind, read by their content. Each bad file is refused by a check or stopped
by a limit within a second or two: the bombs are small on disk and large only when unpacked.
"""

from __future__ import annotations

import gzip
import io
import pickle
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdf

from parsers.docx_package import MAX_ENTRIES
from tests.hostile import old_formats, scan_files

MB = 1024 * 1024
PASSWD_LINE = "root:x:0:0"  # what /etc/passwd starts with: never in any output

# -- PDF ----------------------------------------------------------------------------------------

PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (Child's first name: Luke) Tj ET"


def pdf(objects: list[bytes], root: int = 1, prev_loop: bool = False) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct cross-reference table; with
    ``prev_loop`` its trailer's ``/Prev`` points back at that same table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    prev = b" /Prev %d" % xref if prev_loop else b""
    out.write(b"trailer\n<< /Size %d /Root %d 0 R%s >>\n" % (len(objects) + 1, root, prev))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def one_page_pdf(
    content: bytes = PAGE_TEXT, stream_extra: bytes = b"", font: bytes = b"", prev_loop=False
) -> bytes:
    """Catalog, pages, one page with ``content`` and a font (Helvetica unless ``font``)."""
    font = font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            stream(content, stream_extra),
            font,
        ],
        prev_loop=prev_loop,
    )


def incremental_update(base: bytes) -> bytes:
    """``base`` saved again the way editors do: a new section whose ``/Prev`` is the old one."""
    previous = int(base.rsplit(b"startxref", 1)[1].split()[0])
    body = b"6 0 obj\n<< /Producer (saved again) >>\nendobj\n"
    xref = len(base) + len(body)
    return (
        base
        + body
        + (
            b"xref\n0 1\n0000000000 65535 f \n6 1\n%010d 00000 n \n"
            b"trailer\n<< /Size 7 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(base), previous, xref)
        )
    )


def zeros_deflated(megabytes: int) -> bytes:
    """A zlib stream that inflates to ``megabytes`` MB of zeros, built without ever holding them:
    one fully flushed block of 1 MB of zeros, repeated (each block stands alone)."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = raw.compress(bytes(MB)) + raw.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    adler = ((megabytes * MB) % 65521) << 16 | 1  # adler32 of that many zero bytes
    return b"\x78\xda" + block * megabytes + final + adler.to_bytes(4, "big")


def flate_bomb_pdf() -> bytes:
    """A page whose content stream is deflated twice: 4 GB of zeros from a few KB on disk."""
    inner = zeros_deflated(4096)
    return one_page_pdf(
        zlib.compress(inner, 9), stream_extra=b" /Filter [/FlateDecode /FlateDecode]"
    )


def recursive_pages_pdf() -> bytes:
    """A page tree whose ``/Kids`` holds the tree itself."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        ]
    )


def encrypted_pdf() -> bytes:
    reader = pypdf.PdfReader(io.BytesIO(one_page_pdf()))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _WritesMarker:
    """Unpickling this opens ``path`` for writing: the marker a code-execution bug would leave."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def pickle_cmap_pdf(where: Path) -> bytes:
    """A Type0 font whose ``/Encoding`` names ``where/evil`` (an absolute path, written with
    ``#2F`` for each slash): pdfminer before 20251230 loaded ``<name>.pickle.gz`` from there with
    ``pickle.loads``, which here would create ``where/marker``."""
    target = where / "evil"
    with gzip.open(f"{target}.pickle.gz", "wb") as handle:
        handle.write(pickle.dumps(_WritesMarker(str(where / "marker"))))
    encoded = str(target).replace("/", "#2F").encode()
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Evil /Encoding /" + encoded + b" "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Evil "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>"
    )
    return one_page_pdf(b"BT /F1 12 Tf 72 720 Td <0041> Tj ET", font=font)


# -- Word ---------------------------------------------------------------------------------------

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(text: str = "Child's first name: Luke", prologue: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prologue}'
        f'<w:document xmlns:w="{W_NS.decode()}"><w:body>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def docx(document: bytes | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word document holding ``document`` as its main text, plus ``extra`` parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document or document_xml())
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_zip_bomb() -> bytes:
    """A picture part of 64 MB of zeros, 64 KB on disk."""
    return docx(extra={"word/media/image1.png": bytes(64 * MB)})


def docx_too_many_entries() -> bytes:
    return docx(extra={f"word/media/{n}.xml": b"" for n in range(MAX_ENTRIES + 1)})


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    "<!DOCTYPE w:document [<!ENTITY lol0 'lol'>"
    + "".join(f"<!ENTITY lol{n} '{f'&lol{n - 1};' * 10}'>" for n in range(1, 10))
    + "]>"
)


def docx_external_entity(encoding: str = "utf-8") -> bytes:
    """A DOCTYPE with an external entity to /etc/passwd, used in the text; in UTF-16 the
    ``<!DOCTYPE`` bytes are not there for a plain byte search to find."""
    xml = document_xml("Child's first name: &xxe;", XXE).decode()
    if encoding != "utf-8":
        xml = xml.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    return docx(xml.encode(encoding))


def docx_in(encoding: str, prologue: str = "") -> bytes:
    """The main text written in ``encoding`` (declared so), with an optional DOCTYPE."""
    xml = document_xml("Child's first name: Luke", prologue).decode()
    xml = xml.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    return docx(xml.encode(encoding))


def docx_billion_laughs() -> bytes:
    return docx(document_xml("Child's first name: &lol9;", LAUGHS))


def docx_declared_too_large() -> bytes:
    """A part whose zip directory says it unpacks to 300 MB (read before anything is inflated)."""
    content = docx(extra={"word/media/big.bin": b"x" * 10})
    entry = content.rindex(b"PK\x01\x02")  # the directory entry of the last part written
    size = 300 * MB
    return content[: entry + 24] + size.to_bytes(4, "little") + content[entry + 28 :]


def zip_with_escaping_names() -> bytes:
    """A zip of forms whose names lead out of it: relative, absolute and with backslashes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("../../escaped.docx", docx())
        archive.writestr("/etc/absolute.docx", docx())
        archive.writestr("forms\\..\\..\\windows.docx", docx())
    return buffer.getvalue()


# -- The corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadFile:
    filename: str  # as uploaded
    build: Callable[[Path], bytes]  # given a folder it may write to (the CMap pickle)
    says: str  # words the reason given to the admin must contain


#: every hostile or broken form; each must be refused with its reason, nothing kept of it
BAD_FILES: dict[str, BadFile] = {
    "empty": BadFile("empty.pdf", lambda where: b"", "the file is empty"),
    "one byte": BadFile("one.pdf", lambda where: b"%", "not a PDF or a Word"),
    "truncated pdf": BadFile(
        "truncated.pdf", lambda where: one_page_pdf()[:300], "the PDF is incomplete"
    ),
    "prev loop": BadFile(
        "prev-loop.pdf", lambda where: one_page_pdf(prev_loop=True), "point back at each other"
    ),
    "flate bomb": BadFile("flate-bomb.pdf", lambda where: flate_bomb_pdf(), "compression bomb"),
    "recursive pages": BadFile(
        "recursive-pages.pdf", lambda where: recursive_pages_pdf(), "the PDF is damaged"
    ),
    "encrypted pdf": BadFile("locked.pdf", lambda where: encrypted_pdf(), "password"),
    "pickle cmap": BadFile("cmap.pdf", pickle_cmap_pdf, "no text was found"),
    "docx zip bomb": BadFile("bomb.docx", lambda where: docx_zip_bomb(), "zip bomb"),
    "docx declared too large": BadFile(
        "huge.docx", lambda where: docx_declared_too_large(), "unpacks to more than"
    ),
    "docx too many entries": BadFile(
        "many.docx", lambda where: docx_too_many_entries(), "far more than a Word document"
    ),
    "docx external entity": BadFile(
        "xxe.docx", lambda where: docx_external_entity(), "declares a DTD"
    ),
    "docx external entity utf-16": BadFile(
        "xxe16.docx", lambda where: docx_external_entity("utf-16"), "declares a DTD"
    ),
    "docx utf-7 text": BadFile(
        "utf7.docx", lambda where: docx_in("utf-7", XXE), "text encoding Word does not write"
    ),
    "docx billion laughs": BadFile(
        "laughs.docx", lambda where: docx_billion_laughs(), "declares a DTD"
    ),
    # old formats: converted by LibreOffice under the same limits (tests/hostile/old_formats.py)
    "doc bomb": BadFile("bomb.doc", lambda where: old_formats.doc_with_a_large_table(), "bomb"),
    "doc recursive storage": BadFile(
        "loop.doc",
        lambda where: old_formats.doc_with_recursive_storage(),
        "could not convert this old Word document",
    ),
    "rtf nesting bomb": BadFile(
        "nesting.rtf",
        lambda where: old_formats.rtf_nesting_bomb(),
        "could not convert this RTF document",
    ),
    "rtf embedded objects": BadFile(
        "objects.rtf", lambda where: old_formats.rtf_with_embedded_objects(), "embedded object"
    ),
    "odt table bomb": BadFile(
        "table.odt",
        lambda where: old_formats.odt_table_bomb(),
        "could not convert this OpenDocument text",
    ),
    # scans: refused from their headers, before any pixel is decoded (tests/hostile/scan_files.py)
    "png decompression bomb": BadFile(
        "bomb.png", lambda where: scan_files.png_bomb(), "million pixels a page"
    ),
    "tiff of 10,000 pages": BadFile(
        "pages.tiff", lambda where: scan_files.many_page_tiff(), "more than 20 pages"
    ),
}

#: files whose name says one kind and whose content is the other: read by content
MISNAMED: dict[str, Callable[[], tuple[str, bytes, str]]] = {
    "docx named pdf": lambda: ("form.pdf", docx(), "docx"),
    "pdf named docx": lambda: ("form.docx", one_page_pdf(), "flat-pdf"),
    "doc named docx": lambda: ("form.docx", old_formats.doc(), "doc"),
    "rtf named pdf": lambda: ("form.pdf", old_formats.rtf(b""), "rtf"),
}
