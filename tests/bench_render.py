"""Rendering a letter against a bare docxtpl render, measured side by side in one process: each
round renders the example record's referral letter both ways, back to back, with the same
template and context, and the ratio of the medians is printed.

    .venv/bin/python -m tests.bench_render
"""

import io
import json
import statistics
import time
from collections.abc import Callable

from docxtpl import DocxTemplate

from record import load_record
from service.documents.render import (
    _environment,
    document_context,
    render_template,
    shipped_source,
    template_path,
)
from tests.support.app import EXAMPLE_RECORD

RUNS = 41


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def figures() -> dict[str, float]:
    record = load_record(json.loads(EXAMPLE_RECORD.read_text()))
    context = document_context(record)
    path = template_path("referral_letter", record)
    # docxtpl needs the filters the templates use (long_date, answer...): the same sandbox,
    # made once, as the compiled template's is
    environment = _environment()

    def ours() -> None:  # as render_docx: read the shipped template, render it
        render_template(shipped_source(path.name), context)

    def bare_docxtpl() -> None:
        template = DocxTemplate(path)
        template.render(context, jinja_env=environment, autoescape=True)
        template.save(io.BytesIO())

    ours(), bare_docxtpl()  # compile once (per template version), warm imports and caches
    ours_times, docxtpl_times = [], []
    for run in range(RUNS):
        first, second = (ours, bare_docxtpl) if run % 2 else (bare_docxtpl, ours)
        timings = {first: _seconds(first), second: _seconds(second)}
        ours_times.append(timings[ours])
        docxtpl_times.append(timings[bare_docxtpl])
    return {
        "render_ratio_to_docxtpl": statistics.median(ours_times) / statistics.median(docxtpl_times)
    }


def main() -> None:
    for name, value in figures().items():
        print(f"{name}: {value:.2f}")


if __name__ == "__main__":
    main()
