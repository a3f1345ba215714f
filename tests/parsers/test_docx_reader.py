"""The Word reader reports what a person sees on the form: each answer beside its label, grids
as rows, tick boxes as True/False, and never a control's placeholder text.

Corpus files show the layouts we were given; small documents built here show layouts we were
not (labels above answers, two pairs to a row, a household grid turned sideways, legacy form
fields, placeholders), so the reader is shown to work from layout rather than wording.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from parsers import docx_form
from parsers.errors import (
    DamagedFile,
    EncryptedFile,
    FileTooLarge,
    NothingFound,
    ParseError,
    UnsupportedFile,
)
from tests.support.imports import CORPUS, zip_of

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'{nsdecls("w")} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


# -- helpers ------------------------------------------------------------------------------------
def corpus(name: str):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {name} is not here")
    return docx_form.read(path.read_bytes())


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def answer(read, label: str):
    """The value of the first observation whose first label is ``label``."""
    found = [o for o in read.observations if o.labels and o.labels[0] == label]
    assert found, f"no observation labelled {label!r}: {[o.labels for o in read.observations]}"
    return found[0].value


def observation(read, label: str):
    return next(o for o in read.observations if label in o.labels)


def bold_cell(cell, text: str) -> None:
    cell.paragraphs[0].add_run(text).bold = True


def shade(cell, fill: str = "D9E2F3") -> None:
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    )


def runs(paragraph, xml: str) -> None:
    """Append the runs (and controls) of ``xml`` to a python-docx paragraph."""
    holder = parse_xml(f"<w:p {NS}>{xml}</w:p>")
    for child in list(holder):
        paragraph._p.append(child)


def text_control(alias: str, tag: str, text: str, *, prompt: bool = False) -> str:
    showing = "<w:showingPlcHdr/>" if prompt else ""
    style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if prompt else ""
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/>{showing}<w:text/>'
        f"</w:sdtPr><w:sdtContent><w:r>{style}<w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def checkbox_control(tag: str, checked: bool) -> str:
    state, glyph = ("1", "☒") if checked else ("0", "☐")
    return (
        f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/><w14:checkbox><w14:checked w14:val="{state}"/>'
        f"</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent>"
        "</w:sdt>"
    )


def legacy_checkbox(name: str, checked: bool) -> str:
    state = "<w:checked/>" if checked else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
        f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox></w:ffData>'
        '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def legacy_text(name: str, text: str, help_text: str = "") -> str:
    status = f'<w:statusText w:type="text" w:val="{help_text}"/>' if help_text else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
        f"{status}<w:textInput/></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def with_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The .docx ``data`` with ``parts`` added or replaced."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    return zip_of({**entries, **parts})


def with_document_xml(body: str) -> bytes:
    """A real .docx whose main text is replaced by ``body``."""
    return with_parts(saved(docx.Document()), {"word/document.xml": body.encode()})


# -- the corpus -----------------------------------------------------------------------------------
def test_caf_table_answer_sits_beside_its_label():
    read = corpus("dev-01-caf-docx.docx")
    assert read.kind == "docx"
    first_name = observation(read, "Child's first name")
    assert first_name.value == "Luke"
    assert first_name.section == "Details of the child or young person being assessed"
    assert first_name.where == "table 2, row 1"


def test_caf_address_over_two_lines_keeps_its_line_break():
    read = corpus("dev-01-caf-docx.docx")
    assert answer(read, "Home address") == "5 Hughes Crescent\nNorth Jackstad"


def test_caf_typed_tick_boxes_stay_in_the_answer_for_the_mapper():
    read = corpus("dev-01-caf-docx.docx")
    assert answer(read, "Level of need").startswith("☐ Level 1 Universal")
    assert "☒ Level 3 Targeted" in answer(read, "Level of need")
    assert answer(read, "Consent to share information") == "☒ Yes ☐ No"


def test_caf_household_grid_is_a_table_without_its_blank_rows():
    read = corpus("dev-01-caf-docx.docx")
    (household,) = read.tables
    assert household.header == [
        "Name",
        "Relationship to child",
        "Date of birth",
        "Parental responsibility",
    ]
    assert household.rows[0] == ["Donna Williams", "Mother", "17/01/1994", "Yes"]
    assert len(household.rows) == 3
    assert household.section == "Household members"


def test_caf_headings_are_collected_in_order():
    read = corpus("dev-01-caf-docx.docx")
    assert read.headings[0].startswith("Common Assessment Framework")
    assert read.headings.index("Household members") < read.headings.index("Lead professional")


def test_referral_free_text_runs_on_over_unlabelled_paragraphs():
    read = corpus("dev-06-referral-docx.docx")
    facts = answer(read, "Facts")
    assert facts.startswith("Bruises seen by the class teacher on 27 August: four linear marks")
    assert "\nOn 13 July 2026 the class teacher noticed" in facts
    assert facts.count("\n") == 4
    assert answer(read, "Opinions (say whose opinion)").startswith("In the designated")


def test_referral_question_answered_on_the_same_line():
    read = corpus("dev-06-referral-docx.docx")
    asking = answer(read, "What is the referral asking for?")
    assert asking == "A section 47 child protection enquiry and a strategy discussion today."


def test_referral_empty_label_paragraph_is_an_unanswered_question():
    read = corpus("dev-06-referral-docx.docx")
    assert answer(read, "Any disability") is None
    assert answer(read, "Consent given by") is None


def test_referral_address_continues_on_the_next_paragraph():
    read = corpus("dev-09-referral-docx.docx")
    assert answer(read, "Address") == "19 Johnson Mews\nLake Megan"
    assert observation(read, "Address").section.startswith("Details of the child")


def test_referral_attachments_table():
    read = corpus("dev-06-referral-docx.docx")
    attachments = next(t for t in read.tables if t.section == "Attachments")
    assert attachments.header == ["Document type", "File name"]
    assert attachments.rows[1] == ["Screening tool", "Neglect-screening-Wisniewska.pdf"]


def test_content_controls_never_report_placeholder_text():
    for name in ("dev-12-content-controls-docx.docx", "dev-14-content-controls-docx.docx"):
        read = corpus(name)
        texts = [o.value for o in read.observations if isinstance(o.value, str)]
        texts += [cell for table in read.tables for row in table.rows for cell in row]
        assert not [text for text in texts if "Click or tap" in text]
    read = corpus("dev-14-content-controls-docx.docx")
    email = observation(read, "referrer_email")
    assert email.value is None
    assert email.labels == ["Email", "referrer_email"]


def test_content_control_answer_carries_printed_label_then_tag():
    read = corpus("dev-11-content-controls-docx.docx")
    first_name = observation(read, "child_first_name")
    assert first_name.labels == ["First name", "child_first_name"]
    assert first_name.value == "Samuel"
    assert answer(read, "Home address") == "99 Gibson Road\nSouth Thomas"
    assert answer(read, "Date of birth") == "30/09/2022"


def test_ticked_checkbox_control_is_true_and_grouped_under_its_question():
    read = corpus("dev-11-content-controls-docx.docx")
    early_help = observation(read, "pathway_early_help")
    assert early_help.value is True
    assert early_help.labels[0] == "Early Help"
    assert early_help.group == "Pathway requested"
    assert observation(read, "pathway_camhs").value is False
    agrees_no = observation(read, "consent_family_agrees_no")
    assert (agrees_no.labels[0], agrees_no.value) == ("No", False)
    assert agrees_no.group == "Family agrees to be involved"


def test_household_rows_of_empty_controls_are_skipped():
    read = corpus("dev-12-content-controls-docx.docx")
    (household,) = read.tables
    assert [row[0] for row in household.rows] == ["Eleanor Khan", "Elliot Joyce", "Gerald Khan"]


# -- layouts the corpus does not have -------------------------------------------------------
def test_labels_above_their_answers_in_a_table():
    document = docx.Document()
    document.add_heading("About the young person", level=1)
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Forename(s)", "Family name", "DOB"], strict=True):
        bold_cell(cell, text)
    for cell, text in zip(table.rows[1].cells, ["Maya", "Okafor", "09/03/2014"], strict=True):
        cell.text = text
    bold_cell(table.rows[2].cells[0], "Home address")
    bold_cell(table.rows[2].cells[2], "Post code")
    table.rows[3].cells[0].text = "Flat 2"
    table.rows[3].cells[0].add_paragraph("12 Mill Lane")
    table.rows[3].cells[2].text = "HP6 5BN"
    read = docx_form.read(saved(document))
    assert answer(read, "Forename(s)") == "Maya"
    assert answer(read, "Family name") == "Okafor"
    assert answer(read, "DOB") == "09/03/2014"
    assert answer(read, "Home address") == "Flat 2\n12 Mill Lane"
    assert answer(read, "Post code") == "HP6 5BN"
    assert observation(read, "Forename(s)").where == "table 1, row 2, cell 1"
    assert observation(read, "Forename(s)").section == "About the young person"
    assert read.tables == []


def test_two_label_answer_pairs_to_a_row_with_colons_and_no_bold():
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    texts = [["Given name:", "Maya", "Surname:", "Okafor"], ["Sex:", "Female", "Language:", "Igbo"]]
    for row, values in zip(table.rows, texts, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    read = docx_form.read(saved(document))
    assert [(o.labels[0], o.value) for o in read.observations] == [
        ("Given name", "Maya"),
        ("Surname", "Okafor"),
        ("Sex", "Female"),
        ("Language", "Igbo"),
    ]
    assert observation(read, "Surname").where == "table 1, row 1, cell 4"


def test_shaded_label_cells_without_bold_or_colons():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [("Name", "Tom Reed"), ("Agency", "Woodside Primary"), ("Role", "")],
        strict=True,
    ):
        row.cells[0].text = label
        shade(row.cells[0])
        row.cells[1].text = value
    read = docx_form.read(saved(document))
    assert answer(read, "Name") == "Tom Reed"
    assert answer(read, "Agency") == "Woodside Primary"
    assert answer(read, "Role") is None


def test_household_table_turned_sideways_comes_out_as_rows():
    document = docx.Document()
    document.add_heading("Who lives in the household", level=2)
    table = document.add_table(rows=4, cols=4)
    grid = [
        ["Name", "Grace Okafor", "Daniel Okafor", ""],
        ["Relationship", "Mother", "Brother", ""],
        ["Date of birth", "02/05/1985", "11/11/2011", ""],
        ["Parental responsibility", "Yes", "No", ""],
    ]
    for row, values in zip(table.rows, grid, strict=True):
        bold_cell(row.cells[0], values[0])
        for cell, text in zip(row.cells[1:], values[1:], strict=True):
            cell.text = text
    read = docx_form.read(saved(document))
    (household,) = read.tables
    assert household.header == ["Name", "Relationship", "Date of birth", "Parental responsibility"]
    assert household.rows == [
        ["Grace Okafor", "Mother", "02/05/1985", "Yes"],
        ["Daniel Okafor", "Brother", "11/11/2011", "No"],
    ]
    assert household.section == "Who lives in the household"


def test_plain_grid_with_a_title_row_is_a_table():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    grid = [["Name", "Relationship", "Date of birth"], ["Ann Lee", "Aunt", "01/02/1970"]]
    grid.append(["Bo Lee", "Cousin", "03/04/2005"])
    for row, values in zip(table.rows, grid, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    read = docx_form.read(saved(document))
    (grid_read,) = read.tables
    assert grid_read.header == ["Name", "Relationship", "Date of birth"]
    assert grid_read.rows[1] == ["Bo Lee", "Cousin", "03/04/2005"]


def test_label_merged_down_two_rows_keeps_both_answer_lines():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    label = table.cell(0, 0).merge(table.cell(1, 0))
    label.paragraphs[0].add_run("Address").bold = True
    table.cell(0, 1).text = "4 Elm Road"
    table.cell(1, 1).text = "Amersham"
    bold_cell(table.cell(2, 0), "Postcode")
    table.cell(2, 1).text = "HP6 5BN"
    read = docx_form.read(saved(document))
    assert answer(read, "Address") == "4 Elm Road\nAmersham"
    assert answer(read, "Postcode") == "HP6 5BN"


def test_heading_styles_set_the_section_of_label_paragraphs():
    document = docx.Document()
    document.add_heading("Referrer", level=1)
    document.add_paragraph("Name: Priya Shah")
    document.add_heading("Child", level=1)
    document.add_paragraph("Name: Maya Okafor")
    read = docx_form.read(saved(document))
    assert read.headings == ["Referrer", "Child"]
    assert [(o.section, o.value) for o in read.observations] == [
        ("Referrer", "Priya Shah"),
        ("Child", "Maya Okafor"),
    ]
    assert read.observations[1].where == "paragraph 4"


def test_bold_question_above_its_free_text_answer():
    document = docx.Document()
    document.add_paragraph().add_run("What are you worried about?").bold = True
    document.add_paragraph("Maya has missed twelve days of school.")
    document.add_paragraph("She says she is looking after her brother.")
    document.add_paragraph().add_run("Anything else").bold = True
    document.add_paragraph("No.")
    read = docx_form.read(saved(document))
    assert answer(read, "What are you worried about?") == (
        "Maya has missed twelve days of school.\nShe says she is looking after her brother."
    )
    assert answer(read, "Anything else") == "No."


def test_label_then_tab_then_answer():
    document = docx.Document()
    document.add_paragraph("Name of school\tHill Top Academy")
    read = docx_form.read(saved(document))
    assert answer(read, "Name of school") == "Hill Top Academy"


def test_two_label_answer_pairs_on_one_line():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Name: ").bold = True
    paragraph.add_run("Maya Okafor\t")
    paragraph.add_run("Date of birth: ").bold = True
    paragraph.add_run("09/03/2014")
    read = docx_form.read(saved(document))
    assert answer(read, "Name") == "Maya Okafor"
    assert answer(read, "Date of birth") == "09/03/2014"


def test_answer_box_under_its_label_paragraph():
    document = docx.Document()
    document.add_paragraph("Reason for the request:")
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "Attendance has dropped to 70%."
    box.cell(0, 0).add_paragraph("Mother asked for help.")
    read = docx_form.read(saved(document))
    assert answer(read, "Reason for the request") == (
        "Attendance has dropped to 70%.\nMother asked for help."
    )


def test_legacy_form_fields_checkboxes_and_text():
    document = docx.Document()
    paragraph = document.add_paragraph("Is the family aware of this referral? ")
    runs(
        paragraph,
        legacy_checkbox("Check1", True) + "<w:r><w:t xml:space='preserve'> Yes </w:t></w:r>",
    )
    runs(
        paragraph,
        legacy_checkbox("Check2", False) + "<w:r><w:t xml:space='preserve'> No</w:t></w:r>",
    )
    table = document.add_table(rows=2, cols=2)
    bold_cell(table.cell(0, 0), "Child's forename")
    runs(table.cell(0, 1).paragraphs[0], legacy_text("Text12", "Maya", help_text="First name"))
    bold_cell(table.cell(1, 0), "Surname")
    runs(table.cell(1, 1).paragraphs[0], legacy_text("Text13", "\u2002" * 5))
    read = docx_form.read(saved(document))
    yes, no = (o for o in read.observations if o.group)
    assert (yes.labels, yes.value) == (["Yes", "Check1"], True)
    assert (no.labels, no.value) == (["No", "Check2"], False)
    assert yes.group == "Is the family aware of this referral?"
    assert answer(read, "Is the family aware of this referral?") == "☒ Yes ☐ No"
    forename = observation(read, "Text12")
    assert forename.labels == ["Child's forename", "First name", "Text12"]
    assert forename.value == "Maya"
    assert forename.where == "table 1, row 1 (field Text12)"
    assert observation(read, "Text13").value is None


def test_empty_content_controls_are_none_whatever_says_so():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    bold_cell(table.cell(0, 0), "Forename")
    runs(table.cell(0, 1).paragraphs[0], text_control("Forename", "first", "Maya"))
    bold_cell(table.cell(1, 0), "Surname")
    runs(table.cell(1, 1).paragraphs[0], text_control("Surname", "last", "Type here", prompt=True))
    bold_cell(table.cell(2, 0), "School")
    runs(
        table.cell(2, 1).paragraphs[0], text_control("", "school_name", "Click here to enter text.")
    )
    read = docx_form.read(saved(document))
    assert answer(read, "Forename") == "Maya"
    assert answer(read, "Surname") is None
    assert observation(read, "school_name").labels == ["School", "school_name"]
    assert observation(read, "school_name").value is None


def test_checkbox_controls_with_captions_before_the_boxes():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Consent to share? Yes ").bold = False
    runs(paragraph, checkbox_control("share_yes", True))
    runs(paragraph, "<w:r><w:t xml:space='preserve'>  No </w:t></w:r>")
    runs(paragraph, checkbox_control("share_no", False))
    read = docx_form.read(saved(document))
    boxes = [o for o in read.observations if isinstance(o.value, bool)]
    assert [(o.labels[0], o.value, o.group) for o in boxes] == [
        ("Yes", True, "Consent to share?"),
        ("No", False, "Consent to share?"),
    ]


def test_text_controls_in_a_paragraph_take_the_label_printed_before_each():
    document = docx.Document()
    paragraph = document.add_paragraph("Name: ")
    runs(paragraph, text_control("", "txt1", "Maya Okafor"))
    runs(paragraph, "<w:r><w:t xml:space='preserve'>   Phone: </w:t></w:r>")
    runs(paragraph, text_control("", "txt2", "01494 586303"))
    read = docx_form.read(saved(document))
    assert observation(read, "txt1").labels == ["Name", "txt1"]
    assert observation(read, "txt1").value == "Maya Okafor"
    assert observation(read, "txt2").labels == ["Phone", "txt2"]
    assert observation(read, "txt2").value == "01494 586303"


def test_wingdings_tick_box_becomes_a_mark_in_the_answer():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Early help offered: ").bold = True
    runs(paragraph, '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>')
    runs(paragraph, "<w:r><w:t xml:space='preserve'> Yes </w:t></w:r>")
    runs(paragraph, '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>')
    runs(paragraph, "<w:r><w:t xml:space='preserve'> No</w:t></w:r>")
    read = docx_form.read(saved(document))
    assert answer(read, "Early help offered") == "☑ Yes ☐ No"


def test_larger_bold_title_is_a_heading_not_a_label():
    document = docx.Document()
    title = document.add_paragraph().add_run("Request for Support")
    title.bold, title.font.size = True, Pt(16)
    document.add_paragraph("School: Hill Top Academy")
    read = docx_form.read(saved(document))
    assert read.headings == ["Request for Support"]
    assert observation(read, "School").section == "Request for Support"


def test_text_inside_a_text_box_is_read():
    document = docx.Document()
    paragraph = document.add_paragraph()
    runs(
        paragraph,
        "<w:r><w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'><v:textbox>"
        "<w:txbxContent><w:p><w:r><w:t>Key worker: Sam Patel</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>",
    )
    read = docx_form.read(saved(document))
    assert answer(read, "Key worker") == "Sam Patel"


# -- files that are not readable forms -------------------------------------------------------
def test_blank_form_has_nothing_found():
    document = docx.Document()
    document.add_heading("Referral form", level=1)
    document.add_paragraph("Name:")
    with pytest.raises(NothingFound, match="no filled-in answers"):
        docx_form.read(saved(document))


def test_empty_zip_is_refused():
    with pytest.raises(UnsupportedFile, match="empty zip"):
        docx_form.read(zip_of({}))


def test_truncated_docx_is_damaged():
    data = saved(docx.Document())
    with pytest.raises(DamagedFile, match="damaged or was cut short"):
        docx_form.read(data[: len(data) // 2])


def test_zip_that_is_not_a_word_document():
    with pytest.raises(UnsupportedFile, match="zip archive, not a Word document"):
        docx_form.read(zip_of({"notes.txt": b"hello"}))
    with pytest.raises(UnsupportedFile, match="Excel"):
        docx_form.read(zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"}))


def test_word_zip_without_its_main_text_is_damaged():
    with pytest.raises(DamagedFile, match="word/document.xml"):
        docx_form.read(zip_of({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<s/>"}))


def test_zip_with_too_many_entries_is_refused():
    entries = {f"word/media/image{index}.png": b"" for index in range(2001)}
    with pytest.raises(UnsupportedFile, match="2001 parts"):
        docx_form.read(zip_of(entries))


def test_zip_bomb_is_refused_before_unpacking():
    with pytest.raises(UnsupportedFile, match="compressed far more tightly"):
        docx_form.read(zip_of({"word/document.xml": b" " * (4 * 1024 * 1024)}))


def test_oversized_unpacked_content_is_refused(monkeypatch):
    monkeypatch.setattr("parsers.docx_package.MAX_UNCOMPRESSED", 1000)
    with pytest.raises(FileTooLarge, match="unpacks to more than"):
        docx_form.read(saved(docx.Document()))


def test_password_protected_document_is_encrypted():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedFile, match="password"):
        docx_form.read(ole)


def test_xml_with_entity_declarations_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    with pytest.raises(UnsupportedFile, match="DTD"):
        docx_form.read(with_document_xml(bomb))


def test_malformed_xml_is_damaged():
    with pytest.raises(DamagedFile, match="main text cannot be read"):
        docx_form.read(with_document_xml("<w:document><w:body>"))


def test_not_a_zip_at_all():
    with pytest.raises(ParseError):
        docx_form.read(b"%PDF-1.7 not a word file")


def test_grey_answer_boxes_beside_plain_colon_labels():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(
        table.rows, [("Name:", "Tom Reed"), ("Agency:", "")], strict=True
    ):
        row.cells[0].text = label
        row.cells[1].text = value
        shade(row.cells[1], "D9D9D9")
    read = docx_form.read(saved(document))
    assert [(o.labels, o.value) for o in read.observations] == [
        (["Name"], "Tom Reed"),
        (["Agency"], None),
    ]


def test_tick_boxes_in_cells_of_their_own_with_bold_captions():
    document = docx.Document()
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ["Consent given", "☒", "Yes", "☐", "No"], strict=True
    ):
        bold_cell(cell, text)  # captions and boxes alike in bold
    read = docx_form.read(saved(document))
    assert [(o.labels, o.value) for o in read.observations] == [(["Consent given"], "☒ Yes ☐ No")]


def test_heading_row_and_question_row_inside_one_table():
    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    heading = table.cell(0, 0).merge(table.cell(0, 3))
    bold_cell(heading, "Part 2 - Family")
    shade(heading)
    bold_cell(table.cell(1, 0), "Date of birth *")
    for index, part in enumerate(["06", "01", "2025"], start=1):
        table.cell(1, index).text = part
    question = table.cell(2, 0).merge(table.cell(2, 3))
    bold_cell(question, "Describe the family's strengths")
    answer_cell = table.cell(3, 0).merge(table.cell(3, 3))
    answer_cell.text = "Warm and close."
    bold_cell(table.cell(4, 0), "Signed")
    table.cell(4, 1).text = "__________"
    read = docx_form.read(saved(document))
    assert read.headings == ["Part 2 - Family"]
    assert answer(read, "Date of birth") == "06 01 2025"
    assert answer(read, "Describe the family's strengths") == "Warm and close."
    assert observation(read, "Describe the family's strengths").section == "Part 2 - Family"
    assert answer(read, "Signed") is None


def test_tick_matrix_answers_are_captioned_by_their_column_titles():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells[1:], ["Yes", "No"], strict=True):
        bold_cell(cell, text)
    bold_cell(table.cell(1, 0), "Family consents to the referral")
    runs(table.cell(1, 1).paragraphs[0], checkbox_control("consent_y", True))
    runs(table.cell(1, 2).paragraphs[0], checkbox_control("consent_n", False))
    bold_cell(table.cell(2, 0), "Child is aware")
    table.cell(2, 1).text = "☐"
    table.cell(2, 2).text = "☒"
    read = docx_form.read(saved(document))
    consent_yes = observation(read, "consent_y")
    assert (consent_yes.labels[0], consent_yes.value) == ("Yes", True)
    assert consent_yes.group == "Family consents to the referral"
    assert answer(read, "Family consents to the referral") == "☒ Yes   ☐ No"
    assert answer(read, "Child is aware") == "☐ Yes   ☒ No"


def test_bold_label_over_its_answer_inside_one_cell():
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("Views of the parents").bold = True
    cell.add_paragraph("Mother wants help with routines.")
    cell.add_paragraph().add_run("Contact number").bold = True
    cell.add_paragraph("07700 900123")
    read = docx_form.read(saved(document))
    assert answer(read, "Views of the parents") == "Mother wants help with routines."
    assert answer(read, "Contact number") == "07700 900123"
    assert read.headings == []


def test_household_grid_with_numbered_rows_and_bold_names():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells[1:], ["Full name", "Relationship"], strict=True):
        bold_cell(cell, text)
        shade(cell)
    for row, (number, name, relation) in zip(
        table.rows[1:], [("1", "Grace Okafor", "Mother"), ("2", "Sam Okafor", "Uncle")], strict=True
    ):
        row.cells[0].text = number
        bold_cell(row.cells[1], name)
        row.cells[2].text = relation
    read = docx_form.read(saved(document))
    (household,) = read.tables
    assert household.header == ["", "Full name", "Relationship"]
    assert household.rows == [["1", "Grace Okafor", "Mother"], ["2", "Sam Okafor", "Uncle"]]


def test_control_showing_its_glossary_placeholder_is_empty():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    bold_cell(table.cell(0, 0), "Child's name")
    runs(
        table.cell(0, 1).paragraphs[0],
        '<w:sdt><w:sdtPr><w:tag w:val="child_name"/><w:placeholder>'
        '<w:docPart w:val="NamePrompt"/></w:placeholder></w:sdtPr>'
        "<w:sdtContent><w:r><w:t>Enter the name in full</w:t></w:r></w:sdtContent></w:sdt>",
    )
    table.add_row()
    bold_cell(table.cell(1, 0), "School")
    table.cell(1, 1).text = "Hill Top Academy"
    glossary = (
        f"<w:glossaryDocument {NS}><w:docParts><w:docPart><w:docPartPr>"
        '<w:name w:val="NamePrompt"/></w:docPartPr><w:docPartBody><w:p><w:r>'
        "<w:t>Enter the name in full</w:t></w:r></w:p></w:docPartBody></w:docPart>"
        "</w:docParts></w:glossaryDocument>"
    )
    data = with_parts(saved(document), {"word/glossary/document.xml": glossary.encode()})
    read = docx_form.read(data)
    assert observation(read, "child_name").value is None
    assert answer(read, "School") == "Hill Top Academy"


def test_label_column_carries_a_label_cell_that_lost_its_bold():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, value, bold) in zip(
        table.rows,
        [("Forename", "Maya", True), ("Ethnicity", "Black British", False), ("Religion", "", True)],
        strict=True,
    ):
        if bold:
            bold_cell(row.cells[0], label)
        else:
            row.cells[0].text = label
        row.cells[1].text = value
    read = docx_form.read(saved(document))
    assert [(o.labels, o.value) for o in read.observations] == [
        (["Forename"], "Maya"),
        (["Ethnicity"], "Black British"),
        (["Religion"], None),
    ]


def test_three_rows_of_labels_each_over_a_row_of_answers():
    document = docx.Document()
    table = document.add_table(rows=6, cols=2)
    grid = [("Forename", "Surname"), ("Maya", "Okafor"), ("School", "Year")]
    grid += [("Hill Top", "Year 6"), ("GP", "Health visitor"), ("", "")]
    for index, (row, values) in enumerate(zip(table.rows, grid, strict=True)):
        for cell, text in zip(row.cells, values, strict=True):
            if index % 2 == 0:
                bold_cell(cell, text)  # a row of labels...
            else:
                cell.text = text  # ...over a row of answers
    read = docx_form.read(saved(document))
    assert [(o.labels[0], o.value) for o in read.observations] == [
        ("Forename", "Maya"),
        ("Surname", "Okafor"),
        ("School", "Hill Top"),
        ("Year", "Year 6"),
        ("GP", None),
        ("Health visitor", None),
    ]


def test_plain_question_answered_on_the_same_line_under_a_heading():
    document = docx.Document()
    document.add_heading("Consent", level=2)
    document.add_paragraph("Has the family been told about this referral? Yes, on 3 May by phone.")
    read = docx_form.read(saved(document))
    told = observation(read, "Has the family been told about this referral?")
    assert told.value == "Yes, on 3 May by phone."
    assert told.section == "Consent"


# -- layouts from forms never seen: labels and answers told apart by layout alone ---------------
def test_label_line_over_its_answer_in_the_same_full_width_cell():
    document = docx.Document()
    document.add_paragraph().add_run("1. Practitioner completing this form").bold = True
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [("Practitioner name", "Kirsty Drummond"), ("Agency", "Early Help Team"), ("Date", "")],
        strict=True,
    ):
        cell = row.cells[0].merge(row.cells[1])
        cell.paragraphs[0].text = label  # plain, not bold
        if value:
            cell.add_paragraph(value)
    read = docx_form.read(saved(document))
    assert answer(read, "Practitioner name") == "Kirsty Drummond"
    assert answer(read, "Agency") == "Early Help Team"
    assert observation(read, "Practitioner name").section == "1. Practitioner completing this form"


def test_rows_of_two_cells_each_holding_a_bold_label_over_its_answer():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for row, pairs in zip(
        table.rows,
        [
            [("First name", "Luke"), ("Surname", "Smith")],
            [("Postcode", "LE3 2ZW"), ("Gender", "Male")],
        ],
        strict=True,
    ):
        for cell, (label, value) in zip(row.cells, pairs, strict=True):
            bold_cell(cell, label)
            cell.add_paragraph(value)
    read = docx_form.read(saved(document))
    assert answer(read, "First name") == "Luke"
    assert answer(read, "Surname") == "Smith"
    assert answer(read, "Postcode") == "LE3 2ZW"
    assert answer(read, "Gender") == "Male"


def test_plain_label_rows_under_a_shaded_title_row():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    title = table.rows[0].cells[0].merge(table.rows[0].cells[1])
    bold_cell(title, "About the child")
    shade(title)
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Child's name", "Mehmet Doğan"
    table.rows[2].cells[0].text, table.rows[2].cells[1].text = "D.O.B.", "18/09/2012"
    read = docx_form.read(saved(document))
    assert answer(read, "Child's name") == "Mehmet Doğan"
    assert answer(read, "D.O.B.") == "18/09/2012"
    assert observation(read, "D.O.B.").section == "About the child"


def test_label_dash_answer_lines_and_tab_separated_lines_run_on_as_pairs():
    document = docx.Document()
    document.add_paragraph().add_run("Child's details").bold = True
    document.add_paragraph("Forename(s) – Paweł")
    document.add_paragraph("Identity, self-esteem and self-image – Proud of their heritage")
    document.add_paragraph("Type of referral – Child protection – risk of significant harm")
    document.add_paragraph("What would you like from this referral? – A plan.")
    document.add_paragraph().add_run("Referrer").bold = True
    document.add_paragraph("Name of worker\tPriya Shah")
    document.add_paragraph("Service/team\tPublic Health Nursing")
    read = docx_form.read(saved(document))
    assert answer(read, "Forename(s)") == "Paweł"
    assert answer(read, "Identity, self-esteem and self-image") == "Proud of their heritage"
    assert answer(read, "Type of referral") == "Child protection – risk of significant harm"
    assert answer(read, "What would you like from this referral?") == "A plan."
    assert answer(read, "Name of worker") == "Priya Shah"
    assert answer(read, "Service/team") == "Public Health Nursing"


def test_all_capitals_labels_run_on_after_an_answer_start_a_new_pair():
    document = docx.Document()
    document.add_paragraph("REFERRAL DATE: 21st Nov 2026")
    document.add_paragraph('THE CHILD\'S VIEWS IN THEIR OWN WORDS: "I hid."')
    document.add_paragraph("WHAT ARE YOU REQUESTING? A section 47 enquiry.")
    read = docx_form.read(saved(document))
    assert answer(read, "REFERRAL DATE") == "21st Nov 2026"
    assert answer(read, "THE CHILD'S VIEWS IN THEIR OWN WORDS") == '"I hid."'
    assert answer(read, "WHAT ARE YOU REQUESTING?") == "A section 47 enquiry."


def test_bold_label_over_one_answer_line_that_has_a_colon_of_its_own():
    document = docx.Document()
    document.add_paragraph().add_run("Nature of harm").bold = True
    document.add_paragraph("Physical abuse: bruising to the arm.")
    document.add_paragraph().add_run("7. Parents and carers: parenting capacity").bold = True
    document.add_paragraph().add_run("Basic care").bold = True
    document.add_paragraph("Good.")
    read = docx_form.read(saved(document))
    assert answer(read, "Nature of harm") == "Physical abuse: bruising to the arm."
    assert answer(read, "Basic care") == "Good."
    assert observation(read, "Basic care").section == "7. Parents and carers: parenting capacity"


def test_plain_lines_alternating_label_and_answer_with_one_left_blank():
    document = docx.Document()
    document.add_paragraph().add_run("1. Child's details").bold = True
    for text in [
        "Christian name",
        "Abdirahman",
        "Sex/gender",
        "Male",
        "Reason for request",
        "Support requested",
        "A Child in Need assessment.",
        "Postcode",
        "WV10 9GF",
    ]:
        document.add_paragraph(text)
    read = docx_form.read(saved(document))
    assert answer(read, "Christian name") == "Abdirahman"
    assert answer(read, "Sex/gender") == "Male"
    assert answer(read, "Reason for request") is None
    assert answer(read, "Support requested") == "A Child in Need assessment."
    assert answer(read, "Postcode") == "WV10 9GF"
    assert observation(read, "Postcode").section == "1. Child's details"


def test_shaded_row_of_labels_over_a_plain_row_of_answers():
    """A whole shaded row with no other cue is a row of questions when the row under it is plain
    and filled: each answer sits under its label, not beside the next label."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    questions = ("Child's first name", "Child's last name", "DOB")
    for cell, text in zip(table.rows[0].cells, questions, strict=True):
        cell.text = text
        shade(cell, "D9D9D9")
    for cell, text in zip(table.rows[1].cells, ("Leo", "Marsh", "14/03/2015"), strict=True):
        cell.text = text
    read = docx_form.read(saved(document))
    assert answer(read, "Child's first name") == "Leo"
    assert answer(read, "Child's last name") == "Marsh"
    assert answer(read, "DOB") == "14/03/2015"


def test_dot_leaders_and_write_on_lines_part_label_from_answer():
    document = docx.Document()
    document.add_paragraph("Name of child.............................Leo Marsh")
    document.add_paragraph("Address: ___12 Elm Row, Leeds___   Postcode: LS6 2AB")
    read = docx_form.read(saved(document))
    assert answer(read, "Name of child") == "Leo Marsh"
    assert answer(read, "Address") == "12 Elm Row, Leeds"
    assert answer(read, "Postcode") == "LS6 2AB"


def test_a_question_number_printed_apart_in_bold_is_not_the_label():
    document = docx.Document()
    for number, question, reply in (
        ("1a) ", "Legal first name", "Ayaan"),
        ("1b) ", "DOB", "8/4/13"),
    ):
        paragraph = document.add_paragraph()
        paragraph.add_run(number).bold = True
        paragraph.add_run(f"{question}\t{reply}")
    read = docx_form.read(saved(document))
    assert answer(read, "Legal first name") == "Ayaan"
    assert answer(read, "DOB") == "8/4/13"


def test_numbered_section_rows_head_their_sections_and_plain_pairs_are_not_a_grid():
    """A table of plain cells, each row "question | answer | question | answer", under a row
    "2 | Child/young person": the numbered row is the section, the rows are pairs, not a
    household grid under a header."""
    document = docx.Document()
    title = document.add_table(rows=1, cols=2)
    for cell, text in zip(title.rows[0].cells, ("2", "Child/young person"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        shade(cell, "1F3864")
    table = document.add_table(rows=3, cols=4)
    rows = [
        ("Child's given name", "Ștefania", "Surname (family name) of child", "Țurcanu"),
        ("DOB / expected due date", "20 September 2023", "Gender", "FEMALE"),
        ("Usual place of residence", "20 Quarry Bank", "Home postcode", "BS5 3JG"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    read = docx_form.read(saved(document))
    assert not read.tables
    assert answer(read, "Child's given name") == "Ștefania"
    assert answer(read, "Home postcode") == "BS5 3JG"
    assert observation(read, "Gender").section == "Child/young person"


def test_a_plain_row_led_by_a_question_pairs_the_questions_along_it():
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells,
        ("Who gave consent?", "Niamh (mother)", "Date signed", "28.2.26"),
        strict=True,
    ):
        cell.text = text
    read = docx_form.read(saved(document))
    assert answer(read, "Who gave consent?") == "Niamh (mother)"
    assert answer(read, "Date signed") == "28.2.26"


def test_the_form_s_title_over_its_guidance_is_no_question():
    document = docx.Document()
    document.add_heading("MASH Multi-Agency Referral", level=1)
    document.add_paragraph("OFFICIAL-SENSITIVE when complete. Send by secure e-mail only.")
    document.add_paragraph("Child's first name: Leo")
    read = docx_form.read(saved(document))
    assert [o.labels[0] for o in read.observations] == ["Child's first name"]


def test_a_guidance_column_is_no_part_of_the_answers():
    """ "Area | Information | Help with this question": each answer without the hint beside
    it, and the column titles over question | answer rows make no grid."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("Area", "Information", "Help with this question"),
        ("Name of the child this referral is about", "Angharad Pryce-Jones", "Mandatory field"),
        ("Address where the child lives now", "127 Vicarage Road", "Say who told you this"),
        ("Languages spoken by child", "English", "Mandatory field"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
        shade(row.cells[0])
    read = docx_form.read(saved(document))
    assert not read.tables
    assert answer(read, "Name of the child this referral is about") == "Angharad Pryce-Jones"
    assert answer(read, "Languages spoken by child") == "English"


def test_questions_in_plain_capitals_over_answers_in_bold():
    document = docx.Document()
    for question, reply in (
        ("LEGAL FIRST NAME", "Ayaan"),
        ("DATE OF BIRTH (DD/MM/YYYY)", "08/04/2013"),
    ):
        document.add_paragraph(question)
        document.add_paragraph().add_run(reply).bold = True
    read = docx_form.read(saved(document))
    assert answer(read, "LEGAL FIRST NAME") == "Ayaan"
    assert answer(read, "DATE OF BIRTH (DD/MM/YYYY)") == "08/04/2013"


def test_question_and_answer_parted_by_a_line_break_in_one_cell():
    document = docx.Document()
    table = document.add_table(rows=2, cols=1)
    for row, (question, reply) in zip(
        table.rows, [("Legal first name", "Ioana"), ("Main home language", "Romanian")], strict=True
    ):
        paragraph = row.cells[0].paragraphs[0]
        paragraph.add_run(question)
        paragraph.add_run().add_break()
        paragraph.add_run(reply)
    read = docx_form.read(saved(document))
    assert answer(read, "Legal first name") == "Ioana"
    assert answer(read, "Main home language") == "Romanian"


def test_a_column_numbering_the_questions_is_no_label():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    rows = [("2a)", "Forename(s) of child", "André"), ("2b)", "Child's family name", "Gonçalves")]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    read = docx_form.read(saved(document))
    assert answer(read, "Forename(s) of child") == "André"
    assert answer(read, "Child's family name") == "Gonçalves"


def test_a_ticked_box_captioned_with_a_pathway_answers_the_pathway():
    """ "Service you are requesting: ☐ Early Help ☒ Child protection – s.47": the box names
    the pathway, though the question's words ask for a request."""
    from parsers import parse_bytes

    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    paragraph = document.add_paragraph()
    paragraph.add_run("Service you are requesting: ")
    runs(paragraph, checkbox_control("svc_eh", False))
    runs(paragraph, "<w:r><w:t xml:space='preserve'> Early Help   </w:t></w:r>")
    runs(paragraph, checkbox_control("svc_cp", True))
    runs(paragraph, "<w:r><w:t xml:space='preserve'> Child protection – s.47</w:t></w:r>")
    record = parse_bytes(saved(document)).record
    assert record["pathway"] == "section_47"
    assert "request" not in record.get("referral", {})


def test_a_numbered_part_in_plain_type_heads_a_section_and_ends_the_answer_above():
    document = docx.Document()
    document.add_paragraph("School/Nursery attended:\tHillside Primary")
    document.add_paragraph("PART 2 – FAMILY")
    document.add_paragraph("Mother:\tKerry Marsh")
    read = docx_form.read(saved(document))
    assert answer(read, "School/Nursery attended") == "Hillside Primary"
    assert observation(read, "Mother").section == "PART 2 – FAMILY"


def test_a_label_with_a_dash_and_no_answer_ends_the_answer_above():
    document = docx.Document()
    document.add_paragraph("Who gave consent? – Sophie Whitworth (mother)")
    document.add_paragraph("Date of consent –")
    read = docx_form.read(saved(document))
    assert answer(read, "Who gave consent?") == "Sophie Whitworth (mother)"
    assert answer(read, "Date of consent") is None


def test_options_struck_through_are_deleted_and_the_one_left_answers():
    """ "Yes / No (delete as applicable)" answered by striking through the word that does not
    apply, as the form asks, rather than by deleting it."""
    from parsers import parse_bytes

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Child's first name"
    table.cell(0, 1).text = "Maya"
    questions = [
        ("Do the parents agree to this referral? (delete as applicable)", "No"),
        ("Have the family been told about the referral? (delete as applicable)", "Yes"),
    ]
    for row, (question, struck) in zip(table.rows[1:], questions, strict=True):
        row.cells[0].text = question
        answer_para = row.cells[1].paragraphs[0]
        for option in ("Yes", " / ", "No"):
            answer_para.add_run(option).font.strike = option == struck
    record = parse_bytes(saved(document)).record
    assert record["consent"]["family_agrees"] is True
    assert record["consent"]["family_informed"] is False


def test_a_pathway_named_under_a_service_question_and_the_request_asked_after_it():
    """ "Service you are requesting: s.17 child in need" names the pathway; the request is the
    answer to "What service do you think is needed?", parted from it by spaces though it holds
    a colon of its own; a level marked with an x among cells read as "A | B"."""
    from parsers import parse_bytes

    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Service you are requesting"
    table.cell(0, 1).text = "s.17 child in need"
    table.cell(1, 0).text = "Threshold level (tick one)"
    levels = table.cell(1, 1)
    levels.text = "Level 1 – universal | Level 2 – additional | x Level 3 – intensive"
    document.add_paragraph(
        "What service do you think is needed?  A coordinated plan: speech and language "
        "therapy and a place at stay-and-play."
    )
    record = parse_bytes(saved(document)).record
    assert record["pathway"] == "section_17"
    assert record["threshold_level"] == 3
    assert record["referral"]["request"] == (
        "A coordinated plan: speech and language therapy and a place at stay-and-play."
    )


def test_a_control_s_own_prompt_typed_in_placeholder_grey_is_no_answer():
    """A form's author typed "Enter details here" into empty controls in Word's placeholder
    grey without marking it a placeholder: it is no answer, and no one in the household."""
    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    grey = (
        '<w:sdt><w:sdtPr><w:tag w:val="{tag}"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr>'
        '<w:color w:val="808080"/></w:rPr><w:t>Enter details here</w:t></w:r></w:sdtContent>'
        "</w:sdt>"
    )
    paragraph = document.add_paragraph("Referrer's phone: ")
    runs(paragraph, grey.format(tag="phone"))
    paragraph = document.add_paragraph("Referrer's name: ")
    runs(paragraph, text_control("Name", "name", "Ann Lee"))
    read = docx_form.read(saved(document))
    assert answer(read, "Referrer's phone") is None
    assert answer(read, "Referrer's name") == "Ann Lee"


def test_small_labels_two_spaces_before_answers_in_bigger_type():
    """ "Legal first name  Ayaan": a label in small grey type, two spaces, the answer in larger
    blue type; no line is a heading for its larger answer, and a dash inside a label ("LP –
    name") stays in it."""
    document = docx.Document()
    for label, value in (
        ("Legal first name", "Ayaan"),
        ("Child's family name", "Ahmed"),
        ("LP – name", "Gareth Lloyd-Evans"),
    ):
        paragraph = document.add_paragraph()
        small = paragraph.add_run(f"{label}  ")
        small.font.size = Pt(7.5)
        big = paragraph.add_run(value)
        big.font.size = Pt(11)
    read = docx_form.read(saved(document))
    assert [(o.labels[0], o.value) for o in read.observations] == [
        ("Legal first name", "Ayaan"),
        ("Child's family name", "Ahmed"),
        ("LP – name", "Gareth Lloyd-Evans"),
    ]
    assert read.headings == []


def test_options_spaced_out_under_their_question_are_its_answer_not_labels():
    """ "( ) Male      (x) Female" and "Yes X   No" spaced out with runs of spaces: the options
    answer the question above them; spaces part a label from its answer, never options."""
    from parsers import parse_bytes

    document = docx.Document()
    for line in (
        "Name of the child",
        "Seren Griffiths",
        "Gender of child",
        "( ) Male      (x) Female      ( ) Prefer not to say",
        "Agreement to Early Help involvement",
        "Yes X   No",
    ):
        document.add_paragraph(line)
    record = parse_bytes(saved(document)).record
    assert record["child"]["gender"] == "female"
    assert record["consent"]["family_agrees"] is True


def test_a_question_mark_just_before_the_colon_stays_in_the_label():
    """ "What led you to make this referral?: ..." is one label and its answer, not words run on
    from the line above."""
    from parsers import parse_bytes

    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    document.add_paragraph("What led you to make this referral?: Maya is often hungry at school.")
    record = parse_bytes(saved(document)).record
    assert record["child"]["first_name"] == "Maya"
    assert record["referral"]["reason_summary"] == "Maya is often hungry at school."


def test_numbered_labels_after_an_answer_start_their_own_answers():
    """ "2.2 Ensuring safety: ..." after the line above is a new question, though its number has
    digits; a date in running text ("3 May: ...") stays part of the answer."""
    from parsers import parse_bytes

    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    document.add_heading("Parents and carers", 2)
    document.add_paragraph("2.1 Basic care: Meals are regular.")
    document.add_paragraph("2.4 Guidance and boundaries: Bedtimes are kept.")
    document.add_paragraph("Q6 Stability: The family moved twice this year.")
    document.add_paragraph("3 May: moved again.")
    parenting = parse_bytes(saved(document)).record["assessment"]["parenting"]
    assert parenting["basic_care"] == "Meals are regular."
    assert parenting["guidance_boundaries"] == "Bedtimes are kept."
    assert parenting["stability"] == "The family moved twice this year.\n3 May: moved again."


def test_plain_numbered_labels_over_their_answers_in_lines_or_one_column():
    """No bold, no colons: "2.1 Basic care" over "Meals are regular." alternate label and answer,
    whether as lines or as the rows of a one-column table."""
    from parsers import parse_bytes

    questions = [
        ("2.1 Basic care", "Meals are regular."),
        ("2.4 Guidance and boundaries", "Bedtimes are kept."),
        ("2.6 Stability", "Moved twice."),
    ]
    as_lines = docx.Document()
    as_lines.add_paragraph("Child's first name: Maya")
    as_lines.add_heading("Parents and carers", 2)
    in_a_column = docx.Document()
    in_a_column.add_paragraph("Child's first name: Maya")
    in_a_column.add_heading("Parents and carers", 2)
    column = in_a_column.add_table(rows=2 * len(questions), cols=1)
    for index, (label, answer) in enumerate(questions):
        as_lines.add_paragraph(label)
        as_lines.add_paragraph(answer)
        column.cell(2 * index, 0).text = label
        column.cell(2 * index + 1, 0).text = answer
    for document in (as_lines, in_a_column):
        parenting = parse_bytes(saved(document)).record["assessment"]["parenting"]
        assert parenting == {
            "basic_care": "Meals are regular.",
            "guidance_boundaries": "Bedtimes are kept.",
            "stability": "Moved twice.",
        }


def test_an_answer_whose_label_asks_for_two_fields_takes_the_one_left_free():
    """ "Routines and boundaries" asks as much for stability as for guidance and boundaries;
    beside the form's own "Stability" it is the guidance and boundaries answer, not lost."""
    from parsers import parse_bytes

    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    document.add_heading("Parents and carers", 2)
    document.add_paragraph("Routines and boundaries: Bedtimes are kept.")
    document.add_paragraph("Stability: The family moved twice this year.")
    parenting = parse_bytes(saved(document)).record["assessment"]["parenting"]
    assert parenting == {
        "guidance_boundaries": "Bedtimes are kept.",
        "stability": "The family moved twice this year.",
    }


def test_plain_capital_labels_over_bold_answers_in_capitals():
    """ "M/F" over **MALE**, "POST CODE OF HOME ADDRESS" over **BS5 1DB**: an answer in bold
    under a label in plain capitals is its answer, though it is in capitals too."""
    from parsers import parse_bytes

    document = docx.Document()
    for label, answer in (
        ("CHILD'S LEGAL NAME", "André Gonçalves"),
        ("M/F", "MALE"),
        ("CHILD'S DATE OF BIRTH", "15/12/22"),
        ("POST CODE OF HOME ADDRESS", "BS5 1DB"),
        ("VOICE OF THE CHILD – WHAT HAVE THEY SAID", "He likes his new school."),
    ):
        document.add_paragraph(label)
        document.add_paragraph().add_run(answer).bold = True
    record = parse_bytes(saved(document)).record
    assert record["child"]["gender"] == "male"
    assert record["child"]["date_of_birth"] == "2022-12-15"
    assert record["child"]["postcode"] == "BS5 1DB"
    assert record["referral"]["child_views"] == "He likes his new school."


def test_an_answer_runs_on_only_until_lines_that_alternate_question_and_answer():
    """Plain lines: a question's answer, then "Professional judgement", its answer, "Views of
    the child", its answer...: the form's questions start their own answers."""
    from parsers import parse_bytes

    document = docx.Document()
    document.add_paragraph("Child's first name: Abdul")
    document.add_paragraph("What are the facts?")
    document.add_paragraph("Attendance 82% this term.")
    for line in (
        "Professional judgement",
        "Abdul is tired rather than unwilling.",
        "Views of the child/young person",
        '"I like school."',
        "What has already been done",
        "Breakfast club place offered.",
    ):
        document.add_paragraph(line)
    referral = parse_bytes(saved(document)).record["referral"]
    assert referral["facts"] == "Attendance 82% this term."
    assert referral["opinions"] == "Abdul is tired rather than unwilling."
    assert referral["child_views"] == '"I like school."'
    assert referral["what_has_been_done"] == "Breakfast club place offered."


def test_a_bold_label_with_guidance_in_italics_under_it_is_still_a_label():
    """A label cell holding "Child's given name *" in bold over "Use the child's own words
    where possible" in small grey italics: a label, and its guidance asks for no field."""
    from docx.shared import Pt, RGBColor

    from parsers import parse_bytes

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, answer) in enumerate(
        (
            ("Child's given name *", "Ștefania"),
            ("Surname (family name) of child", "Țurcanu"),
            ("What are you asking the MASH to do? *", "A Child in Need assessment."),
        )
    ):
        cell = table.cell(row, 0)
        cell.paragraphs[0].add_run(label).bold = True
        guidance = cell.add_paragraph().add_run("Use the child's own words where possible")
        guidance.italic, guidance.font.size = True, Pt(7)
        guidance.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        table.cell(row, 1).text = answer
    record = parse_bytes(saved(document)).record
    assert record["child"] == {"first_name": "Ștefania", "last_name": "Țurcanu"}
    assert record["referral"] == {"request": "A Child in Need assessment."}


def test_a_plain_row_of_questions_over_a_row_of_controls_answering_them():
    """ "Child's first name | Child's surname | ..." in plain type over a row of text controls
    titled with opaque names: each control answers the question above it."""
    from parsers import parse_bytes

    questions = [
        ("Child's first name", "Olúwaseun"),
        ("Child's surname", "Balogun"),
        ("Child's postcode", "SW19 8EL"),
        ("First language", "English"),
    ]
    document = docx.Document()
    table = document.add_table(rows=2, cols=len(questions))
    for column, (question, answer) in enumerate(questions):
        table.cell(0, column).text = question
        runs(table.cell(1, column).paragraphs[0], text_control(f"Text{column}", "", answer))
    assert parse_bytes(saved(document)).record["child"] == {
        "first_name": "Olúwaseun",
        "last_name": "Balogun",
        "postcode": "SW19 8EL",
        "first_language": "English",
    }


def test_a_section_letter_in_a_run_of_its_own_is_no_label_and_level_boxes_need_no_question():
    from parsers import parse_bytes

    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    question = document.add_paragraph()
    question.add_run(" A ").bold = True
    question.add_run("   ")
    question.add_run("Which team should respond?").bold = True
    options = document.add_paragraph()
    for n, (caption, ticked) in enumerate(
        [("Early Help / TAC support", True), ("Section 17 – Children in Need", False)]
    ):
        runs(options, checkbox_control(f"team{n}", ticked))
        runs(options, f"<w:r><w:t xml:space='preserve'> {caption}   </w:t></w:r>")
    levels = document.add_paragraph()
    for n, (caption, ticked) in enumerate(
        [("Band B (additional)", False), ("Band C (complex)", True)]
    ):
        runs(levels, checkbox_control(f"band{n}", ticked))
        runs(levels, f"<w:r><w:t xml:space='preserve'> {caption}   </w:t></w:r>")
    record = parse_bytes(saved(document)).record
    assert (record["pathway"], record["threshold_level"]) == ("early_help", 3)


def test_a_bold_question_over_lines_alternating_label_and_answer_heads_them():
    """ "WHO IS MAKING THIS REQUEST?" in bold over "Name", "Jo Bell", "Position", …: a heading
    whose lines are labels and answers, not one question answered by all of them."""
    document = docx.Document()
    document.add_heading("Request for support", level=1)
    document.add_paragraph().add_run("WHO IS MAKING THIS REQUEST?").bold = True
    for line in ("Name", "Marcus Bell", "Position", "Early Help Practitioner", "Mobile"):
        document.add_paragraph(line)
    document.add_paragraph("020 7946 0069")
    read = docx_form.read(saved(document))
    assert answer(read, "Name") == "Marcus Bell"
    assert observation(read, "Position").section == "WHO IS MAKING THIS REQUEST?"
    assert answer(read, "Mobile") == "020 7946 0069"


@pytest.mark.parametrize(
    ("line", "label", "value"),
    [
        ("D.O.B. – 21.11.2014", "D.O.B.", "21.11.2014"),
        ("Tel. no. – 01632 960000", "Tel. no.", "01632 960000"),
    ],
)
def test_a_label_with_abbreviating_stops_is_parted_from_its_answer_by_a_dash(line, label, value):
    document = docx.Document()
    document.add_heading("Early Help Assessment", level=1)
    document.add_paragraph("Family name (surname) – Whitworth")
    document.add_paragraph(line)
    read = docx_form.read(saved(document))
    assert answer(read, "Family name (surname)") == "Whitworth"
    assert answer(read, label) == value
