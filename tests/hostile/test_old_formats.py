"""Old-format forms LibreOffice would choke on, read as a worker reads them: each is refused or
defused within its limits, the LibreOffice that choked is stopped (none is left behind) and the
next form is read by a fresh one."""

import json
import os
import tempfile
import time
from pathlib import Path

import pytest

from parsers import ParseError, isolation
from parsers.errors import EncryptedFile, ReaderStopped, ReadTooLong
from parsers.isolation import Limits
from parsers.old_formats import OLE_MAGIC
from tests.hostile import old_formats
from tests.hostile.corpus import BAD_FILES, PASSWD_LINE
from tests.support.hostile import TEST_LIMITS

#: bombs LibreOffice itself gets to see, and the limits each is read under
BOMBS = {
    "doc bomb": Limits(cpu_seconds=1, memory_mb=256, wall_seconds=10),  # stopped by CPU time
    "rtf nesting bomb": TEST_LIMITS,  # by memory
    "odt table bomb": TEST_LIMITS,  # by CPU time
}


def untrusted_libreoffices() -> dict[int, int]:
    """Every running LibreOffice started for strangers' files by this test run (its working
    folder is in our temporary folder): process id -> parent's."""
    ours = f"{tempfile.gettempdir()}/frontdoor-untrusted-".encode()
    found = {}
    for process in Path("/proc").iterdir():
        try:
            command = (process / "cmdline").read_bytes()
            state, parent = (process / "stat").read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if b"soffice.bin" in command and ours in command and state != "Z":
            found[int(process.name)] = int(parent)
    return found


def descends_from(pid: int, ancestor: int) -> bool:
    while pid > 1:
        if pid == ancestor:
            return True
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            return False
    return False


def reading_server() -> int:
    return isolation._Server._running[(os.getpid(), isolation.DEFAULT_READER)].process.pid


def read_a_good_doc() -> str:
    return isolation.parse_bytes(old_formats.doc(), TEST_LIMITS).record["child"]["first_name"]


@pytest.mark.parametrize("name", BOMBS)
def test_a_bomb_is_refused_its_libreoffice_stopped_and_the_next_form_read(name, robustness):
    bad = BAD_FILES[name]
    content = bad.build(Path())
    assert read_a_good_doc() == "Luke"  # LibreOffice is warm in the reading server
    server = reading_server()
    before = untrusted_libreoffices()
    [warm] = [pid for pid in before if descends_from(pid, server)]

    started = time.monotonic()
    with pytest.raises(ParseError) as refused:
        isolation.parse_bytes(content, BOMBS[name])
    took = time.monotonic() - started

    survived = read_a_good_doc() == "Luke"
    after = untrusted_libreoffices()
    ours = [pid for pid in after if descends_from(pid, server)]
    strays = [pid for pid in after.keys() - before.keys() if pid not in ours]
    robustness.bad_input(f"{name} (LibreOffice stopped)", rejected=bad.says in str(refused.value))
    robustness.fault(f"{name} (next form read)", survived=survived and not strays)
    assert bad.says in str(refused.value)
    assert took < BOMBS[name].wall_seconds + 5, took
    assert survived and reading_server() == server, "the same reading server goes on"
    assert len(ours) == 1 and not strays, (before, after)
    if isinstance(refused.value, ReaderStopped | ReadTooLong):
        assert warm not in ours, "the LibreOffice that choked was replaced"


def test_an_rtf_never_pulls_a_local_file_or_the_network_into_the_record():
    result = isolation.parse_bytes(old_formats.rtf_including_a_local_file(), TEST_LIMITS)
    assert result.record["child"]["first_name"].startswith("Luke")
    assert PASSWD_LINE not in json.dumps(result.record)


def test_a_picture_bomb_in_an_rtf_costs_no_more_memory_than_allowed_and_the_form_is_read():
    """LibreOffice drops a picture it has no room for (the room is the file's memory limit)."""
    picture = b"{\\pict\\pngblip\\picw30000\\pich30000 " + old_formats.png_bomb().hex().encode()
    started = time.monotonic()
    result = isolation.parse_bytes(old_formats.rtf(picture + b"}\\par\n"), TEST_LIMITS)
    assert result.record["child"]["first_name"] == "Luke"
    assert time.monotonic() - started < TEST_LIMITS.wall_seconds


def test_an_encrypted_word_document_is_still_refused_as_password_protected():
    encrypted = OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedFile, match="password-protected"):
        isolation.parse_bytes(encrypted, TEST_LIMITS)
