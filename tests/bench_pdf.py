"""PDF figures for ``make bench``: the warm converter beside a fresh ``soffice`` per document,
measured in turns in one run."""

import json
import shutil
import statistics
import time

from record import load_record
from service.documents.pdf import PdfConverter, convert_once
from service.documents.render import render_docx
from tests.support.app import EXAMPLE_RECORD

WARM_DOCUMENTS = 20
COLD_DOCUMENTS = 3


def _seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def seconds_per_document() -> tuple[float, float]:
    """(median seconds a letter through the warm converter, the same with a fresh soffice)."""
    soffice = shutil.which("soffice") or "soffice"
    letter = render_docx("referral_letter", load_record(json.loads(EXAMPLE_RECORD.read_text())))
    warm, cold = [], []
    with PdfConverter(soffice=soffice) as converter:
        converter.convert(letter)  # the one start-up a worker pays
        for number in range(WARM_DOCUMENTS):
            warm.append(_seconds(lambda: converter.convert(letter)))
            if number % (WARM_DOCUMENTS // COLD_DOCUMENTS) == 0 and len(cold) < COLD_DOCUMENTS:
                cold.append(_seconds(lambda: convert_once(letter, soffice)))
    return statistics.median(warm), statistics.median(cold)


def main() -> None:
    warm, cold = seconds_per_document()
    print(f"pdf_warm_seconds_per_doc: {warm:.3f}")
    print(f"pdf_cold_seconds_per_doc: {cold:.3f}")


if __name__ == "__main__":
    main()
