import json
import subprocess

import docx
import pdfplumber
import pypdf
import pytest

from tests.support.app import EXAMPLE_RECORD, FULL_RECORD


def test_render_writes_a_docx_that_python_docx_and_libreoffice_both_open(
    frontdoor, soffice, tmp_path
):
    output = tmp_path / "letter.docx"
    result = frontdoor("render", "referral_letter", str(EXAMPLE_RECORD), "-o", str(output))
    assert result.returncode == 0, result.stderr
    cells = [c.text for t in docx.Document(output).tables for r in t.rows for c in r.cells]
    assert "Maya Okafor" in cells and "Grace Okafor" in cells

    converted = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(output),
        ],
        capture_output=True,
        timeout=180,
    )
    assert converted.returncode == 0, converted.stderr
    text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "letter.pdf").pages)
    assert "Maya Okafor" in text and "9 March 2014" in text


def test_render_to_pdf_goes_through_libreoffice(frontdoor, soffice, tmp_path):
    output = tmp_path / "letter.pdf"
    result = frontdoor("render", "referral_letter", str(EXAMPLE_RECORD), "-o", str(output))
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(output)
    assert "Section 17 Child in Need" in reader.pages[0].extract_text()


def test_a_bad_record_exits_2_with_one_line_and_keeps_the_earlier_output(frontdoor, tmp_path):
    output = tmp_path / "letter.docx"
    output.write_bytes(b"the good letter from yesterday")
    bad = tmp_path / "bad.json"
    for content, reason in [
        ("{not json", "not valid JSON"),
        (json.dumps({"pathway": "section_99"}), "pathway"),
    ]:
        bad.write_text(content)
        result = frontdoor("render", "referral_letter", str(bad), "-o", str(output))
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1 and reason in result.stderr
        assert output.read_bytes() == b"the good letter from yesterday"


def test_a_missing_record_file_exits_2(frontdoor, tmp_path):
    result = frontdoor(
        "render", "referral_letter", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.docx")
    )
    assert result.returncode == 2
    assert "nope.json" in result.stderr


@pytest.mark.parametrize(
    ("pathway", "title"),
    [
        ("early_help", "Referral: Early Help (Level 3)"),
        ("section_47", "Referral: Section 47 Child Protection"),
        ("youth_offending", "Request for specialist services: Youth Offending Service"),
    ],
)
def test_render_picks_the_referral_letter_for_the_pathway(frontdoor, tmp_path, pathway, title):
    record = tmp_path / "record.json"
    record.write_text(json.dumps({**json.loads(FULL_RECORD.read_text()), "pathway": pathway}))
    output = tmp_path / "letter.docx"
    result = frontdoor("render", "referral_letter", str(record), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert title in [paragraph.text for paragraph in docx.Document(output).paragraphs]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            "tac_plan",
            ["Team Around the Child (TAC) plan", "Visit the family weekly", "Hannah Cole"],
        ),
        ("cin_plan", ["Child in Need plan", "Support Ava's routines", "18 December 2026"]),
        ("outcome_feedback", ["Signposted to other services", "Borsetshire Escalation Policy"]),
    ],
)
def test_every_document_renders_to_pdf(frontdoor, soffice, tmp_path, document, expected):
    output = tmp_path / f"{document}.pdf"
    frontdoor.env["FRONTDOOR_ESCALATION_POLICY"] = "Borsetshire Escalation Policy"
    result = frontdoor("render", document, str(FULL_RECORD), "-o", str(output))
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(output) as pdf:
        text = " ".join(page.extract_text() for page in pdf.pages)
    squeezed = "".join(text.split())  # table cells wrap their text at any space
    for phrase in ["Leo Brennan", "14 May 2017", *expected]:
        assert "".join(phrase.split()) in squeezed


@pytest.mark.parametrize(
    ("document", "part"),
    [("tac_plan", "tac_plan"), ("cin_plan", "cin_plan"), ("outcome_feedback", "decision")],
)
def test_a_record_without_the_plan_or_decision_exits_2(frontdoor, tmp_path, document, part):
    output = tmp_path / "out.docx"
    result = frontdoor("render", document, str(EXAMPLE_RECORD), "-o", str(output))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and f"no {part}" in result.stderr
    assert not output.exists()
