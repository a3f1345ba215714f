"""The LibreOffice side of libreoffice/client.py: one warm LibreOffice converting in memory.

Run by the Python that has LibreOffice's UNO bindings (Debian's ``python3-uno`` for
``/usr/bin/python3``), never imported by the app::

    /usr/bin/python3 libreoffice/server.py SOFFICE WORK_DIR

It starts LibreOffice headless (its profile in WORK_DIR/profile, which the client may have seeded
with settings), connects to it over a private pipe and keeps its desktop; then, for each request
read from stdin, loads the document from memory (``private:stream``, with the import filter the
request names, so no type detection runs), stores it with the export filter the request names
straight into memory and writes the result to stdout. No temporary files, no ports.

Frames, both ways: a kind byte, an 8-byte big-endian length, the payload. A request (kind ``C``)
is the import filter's name, a NUL, the export filter's name, a NUL, then the document. Replies
are ``R`` once started (JSON: LibreOffice's process id and the socket files it made), then ``P``
(the converted document) or ``E`` (LibreOffice is alive but could not read the document; the
payload says why). Anything worse (LibreOffice gone) ends this process: the parent sees its
stdout close and starts a fresh one. Time and memory limits are the parent's to enforce: it kills
this process group (a session of its own, LibreOffice included) when one is exceeded, and cleans
up after it. Only when the parent itself has gone does this process clean up instead.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.io import XOutputStream
from com.sun.star.lang import DisposedException
from com.sun.star.uno import Exception as UnoException

HEADER = struct.Struct(">cQ")  # kind, payload length: the same frame as client.py writes
NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE


class Collected(unohelper.Base, XOutputStream):
    """An output stream LibreOffice writes the result into, kept in memory (the names are UNO's)."""

    def __init__(self):
        self.chunks = []

    def writeBytes(self, data):
        self.chunks.append(data.value)

    def flush(self):
        pass

    def closeOutput(self):
        pass


@dataclass
class Office:
    """A running LibreOffice: its desktop, its process id, and the socket files it made (its
    pipes, which it leaves in /tmp when killed)."""

    context: object
    desktop: object
    pid: int
    sockets: list[str]


def _properties(**values) -> tuple:
    return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())


def _descendants(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        for children in Path(f"/proc/{pending.pop()}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                new = [int(child) for child in children.read_text().split()]
                found += new
                pending += new
    return found


def _socket_files(pid: int) -> list[str]:
    """The Unix socket files ``pid`` has bound, from /proc (abstract sockets have no file)."""
    inodes = set()
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            inodes.add(os.readlink(descriptor))
    files = set()
    for line in Path("/proc/net/unix").read_text().splitlines()[1:]:
        fields = line.split()
        if len(fields) == 8 and f"socket:[{fields[6]}]" in inodes and fields[7].startswith("/"):
            files.add(fields[7])
    return sorted(files)


def start_office(soffice: str, profile: Path) -> Office:
    """LibreOffice headless in ``profile``, once it answers on a pipe of its own."""
    pipe = f"frontdoor-office-{secrets.token_hex(8)}"
    launcher = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",  # a killed predecessor leaves nothing to recover
            "--nodefault",
            "--nolockcheck",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,  # stdout is our reply channel: LibreOffice must not write to it
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if launcher.poll() is not None:
                sys.exit(f"LibreOffice exited while starting (status {launcher.returncode})")
            time.sleep(0.05)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    for pid in _descendants(launcher.pid):  # soffice's launcher starts soffice.bin
        if Path(f"/proc/{pid}/comm").read_text().strip() == "soffice.bin":
            return Office(context, desktop, pid, _socket_files(pid))
    sys.exit("LibreOffice (soffice.bin) answered but its process was not found")


def load(office: Office, content: bytes, import_filter: str):
    """The document read from memory, hidden and read-only, never running macros nor updating
    links; None if LibreOffice cannot read it."""
    source = office.context.ServiceManager.createInstanceWithArgumentsAndContext(
        "com.sun.star.io.SequenceInputStream", (uno.ByteSequence(content),), office.context
    )
    return office.desktop.loadComponentFromURL(
        "private:stream",
        "_blank",
        0,
        _properties(
            InputStream=source,
            FilterName=import_filter,
            Hidden=True,
            ReadOnly=True,
            MacroExecutionMode=NEVER_EXECUTE,
            UpdateDocMode=NO_UPDATE,
        ),
    )


#: what an export filter is told beyond its name: PDFs are tagged (headings, tables and reading
#: order for screen readers) and made to PDF/UA where LibreOffice can, the title shown, not the
#: file name
FILTER_DATA = {
    "writer_pdf_Export": {
        "UseTaggedPDF": True,
        "PDFUACompliance": True,
        "DisplayPDFDocumentTitle": True,
    },
}


def export(document, export_filter: str) -> bytes:
    output = Collected()
    properties = _properties(FilterName=export_filter, OutputStream=output)
    if data := FILTER_DATA.get(export_filter):
        sequence = uno.Any("[]com.sun.star.beans.PropertyValue", _properties(**data))
        properties += (PropertyValue(Name="FilterData", Value=sequence),)
    arguments = uno.Any("[]com.sun.star.beans.PropertyValue", properties)
    uno.invoke(document, "storeToURL", ("private:stream", arguments))
    return b"".join(output.chunks)


def responding(office: Office) -> bool:
    """Whether LibreOffice still answers: after a failed conversion, tells a document it cannot
    read from LibreOffice itself gone."""
    try:
        office.desktop.getFrames()
    except UnoException:
        return False
    return True


def read_request(requests) -> tuple[str, str, bytes] | None:
    """(import filter, export filter, document), or None once the parent has gone."""
    header = requests.read(HEADER.size)
    if len(header) < HEADER.size:
        return None  # stdin closed
    _, size = HEADER.unpack(header)
    payload = requests.read(size)
    if len(payload) < size:
        return None
    import_filter, export_filter, content = payload.split(b"\0", 2)
    return import_filter.decode(), export_filter.decode(), content


def reply(replies, kind: bytes, payload: bytes) -> None:
    replies.write(HEADER.pack(kind, len(payload)) + payload)
    replies.flush()


def _wait_until_dead(pid: int, timeout: float = 5.0) -> None:
    """Reap ``pid`` when it is our child; else wait for it to leave /proc (a zombie counts)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.01)


def stop(office: Office, work: Path | None = None) -> None:
    """End LibreOffice and this process, the whole process group at once, leaving none of its
    socket files; ``work`` is removed too when no parent is left to do it. LibreOffice dies
    first: alive, it could write into its profile while ``work`` is being removed."""
    for pid in [office.pid, *_descendants(office.pid)]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _wait_until_dead(office.pid)
    for socket_file in office.sockets:
        Path(socket_file).unlink(missing_ok=True)
    if work is not None:
        shutil.rmtree(work, ignore_errors=True)
    os.killpg(0, signal.SIGKILL)


def stop_with_parent(office: Office, work: Path) -> None:
    """A parent killed outright (SIGKILL, os._exit) closes nothing: notice it is gone instead."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1)
    stop(office, work)


def serve(soffice: str, work: Path) -> None:
    if os.getpgrp() != os.getpid():
        sys.exit("server.py runs as a process group of its own (client.py starts it so)")
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    office = start_office(soffice, work / "profile")
    threading.Thread(target=stop_with_parent, args=(office, work), daemon=True).start()
    reply(replies, b"R", json.dumps({"pid": office.pid, "sockets": office.sockets}).encode())
    while (request := read_request(requests)) is not None:
        import_filter, export_filter, content = request
        document = None
        try:
            document = load(office, content, import_filter)
            if document is None:
                reply(replies, b"E", b"LibreOffice could not read the document")
            else:
                reply(replies, b"P", export(document, export_filter))
        except UnoException as error:
            if isinstance(error, DisposedException) or not responding(office):
                print(f"LibreOffice stopped: {error.Message}", file=sys.stderr)
                stop(office)
            reason = f"LibreOffice could not read the document: {error.Message}"
            reply(replies, b"E", reason.encode())
        finally:
            if document is not None:  # closed after the reply: the caller need not wait for it
                with contextlib.suppress(UnoException):
                    document.close(True)
    stop(office, work)


if __name__ == "__main__":
    serve(sys.argv[1], Path(sys.argv[2]))
