"""Readers that break, for ``parsers.isolation.parse_bytes(data, limits, reader=...)``: each is
run by the real reading process in place of the real reader, with the real limits."""

import os
import signal
import time

from parsers import ParseResult
from parsers.frames import MAX_ANSWER_BYTES


def spin(data):
    while True:
        pass


def sleep(data):
    time.sleep(60)


def hoard(data):
    return bytearray(1024 * 1024 * 1024)


def crash(data):
    os.kill(os.getpid(), signal.SIGSEGV)


def flood(data):
    return ParseResult(record={"notes": "x" * (MAX_ANSWER_BYTES + 1)})


def bug(data):
    raise KeyError("Luke Williams")  # a reader bug whose message quotes the form


def exit_server(data):
    """Takes the reading server down with it (its parent): the next read needs a new one."""
    os.kill(os.getppid(), signal.SIGKILL)
    time.sleep(60)


def secrets(data):
    """What the reading process can see of Front Door's settings."""
    found = {k: "set" for k in os.environ if k.startswith("FRONTDOOR_")}
    return ParseResult(record=found)
