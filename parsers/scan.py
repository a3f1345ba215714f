"""Scanned forms (kinds "scanned-image" and "scanned-pdf"): PNG, TIFF and JPEG scans, and PDFs
that are only pictures of pages.

Each page becomes a greyscale image at 150–300 dpi, is read by OCR into the structures of a
printed page (``parsers.scan_page``) and then by the flat-PDF reader's layout reading, so a scan
of a form reads as the form itself would. An image's size is checked before it is decoded (a
small file can declare a picture of billions of pixels) and a multi-page TIFF's pages are
counted only up to the limit, never all of them.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps, UnidentifiedImageError

from parsers import flat_pdf, ocr, scan_page
from parsers.errors import DamagedFile, FileTooLarge
from parsers.model import ReadDocument

MAX_PAGES = 20  # each page costs seconds of OCR; a scanned form has a handful
MAX_PIXELS = 50_000_000  # per page: A4 at 600 dpi is 35 million
FORMATS = ("PNG", "TIFF", "JPEG")
LOW_DPI, HIGH_DPI = 150, 300  # OCR reads best from 200–300 dpi; finer only costs time
_A4_LONG_INCHES = 11.69

_DAMAGED = "the image is damaged and cannot be read: ask the sender for a new scan"


def read_image(data: bytes) -> ReadDocument:
    """A PNG, TIFF or JPEG scan of a form, one page per frame."""
    return read_pages(_image_pages(data), kind="scanned-image")


def read_pages(pages: Iterator[tuple[Image.Image, float]], kind: str) -> ReadDocument:
    """The form on page images, each given with its resolution (dpi)."""
    prepared = [scan_page.prepare(image, dpi, n) for n, (image, dpi) in enumerate(pages, 1)]
    words = ocr.pages([p.for_ocr for p in prepared])
    read = [scan_page.finish(p, w) for p, w in zip(prepared, words, strict=True)]
    return flat_pdf.read_pages(read, kind=kind)  # labels in plain type: pdf_plain_labels


# Images


def _image_pages(data: bytes) -> Iterator[tuple[Image.Image, float]]:
    image = _open(data)
    count = _frame_count(image)
    for index in range(count):
        try:
            image.seek(index)
            yield _page(image)
        except (OSError, EOFError, ValueError, SyntaxError) as exc:
            raise DamagedFile(_DAMAGED) from exc


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels() from exc
    except (UnidentifiedImageError, OSError, EOFError, ValueError, SyntaxError) as exc:
        raise DamagedFile(_DAMAGED) from exc


def _frame_count(image: Image.Image) -> int:
    """How many pages the image holds, found by stepping through at most ``MAX_PAGES`` + 1 of
    them: a TIFF of ten thousand pages is refused after a handful of seeks."""
    count = 1
    try:
        while count <= MAX_PAGES:
            image.seek(count)
            count += 1
    except EOFError:
        return count
    except (OSError, ValueError, SyntaxError) as exc:
        raise DamagedFile(_DAMAGED) from exc
    raise FileTooLarge(
        f"the scan has more than {MAX_PAGES} pages: Front Door reads scanned forms of up to "
        f"{MAX_PAGES} pages"
    )


def _page(frame: Image.Image) -> tuple[Image.Image, float]:
    """One frame as a greyscale image at 150–300 dpi, its size checked before decoding."""
    width, height = frame.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()
    dpi = _dpi(frame)
    frame.load()
    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        white = Image.new("RGBA", frame.size, "white")
        frame = Image.alpha_composite(white, frame.convert("RGBA"))
    gray = ImageOps.exif_transpose(frame).convert("L")
    target = min(max(dpi, LOW_DPI), HIGH_DPI)
    if abs(target - dpi) > 1:
        size = (round(gray.width * target / dpi), round(gray.height * target / dpi))
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    return gray, target


def _dpi(frame: Image.Image) -> float:
    """The resolution the scan says it has, or the one that makes its long side an A4 page."""
    found = frame.info.get("dpi")
    try:
        dpi = float(found[0]) if found else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if 70 <= dpi <= 1200:
        return dpi
    return max(frame.size) / _A4_LONG_INCHES


def _too_many_pixels() -> FileTooLarge:
    return FileTooLarge(
        f"the image has more than {MAX_PIXELS // 1_000_000} million pixels a page: "
        "scan it again at 300 dpi"
    )


# PDFs of page images


def render_pdf(pdf: pdfium.PdfDocument, page_count: int) -> list[tuple[Image.Image, float]]:
    """Each page of a PDF with no text as a greyscale image, at the resolution of the picture
    on it (within 150–300 dpi; 300 for a page drawn without one)."""
    if page_count > MAX_PAGES:
        raise FileTooLarge(
            f"the scanned PDF has {page_count} pages: Front Door reads scanned forms of up to "
            f"{MAX_PAGES} pages"
        )
    pages = []
    for index in range(page_count):
        page = pdf[index]
        try:
            width, height = page.get_size()
            dpi = min(max(_picture_dpi(page), LOW_DPI), HIGH_DPI)
            room = math.sqrt(MAX_PIXELS / max(width * height / 72 / 72, 1e-6))
            dpi = min(dpi, room)
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            pages.append((bitmap.to_pil().convert("L"), dpi))
        finally:
            page.close()
    return pages


def _picture_dpi(page: pdfium.PdfPage) -> float:
    """The resolution of the largest picture on the page, or 300 when there is none."""
    best, dpi = 0.0, float(HIGH_DPI)
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if right - left < 72:
            continue
        px_width, _ = obj.get_px_size()
        if right - left > best:
            best, dpi = right - left, px_width / ((right - left) / 72)
    return dpi
