"""One warm LibreOffice per converter, driven over pipes by libreoffice/server.py.

LibreOffice starts once, on first use, and is then reused: a fresh ``soffice`` per document costs
seconds, a conversion through the warm instance a fraction of one. The UNO side is our own small
script, server.py, run by the Python that has LibreOffice's UNO bindings (Debian's ``python3-uno``
for ``/usr/bin/python3``), so the app's own Python needs no UNO. This process sends it each
document and reads back the result over the script's stdin and stdout (length-prefixed frames: no
HTTP, no ports, no temporary files).

The limits are enforced from here, because a LibreOffice taken over by its input cannot be
trusted to enforce its own: a wall-clock deadline on every conversion, and, when ``limits`` are
given, LibreOffice's own CPU and address-space limits moved before each document (``prlimit`` on
the warm process: CPU time is counted from what it has used so far, memory on top of what it holds
now). A conversion that runs out of time, finds LibreOffice dead or gets back something that is not
a whole document stops LibreOffice (the next one starts a fresh instance) and, where ``retries``
allow, is tried again: right for our own documents, never for a stranger's file, which would only
get a second go at the same damage.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import resource
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

UNO_PYTHON = "/usr/bin/python3"
UNO_SCRIPT = Path(__file__).resolve().with_name("server.py")
EXIT_TIMEOUT = 10  # seconds a killed LibreOffice may take to exit (freeing its memory takes time)
HEADER = struct.Struct(">cQ")  # kind, payload length: the frame server.py reads and writes
_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


class ConversionError(Exception):
    """No document could be made; the message says why in words a user can act on."""


class Unreadable(ConversionError):
    """LibreOffice is alive but could not read the document."""


class Misbehaved(ConversionError):
    """LibreOffice ran out of time, stopped or gave back something broken, and was stopped."""


class TimedOut(Misbehaved):
    """LibreOffice gave no answer in time."""


class Unavailable(ConversionError):
    """LibreOffice, or the Python that drives it, is missing or would not start."""


class _Down(Exception):
    """LibreOffice did not answer as a live converter would: stop it (and maybe try again)."""


class _TimedOut(_Down):
    pass


@dataclass(frozen=True)
class _Deadline:
    seconds: float
    at: float

    @classmethod
    def after(cls, seconds: float) -> _Deadline:
        return cls(seconds, time.monotonic() + seconds)


@dataclass(frozen=True)
class Limits:
    """What LibreOffice may take for one document, on top of what it holds before it starts."""

    cpu_seconds: int
    memory_mb: int


def alive(pid: int | None) -> bool:
    """True while ``pid`` is a running process (a zombie left for init to reap is not)."""
    return _state(pid) not in (None, "Z", "X")


def _state(pid: int | None) -> str | None:
    if pid is None:
        return None
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def wait_until_gone(pid: int | None, timeout: float = EXIT_TIMEOUT) -> bool:
    """Whether ``pid`` has exited within ``timeout``: a killed process goes on running while the
    kernel tears it down, so a restart could otherwise overlap with the one being stopped."""
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _cpu_seconds_used(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime


def _address_space(pid: int) -> int:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[0]) * _PAGE


class Converter:
    """One warm LibreOffice, started on first use; safe to share between threads of a process.

    ``purpose`` names what it is for in the messages that say it is missing, ``name`` its working
    folder (``frontdoor-NAME-…`` under the temporary directory, LibreOffice's profile inside);
    ``settings`` is a LibreOffice configuration (``registrymodifications.xcu``) that profile
    starts with.
    """

    def __init__(
        self,
        purpose: str,
        name: str,
        soffice: str = "soffice",
        uno_python: str = UNO_PYTHON,
        timeout: float = 60,
        start_timeout: float = 60,
        retries: int = 0,
        limits: Limits | None = None,
        settings: str | None = None,
        max_output: int = 256 * 1024 * 1024,
    ):
        self.purpose = purpose
        self.name = name
        self.soffice = soffice
        self.uno_python = uno_python
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.retries = retries
        self.limits = limits
        self.settings = settings
        self.max_output = max_output
        self._lock = threading.Lock()
        self._server: subprocess.Popen | None = None  # libreoffice/server.py
        self._office: int | None = None  # LibreOffice proper (soffice.bin)
        self._started_size = 0  # its address space once started, in bytes
        self._work: Path | None = None
        self._sockets: list[Path] = []  # LibreOffice's pipes, left in /tmp when it is killed

    @property
    def pid(self) -> int | None:
        """LibreOffice's process id while it runs, else None."""
        if self._server is None or self._server.poll() is not None or not alive(self._office):
            return None
        return self._office

    def start(self) -> None:
        """Start LibreOffice now unless it runs (a conversion starts it anyway): lets a caller
        keep the seconds it takes to start out of a document's own time."""
        with self._lock:
            self._ensure_started()

    def convert_document(
        self,
        content: bytes,
        import_filter: str,
        export_filter: str,
        whole: Callable[[bytes], bool],
        timeout: float | None = None,
        limits: Limits | None = None,
    ) -> bytes:
        """``content`` read with ``import_filter`` and written with ``export_filter``, within
        ``timeout`` seconds and ``limits`` (the converter's own by default); ``whole`` tells a
        complete result from a cut-off one. ConversionError when it cannot be made."""
        timeout = self.timeout if timeout is None else timeout
        limits = limits or self.limits
        request = b"\0".join((import_filter.encode(), export_filter.encode(), content))
        with self._lock:
            for attempt in range(self.retries + 1):
                try:
                    output = self._convert(request, timeout, limits)
                except _Down as error:
                    self._stop()
                    if attempt == self.retries:
                        failure = TimedOut if isinstance(error, _TimedOut) else Misbehaved
                        raise failure(
                            f"LibreOffice could not convert the document: {error}"
                        ) from None
                    log.warning("LibreOffice restarted: %s", error)
                    continue
                if whole(output):
                    return output
                self._stop()
                if attempt == self.retries:
                    raise Misbehaved(
                        "LibreOffice could not convert the document: its output was "
                        "not a whole document"
                    )
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        """Stop LibreOffice; the next conversion starts it again."""
        with self._lock:
            self._stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def _convert(self, request: bytes, timeout: float, limits: Limits | None) -> bytes:
        self._ensure_started()
        if limits is not None:
            self._limit(limits)
        deadline = _Deadline.after(timeout)
        self._send(HEADER.pack(b"C", len(request)) + request, deadline)
        kind, payload = self._reply(deadline)
        if kind == b"E":
            raise Unreadable(payload.decode(errors="replace"))
        if kind != b"P":
            raise _Down("it gave an answer it should not")
        return payload

    def _ensure_started(self) -> None:
        if self.pid is None:
            self._stop()
            self._start()

    def _limit(self, limits: Limits) -> None:
        """LibreOffice's soft limits for the next document: the kernel stops it past them. Only
        soft limits move (an unprivileged process may raise those again, never a hard one). One
        that has kept more than a document's allowance since it started is replaced first: what
        one document left behind is never room for the next."""
        allowance = limits.memory_mb * 1024 * 1024
        with contextlib.suppress(OSError, ValueError, IndexError):
            if _address_space(self._office) > self._started_size + allowance:
                self._stop()
                self._start()
        office = self._office
        try:
            cpu = int(_cpu_seconds_used(office)) + limits.cpu_seconds
            room = _address_space(office) + allowance
            for limit, soft in ((resource.RLIMIT_CPU, cpu), (resource.RLIMIT_AS, room)):
                _, hard = resource.prlimit(office, limit)
                resource.prlimit(office, limit, (soft if hard < 0 else min(soft, hard), hard))
        except (OSError, ValueError, IndexError):
            raise _Down("it stopped before the document was sent") from None

    # The pipes are used through their descriptors, never Python's buffers: select() then sees
    # every byte, and no read or write can outlast the deadline.

    def _send(self, data: bytes, deadline: _Deadline) -> None:
        channel, unsent = self._server.stdin.fileno(), memoryview(data)
        while unsent:
            self._wait(channel, deadline, writing=True)
            try:
                unsent = unsent[os.write(channel, unsent) :]
            except BlockingIOError:
                continue
            except OSError:  # the server has gone
                raise _Down(f"it stopped ({self._last_log_line()})") from None

    def _reply(self, deadline: _Deadline) -> tuple[bytes, bytes]:
        """The server's next frame, by ``deadline``; _Down if it stops or takes longer."""
        kind, size = HEADER.unpack(self._receive(HEADER.size, deadline))
        if size > self.max_output:
            raise _Down(f"its output was larger than {self.max_output // (1024 * 1024)} MB")
        return kind, self._receive(size, deadline)

    def _receive(self, size: int, deadline: _Deadline) -> bytes:
        channel, chunks = self._server.stdout.fileno(), []
        while size:
            self._wait(channel, deadline)
            chunk = os.read(channel, min(size, 1 << 20))
            if not chunk:
                raise _Down(f"it stopped ({self._last_log_line()})")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    @staticmethod
    def _wait(channel: int, deadline: _Deadline, writing: bool = False) -> None:
        remaining = deadline.at - time.monotonic()
        waiting = ([], [channel]) if writing else ([channel], [])
        if remaining <= 0 or not any(select.select(*waiting, [], remaining)):
            raise _TimedOut(f"no answer within {deadline.seconds:g} seconds")

    def _start(self) -> None:
        soffice = shutil.which(self.soffice)
        if soffice is None:
            raise Unavailable(
                f"LibreOffice ({self.soffice}) is not installed: {self.purpose} needs it "
                "(Debian: libreoffice-writer-nogui)"
            )
        if shutil.which(self.uno_python) is None:
            raise Unavailable(
                f"LibreOffice's Python ({self.uno_python}) is missing: {self.purpose} needs it "
                "(Debian: python3-uno)"
            )
        self._work = Path(tempfile.mkdtemp(prefix=f"frontdoor-{self.name}-"))
        if self.settings is not None:
            user = self._work / "profile" / "user"
            user.mkdir(parents=True)
            (user / "registrymodifications.xcu").write_text(self.settings)
        with open(self._work / "server.log", "wb") as server_log:
            self._server = subprocess.Popen(
                [self.uno_python, str(UNO_SCRIPT), soffice, str(self._work)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=server_log,
                bufsize=0,
                start_new_session=True,  # its own process group: stopped as one, LibreOffice too
            )
        os.set_blocking(self._server.stdin.fileno(), False)  # see _send
        try:
            kind, ready = self._reply(_Deadline.after(self.start_timeout))
        except _Down:
            raise self._start_failure() from None
        if kind != b"R":
            raise self._start_failure()
        started = json.loads(ready)
        self._office, self._sockets = started["pid"], [Path(file) for file in started["sockets"]]
        with contextlib.suppress(OSError, ValueError):
            self._started_size = _address_space(self._office)
        with contextlib.suppress(OSError):
            resource.prlimit(self._office, resource.RLIMIT_CORE, (0, 0))  # no core dumps

    def _start_failure(self) -> Unavailable:
        """Why LibreOffice did not start, from the server's last words; stops what is left."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._server.wait(timeout=1)  # a server that closed its stdout is on its way out
        exited = self._server.poll() is not None
        reason = self._last_log_line()
        self._stop()
        if not exited:
            return Unavailable(f"LibreOffice did not start within {self.start_timeout:g} seconds")
        if "No module named 'uno'" in reason:
            reason = f"{self.uno_python} cannot import uno (Debian: python3-uno)"
        return Unavailable(f"LibreOffice could not be started: {reason}")

    def _last_log_line(self) -> str:
        try:
            lines = (self._work / "server.log").read_text(errors="replace").strip().splitlines()
        except (OSError, TypeError):
            return "no log"
        return lines[-1] if lines else "no log"

    def _stop(self) -> None:
        """Stop the server and LibreOffice, returning once both have exited."""
        server, office = self._server, self._office
        self._server, self._office = None, None
        if server is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=3)
            # Whatever of the group is left (LibreOffice included) goes now.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()
            for channel in (server.stdin, server.stdout):
                with contextlib.suppress(OSError):
                    channel.close()
        if not wait_until_gone(office):
            log.warning("LibreOffice (pid %s) was still exiting after %ss", office, EXIT_TIMEOUT)
        for socket_file in self._sockets:
            socket_file.unlink(missing_ok=True)
        self._sockets = []
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None


class PerProcess:
    """This process's converter, made by ``make(soffice)`` on first use: a forked child gets its
    own, never its parent's (whose pipes it would share); stopped when the process exits."""

    def __init__(self, make: Callable[[str], Converter]):
        self.make = make
        self._converter: Converter | None = None
        self._lock = threading.Lock()
        self._inherited: list[Converter] = []  # a parent's, kept from being collected in a child
        os.register_at_fork(after_in_child=self._forget_after_fork)
        atexit.register(self.close)

    def get(self, soffice: str = "soffice") -> Converter:
        with self._lock:
            if self._converter is None or self._converter.soffice != soffice:
                if self._converter is not None:
                    self._converter.close()
                self._converter = self.make(soffice)
            return self._converter

    def close(self) -> None:
        if self._converter is not None:
            self._converter.close()

    def _forget_after_fork(self) -> None:
        """In a forked child: drop the parent's converter without stopping its LibreOffice."""
        if self._converter is not None:
            self._inherited.append(self._converter)
        self._converter = None
        self._lock = threading.Lock()
