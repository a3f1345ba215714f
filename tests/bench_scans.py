"""Scan figure for ``make bench``: seconds to read one page of a scanned form (200 dpi, turned 1°:
``tests.parsers.scans``), OCR included, over a scanned TIFF and a scanned PDF of each family."""

import time

import pypdfium2 as pdfium

from parsers import parse_file
from tests.parsers import scans

FORMS = (
    "dev-15-acroform-pdf-scan-pdf.pdf",
    "dev-21-flat-pdf-scan-image.tiff",
    "dev-24-word-printed-pdf-scan-pdf.pdf",
)


def seconds_per_page() -> float:
    folder = scans.build()
    parse_file(folder / FORMS[0])  # imports and the OCR model's first load: not a page's cost
    pages, took = 0, 0.0
    for name in FORMS:
        source = scans.DEV_CORPUS / (name.split("-scan-")[0] + ".pdf")
        pages += len(pdfium.PdfDocument(source))
        started = time.perf_counter()
        parse_file(folder / name)
        took += time.perf_counter() - started
    return took / pages


def main() -> None:
    print(f"parse_scan_seconds_per_page: {seconds_per_page():.2f}")


if __name__ == "__main__":
    main()
