"""``parse_doc_seconds_per_file`` for ``make bench``: the dev corpus's Word forms saved as old
Word (.doc), each parsed as a worker parses it once its LibreOffice is warm (converted to DOCX,
then read as Word); the median seconds per file."""

import statistics
import tempfile
import time
from pathlib import Path

from parsers import labels, parse_bytes
from tests.parsers import old_format_corpus

ROUNDS = 3


def _seconds(content: bytes) -> float:
    labels.clear_caches()  # as a form never seen before
    started = time.perf_counter()
    parse_bytes(content)
    return time.perf_counter() - started


def seconds_per_doc() -> float:
    with tempfile.TemporaryDirectory(prefix="frontdoor-bench-") as folder:
        forms = [
            path.read_bytes()
            for path in sorted(old_format_corpus.build("doc", Path(folder)).glob("*.doc"))
        ]
    parse_bytes(forms[0])  # the one start-up a worker pays
    return statistics.median(_seconds(form) for _ in range(ROUNDS) for form in forms)


def main() -> None:
    print(f"parse_doc_seconds_per_file: {seconds_per_doc():.3f}")
