"""Read one uploaded file in a separate process with limits, so a hostile file kills that
process, never the worker or the web process that asked.

``parse_bytes(data, limits)`` returns what ``parsers.parse_bytes`` returns, or raises a
``ParseError``: the reader's own reason, or, when a limit stops the read,

- ``ReadTooLong``: more CPU seconds (``RLIMIT_CPU``) or wall-clock seconds than allowed;
- ``ReadTooLarge``: more memory than allowed (``RLIMIT_AS``, on top of what the reading process
  holds before it starts), the usual sign of a compression bomb;
- ``ReaderStopped``: the reading process died some other way (a crash in a C library).

The reading is done by ``parsers.forkserver``: one server process per worker process, started
on first use with ``subprocess`` (Celery's prefork workers are daemonic, and ``multiprocessing``
refuses daemonic processes children), which forks a fresh child per file. A reader bug (not the
file's fault) is raised as ``UnexpectedReaderError`` naming only the exception's type.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from parsers import MAX_FILE_BYTES, ParseResult, errors, frames, old_formats, read_file
from parsers.errors import FileTooLarge, ParseError, ReaderStopped

TOO_LONG = frames.TOO_LONG
TOO_MUCH_MEMORY = frames.TOO_MUCH_MEMORY
STOPPED = frames.STOPPED
DEFAULT_READER = "parsers:parse_bytes"
STARTUP_SECONDS = 60  # importing the readers in a new interpreter, on a busy machine
GRACE_SECONDS = 5  # the server's own wall-clock limit answers first; this is for a stuck server
_SECRETS = ("FRONTDOOR_",)  # settings the reading process must not hold


class UnexpectedReaderError(RuntimeError):
    """A bug in a reader (not the file's fault), as an in-process read would have raised it."""


@dataclass(frozen=True)
class Limits:
    """How much one read may take. ``memory_mb`` is on top of the reading process's own size."""

    cpu_seconds: int = 20
    memory_mb: int = 512
    wall_seconds: float = 30.0

    @classmethod
    def from_settings(cls, settings: Mapping) -> Limits:
        """From ``PARSE_CPU_SECONDS``, ``PARSE_MEMORY_MB`` and ``PARSE_WALL_SECONDS``."""
        return cls(
            cpu_seconds=int(settings.get("PARSE_CPU_SECONDS", cls.cpu_seconds)),
            memory_mb=int(settings.get("PARSE_MEMORY_MB", cls.memory_mb)),
            wall_seconds=float(settings.get("PARSE_WALL_SECONDS", cls.wall_seconds)),
        )


def parse_file(path: Path | str, limits: Limits = Limits()) -> ParseResult:
    """As ``parsers.parse_file``: the file is read (size-checked) here, parsed apart."""
    return parse_bytes(read_file(path), limits)


def parse_bytes(
    data: bytes, limits: Limits = Limits(), reader: str = DEFAULT_READER
) -> ParseResult:
    """``parsers.parse_bytes(data)`` in a separate process held to ``limits``; ``reader``
    (``module:function``) is for tests that inject a fault into the reading."""
    if len(data) > MAX_FILE_BYTES:  # refused at once: no need to send it anywhere
        raise FileTooLarge(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if not data:
        raise errors.EmptyFile("the file is empty")
    return _decode(_Server.for_reader(reader).ask(data, limits))


class _Server:
    """One ``parsers.forkserver`` process, owned by the process (pid) that started it."""

    _running: dict[tuple[int, str], _Server] = {}
    _starting = threading.Lock()

    @classmethod
    def for_reader(cls, reader: str) -> _Server:
        key = (os.getpid(), reader)  # a forked process starts its own: pipes are not shared
        with cls._starting:
            server = cls._running.get(key)
            if server is not None and server.process.poll() is not None:
                server.stop()  # it died between reads: close its pipes, start another
                server = None
            if server is None:
                server = cls._running[key] = cls(reader)
            return server

    def __init__(self, reader: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith(_SECRETS)}
        env["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
        self.reader = reader
        self.lock = threading.Lock()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "parsers.forkserver", reader],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            close_fds=True,
        )
        self.ready = False

    def ask(self, data: bytes, limits: Limits) -> bytes:
        with self.lock:
            try:
                if not self.ready:
                    self.ready = self._receive(STARTUP_SECONDS) == frames.READY
                    if not self.ready:
                        raise OSError("the reading process did not start")
                frames.write_frame(self.process.stdin.fileno(), json.dumps(asdict(limits)).encode())
                frames.write_frame(self.process.stdin.fileno(), data)
                answer = self._receive(limits.wall_seconds + GRACE_SECONDS + _start_up(data))
                if answer is None:
                    raise OSError("the reading process did not answer")
                return answer
            except (OSError, ValueError):
                self.stop()
                raise ReaderStopped(STOPPED) from None

    def _receive(self, seconds: float) -> bytes | None:
        deadline = time.monotonic() + seconds
        return frames.read_frame(self.process.stdout.fileno(), frames.MAX_ANSWER_BYTES, deadline)

    def stop(self) -> None:
        """Kill a server that failed; the next read starts a new one."""
        self.process.kill()
        self.process.wait()
        with contextlib.suppress(OSError):  # its end of the pipe may be gone already
            self.process.stdin.close()
        self.process.stdout.close()

    @classmethod
    def close_all(cls) -> None:
        """At exit: end of input tells each server to stop (a stuck one is killed)."""
        for (owner, _), server in list(cls._running.items()):
            if owner != os.getpid():
                continue
            with contextlib.suppress(OSError):
                server.process.stdin.close()
            try:
                server.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait()
            server.process.stdout.close()
        cls._running.clear()


atexit.register(_Server.close_all)


def _start_up(data: bytes) -> float:
    """Extra seconds the server may take before reading ``data``: starting LibreOffice for the
    first old-format file (not counted against the file's own limits)."""
    return old_formats.START_SECONDS if old_formats.kind_of(data) else 0


def _decode(answer: bytes) -> ParseResult:
    try:
        found = json.loads(answer)
    except (ValueError, RecursionError):
        raise ReaderStopped(STOPPED) from None
    if not isinstance(found, dict):
        raise ReaderStopped(STOPPED)
    if "error" in found:
        raise _error(str(found.get("error")), str(found.get("message") or ""))
    return ParseResult(
        record=found.get("record") or {},
        provenance=found.get("provenance") or {},
        kind=str(found.get("kind") or ""),
    )


def _error(name: str, message: str) -> Exception:
    """The child's error as raised here: a ``ParseError`` keeps its class and reason; anything
    else was a reader bug, reported by its type."""
    known = getattr(errors, name, None)
    if isinstance(known, type) and issubclass(known, ParseError):
        return known(message)
    if name == "unexpected":
        return UnexpectedReaderError(f"the reader failed unexpectedly ({message})")
    return ParseError(message)
