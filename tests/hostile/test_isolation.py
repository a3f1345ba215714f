"""The reading process: each limit stops a read that breaks it, with its own reason, and the
next form is read as usual.

Faults are injected by naming a broken reader (``tests.hostile.faults``) that the real reading
process runs in place of the real one; the limits, signals and pipes are the real ones."""

import os
import signal
import time

import pytest

from parsers import isolation
from parsers.errors import ReaderStopped, ReadTooLarge, ReadTooLong
from parsers.isolation import Limits
from tests.hostile.corpus import docx

FAULTS = {
    "reader spins (CPU limit)": ("spin", Limits(cpu_seconds=1, wall_seconds=10), ReadTooLong),
    "reader hangs (wall-clock limit)": ("sleep", Limits(wall_seconds=1), ReadTooLong),
    "reader hoards memory (memory limit)": ("hoard", Limits(memory_mb=64), ReadTooLarge),
    "reader crashes (SIGSEGV)": ("crash", Limits(), ReaderStopped),
    "reader floods its answer": ("flood", Limits(), ReaderStopped),
    "reading server killed": ("exit_server", Limits(wall_seconds=2), ReaderStopped),
}


def read_a_good_form() -> bool:
    return isolation.parse_bytes(docx()).record["child"]["first_name"] == "Luke"


@pytest.mark.parametrize("name", FAULTS)
def test_a_read_that_breaks_a_limit_is_stopped_and_the_next_form_is_read(name, robustness):
    reader, limits, refusal = FAULTS[name]
    started = time.monotonic()
    with pytest.raises(refusal) as stopped:
        isolation.parse_bytes(b"%PDF-1.7 a form", limits, reader=f"tests.hostile.faults:{reader}")
    took = time.monotonic() - started
    survived = read_a_good_form()
    robustness.fault(name, survived=survived and took < 8)
    assert survived and took < 8, took  # a new reading process starts in under a second
    assert str(stopped.value) in (isolation.TOO_LONG, isolation.TOO_MUCH_MEMORY, isolation.STOPPED)


def test_the_reason_names_the_limit_that_was_broken():
    assert "took too long" in isolation.TOO_LONG
    assert "more memory than allowed" in isolation.TOO_MUCH_MEMORY
    assert "compression bomb" in isolation.TOO_MUCH_MEMORY
    assert "stopped unexpectedly" in isolation.STOPPED


def test_a_reader_bug_is_reported_by_its_type_only(robustness):
    with pytest.raises(isolation.UnexpectedReaderError) as failed:
        isolation.parse_bytes(b"%PDF-1.7 a form", reader="tests.hostile.faults:bug")
    robustness.fault("reader raises a bug", survived="Luke" not in str(failed.value))
    assert str(failed.value) == "the reader failed unexpectedly (KeyError)"


def test_the_reading_process_holds_none_of_front_doors_settings(monkeypatch):
    monkeypatch.setenv("FRONTDOOR_SECRET_KEY", "not for the reader")
    monkeypatch.setenv("FRONTDOOR_DATABASE_URL", "postgresql://secret@db/frontdoor")
    result = isolation.parse_bytes(b"%PDF-1.7", reader="tests.hostile.faults:secrets")
    assert result.record == {}


def test_limits_come_from_the_settings():
    limits = Limits.from_settings(
        {"PARSE_CPU_SECONDS": "7", "PARSE_MEMORY_MB": 300, "PARSE_WALL_SECONDS": "12.5"}
    )
    assert limits == Limits(cpu_seconds=7, memory_mb=300, wall_seconds=12.5)
    assert Limits.from_settings({}) == Limits()


def test_a_reading_process_that_died_between_reads_is_replaced(robustness):
    assert read_a_good_form()
    server = isolation._Server._running[(os.getpid(), isolation.DEFAULT_READER)]
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait()
    survived = read_a_good_form()
    robustness.fault("reading server killed between reads", survived=survived)
    assert survived
