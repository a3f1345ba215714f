"""The hostile corpus through the ``frontdoor`` command, which reads each file in a limited child
process as the workers do: one line saying why on stderr and exit 2 (``parse``); a failed row in
the table and exit 1, the good form still read (``import``)."""

import pytest

from tests.hostile.corpus import BAD_FILES, PASSWD_LINE
from tests.support.hostile import TEST_LIMITS
from tests.support.imports import CAF_DOCX

QUICK = [
    "flate bomb",
    "prev loop",
    "docx external entity",
    "docx billion laughs",
    "doc recursive storage",
]


@pytest.fixture
def limited(frontdoor):
    frontdoor.env["FRONTDOOR_PARSE_MEMORY_MB"] = str(TEST_LIMITS.memory_mb)
    frontdoor.env["FRONTDOOR_PARSE_CPU_SECONDS"] = str(TEST_LIMITS.cpu_seconds)
    return frontdoor


@pytest.mark.parametrize("name", QUICK)
def test_parse_refuses_a_bad_file_with_one_line_saying_why(name, limited, tmp_path, robustness):
    bad = BAD_FILES[name]
    path = tmp_path / bad.filename
    path.write_bytes(bad.build(tmp_path))
    result = limited("parse", str(path))
    refused = result.returncode == 2 and bad.says in result.stderr
    robustness.bad_input(f"{name} (frontdoor parse)", rejected=refused)
    assert refused, (result.returncode, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""
    assert PASSWD_LINE not in result.stderr


def test_import_fails_the_bomb_and_reads_the_good_form(migrated, tmp_path, robustness):
    migrated.env["FRONTDOOR_PARSE_MEMORY_MB"] = str(TEST_LIMITS.memory_mb)
    folder = tmp_path / "forms"
    folder.mkdir()
    bomb = BAD_FILES["flate bomb"]
    (folder / bomb.filename).write_bytes(bomb.build(tmp_path))
    (folder / "caf.docx").write_bytes(CAF_DOCX.read_bytes())
    result = migrated("import", str(folder))
    lines = {line.split()[0].rsplit("/", 1)[-1]: line for line in result.stdout.splitlines()[2:]}
    refused = result.returncode == 1 and bomb.says in lines[bomb.filename]
    robustness.bad_input("flate bomb (frontdoor import)", rejected=refused)
    assert refused, result.stdout + result.stderr
    assert "parsed" in lines["caf.docx"]
