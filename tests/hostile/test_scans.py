"""Scans read as a worker reads them (in the rlimited child process): a real scan is read, the
hostile ones are refused at once and leave the reader ready for the next file, and a scan that
runs out of time takes its Tesseract down with it."""

from __future__ import annotations

import io
import os
import tempfile
import time
from pathlib import Path

import pytest

from parsers import isolation
from parsers.errors import FileTooLarge, ReadTooLong
from parsers.isolation import Limits
from tests.hostile.scan_files import many_page_tiff, png_bomb
from tests.parsers import scans
from tests.parsers.accuracy import DEV_CORPUS

SCAN_LIMITS = Limits(cpu_seconds=20, memory_mb=512, wall_seconds=60)


def _scan(pdf: str = "dev-21-flat-pdf.pdf") -> bytes:
    pages = list(scans.pages(DEV_CORPUS / pdf))
    out = io.BytesIO()
    pages[0].save(out, "TIFF", dpi=(scans.DPI, scans.DPI), save_all=True, append_images=pages[1:])
    return out.getvalue()


def _orphaned_tesseracts() -> list[int]:
    """Tesseract processes still running (killed ones may wait, dead, for a parent to reap
    them) whose process group's leader (the reading child) is gone."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            name, state = (
                stat[stat.index("(") + 1 : stat.rindex(")")],
                stat.split(")")[-1].split()[0],
            )
            if name != "tesseract" or state == "Z":
                continue
            group = os.getpgid(int(entry.name))
        except (OSError, ProcessLookupError):
            continue
        if not Path(f"/proc/{group}").exists():
            found.append(int(entry.name))
    return found


def _temporary_files() -> set[Path]:
    """Page images or OCR output in the temporary folder (where an OCR wrapper would put them)."""
    return {
        path
        for path in Path(tempfile.gettempdir()).iterdir()
        if path.name.startswith("tess") or path.suffix in (".png", ".pgm", ".tif", ".tsv")
    }


def test_a_scan_is_read_in_the_isolated_reader():
    result = isolation.parse_bytes(_scan(), SCAN_LIMITS)
    assert result.kind == "scanned-image"
    assert result.record["child"]["first_name"] == "Billy"


@pytest.mark.parametrize(
    ("build", "says"),
    [(png_bomb, "million pixels a page"), (many_page_tiff, "more than 20 pages")],
    ids=["png decompression bomb", "tiff of 10,000 pages"],
)
def test_a_hostile_scan_is_refused_within_a_second_and_the_reader_reads_the_next_file(
    build, says, limits, robustness
):
    content = build()
    started = time.monotonic()
    with pytest.raises(FileTooLarge) as refused:
        isolation.parse_bytes(content, limits)
    took = time.monotonic() - started
    robustness.bad_input(f"{says} (isolated read)", rejected=says in str(refused.value))
    assert says in str(refused.value)
    assert took < 2.0, f"took {took:.1f}s"
    assert isolation.parse_bytes(_scan(), SCAN_LIMITS).record["child"]["last_name"] == "Evans"


def test_a_scan_that_runs_out_of_time_is_stopped_with_its_tesseract_and_leaves_no_pages_behind():
    before = _temporary_files()
    with pytest.raises(ReadTooLong):
        isolation.parse_bytes(_scan("dev-19-flat-pdf.pdf"), Limits(20, 512, wall_seconds=2.5))
    time.sleep(0.5)
    assert _orphaned_tesseracts() == []
    assert _temporary_files() <= before, "no page image of a form is left on disk"
    assert isolation.parse_bytes(_scan(), SCAN_LIMITS).record["child"]["first_name"] == "Billy"
