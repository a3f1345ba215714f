"""PDF files: refuse a bad file with a message staff can act on, open it once, pick the reader.

A file cut short or whose cross-reference sections loop is refused before any PDF library sees
it. PDFium then opens the document once (a password-protected or damaged file is refused there,
each with its own message) for the reader: a PDF whose form fields hold answers goes to
``parsers.acroform``, any other PDF (drawn forms, Word forms printed to PDF) to
``parsers.flat_pdf``. A PDF with no text on any page is a scan: its pages are rendered while
PDFium is held and read by OCR after (``parsers.scan``). Telling costs nothing extra, as the flat
reader has just found no text.
"""

from __future__ import annotations

import re
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers import acroform, flat_pdf, scan
from parsers.errors import DamagedFile, EncryptedFile, FileTooLarge, NothingFound
from parsers.model import ReadDocument

MAX_PAGES = 200

_DAMAGED = "the PDF is damaged and cannot be read: ask the sender for a new copy"

# PDFium is not thread-safe: one document at a time per process (web threads, Celery threads).
_PDFIUM = threading.Lock()


def read(data: bytes) -> ReadDocument:
    if b"%%EOF" not in data[-4096:]:
        raise DamagedFile(
            "the PDF is incomplete (it was cut short, perhaps while uploading): "
            "ask the sender for a new copy"
        )
    _check_xref_chain(data)
    with _PDFIUM:
        document, scanned = _read(data)
    if scanned:
        document = scan.read_pages(iter(scanned), kind="scanned-pdf")
    if not document.observations and not document.tables:
        if not document.headings:
            raise NothingFound(
                "no text was found in the PDF, nor read from its pages as a scan: "
                "ask for the form as a filled-in PDF or Word file"
            )
        raise NothingFound("no form answers were found in the PDF")
    return document


def _read(data: bytes) -> tuple[ReadDocument, list]:
    """The document as read from its text, and, for a PDF with no text, its page images."""
    pdf = _open_pages(data)
    scanned = []
    try:
        page_count = len(pdf)
        if page_count > MAX_PAGES:
            raise FileTooLarge(
                f"the PDF has {page_count} pages: Front Door reads forms of up to {MAX_PAGES} pages"
            )
        document = None
        try:
            if pdf.get_formtype() != pdfium_c.FORMTYPE_NONE:
                document = acroform.read(pdf, page_count)
            if document is None:
                document = flat_pdf.read(pdf, page_count)
            if not (document.observations or document.tables or document.headings):
                scanned = scan.render_pdf(pdf, page_count)
        except pdfium.PdfiumError as exc:
            raise DamagedFile(_DAMAGED) from exc
    finally:
        pdf.close()
    return document, scanned


_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_PREV = re.compile(rb"/Prev\s+(\d+)")
MAX_XREF_SECTIONS = 1000  # one per incremental save; real files have a handful


def _check_xref_chain(data: bytes) -> None:
    """Refuse a file whose cross-reference sections (``startxref``, then each ``/Prev``) lead
    back to one already seen: readers that follow the chain would go round it for ever."""
    found = _STARTXREF.findall(data[-1024:])
    offset = int(found[-1]) if found else None
    seen: set[int] = set()
    while offset is not None:
        if offset in seen or len(seen) >= MAX_XREF_SECTIONS:
            raise DamagedFile(
                "the PDF is damaged: its cross-reference sections point back at each other, "
                "so it cannot be read: ask the sender for a new copy"
            )
        seen.add(offset)
        offset = _previous_section(data, offset)


def _previous_section(data: bytes, offset: int) -> int | None:
    """The ``/Prev`` offset in the trailer of the section at ``offset`` (a table with its
    ``trailer``, or a cross-reference stream's dictionary), or None."""
    if offset >= len(data):
        return None
    if data[offset : offset + 64].lstrip().startswith(b"xref"):
        start = data.find(b"trailer", offset)
        end = data.find(b"startxref", start) if start >= 0 else -1
    else:
        start, end = offset, data.find(b"stream", offset)
    if start < 0 or end < 0:
        return None
    found = _PREV.search(data, start, end)
    return int(found.group(1)) if found else None


def _open_pages(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedFile(
                "the PDF is protected by a password: ask the sender for a copy without one"
            ) from exc
        if exc.err_code == pdfium_c.FPDF_ERR_PAGE:
            raise NothingFound("the PDF has no pages") from exc
        raise DamagedFile(_DAMAGED) from exc
