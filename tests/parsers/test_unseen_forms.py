"""Forms worded and laid out unlike anything in the dev corpus, as other councils make them.
Each is built here, parsed end to end, and compared with what a person reads off it."""

import io

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from parsers import parse_bytes
from tests.parsers.accuracy import facts

# (label as another council words it, the answer, the record field, the value in the record)
ANSWERS = [
    ("Forename(s)", "Maya", "child.first_name", "Maya"),
    ("Family name", "OKAFOR", "child.last_name", "OKAFOR"),
    ("D.O.B.", "9th March 2014", "child.date_of_birth", "2014-03-09"),
    ("Sex", "F", "child.gender", "female"),  # the record's word for what "F" abbreviates
    ("Current address", "14 Larch Close, Amersham", "child.address", "14 Larch Close, Amersham"),
    ("Post Code", "hp6 5ab", "child.postcode", "HP6 5AB"),
    ("Name of school/setting", "Woodside Primary", "child.school_or_setting", "Woodside Primary"),
    ("Main language spoken at home", "Yoruba", "child.first_language", "Yoruba"),
    ("Additional needs / disability", "Type 1 diabetes", "child.disability", "Type 1 diabetes"),
    (
        "What are you worried about?",
        "Diabetes is poorly controlled.",
        "referral.reason_summary",
        "Diabetes is poorly controlled.",
    ),
    ("Voice of the child", "I hate the needles.", "referral.child_views", "I hate the needles."),
    (
        "Action taken so far",
        "Nurse visits weekly.",
        "referral.what_has_been_done",
        "Nurse visits weekly.",
    ),
    (
        "What support are you requesting?",
        "A Child in Need assessment.",
        "referral.request",
        "A Child in Need assessment.",
    ),
    ("Desired outcome", "Safe care at home.", "referral.intended_outcome", "Safe care at home."),
    ("Are the parents aware of this referral?", "Yes", "consent.family_informed", True),
]
REFERRER = [
    ("Name", "Priya Shah", "referrer.name", "Priya Shah"),
    ("Designation", "School Nurse", "referrer.role", "School Nurse"),
    ("Organisation", "Chiltern Community Health", "referrer.agency", "Chiltern Community Health"),
    ("Tel No.", "01494 586000", "referrer.phone", "01494 586000"),
    ("E-mail", "Priya.Shah@example.nhs.uk", "referrer.email", "priya.shah@example.nhs.uk"),
]
EXPECTED = {field: value for _, _, field, value in ANSWERS + REFERRER}


def two_pairs_a_row_word_form() -> bytes:
    """Labels in shaded-free bold cells, two label/answer pairs to a row, a referrer section."""
    document = docx.Document()
    document.add_heading("Request for support: Children's Services", level=1)
    document.add_heading("About the child or young person", level=2)
    table = document.add_table(rows=0, cols=4)
    pairs = ANSWERS[:]
    for left, right in zip(pairs[0::2], pairs[1::2] + [None], strict=False):
        cells = table.add_row().cells
        for offset, item in ((0, left), (2, right)):
            if item:
                cells[offset].paragraphs[0].add_run(item[0]).bold = True
                cells[offset + 1].text = item[1]
    document.add_heading("Person making the referral", level=2)
    referrer = document.add_table(rows=0, cols=2)
    for label, answer, _, _ in REFERRER:
        cells = referrer.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = answer
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def labels_above_answers_pdf() -> bytes:
    """A flat PDF: each label in bold above its answer, sections in larger type."""
    output = io.BytesIO()
    page = canvas.Canvas(output, pagesize=A4)
    y = 800

    def line(text: str, font: str = "Helvetica", size: int = 10, gap: int = 16) -> None:
        nonlocal y
        if y < 60:
            page.showPage()
            y = 800
        page.setFont(font, size)
        page.drawString(50, y, text)
        y -= gap

    line("Request for support: Children's Services", "Helvetica-Bold", 16, 28)
    line("About the child or young person", "Helvetica-Bold", 13, 22)
    for label, answer, _, _ in ANSWERS:
        line(label, "Helvetica-Bold")
        line(answer, gap=22)
    line("Person making the referral", "Helvetica-Bold", 13, 22)
    for label, answer, _, _ in REFERRER:
        line(label, "Helvetica-Bold")
        line(answer, gap=22)
    page.save()
    return output.getvalue()


@pytest.mark.parametrize("build", [two_pairs_a_row_word_form, labels_above_answers_pdf])
def test_a_form_worded_and_laid_out_differently_is_read_right(build):
    record = parse_bytes(build()).record
    found = facts(record)
    wrong = {
        field: (value, found.get(field))
        for field, value in EXPECTED.items()
        if found.get(field) != value
    }
    assert wrong == {}
