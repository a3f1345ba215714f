"""Every document, for a record of every pathway, as its reader gets it: converted to PDF by a
real LibreOffice and read back with pdfplumber.

One warm converter serves the whole module. Text extraction wraps lines (and, in tables, runs
the lines of neighbouring cells together), so text is compared with whitespace collapsed, and
table rows are compared cell by cell.
"""

import io
import subprocess
from dataclasses import dataclass

import pdfplumber
import pypdf
import pytest

from record import DecisionOutcome, Pathway, load_record
from record.titles import OUTCOME_TITLES
from service.documents import pdf
from service.documents.registry import DOCUMENTS, Sender
from service.documents.render import answer, long_date, render_docx
from tests.support.libreoffice import libreoffice_or_skip
from tests.support.templates import TEMPLATES

PLANS = ("tac_plan", "cin_plan")
#: the documents written to the referrer, which name them
TO_THE_REFERRER = ("referral_letter", "outcome_feedback")


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class ReadBack:
    """What a PDF shows: its text, whitespace collapsed, and its table rows, cell by cell."""

    text: str
    rows: list[list[str]]

    @classmethod
    def of(cls, content: bytes) -> "ReadBack":
        with pdfplumber.open(io.BytesIO(content)) as document:
            text = _flat(" ".join(page.extract_text() for page in document.pages))
            rows = [
                [_flat(cell) for cell in row if cell is not None]  # None: a merged cell
                for page in document.pages
                for table in page.extract_tables()
                for row in table
            ]
        return cls(text, rows)

    def shows(self, phrase: str) -> bool:
        """``phrase`` in the running text, or within one table cell (where lines wrap apart)."""
        return phrase in self.text or any(phrase in cell for row in self.rows for cell in row)


@pytest.fixture(scope="module")
def converter():
    libreoffice_or_skip()
    with pdf.PdfConverter() as shared:
        yield shared


def _read_back(converter, document: str, data: dict) -> ReadBack:
    return ReadBack.of(converter.convert(render_docx(document, load_record(data))))


@pytest.mark.parametrize("pathway", list(Pathway))
@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_document_of_every_pathway_reads_back_from_its_pdf(
    document, pathway, full_record_data, converter
):
    data = {**full_record_data, "pathway": pathway}
    shown = _read_back(converter, document, data)

    child = data["child"]
    assert shown.shows(f"{child['first_name']} {child['last_name']}")
    assert shown.shows(long_date(child["date_of_birth"]))
    if document in TO_THE_REFERRER:
        assert shown.shows(data["referrer"]["name"])
    if document != "outcome_feedback":
        for member in data["household_members"]:
            row = [
                member["name"],
                member["relationship"],
                long_date(member["date_of_birth"]),
                answer(member["parental_responsibility"]),
            ]
            assert row in shown.rows
    if document in PLANS:
        for action in data[document]["actions"]:
            assert [action["who"], action["what"], long_date(action["by_when"])] in shown.rows
    if document == "outcome_feedback":
        decision = data["decision"]
        assert shown.shows(OUTCOME_TITLES[DecisionOutcome(decision["outcome"])])
        for said in ("reasons", "threshold_not_met_reason", "other_support"):
            assert shown.shows(decision[said])


@pytest.mark.parametrize(("document", "template_file"), TEMPLATES)
def test_markup_and_template_code_in_a_record_print_literally(
    document, template_file, full_record_data, converter
):
    data = full_record_data
    data["pathway"] = next(
        p for p in Pathway if DOCUMENTS[document].template_for(p) == template_file
    )
    data["child"]["last_name"] = "Brennan & <Son> {{ 7*7 }}"
    data["household_members"][0]["name"] = "Kerry <Ann> & {{ mother }}"
    data["referral"]["reason_summary"] = "Bruising <b>both arms</b> & {{ referral.facts }}"
    data["tac_plan"]["actions"][0]["what"] = "Visit <weekly> & {% if x %}{{ x }}{% endif %}"
    data["cin_plan"]["actions"][0]["what"] = "Course <for parents> & {{ plan }}"
    data["decision"]["reasons"] = "Explained <by the GP> & {{ decision.reasons }}"
    expected = [f"Leo {data['child']['last_name']}"]
    if document != "outcome_feedback":
        expected.append(data["household_members"][0]["name"])
    expected.append(
        {
            "referral_letter": data["referral"]["reason_summary"],
            "tac_plan": data["tac_plan"]["actions"][0]["what"],
            "cin_plan": data["cin_plan"]["actions"][0]["what"],
            "outcome_feedback": data["decision"]["reasons"],
        }[document]
    )

    shown = _read_back(converter, document, data)

    for value in expected:
        assert shown.shows(value), value


BORSETSHIRE = Sender(
    name="Borsetshire County Council",
    address="County Hall\nBorchester, BO1 1AA",
    phone="01632 960 000",
    email="frontdoor@borsetshire.example.gov.uk",
)


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_document_is_a4_tagged_and_carries_the_councils_letterhead_and_the_reference(
    document, full_record_data, converter
):
    made = converter.convert(
        render_docx(document, load_record(full_record_data), BORSETSHIRE, reference="FD-000042")
    )
    with pdfplumber.open(io.BytesIO(made)) as read:
        assert {(round(page.width), round(page.height)) for page in read.pages} == {(595, 842)}
    info = subprocess.run(["pdfinfo", "-"], input=made, capture_output=True, check=True).stdout
    assert b"Tagged:          yes" in info
    catalog = pypdf.PdfReader(io.BytesIO(made)).trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    shown = ReadBack.of(made)
    for phrase in (
        "Borsetshire County Council",
        "County Hall, Borchester, BO1 1AA",
        "Telephone 01632 960 000 · frontdoor@borsetshire.example.gov.uk",
        "Our reference: FD-000042",
    ):
        assert shown.shows(phrase), phrase
