"""Turning DOCX bytes into PDF bytes through one warm LibreOffice per worker process.

LibreOffice starts once, on first use, and is then reused: a fresh ``soffice`` per document costs
seconds, a conversion through the warm instance a fraction of one. The UNO side is our own small
script, service/pdf_uno.py, run by the Python that has LibreOffice's UNO bindings (Debian's
``python3-uno`` for ``/usr/bin/python3``), so the app's own Python needs no UNO. It keeps
LibreOffice's desktop and converts in memory; this process sends it each DOCX and reads back the
PDF over the script's stdin and stdout (length-prefixed frames: no HTTP, no ports, no temporary
files). A conversion that runs out of time or finds LibreOffice dead restarts it and is tried once
more; whatever comes back must be a whole PDF, never a half-written one.
"""

import atexit
import contextlib
import io
import json
import logging
import os
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import threading
import time
import zipfile
from pathlib import Path

log = logging.getLogger(__name__)

UNO_PYTHON = "/usr/bin/python3"
UNO_SCRIPT = Path(__file__).resolve().with_name("pdf_uno.py")
CONVERSION_TIMEOUT = 60  # seconds LibreOffice may spend on one document
START_TIMEOUT = 60  # seconds LibreOffice may take to start
EXIT_TIMEOUT = 10  # seconds a killed LibreOffice may take to exit (freeing its memory takes time)
HEADER = struct.Struct(">cQ")  # kind, payload length: the frame service/pdf_uno.py reads and writes


class PdfError(Exception):
    """No PDF could be made; the message says why in words a user can act on."""


class _Down(Exception):
    """LibreOffice did not answer as a live converter would: restart it and try again."""


def _alive(pid: int | None) -> bool:
    """True while ``pid`` is a running process (a zombie left for init to reap is not)."""
    if pid is None:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _wait_until_gone(pid: int | None, timeout: float = EXIT_TIMEOUT) -> bool:
    """Whether ``pid`` has exited within ``timeout``: a killed process goes on running while the
    kernel tears it down, so a restart could otherwise overlap with the one being stopped."""
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _ends_whole(pdf: bytes) -> bool:
    """A PDF ends with ``%%EOF``: one cut short does not."""
    return pdf.rstrip().endswith(b"%%EOF")


def _check_docx(docx: bytes) -> None:
    """Refuse anything that is not a Word document: LibreOffice would import it as plain text."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            package.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise PdfError("the document to convert is not a Word document (DOCX)") from None


class PdfConverter:
    """One warm LibreOffice, started on first use; safe to share between threads of a process."""

    def __init__(
        self,
        soffice: str = "soffice",
        uno_python: str = UNO_PYTHON,
        timeout: float = CONVERSION_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
    ):
        self.soffice = soffice
        self.uno_python = uno_python
        self.timeout = timeout
        self.start_timeout = start_timeout
        self._lock = threading.Lock()
        self._server: subprocess.Popen | None = None  # service/pdf_uno.py
        self._office: int | None = None  # LibreOffice proper (soffice.bin)
        self._work: Path | None = None
        self._sockets: list[Path] = []  # LibreOffice's pipes, left in /tmp when it is killed

    @property
    def pid(self) -> int | None:
        """LibreOffice's process id while it runs, else None."""
        if self._server is None or self._server.poll() is not None or not _alive(self._office):
            return None
        return self._office

    def convert(self, docx: bytes) -> bytes:
        """The PDF for ``docx``; PdfError when it cannot be made."""
        _check_docx(docx)
        with self._lock:
            try:
                return self._convert(docx)
            except _Down as error:
                log.warning("LibreOffice restarted: %s", error)
                self._stop()
            try:
                return self._convert(docx)
            except _Down as error:
                self._stop()
                raise PdfError(f"LibreOffice could not convert the document: {error}") from None

    def close(self) -> None:
        """Stop LibreOffice; the next conversion starts it again."""
        with self._lock:
            self._stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def _convert(self, docx: bytes) -> bytes:
        if self.pid is None:
            self._stop()
            self._start()
        deadline = time.monotonic() + self.timeout
        self._send(HEADER.pack(b"D", len(docx)) + docx, deadline)
        kind, payload = self._reply(deadline)
        if kind == b"E":
            raise PdfError(payload.decode(errors="replace"))
        if not (kind == b"P" and payload.startswith(b"%PDF-") and _ends_whole(payload)):
            raise _Down("its output was not a whole PDF")
        return payload

    # The pipes are used through their descriptors, never Python's buffers: select() then sees
    # every byte, and no read or write can outlast the deadline.

    def _send(self, data: bytes, deadline: float) -> None:
        channel, unsent = self._server.stdin.fileno(), memoryview(data)
        while unsent:
            self._wait(channel, deadline, writing=True)
            try:
                unsent = unsent[os.write(channel, unsent) :]
            except BlockingIOError:
                continue
            except OSError:  # the server has gone
                raise _Down(f"it stopped ({self._last_log_line()})") from None

    def _reply(self, deadline: float) -> tuple[bytes, bytes]:
        """The server's next frame, by ``deadline``; _Down if it stops or takes longer."""
        kind, size = HEADER.unpack(self._receive(HEADER.size, deadline))
        return kind, self._receive(size, deadline)

    def _receive(self, size: int, deadline: float) -> bytes:
        channel, chunks = self._server.stdout.fileno(), []
        while size:
            self._wait(channel, deadline)
            chunk = os.read(channel, min(size, 1 << 20))
            if not chunk:
                raise _Down(f"it stopped ({self._last_log_line()})")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def _wait(self, channel: int, deadline: float, writing: bool = False) -> None:
        remaining = deadline - time.monotonic()
        waiting = ([], [channel]) if writing else ([channel], [])
        if remaining <= 0 or not any(select.select(*waiting, [], remaining)):
            raise _Down(f"no answer within {self.timeout:g} seconds")

    def _start(self) -> None:
        soffice = shutil.which(self.soffice)
        if soffice is None:
            raise PdfError(
                f"LibreOffice ({self.soffice}) is not installed: PDF output needs it "
                "(Debian: libreoffice-writer-nogui)"
            )
        if shutil.which(self.uno_python) is None:
            raise PdfError(
                f"LibreOffice's Python ({self.uno_python}) is missing: PDF output needs it "
                "(Debian: python3-uno)"
            )
        self._work = Path(tempfile.mkdtemp(prefix="frontdoor-pdf-"))
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
            kind, ready = self._reply(time.monotonic() + self.start_timeout)
        except _Down:
            raise self._start_failure() from None
        if kind != b"R":
            raise self._start_failure()
        started = json.loads(ready)
        self._office, self._sockets = started["pid"], [Path(file) for file in started["sockets"]]

    def _start_failure(self) -> PdfError:
        """Why LibreOffice did not start, from the server's last words; stops what is left."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._server.wait(timeout=1)  # a server that closed its stdout is on its way out
        exited = self._server.poll() is not None
        reason = self._last_log_line()
        self._stop()
        if not exited:
            return PdfError(f"LibreOffice did not start within {self.start_timeout:g} seconds")
        if "No module named 'uno'" in reason:
            reason = f"{self.uno_python} cannot import uno (Debian: python3-uno)"
        return PdfError(f"LibreOffice could not be started: {reason}")

    def _last_log_line(self) -> str:
        try:
            lines = (self._work / "server.log").read_text(errors="replace").strip().splitlines()
        except OSError:
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
        if not _wait_until_gone(office):
            log.warning("LibreOffice (pid %s) was still exiting after %ss", office, EXIT_TIMEOUT)
        for socket_file in self._sockets:
            socket_file.unlink(missing_ok=True)
        self._sockets = []
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None


_converter: PdfConverter | None = None
_converter_lock = threading.Lock()


def converter(soffice: str = "soffice") -> PdfConverter:
    """This process's converter (a forked child gets its own, never its parent's)."""
    global _converter
    with _converter_lock:
        if _converter is None or _converter.soffice != soffice:
            if _converter is not None:
                _converter.close()
            _converter = PdfConverter(soffice=soffice)
        return _converter


def convert(docx: bytes, soffice: str = "soffice") -> bytes:
    return converter(soffice).convert(docx)


def convert_once(docx: bytes, soffice: str = "soffice", timeout: int = 180) -> bytes:
    """One fresh LibreOffice for one document, in a private profile: slower per document than
    the warm converter, but quicker for a single conversion (the command line's ``render``)."""
    _check_docx(docx)
    with tempfile.TemporaryDirectory(prefix="frontdoor-pdf-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        except FileNotFoundError:
            raise PdfError(f"LibreOffice ({soffice}) is not installed") from None
        except subprocess.TimeoutExpired:
            raise PdfError("LibreOffice took too long to convert the document") from None
        except subprocess.CalledProcessError as error:
            raise PdfError(f"LibreOffice failed (exit {error.returncode})") from None
        output = Path(work) / "document.pdf"
        content = output.read_bytes() if output.exists() else b""
    if not (content.startswith(b"%PDF-") and _ends_whole(content)):
        raise PdfError("LibreOffice produced no complete PDF")
    return content


_inherited: list[PdfConverter] = []  # a parent's converter, kept from being collected in a child


def _forget_after_fork() -> None:
    """In a forked child: drop the parent's converter without stopping the parent's LibreOffice."""
    global _converter, _converter_lock
    if _converter is not None:
        _inherited.append(_converter)
    _converter = None
    _converter_lock = threading.Lock()


def _close_at_exit() -> None:
    if _converter is not None:
        _converter.close()


os.register_at_fork(after_in_child=_forget_after_fork)
atexit.register(_close_at_exit)
