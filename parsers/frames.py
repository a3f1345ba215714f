"""What a reading process and its users say to each other over a pipe: frames (an 8-byte
length, then that many bytes) and the reasons a file could not be read. Both sides import this;
only the reading process (``parsers.forkserver``) loads the readers."""

import os
import select
import struct
import time

TOO_LONG = "the file took too long to read: it may be damaged or built to stall the reader"
TOO_MUCH_MEMORY = "the file needs more memory than allowed to read — it may be a compression bomb"
STOPPED = "the reader stopped unexpectedly on this file: it may be damaged"
MAX_ANSWER_BYTES = 64 * 1024 * 1024  # far beyond any record; a child flooding the pipe is cut off
READY = b"ready"
_LENGTH = struct.Struct(">Q")


def write_frame(fd: int, payload: bytes) -> None:
    view = memoryview(_LENGTH.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def read_frame(fd: int, limit: int, deadline: float | None = None) -> bytes | None:
    """One frame, or None at end of file or when ``deadline`` (monotonic) passes first."""
    header = _read_exactly(fd, _LENGTH.size, deadline)
    if header is None:
        return None
    (length,) = _LENGTH.unpack(header)
    if length > limit:
        raise ValueError("frame too large")
    return _read_exactly(fd, length, deadline)


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytes | None:
    chunks, left = [], size
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([fd], [], [], wait)[0]:
                return None
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
