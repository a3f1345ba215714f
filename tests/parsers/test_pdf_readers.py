"""The PDF readers: what a person would see on the page comes out as labelled answers.

Corpus forms show the readers on the layouts we have; PDFs drawn here with reportlab show them on
layouts the corpus does not have (opaque field names, labels above their answers, forms with no
bold type), so nothing passes by knowing the corpus.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from parsers import parse_bytes, pdf
from parsers.errors import DamagedFile, EncryptedFile, FileTooLarge, NothingFound
from parsers.model import Observation, ReadDocument
from tests.parsers.generator import layouts_pdf

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the dev corpus is not here")


def corpus(name: str) -> bytes:
    return next(CORPUS.glob(f"{name}-*.pdf")).read_bytes()


def expected(name: str) -> dict:
    return json.loads(next(CORPUS.glob(f"{name}-*.expected.json")).read_text())


def answer(document: ReadDocument, label: str) -> Observation:
    found = [o for o in document.observations if o.labels and o.labels[0] == label]
    assert found, f"no answer labelled {label!r} in {[o.labels for o in document.observations]}"
    return found[0]


def ticked_option(text: str) -> str:
    """The caption after the ☒ in a row of tick boxes ("☐ A ☒ B ☐ C" -> "B")."""
    match = re.search(r"☒\s*([^☐☒]*)", text)
    assert match, f"nothing ticked in {text!r}"
    return match[1].strip()


# Flat PDFs from the corpus


@needs_corpus
def test_flat_pdf_label_beside_its_answer():
    document = pdf.read(corpus("dev-20"))
    assert document.kind == "flat-pdf"
    first_name = answer(document, "Child's first name")
    assert first_name.value == "Elaine"
    assert first_name.section == "Details of the child or young person being assessed"
    assert first_name.where == "page 1"


@needs_corpus
def test_text_running_across_a_page_break_is_complete_without_running_headers():
    document = pdf.read(corpus("dev-19"))
    facts = answer(document, "Facts")
    assert facts.value == expected("dev-19")["referral"]["facts"]
    assert "OFFICIAL" not in facts.value and "Page" not in facts.value
    assert facts.where == "pages 2–3"


@needs_corpus
def test_paragraphs_of_a_long_answer_stay_paragraphs():
    document = pdf.read(corpus("dev-20"))
    done = answer(document, "What has already been done")
    assert done.value == expected("dev-20")["referral"]["what_has_been_done"]
    assert done.value.count("\n") == 4  # five paragraphs, the last one on the next page


@needs_corpus
def test_address_lines_stay_lines_and_a_wrapped_label_is_whole():
    document = pdf.read(corpus("dev-21"))
    assert (
        answer(document, "Home address").value
        == "Flat 28\nGriffiths Court\n11 Turner Drive\nPort Peter"
    )
    document = pdf.read(corpus("dev-19"))
    assert answer(document, "Will the family be informed of this referral?").value == "☒ Yes ☐ No"
    identity = answer(
        document, "Identity, including self-esteem, self-image and social presentation"
    )
    assert identity.value.startswith("Paweł is proud of his heritage")


@needs_corpus
def test_headings_give_each_answer_its_section():
    document = pdf.read(corpus("dev-19"))
    sections = {o.labels[0]: o.section for o in document.observations}
    assert sections["Wider family"] == "Family and environmental factors"
    assert sections["Family and environmental factors"] == "Significant harm (Section 47 referrals)"
    assert sections["Name of referrer"] == "Referrer details"
    assert document.headings[:3] == [
        "Westshire Children's Services – Referral",
        "Level of need and service requested",
        "Details of the child or young person being assessed",
    ]


@needs_corpus
def test_ruled_household_and_attachment_tables():
    document = pdf.read(corpus("dev-19"))
    household, attachments = document.tables
    assert household.header == [
        "Name",
        "Relationship to child",
        "Date of birth",
        "Parental responsibility",
    ]
    assert household.rows[0] == ["Agnieszka Dąbrowska", "Mother", "15/04/1974", "Yes"]
    assert len(household.rows) == 3
    assert household.section == "Household members"
    assert attachments.header == ["Document type", "File name"]
    assert attachments.rows[1] == ["Screening tool", "Neglect-screening-Dabrowski.pdf"]


@needs_corpus
@pytest.mark.parametrize(
    ("name", "caption"),
    [("dev-22", "Early Help"), ("dev-23", "Section 47 Child Protection"), ("dev-24", "Section 17")],
)
def test_libreoffice_tick_marks_sit_before_the_option_they_tick(name, caption):
    document = pdf.read(corpus(name))
    pathway = answer(document, "Pathway requested")
    assert ticked_option(pathway.value).startswith(caption)
    assert pathway.value.count("☒") == 1 and pathway.value.count("☐") == 5


@needs_corpus
def test_libreoffice_table_cells_and_line_end_hyphens():
    document = pdf.read(corpus("dev-22"))
    assert answer(document, "Address").value == "31 Jones Close\nJamesville"
    assert answer(document, "Stimulation").value == (
        "Few toys or books at home; Irene keen to attend stay-and-play."
    )
    assert answer(document, "Gender").value == "☒ Male ☐ Female ☐ Other (please state):"
    assert document.tables[0].rows[1] == ["Declan Clark", "Mother's partner", "12/02/1981", "No"]


# AcroForm PDFs from the corpus


@needs_corpus
def test_acroform_answers_carry_the_printed_label_then_tooltip_then_name():
    document = pdf.read(corpus("dev-16"))
    assert document.kind == "acroform-pdf"
    surname = answer(document, "Child's surname")
    assert surname.value == "Warren"
    assert surname.labels == ["Child's surname", "child_last_name"]
    assert surname.where == "page 1, field child_last_name"
    assert surname.section == "Child's details"


@needs_corpus
def test_acroform_tick_boxes_have_caption_and_row_question():
    document = pdf.read(corpus("dev-16"))
    section_47 = answer(document, "Section 47 Child Protection")
    assert section_47.value is True
    assert section_47.group == "Pathway requested"
    assert answer(document, "Early Help").value is False
    informed_no = [o for o in document.observations if "consent_family_informed_no" in o.labels]
    assert informed_no[0].labels[0] == "No"
    assert informed_no[0].value is True
    assert informed_no[0].group == "Will the family be informed of this referral?"


@needs_corpus
def test_acroform_grid_of_boxes_is_a_table_with_the_printed_header():
    document = pdf.read(corpus("dev-17"))
    (household,) = document.tables
    assert household.header == [
        "Name",
        "Relationship to child",
        "Date of birth",
        "Parental responsibility",
    ]
    assert household.rows[2] == ["Mandy Pearson", "Maternal grandmother", "13/06/1961", "No"]
    assert len(household.rows) == 5  # the empty sixth row is left out
    assert not any("hh1_name" in o.labels for o in document.observations)
    assert not any("child_disability" in o.labels for o in document.observations)  # empty


# PDFs with layouts the corpus does not have


def _pdf(draw) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    draw(c)
    c.save()
    return buffer.getvalue()


def _stacked(c, pairs, at: tuple[float, float], step: float, drop: float, upper, lower) -> None:
    """Each pair as two lines, the first in ``upper`` type (font, size) over the second in
    ``lower`` type ``drop`` points below it; each pair ``step`` points below the one before."""
    x, y = at
    for first, second in pairs:
        c.setFont(*upper)
        c.drawString(x, y, first)
        c.setFont(*lower)
        c.drawString(x, y - drop, second)
        y -= step


@pytest.fixture(scope="module")
def opaque_acroform() -> bytes:
    """A fillable form whose fields are named Text1, Text2… and Check1, Check2, no tooltips."""

    def draw(c: canvas.Canvas) -> None:
        form = c.acroForm
        c.setFont("Helvetica-Bold", 13)
        c.drawString(50, 800, "About the young person")
        c.setFont("Helvetica", 10)

        def text(name: str, x: float, y: float, value: str, width: float = 150) -> None:
            form.textfield(name=name, x=x, y=y, width=width, height=16, value=value)

        c.drawString(50, 770, "Forename(s)")
        text("Text1", 130, 766, "Maya")
        c.drawString(300, 770, "Family name")
        text("Text2", 380, 766, "Okonkwo-Reid", 160)
        c.drawString(50, 740, "Date of birth")
        text("Text3", 130, 736, "07/09/2012")
        c.drawString(50, 712, "Name of school or setting")  # label above its box
        text("Text4", 50, 690, "Riverside Academy", 300)
        c.drawString(50, 662, "Any disability")
        text("Text5", 130, 658, "")
        c.drawString(50, 632, "Does the family agree to this referral?")
        form.checkbox(name="Check1", x=260, y=629, size=11, checked=True)
        c.drawString(275, 632, "Yes")
        form.checkbox(name="Check2", x=310, y=629, size=11, checked=False)
        c.drawString(325, 632, "No")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(50, 595, "People living with the young person")
        c.setFont("Helvetica-Bold", 9)
        for x, title in ((50, "Full name"), (220, "How related"), (360, "Born")):
            c.drawString(x, 575, title)
        rows = [("Ada Reid", "Mother", "01/02/1980"), ("Tom Reid", "Brother", "03/04/2010")]
        rows.append(("", "", ""))
        for n, row in enumerate(rows):
            y = 552 - 20 * n
            for k, (x, width) in enumerate(((50, 160), (220, 130), (360, 100))):
                text(f"Text{10 + 3 * n + k}", x, y, row[k], width)

    return _pdf(draw)


def test_opaque_acroform_field_names_give_way_to_printed_labels(opaque_acroform):
    document = pdf.read(opaque_acroform)
    assert document.kind == "acroform-pdf"
    forename = answer(document, "Forename(s)")
    assert (forename.value, forename.labels) == ("Maya", ["Forename(s)", "Text1"])
    assert forename.section == "About the young person"
    assert answer(document, "Family name").value == "Okonkwo-Reid"
    assert answer(document, "Date of birth").value == "07/09/2012"
    assert answer(document, "Name of school or setting").value == "Riverside Academy"
    assert not any("Text5" in o.labels for o in document.observations)


def test_opaque_acroform_tick_boxes_and_grid(opaque_acroform):
    document = pdf.read(opaque_acroform)
    yes, no = answer(document, "Yes"), answer(document, "No")
    assert (yes.value, no.value) == (True, False)
    assert yes.group == no.group == "Does the family agree to this referral?"
    (people,) = document.tables
    assert people.header == ["Full name", "How related", "Born"]
    assert people.rows == [
        ["Ada Reid", "Mother", "01/02/1980"],
        ["Tom Reid", "Brother", "03/04/2010"],
    ]
    assert people.section == "People living with the young person"
    assert document.headings == ["About the young person", "People living with the young person"]


def test_acroform_household_grid_on_its_side_and_rows_of_boxes_under_their_questions():
    """One person a column of fields, one detail a row, each row titled only at its left (the
    title running under the first field); rows of tick boxes each under their own printed
    question; a caption in larger type beside its box is no heading."""

    def draw(c: canvas.Canvas) -> None:
        form = c.acroForm
        c.setFont("Helvetica-Bold", 13)
        c.drawString(40, 800, "Who lives with the child?")
        people = [
            ("Ffion Vaughan", "21st September 1988", "Yes", "Mother"),
            ("Seren Vaughan", "27th June 2023", "No", "Sister"),
            ("Eira Vaughan", "not known", "No", "Sister"),
        ]
        titles = ["Person's name", "Birth date", "Holds parental responsibility", "Relationship"]
        c.setFont("Helvetica", 9)
        for row, title in enumerate(titles):
            y = 770 - 19 * row
            c.drawString(42, y + 4, title)
            for person, details in enumerate(people):
                form.textfield(
                    name=f"HouseholdMember{person + 1}{row + 1}",
                    x=143 + 103 * person,
                    y=y,
                    width=99,
                    height=16,
                    value=details[row],
                )
        c.drawString(40, 670, "Type of referral")
        for k, (x, caption, ticked) in enumerate(((40, "Early Help", False), (160, "CAMHS", True))):
            form.checkbox(name=f"PathwayOption{k + 1}", x=x, y=650, size=10, checked=ticked)
            c.drawString(x + 13, 651, caption)
        c.drawString(40, 636, "Threshold level")
        for k, x in enumerate((40, 110, 180)):
            form.checkbox(name=f"LevelOption{k + 1}", x=x, y=616, size=10, checked=k == 2)
            c.setFont("Helvetica", 11)  # captions a size up from the labels
            c.drawString(x + 13, 617, f"Level {k + 1}")
            c.setFont("Helvetica", 9)
        c.drawString(40, 590, "Name of worker")
        form.textfield(name="ReferrerName", x=40, y=570, width=300, height=16, value="Jo Bell")

    document = pdf.read(_pdf(draw))
    [grid] = document.tables
    assert grid.header == [
        "Person's name",
        "Ffion Vaughan",
        "Seren Vaughan",
        "Eira Vaughan",
    ]
    assert grid.rows == [
        ["Birth date", "21st September 1988", "27th June 2023", "not known"],
        ["Holds parental responsibility", "Yes", "No", "No"],
        ["Relationship", "Mother", "Sister", "Sister"],
    ]
    assert grid.section == "Who lives with the child?"
    assert not any(o.labels[-1].startswith("HouseholdMember") for o in document.observations)
    level = answer(document, "Level 3")
    assert (level.value, level.group) == (True, "Threshold level")
    assert answer(document, "CAMHS").group == "Type of referral"
    assert answer(document, "Name of worker").section == "Who lives with the child?"


def test_acroform_grid_titles_under_a_caption_running_over_several_columns():
    """A caption over a grid's column titles ("Name / About the person / Parental
    responsibility") stretches across columns: it is no part of the first column's title."""

    def draw(c: canvas.Canvas) -> None:
        form = c.acroForm
        c.setFont("Helvetica-Bold", 8)
        c.drawString(40, 790, "Name / About the person / Parental responsibility")
        titles = ["Name (in full)", "Relationship to the YP", "Born (date)", "PR held (Y/N)"]
        for column, title in enumerate(titles):
            c.drawString(40 + 130 * column, 778, title)
        people = [
            ("Chloe Fenwick", "Mother", "25-NOV-1987", "Yes"),
            ("Callum Fenwick", "Brother", "16-NOV-2022", "No"),
        ]
        for row, person in enumerate(people):
            for column, value in enumerate(person):
                form.textfield(
                    name=f"Grid{row}{column}",
                    x=40 + 130 * column,
                    y=752 - 20 * row,
                    width=120,
                    height=16,
                    value=value,
                )

    [grid] = pdf.read(_pdf(draw)).tables
    assert grid.header == [
        "Name (in full)",
        "Relationship to the YP",
        "Born (date)",
        "PR held (Y/N)",
    ]
    assert grid.rows[1] == ["Callum Fenwick", "Brother", "16-NOV-2022", "No"]


CONCERN = (
    "Maya has told her teacher that she is often left to look after her younger brother "
    "overnight while her mother works. "
) * 9 + "She has missed eleven days of school this term."


@pytest.fixture(scope="module")
def labels_above_pdf() -> bytes:
    """A drawn form with each label above its answer, two to a row in places, an unruled
    household table and a concern that runs onto a second page under running headers."""
    lines = simpleSplit(CONCERN, "Helvetica", 10, 480)

    def chrome(c: canvas.Canvas, page: int) -> None:
        c.setFont("Helvetica", 7)
        c.drawString(50, 815, "OFFICIAL-SENSITIVE  Anytown Council 2026/118")
        c.drawString(270, 25, f"Page {page} of 2")

    def label(c: canvas.Canvas, x: float, y: float, text: str) -> None:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x, y, text)

    def value(c: canvas.Canvas, x: float, y: float, text: str) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(x, y, text)

    def draw(c: canvas.Canvas) -> None:
        chrome(c, 1)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(50, 780, "Request for support")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 750, "The child")
        label(c, 50, 728, "Given name")
        value(c, 50, 715, "Maya")
        label(c, 50, 693, "Family name")
        value(c, 50, 680, "Okonkwo-Reid")
        label(c, 50, 658, "Date of birth")
        label(c, 250, 658, "Gender")
        value(c, 50, 645, "07/09/2012")
        value(c, 250, 645, "Female")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 615, "Household")
        for x, title in ((50, "Name"), (220, "Relationship"), (360, "Date of birth")):
            label(c, x, 595, title)
        for n, row in enumerate(
            (("Ada Reid", "Mother", "01/02/1980"), ("Tom Reid", "Brother", ""))
        ):
            for x, text in zip((50, 220, 360), row, strict=True):
                value(c, x, 580 - 14 * n, text)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 530, "Concerns")
        label(c, 50, 508, "Reason for concern")
        y = 495
        page_lines = iter(lines)
        for line in page_lines:
            value(c, 50, y, line)
            y -= 12
            if y < 440:
                break
        c.showPage()
        chrome(c, 2)
        y = 790
        for line in page_lines:
            value(c, 50, y, line)
            y -= 12
        label(c, 50, y - 10, "Child's views")
        value(c, 50, y - 23, "I want to stay at my school.")

    return _pdf(draw)


def test_labels_above_their_answers(labels_above_pdf):
    document = pdf.read(labels_above_pdf)
    assert document.kind == "flat-pdf"
    assert answer(document, "Given name").value == "Maya"
    assert answer(document, "Family name").value == "Okonkwo-Reid"
    assert answer(document, "Date of birth").value == "07/09/2012"
    assert answer(document, "Gender").value == "Female"
    assert answer(document, "Given name").section == "The child"
    assert document.headings == ["Request for support", "The child", "Household", "Concerns"]


def test_unruled_table_and_a_concern_across_pages(labels_above_pdf):
    document = pdf.read(labels_above_pdf)
    (household,) = document.tables
    assert household.header == ["Name", "Relationship", "Date of birth"]
    assert household.rows == [["Ada Reid", "Mother", "01/02/1980"], ["Tom Reid", "Brother", ""]]
    concern = answer(document, "Reason for concern")
    assert concern.value == CONCERN
    assert concern.where == "pages 1–2"
    assert answer(document, "Child's views").value == "I want to stay at my school."


def test_form_without_bold_reads_colon_labels():
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(50, 780, "Name of child: Sam Smith")
        c.drawString(50, 764, "Date of birth: 01/02/2015")
        c.drawString(50, 748, "Home address: 1 High Street")
        c.drawString(50, 736, "Anytown")
        c.drawString(50, 720, "Postcode: AN1 2TW")

    document = pdf.read(_pdf(draw))
    assert answer(document, "Name of child").value == "Sam Smith"
    assert answer(document, "Date of birth").value == "01/02/2015"
    assert answer(document, "Home address").value == "1 High Street\nAnytown"
    assert answer(document, "Postcode").value == "AN1 2TW"


def _tick_box(c: canvas.Canvas, x: float, y: float, mark: str = "") -> None:
    """A drawn 8-point square, marked with a typed letter, a filled square inside, or nothing."""
    c.rect(x, y, 8, 8, stroke=1, fill=0)
    if mark == "fill":
        c.rect(x + 1.5, y + 1.5, 5, 5, stroke=0, fill=1)
    elif mark:
        c.setFont("Helvetica", 8)
        c.drawString(x + 1.5, y + 1.2, mark)
        c.setFont("Helvetica", 9)


def test_drawn_tick_boxes_read_as_tick_marks():
    """Squares drawn after or before their captions, marked by a typed X or a filled square."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, 780, "Gender")
        c.drawString(50, 760, "Level of need")
        c.setFont("Helvetica", 9)
        x = 200
        for caption, mark in (("Male", ""), ("Female", "X"), ("Not known", "")):
            c.drawString(x, 780, caption)
            x += c.stringWidth(caption, "Helvetica", 9) + 4
            _tick_box(c, x, 779, mark)
            x += 20
        x = 200
        for caption, mark in (("Tier 3", ""), ("Tier 4", "fill")):
            _tick_box(c, x, 759, mark)
            c.drawString(x + 12, 760, caption)
            x += 60

    document = pdf.read(_pdf(draw))
    assert answer(document, "Gender").value == "Male ☐ Female ☒ Not known ☐"
    assert ticked_option(answer(document, "Level of need").value) == "Tier 4"


def test_boxes_crossed_with_two_pen_lines_and_a_tick_drawn_with_no_box():
    """A box marked by a cross drawn as two slanted lines (each as big as the box) is ticked
    and its empty neighbours are not; a tick drawn as two strokes before one option of a row
    with no boxes chooses that option."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, 780, "Gender")
        c.drawString(50, 740, "Level of need")
        c.setFont("Helvetica", 9)
        x = 200
        for caption in ("Female", "Male", "Not known"):
            c.rect(x, 779, 8, 8, stroke=1, fill=0)
            if caption == "Male":
                c.line(x, 779, x + 8, 787)
                c.line(x, 787, x + 8, 779)
            c.drawString(x + 11, 780, caption)
            x += 70
        x = 200
        for caption in ("Level 2", "Level 3", "Level 4"):
            if caption == "Level 3":
                c.line(x, 743, x + 3, 740)
                c.line(x + 3, 740, x + 8, 748)
            c.drawString(x + 11, 740, caption)
            x += 70

    document = pdf.read(_pdf(draw))
    assert answer(document, "Gender").value == "☐ Female ☒ Male ☐ Not known"
    assert ticked_option(answer(document, "Level of need").value) == "Level 3"


def test_plain_labels_above_their_answers_one_left_empty():
    """No bold anywhere: each label on its own line over its answer, an empty answer box, and
    a household answer of one person a line."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(50, 800, "Referral form")
        c.setFont("Helvetica", 9)
        y = 770
        for label, lines in (
            ("Child's first name", ["Sam"]),
            ("Disabilities or health conditions", []),
            ("Child's home address", ["1 High Street, Anytown"]),
            (
                "Details of parents/carers and others in the household",
                ["Mother Jo Smith, 1st Feb 1982", "Brother Alex Smith, 3rd Mar 2012"],
            ),
            ("Referrer contact number", ["01234 567890"]),
        ):
            c.drawString(50, y, label)
            y -= 11.5
            for text in lines:
                c.drawString(50, y, text)
                y -= 11.5
            y -= 14 if lines else 25

    document = pdf.read(_pdf(draw))
    assert answer(document, "Child's first name").value == "Sam"
    assert answer(document, "Child's home address").value == "1 High Street, Anytown"
    household = answer(document, "Details of parents/carers and others in the household")
    assert household.value == "Mother Jo Smith, 1st Feb 1982\nBrother Alex Smith, 3rd Mar 2012"
    assert answer(document, "Referrer contact number").value == "01234 567890"
    assert not [
        o for o in document.observations if o.labels == ["Disabilities or health conditions"]
    ]


def test_plain_labels_in_a_column_and_run_into_answers_with_a_dash():
    """Plain labels in a column beside their answers (one wrapped) in a form whose only bold
    is a table, and labels run into their answers with a dash."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(50, 560, "Lead professional")
        c.drawString(50, 544, "Lead professional role")
        c.setFont("Helvetica", 9)
        c.drawString(200, 560, "Jo Bloggs")
        c.drawString(200, 544, "Family Support Worker")
        c.setFont("Helvetica", 9)
        y = 760
        for label, value in (
            ("Name of worker", "Kirsty Drummond"),
            ("Job title", "SENCo"),
            ("Secure email", "kd@example.org"),
            ("Any SEN or disability (please", "Type 1 diabetes"),
        ):
            c.drawString(50, y, label)
            c.drawString(200, y, value)
            y -= 16
        c.drawString(50, y + 4.5, "give details)")
        c.drawString(50, 650, "Child's surname – Vaughan")
        c.drawString(50, 630, "Section 17 – Child in Need")

    document = pdf.read(_pdf(draw))
    assert answer(document, "Name of worker").value == "Kirsty Drummond"
    assert answer(document, "Job title").value == "SENCo"
    assert answer(document, "Any SEN or disability (please give details)").value == (
        "Type 1 diabetes"
    )
    assert answer(document, "Child's surname").value == "Vaughan"


def test_household_grid_on_its_side():
    """One person a column, one detail a row, row titles and cells wrapped onto a second line."""

    def draw(c: canvas.Canvas) -> None:
        rows = [
            (800, "Relation", ["mother", "mother's", "sister"]),
            (788, "to child", ["", "partner", ""]),
            (776, "Date of", ["24 June", "6 July 1993", "16"]),
            (764, "Birth (if", ["1986", "", "November"]),
            (752, "known)", ["", "", "2015"]),
            (740, "Name", ["Mariana", "Bartosz", "Joana"]),
            (728, "", ["Gonçalves", "Zielinski", "Gonçalves"]),
        ]
        for y, title, cells in rows:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(50, y, title)
            c.setFont("Helvetica", 10)
            for x, cell in zip((160, 260, 360), cells, strict=True):
                c.drawString(x, y, cell)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(50, 700, "Referral date")
        c.setFont("Helvetica", 10)
        c.drawString(160, 700, "6 June 2025")

    document = pdf.read(_pdf(draw))
    [grid] = document.tables
    assert grid.header == ["Relation to child", "mother", "mother's partner", "sister"]
    assert grid.rows == [
        ["Date of Birth (if known)", "24 June 1986", "6 July 1993", "16 November 2015"],
        ["Name", "Mariana Gonçalves", "Bartosz Zielinski", "Joana Gonçalves"],
    ]
    assert answer(document, "Referral date").value == "6 June 2025"


def test_word_printed_form_with_plain_labels_and_headings_in_label_type():
    """A Word form printed to PDF: headings bold at the labels' size, every label plain on its
    own line over its answer at one pitch, one answer left empty, one label at the foot of a
    page with its answer overleaf, an answer running on from its label back to the margin, and
    a household grid on its side whose last title wraps, followed by a heading."""
    pitch = 13.4

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(90, 760, "Referral form")
        y = 730

        def line(text: str, bold: bool = False, x: float = 90) -> None:
            nonlocal y
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
            c.drawString(x, y, text)
            y -= pitch

        line("Details of the person making the referral", bold=True)
        for text in ("Practitioner name", "Kirsty Drummond", "Designation", "School Nurse"):
            line(text)
        line("Details of the child", bold=True)
        for text in ("Surname", "Dabrowski", "Setting attended", "Postcode", "B12 6DR"):
            line(text)
        line("Household", bold=True)
        rows = [
            ("Name", ["Agnieszka Dabrowski", "Pawel Dabrowski"]),
            ("Date of birth", ["30/04/2000", "18/10/1980"]),
            ("Relationship to", ["Mother", "Father"]),
            ("CYP", []),
        ]
        for title, cells in rows:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(90, y, title)
            c.setFont("Helvetica", 10)
            for x, cell in zip((200, 330), cells, strict=False):
                c.drawString(x, y, cell)
            y -= pitch
        line("AGREED LEAD PROFESSIONAL", bold=True)
        line("Name of worker")
        line("Bethan Rees")
        y = 60
        line("Address where the child lives")
        c.showPage()
        y = 760
        line("126 Old Mill Lane, Castleford Green")
        c.setFont("Helvetica-Bold", 10)
        c.drawString(90, 730, "Brief summary of the concerns")
        c.setFont("Helvetica", 10)
        c.drawString(256, 730, "Wiktoria's weight has fallen from the 50th to the 9th")
        c.drawString(90, 730 - pitch, "centile in six months.")

    document = pdf.read(_pdf(draw))
    assert answer(document, "Practitioner name").value == "Kirsty Drummond"
    assert answer(document, "Practitioner name").section == (
        "Details of the person making the referral"
    )
    assert answer(document, "Designation").value == "School Nurse"
    assert answer(document, "Surname").section == "Details of the child"
    assert answer(document, "Postcode").value == "B12 6DR"
    assert not [o for o in document.observations if o.labels == ["Setting attended"]]
    [grid] = document.tables
    assert grid.rows[-1] == ["Relationship to CYP", "Mother", "Father"]
    assert answer(document, "Name of worker").value == "Bethan Rees"
    assert answer(document, "Name of worker").section == "AGREED LEAD PROFESSIONAL"
    assert answer(document, "Address where the child lives").value == (
        "126 Old Mill Lane, Castleford Green"
    )
    assert answer(document, "Brief summary of the concerns").value == (
        "Wiktoria's weight has fallen from the 50th to the 9th centile in six months."
    )


# Files that cannot be read


def test_password_protected_pdf_is_refused(labels_above_pdf):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(labels_above_pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(EncryptedFile, match="password"):
        pdf.read(out.getvalue())


def test_pdf_locked_only_against_editing_opens(labels_above_pdf):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(labels_above_pdf)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    assert answer(pdf.read(out.getvalue()), "Given name").value == "Maya"


def test_truncated_pdf_is_damaged(labels_above_pdf):
    with pytest.raises(DamagedFile, match="incomplete"):
        pdf.read(labels_above_pdf[: len(labels_above_pdf) // 2])


def test_header_only_pdf_is_damaged():
    with pytest.raises(DamagedFile):
        pdf.read(b"%PDF-1.4")


def test_garbage_after_the_header_is_damaged():
    with pytest.raises(DamagedFile):
        pdf.read(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")


def test_blank_pdf_has_nothing_on_it():
    with pytest.raises(NothingFound):
        pdf.read(_pdf(lambda c: c.showPage()))


def test_too_many_pages_is_refused():
    def draw(c: canvas.Canvas) -> None:
        for n in range(pdf.MAX_PAGES + 1):
            c.drawString(50, 800, f"page {n}")
            c.showPage()

    with pytest.raises(FileTooLarge, match="pages"):
        pdf.read(_pdf(draw))


def _raw_pdf(*objects: bytes) -> bytes:
    """A PDF with these objects (1 0 obj, 2 0 obj…) and a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_page_tree_that_loops_back_on_itself_is_refused():
    looping = _raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
    )
    with pytest.raises((DamagedFile, NothingFound)):
        pdf.read(looping)


def test_captions_in_small_type_at_the_top_of_boxes_two_to_a_row():
    """A drawn form of boxes, each with its question in small type in the top corner and the
    answer in full-size type inside: each answer goes with the caption above it, not with the
    caption of the box beside it, and a question answered by ticks on its own line is read."""

    def draw(c: canvas.Canvas) -> None:
        def box(x: float, top: float, width: float, caption: str, value: str) -> None:
            c.rect(x, top - 34, width, 34)
            c.setFont("Helvetica", 7)
            c.drawString(x + 3, top - 9, caption)
            c.setFont("Helvetica", 10)
            c.drawString(x + 6, top - 24, value)

        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, 780, "Child details")
        box(40, 770, 255, "Legal surname", "Marsh")
        box(300, 770, 255, "Forename(s)", "Leo")
        box(40, 732, 255, "Date of birth", "14/03/2015")
        box(300, 732, 255, "Sex", "Male")
        c.setFont("Helvetica", 10)
        c.drawString(40, 680, "Are parents aware of this referral?   Yes [X]   No [ ]")

    document = pdf.read(_pdf(draw))
    assert answer(document, "Legal surname").value == "Marsh"
    assert answer(document, "Forename(s)").value == "Leo"
    assert answer(document, "Date of birth").value == "14/03/2015"
    assert answer(document, "Sex").value == "Male"
    assert answer(document, "Are parents aware of this referral?").value == "Yes [X] No [ ]"
    assert not document.tables  # one row of boxes is not a grid


def test_numbered_questions_and_answers_indented_under_their_labels():
    """ "1a) | Your full name | Rebecca Thorne": the number is not the label; and a bold label
    with its answer indented on the line below."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(90, 790, "1")
        c.drawString(306, 790, "Referrer's details")
        for y, number, question, reply in (
            (770, "1a)", "Your full name", "Rebecca Thorne"),
            (752, "1b)", "Job title", "Health Visitor"),
        ):
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(90, y, number)
            c.setFont("Helvetica", 9.5)
            c.drawString(111, y, question)
            c.drawString(289, y, reply)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(90, 720, "Legal first name:")
        c.setFont("Helvetica", 9.5)
        c.drawString(111, 704, "Harvey")

    document = pdf.read(_pdf(draw))
    assert answer(document, "Your full name").value == "Rebecca Thorne"
    assert answer(document, "Job title").value == "Health Visitor"
    assert answer(document, "Legal first name").value == "Harvey"


def test_labels_on_tabs_over_the_boxes_of_their_answers():
    """A small bold caption on a tab sitting on the top edge of its answer's box: the box's
    top edge between them does not end the answer before it starts."""

    def draw(c: canvas.Canvas) -> None:
        for top, caption, reply in (
            (780, "Staff name", "Marcus Bell"),
            (740, "Job title", "Nurse"),
        ):
            c.rect(40, top - 30, 500, 24)  # the answer's box
            c.rect(40, top - 8, 80, 12)  # the caption's tab, over the box's top edge
            c.setFont("Helvetica-Bold", 7.5)
            c.drawString(43, top - 4, caption)
            c.setFont("Helvetica", 9)
            c.drawString(44, top - 20, reply)

    document = pdf.read(_pdf(draw))
    assert answer(document, "Staff name").value == "Marcus Bell"
    assert answer(document, "Job title").value == "Nurse"


def test_a_row_of_options_with_only_the_chosen_one_marked():
    """ "◆ Child in Need | Child protection | Early Help": the unmarked options stay options
    (empty boxes), so the marked one is the answer."""
    layouts_pdf.register_fonts()

    def draw(c: canvas.Canvas) -> None:
        c.setFont(layouts_pdf.BOLD, 9)
        c.drawString(40, 780, "Which service are you referring to?")
        c.setFont(layouts_pdf.REGULAR, 9)
        c.drawString(40, 764, "Early Help Hub")
        c.drawString(200, 764, "◆ Child in Need")
        c.drawString(360, 764, "Child protection")

    document = pdf.read(_pdf(draw))
    text = answer(document, "Which service are you referring to?").value
    assert text == "☐ Early Help Hub ◆ Child in Need ☐ Child protection"


def test_ligatures_of_a_word_form_printed_to_pdf_keep_every_letter():
    """LibreOffice prints "ff" and "ffi" as one glyph each; every letter is still read."""
    import docx

    from tests.parsers.generator import printed

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(
        table.rows, [("Job title", "Housing Officer"), ("Support", "Help was offered")], strict=True
    ):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[1].text = value
    buffer = io.BytesIO()
    document.save(buffer)
    read = pdf.read(printed.to_pdf([buffer.getvalue()])[0])
    assert answer(read, "Job title").value == "Housing Officer"
    assert answer(read, "Support").value == "Help was offered"


def test_a_small_hint_under_a_label_does_not_cut_the_answer_short():
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(90, 780, "Severity – how serious is it?")
        c.setFont("Helvetica", 9.5)
        c.drawString(306, 780, "Moderate bruising, skin not broken;")
        c.setFont("Helvetica", 7)
        c.drawString(90, 769, "Use the child's own words where possible")
        c.setFont("Helvetica", 9.5)
        c.drawString(306, 769, "medical requested.")
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(90, 757, "Duration of harm")
        c.setFont("Helvetica", 9.5)
        c.drawString(306, 757, "Since the summer.")

    document = pdf.read(_pdf(draw))
    severity = answer(document, "Severity – how serious is it?").value
    assert severity == "Moderate bruising, skin not broken; medical requested."
    assert answer(document, "Duration of harm").value == "Since the summer."


def test_a_column_of_hints_in_small_type_is_no_part_of_the_answers():
    """ "Area | Information | Help with this question" printed: the hints, and the lines they
    wrap onto, stay out of the answers beside them."""

    def draw(c: canvas.Canvas) -> None:
        rows = [
            (780, "Organisation/agency", ["Tanner's Row Medical", "Practice"], "If you have not"),
            (744, "Best number to call", ["0161 496 0416"], "Mandatory field – the"),
        ]
        for top, question, reply, hint in rows:
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(90, top, question)
            c.setFont("Helvetica", 9.5)
            for n, line in enumerate(reply):
                c.drawString(234, top - 12 * n, line)
            c.setFont("Helvetica", 7.5)
            c.drawString(378, top, hint)
            c.drawString(378, top - 9, "spoken to the parent")

    document = pdf.read(_pdf(draw))
    agency = answer(document, "Organisation/agency").value
    assert " ".join(agency.split()) == "Tanner's Row Medical Practice"  # its own line breaks
    assert answer(document, "Best number to call").value == "0161 496 0416"


def test_fillable_fields_two_to_a_row_each_under_its_own_question():
    """Rows of two boxes, each row under its own pair of questions: fields labelled from
    above, not one grid under the first row's questions."""

    def draw(c: canvas.Canvas) -> None:
        rows = [
            (780, ("Child's family name", "Pryce-Jones"), ("Forename(s) of child", "Carys")),
            (740, ("Date of birth (dd/mm/yyyy)", "31 05 2023"), ("Sex", "FEMALE")),
            (700, ("Current home address", "12 Orchard Rise"), ("Home postcode", "LE3 4FN")),
        ]
        number = 0
        for top, *pairs in rows:
            for x, (question, value) in zip((40, 300), pairs, strict=True):
                number += 1
                c.setFont("Helvetica", 8)
                c.drawString(x, top, question)
                c.acroForm.textfield(
                    name=f"Text Field {number}", x=x, y=top - 22, width=220, height=16, value=value
                )

    document = pdf.read(_pdf(draw))
    assert not document.tables
    assert answer(document, "Child's family name").value == "Pryce-Jones"
    assert answer(document, "Forename(s) of child").value == "Carys"
    assert answer(document, "Home postcode").value == "LE3 4FN"


def test_a_page_in_two_columns_is_read_one_column_after_the_other():
    """A landscape form in two columns whose questions do not line up across the gutter: each
    answer stays with the question above it in its own column."""

    def draw(c: canvas.Canvas) -> None:
        c.setPageSize((842, 595))
        c.setFont("Helvetica-Bold", 14)
        c.drawString(40, 560, "MARF – Multi Agency Referral Form across the whole page width")
        left = [
            ("Forename(s) of child", "Callum"),
            ("Surname (legal)", "Pickering"),
            ("Date of birth", "14 June 2014"),
            ("Child's postcode", "CF24 7PD"),
            ("Preferred language", "English"),
            ("Known disability", "Epilepsy"),
        ]
        right = [
            ("Staff name", "Tomasz Nowak"),
            ("Position in organisation", "Family worker"),
            ("Employing organisation", "Castleford Green Family Hub"),
            ("Contact no.", "01632 960058"),
            ("Date sent to MASH", "24 January 2026"),
            ("What are you worried about?", "Weight has fallen in six months."),
        ]
        for x, start, pairs in ((40, 520, left), (440, 508, right)):
            y = start
            for question, value in pairs:
                c.setFont("Helvetica-Bold", 8)
                c.drawString(x, y, question)
                c.setFont("Helvetica", 9)
                c.drawString(x + 2, y - 11, value)
                y -= 31

    document = pdf.read(_pdf(draw))
    assert answer(document, "Forename(s) of child").value == "Callum"
    assert answer(document, "Staff name").value == "Tomasz Nowak"
    assert answer(document, "Known disability").value == "Epilepsy"
    assert answer(document, "What are you worried about?").value == (
        "Weight has fallen in six months."
    )


def test_a_grid_ruled_row_by_row_keeps_wrapped_cells_in_their_row():
    """A household grid whose titles wrap unevenly under a shaded band and whose names and dates
    wrap in their cells, rows parted by ruling lines: one person a row, names whole (the wrapped
    lines, lined up alike row after row, are not labels beside answers)."""

    def draw(c: canvas.Canvas) -> None:
        columns = (90, 200, 310)
        c.setFillGray(0.85)
        c.rect(84, 742, 340, 40, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 8.5)
        titles = [(90, 772, "Full name of"), (200, 772, "D.O.B."), (310, 772, "Relationship")]
        titles += [(90, 762, "person"), (310, 762, "to the"), (310, 752, "child")]
        for x, y, text in titles:
            c.drawString(x, y, text)
        c.line(84, 742, 424, 742)
        c.setFont("Helvetica", 9.5)
        rows = [
            ("Aoife de", "Paor", "28 Apr.", "1981", "Mother"),
            ("Siobhán de", "Paor", "25 May", "2016", "Stepsister"),
            ("Róisín de", "Paor", "18 Nov.", "2001", "Stepsister"),
        ]
        top = 730
        for first, second, day, year, relation in rows:
            c.drawString(columns[0], top, first)
            c.drawString(columns[1], top, day)
            c.drawString(columns[2], top, relation)
            c.drawString(columns[0], top - 11, second)
            c.drawString(columns[1], top - 11, year)
            c.line(84, top - 16, 424, top - 16)
            top -= 28

    document = pdf.read(_pdf(draw))
    (people,) = document.tables
    assert [row[0] for row in people.rows] == ["Aoife de Paor", "Siobhán de Paor", "Róisín de Paor"]
    assert people.rows[0][1] == "28 Apr. 1981"


def test_an_option_struck_through_is_deleted_and_the_rule_is_no_row_line():
    """ "Yes / No (delete as applicable)" answered with a line through "No", in a ruled table:
    the struck word goes, and the strike is not taken for a line between rows."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        rows = [("Child's first name", "Maya"), ("Parents agree to this referral?", "Yes / No")]
        for n, (label, value) in enumerate(rows):
            y = 760 - 24 * n
            c.line(50, y + 16, 500, y + 16)
            c.drawString(56, y, label)
            c.drawString(306, y, value)
        c.line(50, 760 - 24 * len(rows) + 16, 500, 760 - 24 * len(rows) + 16)
        no_at = 306 + c.stringWidth("Yes / ", "Helvetica", 10)
        c.line(no_at, 739, no_at + c.stringWidth("No", "Helvetica", 10), 739)

    document = pdf.read(_pdf(draw))
    assert answer(document, "Parents agree to this referral?").value == "Yes /"
    assert answer(document, "Child's first name").value == "Maya"


def test_labels_set_right_in_a_ruled_column_beside_a_column_of_larger_text():
    """A Word form printed in two newspaper columns: notes in large type on the left, on the
    right a ruled table whose labels are set right and wrap (on to lower-case words or capitals,
    "Adult 1 –" / "DOB"). Each label is whole with its whole answer, and a row's top rule, level
    with the middle of a line of the other column, strikes nothing out of the row under it."""

    def draw(c: canvas.Canvas) -> None:
        c.setLineWidth(0.5)
        rows = [
            (("Since when have", "you been", "worried?"), ("Abuse reported", "for two years.")),
            (("Severity (low /", "moderate", "/ serious)"), ("High risk on", "DASH.")),
            (("Adult 1 –", "DOB"), ("13 Nov 1997",)),
            (("Name of the", "young person"), ("Liam", "Ashworth")),
        ]
        top, rules = 700.0, [700.0]
        for label, value in rows:
            c.setFont("Helvetica-Bold", 9)
            for n, text in enumerate(label):
                c.drawRightString(434, top - 9 - 11 * n, text)
            c.setFont("Helvetica", 9)
            for n, text in enumerate(value):
                c.drawString(446, top - 9 - 11 * n, text)
            top -= 11 * max(len(label), len(value)) + 6
            rules.append(top)
        for y in rules:
            c.line(310, y, 560, y)
        for x in (310, 440, 560):
            c.line(x, rules[0], x, rules[-1])
        c.setFont("Helvetica", 14)
        notes = iter(
            ["This form replaces", "the previous one", "(version 5). Please", "use the current"]
            + ["version from the", "partnership website", "and send it to", "the front door"]
        )
        for y in rules[:-1]:
            c.drawString(50, y - 6, next(notes))
            c.drawString(50, y - 23, next(notes))

    document = pdf.read(_pdf(draw))
    assert [(o.labels[0], o.value) for o in document.observations] == [
        ("Since when have you been worried?", "Abuse reported\nfor two years."),
        ("Severity (low / moderate / serious)", "High risk on\nDASH."),
        ("Adult 1 – DOB", "13 Nov 1997"),
        ("Name of the young person", "Liam\nAshworth"),
    ]


def _shaded_grid(c: canvas.Canvas, top: float, rows) -> float:
    """Rows of a two-column ruled grid, (shaded, [lines of each cell]); titles in italic on
    grey cells. Returns where the grid ends."""
    y = top
    for shaded, cells in rows:
        height = 12 * max(len(cell) for cell in cells) + 4
        if shaded:
            c.setFillGray(0.85)
            for x in (50, 250):
                c.rect(x, y - height, 200, height, stroke=0, fill=1)
            c.setFillGray(0)
        c.setFont("Helvetica-Oblique" if shaded else "Helvetica", 9)
        for column, cell in enumerate(cells):
            for n, text in enumerate(cell):
                c.drawString(54 + 200 * column, y - 11 - 12 * n, text)
        c.line(50, y, 450, y)
        y -= height
    c.line(50, y, 450, y)
    for x in (50, 250, 450):
        c.line(x, top, x, y)
    return y


def test_questions_in_shaded_cells_over_their_answers_two_to_a_row():
    """Questions in italic on grey cells of a ruled grid, two to a row, each over the answer in
    the cell below; a household grid under a shaded title row, a note in a person's cell under
    their name ("d.o.b. not given") no part of the name, nor a question."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 790, "The child we are worried about")
        end = _shaded_grid(
            c,
            780,
            [
                (True, [["Child's forename(s)"], ["Surname of the young person"]]),
                (False, [["Andrei"], ["Popescu"]]),
                (True, [["Referrer's organisation"], ["Requester's telephone"]]),
                (False, [["Woodside Primary School"], ["0117 496 0098"]]),
            ],
        )
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, end - 24, "Household composition")
        _shaded_grid(
            c,
            end - 34,
            [
                (True, [["Name (DoB underneath)"], ["How related to the child"]]),
                (False, [["Ioana Popescu", "d.o.b. not given"], ["Mother"]]),
                (False, [["Gethin Pryce-Jones", "18-Dec-1987"], ["Stepfather"]]),
            ],
        )

    record = parse_bytes(_pdf(draw)).record
    assert (record["child"]["first_name"], record["child"]["last_name"]) == ("Andrei", "Popescu")
    assert record["referrer"] == {"agency": "Woodside Primary School", "phone": "0117 496 0098"}
    assert [(p["name"], p.get("date_of_birth")) for p in record["household_members"]] == [
        ("Ioana Popescu", None),
        ("Gethin Pryce-Jones", "1987-12-18"),
    ]


def test_a_bold_row_across_a_ruled_table_of_plain_labels_heads_the_rows_under_it():
    """A Word table printed: plain labels beside their answers, a row ruled off above and below,
    and rows in bold across the table that head the rows under them, so "Practitioner name"
    under "Lead professional / key worker" is the lead professional's."""

    def draw(c: canvas.Canvas) -> None:
        rows = [
            ("Referrer details", None),
            ("Practitioner name", "Jo Bell"),
            ("Phone", "01632 960001"),
            ("Lead professional / key worker", None),
            ("Practitioner name", "Noor Al-Amin"),
            ("Phone", "0191 498 0318"),
        ]
        y = 780
        for label, value in rows:
            c.line(84, y + 12, 517, y + 12)
            c.setFont("Helvetica" if value else "Helvetica-Bold", 9)
            c.drawString(90, y + 2, label)
            if value:
                c.drawString(306, y + 2, value)
            y -= 12
        c.line(84, y + 12, 517, y + 12)

    record = parse_bytes(_pdf(draw)).record
    assert record["referrer"] == {"name": "Jo Bell", "phone": "01632 960001"}
    assert record["lead_professional"] == {"name": "Noor Al-Amin", "phone": "0191 498 0318"}


def test_documents_listed_a_line_each_under_their_heading_are_attachments():
    """Under a bold "Other documents" heading, numbered lines "kind: file name" with no label of
    their own: each a document sent with the form."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(40, 780, "Practitioner name")
        c.setFont("Helvetica", 9)
        c.drawString(200, 780, "Noor Al-Amin")
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, 750, "Other documents")
        c.setFont("Helvetica", 9)
        lines = ["1. Neglect toolkit: Popescu_GCP2_screening.pdf", "2. EHCP: Popescu EHC Plan.pdf"]
        for n, line in enumerate(lines):
            c.drawString(40, 730 - 11.5 * n, line)

    record = parse_bytes(_pdf(draw)).record
    assert record["attachments"] == [
        {"kind": "screening_tool", "filename": "Popescu_GCP2_screening.pdf"},
        {"kind": "ehcp", "filename": "Popescu EHC Plan.pdf"},
    ]


def test_ruled_tables_in_two_columns_whose_rows_stand_level_are_read_column_by_column():
    """A Word form printed in two newspaper columns inside a page border, a heading and a ruled
    table in each column, their rows at the same heights: each column's answers are under its
    own heading, and a name wrapped after its hyphen ("El-" over "Sayed") is one name."""

    def draw(c: canvas.Canvas) -> None:
        c.rect(23, 23, 566, 796)  # the page's border
        columns = {
            84: (
                "The child",
                ["Forename", "Surname", "Gender", "Language", "School", "GP", "Town"],
            ),
            311: ("Referrer", ["Name", "Role", "Agency", "Phone", "Email", "Date", "Mobile"]),
        }
        answers = {
            "Forename": ["Liban"],
            "Surname": ["Hassan"],
            "Gender": ["Male"],
            "Language": ["English"],
            "School": ["Little Acorns"],
            "GP": ["Dr Shah"],
            "Name": ["Amira El-", "Sayed"],
            "Role": ["PC"],
            "Agency": ["Westshire Police"],
            "Phone": ["0117 496 0077"],
            "Email": ["amira@example.org"],
            "Date": ["11/07/2026"],
            "Town": ["Westbury"],
            "Mobile": ["07700 900123"],
        }
        for left, (heading, labels) in columns.items():
            c.setFont("Helvetica-Bold", 12)
            c.drawString(left, 775, heading)
            top = 760
            for label in labels:
                c.line(left, top, left + 206, top)
                c.setFont("Helvetica-Bold", 9)
                c.drawString(left + 4, top - 10, label)
                c.setFont("Helvetica", 9)
                for n, text in enumerate(answers[label]):
                    c.drawString(left + 110, top - 10 - 11 * n, text)
                top -= 26
            c.line(left, top, left + 206, top)

    record = parse_bytes(_pdf(draw)).record
    assert (record["child"]["first_name"], record["child"]["last_name"]) == ("Liban", "Hassan")
    assert record["child"]["school_or_setting"] == "Little Acorns"
    assert record["referrer"]["name"] == "Amira El-Sayed"
    assert record["referrer"]["phone"] == "0117 496 0077"


def test_answers_in_capitals_that_say_what_they_are_are_no_labels_over_bold_ones():
    """Bold labels over plain answers, some answers in capitals because they are a postcode or
    a date: those are answers, not plain capital labels over bold answers."""

    def draw(c: canvas.Canvas) -> None:
        rows = [
            ("Young person's postcode", "SW19 5RZ"),
            ("Date of birth", "28 FEBRUARY 2019"),
            ("Date of this request", "4 OCTOBER 2025"),
            ("School attended", "St Bede's RC Primary"),
            ("Parent's postcode", "LE3 6FT"),
            ("Language used at home", "Somali"),
        ]
        y = 780
        for label, answer in rows:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(90, y, label)
            c.setFont("Helvetica", 10)
            c.drawString(90, y - 23, answer)
            y -= 46

    record = parse_bytes(_pdf(draw)).record
    assert record["child"]["postcode"] == "SW19 5RZ"
    assert record["child"]["date_of_birth"] == "2019-02-28"
    assert record["child"]["school_or_setting"] == "St Bede's RC Primary"


def test_labels_of_two_pairs_to_a_row_wrapped_under_themselves_stay_whole():
    """Plain labels two to a row beside boxed answers, each wrapped onto the line below under
    itself ("Child/young person's" over "full name"): each label whole beside its answer."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 11)
        c.drawString(44, 790, "Information about the young person")
        rows = [
            (
                ("Child/young person's", "full name", "Lucas Wojcik"),
                ("Address the young", "person lives at", "55 Quarry Bank"),
            ),
            (
                ("Subject child –", "postcode", "EX4 7PW"),
                ("School / nursery /", "college attended", "Castleford Sixth Form"),
            ),
            (
                ("Your phone number", "(referrer)", "01632 960193"),
                ("Role of referring", "professional", "SENCo"),
            ),
        ]
        y = 770
        c.setFont("Helvetica", 8)
        for pair in rows:
            for x, (first, rest, answer) in zip((40, 304), pair, strict=True):
                c.rect(x + 100, y - 14, 150, 20)
                c.drawString(x, y, first)
                c.drawString(x, y - 10, rest)
                c.drawString(x + 106, y, answer)
            y -= 30

    read = pdf.read(_pdf(draw))
    assert answer(read, "Child/young person's full name").value == "Lucas Wojcik"
    assert answer(read, "Address the young person lives at").value == "55 Quarry Bank"
    assert answer(read, "Subject child – postcode").value == "EX4 7PW"
    assert answer(read, "Role of referring professional").value == "SENCo"


def test_plain_labels_run_into_answers_at_the_answer_column_and_wrapping_to_the_margin():
    """A Word form printed to PDF: plain labels at x=111, answers at x=289; one numbered answer
    is parted from its label by a gap narrower than a span's but starts in the answer column,
    and wraps back to the margin where its bold number stands; "Any attachments" is a label though
    no field's words."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9.5)
        rows = [
            ("Legal first name", "Oisín"),
            ("Last name (legal)", "de Paor"),
            ("Main home language", "English"),
            ("Current school", "Hexley College"),
        ]
        y = 780
        for label, value in rows:
            c.drawString(111, y, label)
            c.drawString(289, y, value)
            y -= 22
        label = "Other information / documents sent here"
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(90, y, "11.")
        c.setFont("Helvetica", 9.5)
        c.drawString(111, y, label)
        assert 289 - (111 + c.stringWidth(label, "Helvetica", 9.5)) < 1.1 * 9.5
        c.drawString(289, y, "I have attached the neglect screening and the")
        c.drawString(90, y - 12, "DASH checklist we completed with mum on Friday.")
        y -= 40
        c.drawString(111, y, "Any attachments")
        c.drawString(200, y, "(1) EHCP-Smith-2026.pdf [Current EHCP]")

    document = pdf.read(_pdf(draw))
    assert answer(document, "Other information / documents sent here").value == (
        "I have attached the neglect screening and the DASH checklist we completed with mum on "
        "Friday."
    )
    assert answer(document, "Any attachments").value == "(1) EHCP-Smith-2026.pdf [Current EHCP]"


def test_people_in_ruled_rows_with_no_titles_under_a_household_heading():
    """ "Mother | Jane Smith | 01/02/1985" row after row in a ruled box, no column titles: each
    row is a person, found by what validates itself."""
    from parsers import parse_bytes

    people = [
        ("Mother", "Jane Smith", "01/02/1985"),
        ("Brother", "Sam Smith", "12/05/2016"),
        ("Maternal grandmother", "Ann Jones", "03/03/1960"),
    ]

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 11)
        c.drawString(50, 790, "Household members")
        c.setFont("Helvetica", 10)
        y = 770
        for person in people:
            c.line(50, y + 14, 500, y + 14)
            for x, text in zip((55, 200, 350), person, strict=True):
                c.drawString(x, y, text)
            y -= 20
        c.line(50, y + 14, 500, y + 14)
        for x in (50, 195, 345, 500):
            c.line(x, 784, x, y + 14)

    found = parse_bytes(_pdf(draw)).record["household_members"]
    assert [(p["name"], p["relationship"], p["date_of_birth"]) for p in found] == [
        ("Jane Smith", "mother", "1985-02-01"),
        ("Sam Smith", "brother", "2016-05-12"),
        ("Ann Jones", "maternal grandmother", "1960-03-03"),
    ]


def test_plain_capital_labels_over_answers_in_bold():
    """A form filled in on screen and printed: labels in plain capitals, each answer in bold
    on the line below; the capitals are labels, not headings, and the bold lines answers."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(90, 800, "MASH Multi-Agency Referral")
        pairs = (
            ("REFERRER'S FULL NAME", "Kirsty Drummond"),
            ("POSITION HELD", "Youth Worker"),
            ("CHILD'S LEGAL NAME", "Said Ahmed"),
            ("CHILD'S DATE OF BIRTH", "19/09/2022"),
            ("CHILD'S POSTCODE", "LE3 6RD"),
            ("DATE OF REFERRAL", "26 NOVEMBER 2026"),
        )
        _stacked(c, pairs, (90, 770), 46, 22, ("Helvetica", 9.5), ("Helvetica-Bold", 9.5))

    document = pdf.read(_pdf(draw))
    assert [(o.labels[0], o.value) for o in document.observations] == [
        ("REFERRER'S FULL NAME", "Kirsty Drummond"),
        ("POSITION HELD", "Youth Worker"),
        ("CHILD'S LEGAL NAME", "Said Ahmed"),
        ("CHILD'S DATE OF BIRTH", "19/09/2022"),
        ("CHILD'S POSTCODE", "LE3 6RD"),  # in capitals, an answer all the same
        ("DATE OF REFERRAL", "26 NOVEMBER 2026"),
    ]
    assert document.headings == ["MASH Multi-Agency Referral"]


def test_an_answer_written_over_several_write_on_lines_stays_whole():
    """A paper form's answer lines: a rule just under each line of the answer is the line it
    is written on, not the end of the answer; the box's own rule still ends it."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9)
        rows = [
            (
                "What service is needed?",
                [
                    "A coordinated plan: speech and language therapy,",
                    "a place at stay-and-play and a dentist.",
                ],
            ),
            ("Evidence of concern", ["Uses around ten words. Moved here in June."]),
        ]
        y = 780
        for label, lines in rows:
            c.line(225, y + 14, 556, y + 14)  # the top of the answer box
            c.drawString(40, y, label)
            for text in lines:
                c.drawString(227, y, text)
                c.line(225, y - 2.5, 556, y - 2.5)  # the line it is written on
                y -= 14
            y -= 20

    document = pdf.read(_pdf(draw))
    assert answer(document, "What service is needed?").value == (
        "A coordinated plan: speech and language therapy, a place at stay-and-play and a dentist."
    )
    assert answer(document, "Evidence of concern").value == (
        "Uses around ten words. Moved here in June."
    )


def test_an_option_ringed_by_hand_is_chosen_and_a_ringed_question_number_is_not():
    """ "Parental consent: (Y) N N/K" with a circle drawn round Y; question numbers printed
    inside circles choose nothing."""
    from parsers import parse_bytes

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9)
        rows = [
            ("1a", "Legal first name", "Abdul", None),
            ("1b", "Parental consent for referral", "Y      N      N/K", "Y"),
            ("1c", "Information sharing agreed", "Y      N      N/K", "N"),
        ]
        y = 780
        for number, label, value, ringed in rows:
            c.circle(46, y + 3, 8, stroke=1, fill=0)
            c.drawString(40, y, number)
            c.drawString(60, y, label)
            c.drawString(227, y, value)
            if ringed:
                x = 227 + c.stringWidth(value[: value.index(ringed)], "Helvetica", 9)
                c.circle(x + c.stringWidth(ringed, "Helvetica", 9) / 2, y + 3, 7)
            y -= 30

    record = parse_bytes(_pdf(draw)).record
    assert record["child"]["first_name"] == "Abdul"
    assert record["consent"]["family_agrees"] is True
    assert record["consent"]["information_sharing"] is False


def test_a_grid_of_questions_guidance_and_responses_answers_each_question():
    """ "Question | Guidance notes | Response" over rows of a form's questions: each row is a
    question and its answer, the small-type guidance between them no part of either."""
    from parsers import parse_bytes

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 8.5)
        for x, title in ((90, "Question"), (234, "Guidance notes"), (378, "Response")):
            c.drawString(x, 780, title)
        y = 765
        for question, hint, response in (
            ("Forename(s) of child", "As on the birth certificate", "Siobhán"),
            ("Surname (legal)", "", "de Búrca"),
            ("Home postcode", "If not known, say so", "N15 3TT"),
            ("Languages spoken by child", "Say who told you this", "English"),
        ):
            c.setFont("Helvetica", 9.5)
            c.drawString(90, y, question)
            c.drawString(378, y, response)
            c.setFont("Helvetica", 7)
            c.drawString(234, y, hint)
            y -= 16

    child = parse_bytes(_pdf(draw)).record["child"]
    assert (child["first_name"], child["last_name"], child["postcode"]) == (
        "Siobhán",
        "de Búrca",
        "N15 3TT",
    )
    assert child["first_language"] == "English"


def test_two_columns_whose_lines_meet_a_little_off_level_are_read_one_after_the_other():
    """Labels over answers in two columns whose lines meet across the gutter a little above
    or below each other: each column is read down, not each line across the page."""
    from parsers import parse_bytes

    left = [
        ("Staff name", "Tomasz Nowak"),
        ("Designation/post", "Class Teacher"),
        ("First name", "Andreea"),
        ("Last name", "Popescu"),
    ]
    right = [
        ("Usual place of residence", "109 Marsh Terrace, Amblecote"),
        ("Postcode where the child lives", "E17 3EB"),
        ("What are you worried about for this child?", "Andreea was taken to A&E in May."),
        ("Hoped-for outcome", "Andreea understands the risks."),
    ]

    def draw(c: canvas.Canvas) -> None:
        for x, lower, rows in ((50, 0, left), (330, 3.5, right)):
            _stacked(c, rows, (x, 780 - lower), 30, 12, ("Helvetica-Bold", 8), ("Helvetica", 9))

    record = parse_bytes(_pdf(draw)).record
    assert record["child"]["first_name"] == "Andreea"
    assert record["child"]["last_name"] == "Popescu"
    assert record["child"]["address"] == "109 Marsh Terrace, Amblecote"
    assert record["child"]["postcode"] == "E17 3EB"
    assert record["referrer"]["name"] == "Tomasz Nowak"
    assert record["referral"]["reason_summary"] == "Andreea was taken to A&E in May."


def test_a_bold_question_over_a_row_of_options_is_answered_by_the_one_ticked():
    """ "Referral to (please tick)" in bold over "Targeted Early Help service ✓   s.17 child in
    need": the question and its options, not a heading over a label and its answer."""
    from parsers import parse_bytes
    from tests.parsers.generator.layouts_pdf import BOLD, REGULAR, register_fonts

    register_fonts()  # fonts with a tick in them

    def draw(c: canvas.Canvas) -> None:
        c.setFont(BOLD, 8)
        c.drawString(50, 780, "Referral to (please tick)")
        c.setFont(BOLD, 9)
        c.drawString(50, 766, "Targeted Early Help service ✓")
        c.setFont(REGULAR, 9)
        c.drawString(230, 766, "s.17 child in need")
        c.setFont(BOLD, 8)
        c.drawString(50, 740, "Forename(s) of child")
        c.setFont(REGULAR, 9)
        c.drawString(50, 728, "Clodagh")

    record = parse_bytes(_pdf(draw)).record
    assert record["pathway"] == "early_help"
    assert record["child"]["first_name"] == "Clodagh"


def test_fields_captioned_underneath_take_the_words_under_them():
    """A fillable form that prints each field's caption under its box (the field names say
    nothing): each answer goes with the words below it, not with the caption of the field
    above."""
    from parsers import parse_bytes

    def draw(c: canvas.Canvas) -> None:
        form = c.acroForm
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 800, "1. Child/young person")
        y = 770
        for number, (caption, value) in enumerate(
            (
                ("Child's first name", "Olúwaseun"),
                ("Child's surname", "Balogun"),
                ("Usual place of residence", "100 Orchard Rise, Kirkholme"),
                ("Child's postcode", "SW19 8EL"),
                ("Education provision", "Hexley Children's Centre Nursery"),
                ("First or preferred language", "English"),
            ),
            start=1,
        ):
            form.textfield(name=f"Text{number}", x=50, y=y, width=300, height=16, value=value)
            c.setFont("Helvetica", 8)
            c.drawString(50, y - 9, caption)
            y -= 40

    child = parse_bytes(_pdf(draw)).record["child"]
    assert child == {
        "first_name": "Olúwaseun",
        "last_name": "Balogun",
        "address": "100 Orchard Rise, Kirkholme",
        "postcode": "SW19 8EL",
        "school_or_setting": "Hexley Children's Centre Nursery",
        "first_language": "English",
    }


def test_answers_captioned_underneath_in_smaller_type_take_the_caption_under_them():
    """Drawn boxes, each answer inside and its caption under the box in smaller type: each
    caption labels the answer above it, not the one below."""
    from parsers import parse_bytes

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 800, "1. Child/young person")
        y = 770
        for caption, answer in (
            ("Child's first name", "Olúwaseun"),
            ("Child's surname", "Balogun"),
            ("Usual place of residence", "100 Orchard Rise, Kirkholme"),
            ("Child's postcode", "SW19 8EL"),
        ):
            c.rect(50, y - 4, 300, 18)
            c.setFont("Helvetica", 10)
            c.drawString(54, y + 1, answer)
            c.setFont("Helvetica", 8)
            c.drawString(50, y - 13, caption)
            y -= 40

    child = parse_bytes(_pdf(draw)).record["child"]
    assert child == {
        "first_name": "Olúwaseun",
        "last_name": "Balogun",
        "address": "100 Orchard Rise, Kirkholme",
        "postcode": "SW19 8EL",
    }


def test_labels_in_small_type_over_their_answers_are_not_taken_for_captions_under_them():
    """Small labels each nearer the answer below them than the answer above: left in order,
    labels over answers (only captions hugging the answer above them are moved)."""
    import pypdfium2 as pdfium

    from parsers import pdf_plain_labels, pdf_text

    def draw(c: canvas.Canvas) -> None:
        pairs = (
            ("Child's first name", "Olúwaseun"),
            ("Child's surname", "Balogun"),
            ("Child's postcode", "SW19 8EL"),
            ("First or preferred language", "English"),
        )
        _stacked(c, pairs, (50, 770), 28, 12, ("Helvetica", 8), ("Helvetica", 10))

    page = pdf_text.read_page(pdfium.PdfDocument(_pdf(draw)), 0)
    before = [line.text for line in page.lines]
    pdf_plain_labels.captions_under([page])
    assert [line.text for line in page.lines] == before
    assert before[:2] == ["Child's first name", "Olúwaseun"]


def test_a_second_row_of_titles_splitting_the_first_gives_the_grid_its_columns():
    """ "About the person" over "Relationship | Date of birth": each cell under its own title."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 800, "Members of the household")
        c.setFont("Helvetica-Bold", 10)
        for x, title in ((50, "Name"), (200, "About the person"), (430, "Parental")):
            c.drawString(x, 770, title)
        for x, title in (
            (50, "Full name"),
            (200, "Relationship"),
            (320, "Date of birth"),
            (430, "responsibility"),
        ):
            c.drawString(x, 758, title)
        c.setFont("Helvetica", 10)
        for y, cells in (
            (740, ("Jane Smith", "Mother", "01/02/1985", "Yes")),
            (726, ("Sam Smith", "Brother", "12/05/2016", "No")),
        ):
            for x, cell in zip((50, 200, 320, 430), cells, strict=True):
                c.drawString(x, y, cell)

    [grid] = pdf.read(_pdf(draw)).tables
    assert grid.header == [
        "Name Full name",
        "Relationship",
        "Date of birth",
        "Parental responsibility",
    ]
    assert grid.rows[1] == ["Sam Smith", "Brother", "12/05/2016", "No"]


def test_dot_leaders_part_each_label_from_its_answer():
    """ "Surname..........Hughes" printed as one run of text: the dots are no part of either."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 800, "Part A – the child")
        c.setFont("Helvetica", 10)
        c.drawString(50, 780, "Child's surname" + "." * 30 + "Hughes")
        c.drawString(50, 766, "Postcode of residence" + "…" * 12 + "S2 0SD")
        c.drawString(50, 752, "Language child speaks best" + "." * 20 + "Welsh")

    document = pdf.read(_pdf(draw))
    assert answer(document, "Child's surname").value == "Hughes"
    assert answer(document, "Postcode of residence").value == "S2 0SD"
    assert answer(document, "Language child speaks best").value == "Welsh"


def test_a_question_numbered_in_white_on_a_black_square_is_no_ticked_box():
    def draw(c: canvas.Canvas) -> None:
        for y, number, label, value in (
            (780, "A1", "Christian / first name:", "Ionut"),
            (760, "A2", "Surname of the young person:", "Ionescu"),
        ):
            c.setFillColorRGB(0, 0, 0)
            c.rect(40, y - 3, 12, 12, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("Helvetica-Bold", 6)
            c.drawString(41.5, y, number)
            c.setFillColorRGB(0, 0, 0)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(60, y, label)
            c.setFont("Helvetica", 9)
            c.drawString(60 + c.stringWidth(label, "Helvetica-Bold", 9) + 4, y, value)

    document = pdf.read(_pdf(draw))
    assert answer(document, "Christian / first name").value == "Ionut"
    assert answer(document, "Surname of the young person").value == "Ionescu"
