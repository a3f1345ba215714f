"""``make bench``: figures as ``name: value`` lines. Timings are medians of repeated runs."""

import json
import statistics
import subprocess
import sys
import time

from record import load_record
from service.documents.render import render_docx
from tests import (
    bench_imports,
    bench_old_formats,
    bench_pdf,
    bench_render,
    bench_scans,
    bench_search,
)
from tests.support.app import EXAMPLE_RECORD

RUNS = 30


def median_ms(action) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _parsing_as_the_reading_process_reads() -> None:
    """The parse figures (``tests.bench_parsing``) from a fresh interpreter that holds the readers
    only, as the process uploads are read in does (parsers/forkserver.py): this one has loaded
    the web app to render documents, and with Flask, SQLAlchemy and Celery in memory beside
    them the same parses take about a tenth longer (32.5 against 36.3 ms for the AcroForm forms
    of the dev corpus)."""
    sys.stdout.flush()
    subprocess.run([sys.executable, "-m", "tests.bench_parsing"], check=True)


def main() -> None:
    record = load_record(json.loads(EXAMPLE_RECORD.read_text()))
    as_json = record.model_dump(mode="json")
    print(f"record_load_ms: {median_ms(lambda: load_record(as_json)):.3f}")
    letter_ms = median_ms(lambda: render_docx("referral_letter", record))
    print(f"referral_letter_docx_ms: {letter_ms:.1f}")
    bench_render.main()  # render_ratio_to_docxtpl
    _parsing_as_the_reading_process_reads()
    bench_imports.main()  # import_docs_per_second_1_worker / _2_workers
    bench_pdf.main()  # pdf_warm_seconds_per_doc, pdf_cold_seconds_per_doc
    bench_old_formats.main()  # parse_doc_seconds_per_file
    bench_scans.main()  # parse_scan_seconds_per_page
    bench_search.main()  # referral_list_search_ms_10k, dashboard_ms_10k_referrals


if __name__ == "__main__":
    main()
