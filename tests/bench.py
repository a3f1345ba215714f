"""``make bench``: figures as ``name: value`` lines. Timings are medians of repeated runs."""

import json
import statistics
import time

from record import load_record
from service.documents import render_docx
from tests import (
    bench_imports,
    bench_old_formats,
    bench_parsing,
    bench_pdf,
    bench_render,
    bench_scans,
)
from tests.conftest import EXAMPLE_RECORD

RUNS = 30


def median_ms(action) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    record = load_record(json.loads(EXAMPLE_RECORD.read_text()))
    as_json = record.model_dump(mode="json")
    print(f"record_load_ms: {median_ms(lambda: load_record(as_json)):.3f}")
    letter_ms = median_ms(lambda: render_docx("referral_letter", record))
    print(f"referral_letter_docx_ms: {letter_ms:.1f}")
    bench_render.main()  # render_ratio_to_docxtpl
    for name, value in bench_parsing.figures().items():
        print(f"{name}: {value:.2f}")
    bench_imports.main()  # import_docs_per_second_1_worker / _2_workers
    bench_pdf.main()  # pdf_warm_seconds_per_doc, pdf_cold_seconds_per_doc
    bench_old_formats.main()  # parse_doc_seconds_per_file
    bench_scans.main()  # parse_scan_seconds_per_page


if __name__ == "__main__":
    main()
