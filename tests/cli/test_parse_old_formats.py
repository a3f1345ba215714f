"""`frontdoor parse` on old Word (.doc), RTF and OpenDocument (.odt) forms: each is converted by
LibreOffice and read as Word, printing the same record as the Word form it was saved from; one
LibreOffice cannot read exits 2 with one line saying why."""

import json

import pytest

from tests.hostile import old_formats as hostile
from tests.parsers import old_format_corpus
from tests.parsers.accuracy import DEV_CORPUS
from tests.support.libreoffice import libreoffice_or_skip

WORD = DEV_CORPUS / "dev-11-content-controls-docx.docx"


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """The Word form saved as each old format (once for the module)."""
    libreoffice_or_skip()
    folder = tmp_path_factory.mktemp("saved")
    return {
        kind: old_format_corpus.build(kind, folder / kind, [WORD])
        for kind in old_format_corpus.KINDS
    }


@pytest.mark.parametrize("kind", old_format_corpus.KINDS)
def test_prints_the_record_of_a_form_saved_as(kind, saved, frontdoor, tmp_path):
    disguised = tmp_path / f"{WORD.stem}.pdf"  # the kind comes from the content, not the name
    disguised.write_bytes((saved[kind] / f"{WORD.stem}.{kind}").read_bytes())
    result = frontdoor("parse", str(disguised))
    assert result.returncode == 0, result.stderr
    expected = json.loads(WORD.with_name(f"{WORD.stem}.expected.json").read_text())
    assert json.loads(result.stdout) == expected


def test_a_damaged_doc_exits_2_with_one_line_saying_why(frontdoor, tmp_path):
    damaged = tmp_path / "referral.doc"
    damaged.write_bytes(hostile.doc_with_recursive_storage())
    result = frontdoor("parse", str(damaged))
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "referral.doc" in line and "could not convert this old Word document" in line, line
