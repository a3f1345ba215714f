"""Parsing speed against the libraries it stands on, measured side by side in one process:
each round runs ours and the baseline back to back, and the ratio of the medians is printed."""

from __future__ import annotations

import gc
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
import pypdf

from parsers import detect_kind, labels, mapping, parse_bytes, readers
from tests.parsers.accuracy import DEV_CORPUS

ROUNDS = 9


def _seconds(action: Callable[[], object]) -> float:
    """One call's time, the garbage of calls before it collected first. python-docx leaves each
    document's XML tree in reference cycles; collected during whichever call next crossed the
    collector's threshold, it was charged to ours or the baseline's by chance (docx 1.27 or 1.60
    from one run to another). A call still pays for collecting its own garbage as it goes."""
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def ratio(ours: Callable[[], object], baseline: Callable[[], object]) -> float:
    ours(), baseline()  # warm caches and imports before timing
    ours_times, baseline_times = [], []
    for _ in range(ROUNDS):
        ours_times.append(_seconds(ours))
        baseline_times.append(_seconds(baseline))
    return statistics.median(ours_times) / statistics.median(baseline_times)


def _pdfplumber_text(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            page.extract_text()


def _pypdf_fields(data: bytes) -> None:
    pypdf.PdfReader(io.BytesIO(data)).get_fields()


def _python_docx_text(data: bytes) -> None:
    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        _ = paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def _four_page_flat_pdf() -> bytes:
    for path in sorted(DEV_CORPUS.glob("*flat-pdf.pdf")):
        data = path.read_bytes()
        if len(pypdf.PdfReader(io.BytesIO(data)).pages) == 4:
            return data
    raise LookupError("no 4-page flat PDF in the dev corpus")


def _parse_cold(data: bytes) -> None:
    """Our full parse as of a form never seen before: no label remembered from earlier runs."""
    labels.clear_caches()
    parse_bytes(data)


def _median_ratio(paths, baseline) -> float:
    ratios = []
    for path in paths:
        data = path.read_bytes()
        ratios.append(ratio(lambda d=data: _parse_cold(d), lambda d=data: baseline(d)))
    return statistics.median(ratios)


def label_matching_ms(paths) -> float:
    """Median milliseconds to give every answer of one form its field (the label model
    included), from cold caches: as for a council's first form of a new layout."""
    labels.warm()
    documents = [readers.read(detect_kind(data), data) for data in map(Path.read_bytes, paths)]
    timings = []
    for document in documents:
        labels.clear_caches()
        timings.append(_seconds(lambda d=document: mapping.to_record(d)) * 1000)
    return statistics.median(timings)


def figures() -> dict[str, float]:
    flat = _four_page_flat_pdf()
    forms = [p for p in sorted(DEV_CORPUS.iterdir()) if not p.name.endswith(".json")]
    return {
        "label_matching_ms_per_form": label_matching_ms(forms),
        "parse_flat_pdf_ratio_to_pdfplumber": ratio(
            lambda: parse_bytes(flat), lambda: _pdfplumber_text(flat)
        ),
        "parse_acroform_ratio_to_pypdf": _median_ratio(
            sorted(DEV_CORPUS.glob("*acroform-pdf.pdf")), _pypdf_fields
        ),
        "parse_docx_ratio_to_python_docx": _median_ratio(
            sorted(DEV_CORPUS.glob("*.docx")), _python_docx_text
        ),
    }


if __name__ == "__main__":
    for name, value in figures().items():
        print(f"{name}: {value:.2f}")
