"""The process uploaded files are read in: ``python -m parsers.forkserver [module:reader]``.

Started once per worker process by ``parsers.isolation``, from a fresh interpreter with none of
Front Door's settings (no database address, no secret key: nothing worth stealing). It imports
the readers once and forks a spare child, which waits. Each request (length-prefixed frames on
stdin: the limits as JSON, then the file) goes to the spare, which sets its limits, reads the
file, writes its answer as JSON on a pipe and exits; the server enforces the wall-clock limit,
turns a death by signal into a reason, writes one answer frame on stdout, and only then reaps
that child and forks the next spare, while the worker is busy storing the answer. Every file
gets a fresh child of the same pristine process, so nothing of one file reaches the next; the
worker itself is never forked, so its memory is never shared with a child. An old Word, RTF or
OpenDocument file is first converted to DOCX by the server's own LibreOffice, kept warm between
files and held to the file's limits (``parsers.old_formats``); the child is given both.

Answers are JSON, never pickle: a child taken over by a hostile file can only send text.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import importlib
import importlib.util
import json
import logging
import os
import resource
import select
import signal
import sys
import time
import warnings

import parsers
from libreoffice.client import Limits
from parsers import docx_form, labels, mapping, old_formats, pdf, readers  # noqa: F401 - before any fork
from parsers.errors import (
    DamagedFile,
    ParseError,
    ReaderStopped,
    ReadTooLarge,
    ReadTooLong,
)
from parsers.frames import (
    MAX_ANSWER_BYTES,
    READY,
    STOPPED,
    TOO_LONG,
    TOO_MUCH_MEMORY,
    read_frame,
    write_frame,
)

_PAGE = os.sysconf("SC_PAGE_SIZE")


# The server


def main(argv: list[str]) -> None:
    reader = _reader(argv[1]) if len(argv) > 1 else parsers.parse_bytes
    requests, answers = 0, os.dup(1)
    os.dup2(2, 1)  # stray output from a library must not corrupt the answers
    labels.warm()  # the label model and its phrases, loaded once and shared with every child
    gc.collect()
    gc.freeze()  # what is loaded now is shared with every child, never scanned again
    spare = Spare(reader)
    write_frame(answers, READY)
    while True:
        header = read_frame(requests, 1024)
        data = read_frame(requests, parsers.MAX_FILE_BYTES) if header is not None else None
        if data is None:  # the worker is gone
            spare.discard()
            return
        header, docx, refusal = _convert_ahead(header, data)
        if refusal is not None:  # no child needed: the spare waits on for the next file
            try:
                write_frame(answers, refusal)
            except OSError:
                return
            continue
        try:
            write_frame(answers, spare.read(header, data, docx))
        except OSError:  # the worker died while its file was read
            return
        finally:
            spare.reap()
        spare = Spare(reader)  # forked while the worker stores the answer, not while it waits


def _convert_ahead(header: bytes, data: bytes) -> tuple[bytes, bytes, bytes | None]:
    """An old-format file (.doc, .rtf, .odt) converted to DOCX here, where LibreOffice stays warm
    (``parsers.old_formats``), within the file's limits; the child has the wall-clock time left.
    Returns the header for the child, the DOCX (empty for other files) and, when the conversion
    failed, the answer saying why."""
    limits = json.loads(header)
    allowed = Limits(int(limits["cpu_seconds"]), int(limits["memory_mb"]))
    try:
        docx, took = old_formats.convert_ahead(data, allowed, float(limits["wall_seconds"]))
    except ParseError as refused:
        return header, b"", _error(type(refused), str(refused))
    if docx is None:
        return header, b"", None
    limits["wall_seconds"] = max(0.0, float(limits["wall_seconds"]) - took)
    return json.dumps(limits).encode(), docx, None


def _reader(name: str):
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


class Spare:
    """A child forked ahead of need from the pristine server, waiting for its one file."""

    def __init__(self, reader):
        self.baseline = _resident_bytes()
        child_in, self.requests = os.pipe()
        self.answers, child_out = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            _child(reader, child_in, child_out)
        with contextlib.suppress(OSError):  # the child leads its own process group (see _child)
            os.setpgid(self.pid, self.pid)
        os.close(child_in)
        os.close(child_out)
        self.status = self.usage = None
        self.deadline = 0.0  # set when the child is given its file

    def read(self, header: bytes, data: bytes, docx: bytes = b"") -> bytes:
        """Hand the child its file (and the DOCX made of an old-format one); its answer as JSON,
        or why it gave none."""
        limits = json.loads(header)
        try:
            write_frame(self.requests, header)
            write_frame(self.requests, data)
            write_frame(self.requests, docx)
        except OSError:
            pass  # it died before reading its file: reported below
        finally:
            os.close(self.requests)
        self.deadline = time.monotonic() + float(limits["wall_seconds"])
        try:
            answer, timed_out = _collect(self.answers, self.pid, self.deadline)
        finally:
            os.close(self.answers)
        if timed_out:
            self.reap()
            return _error(ReadTooLong, TOO_LONG)
        if answer:
            return answer  # it is exiting; reaped once the answer is on its way
        self.reap()
        if os.WIFSIGNALED(self.status):
            return _died(os.WTERMSIG(self.status), self.usage, self.baseline, limits)
        return _error(ReaderStopped, STOPPED)

    def reap(self) -> None:
        """Wait for the child to exit; one still there at its deadline is killed (a child that
        closed its pipe and went on is as suspect as one that never answered). Then whatever it
        started (Tesseract, for a scan) and left running goes too: its process group."""
        while self.status is None:
            # Exited, but not reaped yet: its pid and group are still its own to kill.
            done = os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            if done is None and time.monotonic() < self.deadline:
                time.sleep(0.0005)
                continue
            _kill(self.pid)
            _, self.status, self.usage = os.wait4(self.pid, 0)

    def discard(self) -> None:
        _kill(self.pid)
        os.wait4(self.pid, 0)


def _died(signal_number: int, usage, baseline: int, limits: dict) -> bytes:
    cpu = usage.ru_utime + usage.ru_stime  # counted in ticks: a little under the limit
    if signal_number == signal.SIGXCPU or (
        signal_number == signal.SIGKILL and cpu >= 0.9 * limits["cpu_seconds"]
    ):
        return _error(ReadTooLong, TOO_LONG)
    if usage.ru_maxrss * 1024 - baseline >= 0.75 * limits["memory_mb"] * 1024 * 1024:
        return _error(ReadTooLarge, TOO_MUCH_MEMORY)  # a C library gave up when memory ran out
    return _error(ReaderStopped, STOPPED)


def _error(kind: type[ParseError], message: str) -> bytes:
    return json.dumps({"error": kind.__name__, "message": message}).encode()


# The child


def _child(reader, requests: int, out: int) -> None:
    """Wait for the file, set the limits, read it, write the answer, exit at once (``os._exit``:
    never back into the server's loop). Every other descriptor is closed first: the child can
    neither read the next request nor write an answer for another file."""
    code = 0
    os.setpgid(0, 0)  # a group of its own: the server kills it with all it starts (Tesseract)
    gc.disable()  # a collection would touch (and so copy) every page shared with the server
    faulthandler.disable()  # a crash is reported by the server, not dumped on stderr
    logging.disable(logging.CRITICAL)  # a library's warning could quote the form
    warnings.simplefilter("ignore")
    try:
        for fd in map(int, os.listdir("/proc/self/fd")):
            if fd not in (requests, out, 1, 2):
                with contextlib.suppress(OSError):
                    os.close(fd)
        header = read_frame(requests, 1024)
        data = read_frame(requests, parsers.MAX_FILE_BYTES) if header is not None else None
        docx = read_frame(requests, old_formats.MAX_DOCX_BYTES) if data is not None else None
        if docx is None:  # discarded unused
            os._exit(0)
        if docx:
            old_formats.hand_over(data, docx)
        limits = json.loads(header)
        signal.signal(signal.SIGXCPU, signal.SIG_DFL)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        cpu = max(1, int(limits["cpu_seconds"]))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        room = _address_space() + int(limits["memory_mb"]) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (room, room))
        answer = _answer(reader, data)
        view = memoryview(answer)
        while view:
            view = view[os.write(out, view) :]
        os.close(out)  # the answer is complete now, before the slow part of exiting
    except BaseException:  # noqa: BLE001 - nothing may escape the child into the server's loop
        code = 70
    finally:
        os._exit(code)


def _answer(reader, data: bytes) -> bytes:
    try:
        result = reader(data)
        answer = {"record": result.record, "provenance": result.provenance, "kind": result.kind}
    except ParseError as error:
        answer = {"error": type(error).__name__, "message": str(error)}
    except MemoryError:
        return _error(ReadTooLarge, TOO_MUCH_MEMORY)
    except RecursionError:
        return _error(DamagedFile, pdf._DAMAGED)
    except Exception as error:  # noqa: BLE001 - by type only: the message may quote the form
        answer = {"error": "unexpected", "message": type(error).__name__}
    try:
        return json.dumps(answer, default=str).encode()
    except MemoryError:
        return _error(ReadTooLarge, TOO_MUCH_MEMORY)


def _address_space() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[0]) * _PAGE


def _resident_bytes() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * _PAGE


def _collect(fd: int, pid: int, deadline: float) -> tuple[bytes, bool]:
    """What the child writes until it closes the pipe, or ``deadline`` passes (then it is
    killed). Returns (answer, timed out); an answer too large to be a record is dropped."""
    chunks, size = [], 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            _kill(pid)
            return b"", True
        if not select.select([fd], [], [], left)[0]:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), False
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            _kill(pid)
            return b"", False
        chunks.append(chunk)


def _kill(pid: int) -> None:
    """Kill a child and the processes it started (its process group, led by it)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):  # all gone already
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):  # not yet its group's leader, or exited
        os.kill(pid, signal.SIGKILL)


if __name__ == "__main__":
    main(sys.argv)
