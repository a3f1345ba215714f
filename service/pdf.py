"""Turning DOCX bytes into PDF bytes through one warm LibreOffice per worker process.

LibreOffice starts once, on first use, and is then reused: a fresh ``soffice`` per document costs
seconds, a conversion through the warm instance a fraction of one. The UNO side is unoserver's
server, run by the Python that has LibreOffice's UNO bindings (Debian's ``python3-uno`` for
``/usr/bin/python3``); this process talks to it over XML-RPC on 127.0.0.1, so the app's own Python
needs no UNO. A conversion that times out or finds LibreOffice dead restarts it and is tried once
more; whatever comes back must be a whole PDF, never a half-written one.
"""

import atexit
import contextlib
import io
import logging
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import xmlrpc.client
import zipfile
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

UNO_PYTHON = "/usr/bin/python3"
CONVERSION_TIMEOUT = 60  # seconds LibreOffice may spend on one document
START_TIMEOUT = 60  # seconds LibreOffice may take to start

# Runs unoserver's server, and stops it (and so LibreOffice) if the process that started it goes
# away without closing it: a worker killed with SIGKILL, or one that leaves through os._exit.
_BOOTSTRAP = """
import os, runpy, signal, sys, threading, time
parent = int(sys.argv.pop(1))
def watch():
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
threading.Thread(target=watch, daemon=True).start()
sys.argv[0] = "unoserver"
runpy.run_module("unoserver.server", run_name="__main__")
"""


class PdfError(Exception):
    """No PDF could be made; the message says why in words a user can act on."""


class _Down(Exception):
    """LibreOffice did not answer as a live converter would: restart it and try again."""


class _TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout: float):
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _alive(pid: int | None) -> bool:
    """True while ``pid`` is a running process (a zombie left for init to reap is not)."""
    if pid is None:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _children(pid: int) -> list[int]:
    found = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in children.read_text().split()]
        except OSError:
            continue
    return found


def _libreoffice_pid(server: int) -> int | None:
    """LibreOffice proper (soffice.bin), started by the server through soffice's launcher."""
    pending = _children(server)
    while pending:
        pid = pending.pop()
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == "soffice.bin" and _alive(pid):
                return pid
        except OSError:
            continue
        pending += _children(pid)
    return None


def _check_docx(docx: bytes) -> None:
    """Refuse anything that is not a Word document: LibreOffice would import it as plain text."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            package.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise PdfError("the document to convert is not a Word document (DOCX)") from None


def _unoserver_path(into: Path) -> Path:
    """A folder holding only unoserver (package and metadata), for the UNO Python's path."""
    try:
        distribution = metadata.distribution("unoserver")
    except metadata.PackageNotFoundError:
        raise PdfError("PDF output needs the unoserver package: pip install unoserver") from None
    into.mkdir()
    package = Path(distribution.locate_file("unoserver"))
    (into / "unoserver").symlink_to(package)
    for info in package.parent.glob("unoserver-*.dist-info"):
        (into / info.name).symlink_to(info)
    return into


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
        self._server: subprocess.Popen | None = None
        self._work: Path | None = None
        self._port: int | None = None

    @property
    def pid(self) -> int | None:
        """LibreOffice's process id while it runs, else None."""
        if self._server is None or self._server.poll() is not None:
            return None
        return _libreoffice_pid(self._server.pid)

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
        if self._server is None or self._server.poll() is not None or self.pid is None:
            self._stop()
            self._start()
        try:
            result = self._proxy(self.timeout + 10).convert(
                None, xmlrpc.client.Binary(docx), None, "pdf", None, [], True, None, None
            )
        except xmlrpc.client.Fault as fault:
            if "TimeoutError" in fault.faultString:  # the server has stopped LibreOffice
                raise _Down(f"no PDF within {self.timeout:.0f} seconds") from None
            if self._server.poll() is None and self.pid is not None:
                raise PdfError("LibreOffice could not read the document") from None
            raise _Down(f"it stopped during the conversion ({fault.faultString[-200:]})") from None
        except (OSError, xmlrpc.client.ProtocolError) as error:  # socket timeout included
            raise _Down(f"no answer ({type(error).__name__})") from None
        pdf = getattr(result, "data", b"")
        if not (pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")):
            raise _Down("its output was not a whole PDF")
        return pdf

    def _proxy(self, timeout: float) -> xmlrpc.client.ServerProxy:
        return xmlrpc.client.ServerProxy(
            f"http://127.0.0.1:{self._port}", transport=_TimeoutTransport(timeout), allow_none=True
        )

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
        self._port, uno_port = _free_port(), _free_port()
        command = [
            self.uno_python,
            "-c",
            _BOOTSTRAP,
            str(os.getpid()),
            "--interface=127.0.0.1",
            "--uno-interface=127.0.0.1",
            f"--port={self._port}",
            f"--uno-port={uno_port}",
            f"--executable={soffice}",
            f"--user-installation={self._work / 'profile'}",
            f"--conversion-timeout={int(self.timeout)}",
            f"--temp-dir={self._work}",
        ]
        env = {**os.environ, "PYTHONPATH": str(_unoserver_path(self._work / "python"))}
        with open(self._work / "server.log", "wb") as server_log:
            self._server = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=server_log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # its own process group: stopped as one, LibreOffice too
            )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._server.poll() is not None:
                reason = self._last_log_line()
                self._stop()
                if "No module named 'uno'" in reason:
                    reason = f"{self.uno_python} cannot import uno (Debian: python3-uno)"
                raise PdfError(f"LibreOffice could not be started: {reason}")
            try:
                self._proxy(2).info()
            except (OSError, xmlrpc.client.Error):
                pass
            else:
                if self.pid is not None:
                    return
            time.sleep(0.2)
        self._stop()
        raise PdfError(f"LibreOffice did not start within {self.start_timeout:.0f} seconds")

    def _last_log_line(self) -> str:
        try:
            lines = (self._work / "server.log").read_text(errors="replace").strip().splitlines()
        except OSError:
            return "no log"
        return lines[-1] if lines else "no log"

    def _stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=3)
            # Whatever of the group is left (LibreOffice included) goes now.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None
        self._port = None


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
    if not (content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")):
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
