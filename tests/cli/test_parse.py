"""`frontdoor parse FILE`: the record as JSON on stdout; a file it cannot read exits 2 with one
line on stderr saying why."""

import io
import json
import zipfile

import pypdf
import pytest

from tests.parsers.accuracy import DEV_CORPUS

FLAT_PDF = DEV_CORPUS / "dev-20-flat-pdf.pdf"
WORD = DEV_CORPUS / "dev-01-caf-docx.docx"


def test_prints_the_record_of_a_word_form(frontdoor):
    result = frontdoor("parse", str(WORD))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(
        (DEV_CORPUS / "dev-01-caf-docx.expected.json").read_text()
    )


def test_the_kind_of_file_is_decided_by_its_content_not_its_name(frontdoor, tmp_path):
    disguised = tmp_path / "referral.docx"
    disguised.write_bytes(FLAT_PDF.read_bytes())
    result = frontdoor("parse", str(disguised))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["child"]["first_name"] == "Elaine"


def test_provenance_says_where_each_value_was_read(frontdoor):
    result = frontdoor("parse", "--provenance", str(WORD))
    source = json.loads(result.stdout)["provenance"]["child.first_name"]
    assert source["label"] == "Child's first name" and source["text"] == "Luke"
    assert source["where"] and 0 < source["confidence"] <= 1


def _encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=FLAT_PDF)
    writer.encrypt("secret")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _zip_inside_zip() -> bytes:
    inner, outer = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("form.docx", WORD.read_bytes())
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("forms.zip", inner.getvalue())
    return outer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.pdf", lambda: b"", "empty"),
        ("encrypted.pdf", _encrypted_pdf, "password"),
        ("truncated.pdf", lambda: FLAT_PDF.read_bytes()[:4000], "incomplete"),
        ("truncated.docx", lambda: WORD.read_bytes()[:3000], "damaged"),
        ("photo.pdf", lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image is damaged"),
        ("forms.zip", _zip_inside_zip, "not a word document"),
    ],
)
def test_a_file_it_cannot_read_exits_2_with_one_line_saying_why(
    frontdoor, tmp_path, name, content, reason
):
    path = tmp_path / name
    path.write_bytes(content())
    result = frontdoor("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert name in line and reason in line.lower(), line


def test_a_missing_file_exits_2(frontdoor, tmp_path):
    result = frontdoor("parse", str(tmp_path / "nope.pdf"))
    assert result.returncode == 2 and "no such file" in result.stderr
