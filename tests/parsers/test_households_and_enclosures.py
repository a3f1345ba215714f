"""Households and enclosed documents written the ways councils write them, read end to end
from a Word form."""

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from parsers import parse_bytes

JANE = {
    "name": "Jane Smith",
    "relationship": "mother",
    "date_of_birth": "1985-02-01",
    "parental_responsibility": True,
}
SAM = {
    "name": "Sam Smith",
    "relationship": "brother",
    "date_of_birth": "2016-05-12",
    "parental_responsibility": False,
}


JANE_SAID, SAM_SAID = ((p["name"], p["relationship"], p["date_of_birth"]) for p in (JANE, SAM))


def who(record: dict) -> list[tuple]:
    """(name, relationship, date of birth) of each person in the household found."""
    return [
        (p["name"], p["relationship"], p.get("date_of_birth")) for p in record["household_members"]
    ]


def word_form(build) -> dict:
    document = docx.Document()
    document.add_heading("Request for support", level=1)
    document.add_paragraph("Child's first name: Maya")
    build(document)
    output = io.BytesIO()
    document.save(output)
    return parse_bytes(output.getvalue()).record


def grid(document, rows):
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def columns_in_another_order(document):
    document.add_heading("Household members", level=2)
    grid(
        document,
        [
            ["PR (Y/N)", "D.O.B.", "Relationship to child", "Full name"],
            ["Y", "01/02/1985", "Mother", "Jane Smith"],
            ["N", "12.05.2016", "Brother", "Sam Smith"],
        ],
    )


def turned_on_its_side(document):
    document.add_heading("Who lives in the home", level=2)
    grid(
        document,
        [
            ["Name", "Jane Smith", "Sam Smith"],
            ["Relationship", "Mother", "Brother"],
            ["Date of birth", "1 February 1985", "12th May 2016"],
            ["Parental responsibility", "Yes", "No"],
        ],
    )


def lines_of_prose(document):
    document.add_heading("Who lives in the household?", level=2)
    document.add_paragraph("Mother: Jane Smith, Birth date 01/02/1985, has parental responsibility")
    document.add_paragraph("Brother: Sam Smith, born 12/05/2016, no PR")


def name_then_details_in_brackets(document):
    document.add_heading("Family composition", level=2)
    document.add_paragraph("Jane Smith (mother, 01/02/1985, PR: yes)")
    document.add_paragraph("Sam Smith (brother, 12/05/2016, PR: no)")


def in_the_family_s_own_words_with_an_age_column(document):
    document.add_heading("Family members", level=2)
    grid(
        document,
        [
            ["Full name", "DOB (if known)", "Age (yrs)", "PR?", "Relationship to child"],
            ["Jane Smith", "1.2.85", "40", "Y", "Mum (birth)"],
            ["Sam Smith", "12 05 2016", "9", "N", "Brother (full)"],
        ],
    )


def sentences_under_a_question_about_who_the_child_lives_with(document):
    document.add_paragraph("Who does the child live with?")
    document.add_paragraph("Mum is Jane Smith (DOB 1 Feb 85) – PR: yes")
    document.add_paragraph("• Brother: Sam Smith – 12/5/2016 (no PR)")


def a_block_of_answers_under_each_numbered_person(document, titled="Person no. {number}"):
    document.add_heading("Family composition", level=2)
    for number, (name, said, born, pr) in enumerate(
        [
            ("Jane Smith", "Mum", "1 February 1985", "Yes"),
            ("Sam Smith", "Brother", "12/05/2016", "No"),
        ],
        start=1,
    ):
        document.add_heading(titled.format(number=number), level=3)
        grid(
            document,
            [
                ["Full name", name],
                ["Relationship to the young person", said],
                ["DOB", born],
                ["Parental responsibility", pr],
            ],
        )


def the_same_questions_for_each_person_with_no_numbers(document):
    document.add_heading("People living at the address", level=2)
    for name, said, born, pr in [
        ("Jane Smith", "Mother (birth)", "1 February 1985", "Yes"),
        ("Sam Smith", "Brother", "12/05/2016", "No"),
    ]:
        grid(
            document,
            [
                ["Full name", name],
                ["Relationship to the young person", said],
                ["DOB", born],
                ["Holds PR?", pr],
            ],
        )


def a_grid_with_a_column_numbering_the_people(document):
    document.add_heading("Parents, carers and household", level=2)
    grid(
        document,
        [
            ["#", "Name (first and last)", "Relationship to child/YP", "DOB (if known)", "PR Y/N"],
            ["1", "Jane Smith", "mother", "01/02/1985", "PR"],
            ["2", "Sam Smith", "brother", "12/05/2016", "no PR"],
            ["3", "", "", "", ""],
        ],
    )


def people_run_on_in_one_line_each_led_by_a_relationship(document):
    document.add_paragraph(
        "Who does the child live with? Mother is Jane Smith (DOB Tuesday 1 February 1985) [PR] "
        "Brother is Sam Smith (DOB Thursday 12 May 2016) [not PR]"
    )


def people_run_on_in_one_line_each_closed_by_a_bracket(document):
    document.add_heading("Household", level=2)
    document.add_paragraph(
        "Jane Smith (mother, 01/02/1985, has PR), Sam Smith (brother, 12/05/2016, no PR)"
    )


def the_birth_date_under_each_name(document):
    document.add_heading("Members of the household", level=2)
    grid(
        document,
        [
            ["Name (DoB underneath)", "Relationship to the YP", "Holds parental resp.?"],
            ["Jane Smith\n01-Feb-85", "Mother", "Y (PR)"],
            ["Sam Smith\n12-May-16", "Brother", "N"],
        ],
    )


def the_birth_date_run_on_after_each_name(document):
    document.add_heading("Members of the household", level=2)
    grid(
        document,
        [
            ["Name / DoB", "How related to the child", "Holds parental resp.?"],
            ["Jane Smith 01-Feb-85", "Mother", "Y (PR)"],
            ["Sam Smith (12.5.2016)", "Brother", "N"],
        ],
    )


def group_titles_spanning_the_column_titles(document):
    document.add_heading("Who lives in the child's home?", level=2)
    rows = [
        ["Name of each occupant", "Relation to subject child", "Date of birth", "Holds PR?"],
        ["Jane Smith", "Mother", "01.02.1985", "PR"],
        ["Sam Smith", "Brother", "12.05.2016", "N"],
    ]
    table = document.add_table(rows=1, cols=4)
    table.cell(0, 0).text, table.cell(0, 3).text = "Person", "Legal"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Details"
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def counted_people_under_a_heading_that_does_not_say_household(document):
    document.add_heading("Part C", level=2)
    for number, (name, relation, born, responsible) in enumerate(
        (
            ("Jane Smith", "Mother", "01/02/1985", "Yes"),
            ("Sam Smith", "Brother", "12/05/2016", "No"),
        ),
        start=1,
    ):
        document.add_paragraph(f"Person {number} full name: {name}")
        document.add_paragraph(f"Person {number} relationship to child: {relation}")
        document.add_paragraph(f"Person {number} date of birth: {born}")
        document.add_paragraph(f"Person {number} parental responsibility: {responsible}")


def name_and_birth_date_in_one_column_titled_so(document):
    document.add_heading("Part B – household composition", level=2)
    grid(
        document,
        [
            ["Name and date of birth", "Relation to YP", "Parental responsibility"],
            ["Jane Smith\n01-FEB-1985", "Mother", "Yes"],
            ["Sam Smith\n12-MAY-2016", "Brother", "No"],
        ],
    )


def blocks_numbered_in_brackets(document):
    document.add_heading("Who lives in the home", level=2)
    for number, (name, said, born, pr) in enumerate(
        [
            ("Jane Smith", "Mother", "01/02/1985", "Yes"),
            ("Sam Smith", "Brother", "12/05/2016", "No"),
        ],
        start=1,
    ):
        document.add_heading(f"({number})", level=3)
        document.add_paragraph(f"Person: {name}")
        document.add_paragraph(f"Relation to YP: {said}")
        document.add_paragraph(f"DOB: {born}")
        document.add_paragraph(f"PR: {pr}")


def occupants(document):
    document.add_heading("Family and household details", level=2)
    grid(
        document,
        [
            ["Occupant", "Relationship to the YP", "DoB (day/month/year)", "Holds parental resp.?"],
            ["Jane Smith", "Mother", "01-FEB-1985", "Yes ✓"],
            ["Sam Smith", "Brother", "12-MAY-2016", "No"],
        ],
    )


@pytest.mark.parametrize(
    "shape",
    [
        name_and_birth_date_in_one_column_titled_so,
        blocks_numbered_in_brackets,
        occupants,
        the_birth_date_under_each_name,
        the_birth_date_run_on_after_each_name,
        group_titles_spanning_the_column_titles,
        counted_people_under_a_heading_that_does_not_say_household,
        the_same_questions_for_each_person_with_no_numbers,
        a_grid_with_a_column_numbering_the_people,
        people_run_on_in_one_line_each_led_by_a_relationship,
        people_run_on_in_one_line_each_closed_by_a_bracket,
        a_block_of_answers_under_each_numbered_person,
        columns_in_another_order,
        turned_on_its_side,
        lines_of_prose,
        name_then_details_in_brackets,
        in_the_family_s_own_words_with_an_age_column,
        sentences_under_a_question_about_who_the_child_lives_with,
    ],
)
def test_a_household_in_any_shape_gives_the_same_people(shape):
    assert word_form(shape)["household_members"] == [JANE, SAM]


def test_documents_listed_under_enclosures_get_their_kind_and_file_name():
    def enclosures(document):
        document.add_heading("Documents enclosed", level=2)
        document.add_paragraph("DASH risk checklist (dash-smith.pdf)", style="List Bullet")
        document.add_paragraph("Graded Care Profile - gcp2.pdf", style="List Bullet")
        document.add_paragraph(
            "Education, Health and Care Plan: EHCP-2025.docx", style="List Bullet"
        )

    assert word_form(enclosures)["attachments"] == [
        {"kind": "risk_assessment", "filename": "dash-smith.pdf"},
        {"kind": "screening_tool", "filename": "gcp2.pdf"},
        {"kind": "ehcp", "filename": "EHCP-2025.docx"},
    ]


def test_documents_listed_under_their_heading_after_a_row_asking_whether_any_are_attached():
    def listed_after_the_question(document):
        document.add_heading("Attachments to this request", level=2)
        grid(document, [["G1", "Documents attached to this contact?", "Yes"]])
        document.add_paragraph("(a) Copy of EHCP")
        document.add_paragraph("(b) TAF action plan – filename TAF minutes 20.06.26.docx")

    assert word_form(listed_after_the_question)["attachments"] == [
        {"kind": "ehcp"},
        {"kind": "early_help_plan", "filename": "TAF minutes 20.06.26.docx"},
    ]


def test_ticked_document_types_are_attachments_and_unticked_ones_are_not():
    def ticked(document):
        document.add_paragraph("Attachments: ☒ Early Help Plan ☐ EHCP ☒ Risk assessment")

    assert word_form(ticked)["attachments"] == [
        {"kind": "early_help_plan"},
        {"kind": "risk_assessment"},
    ]


@pytest.mark.parametrize(
    "answer", ["[X] Yes [ ] No", "Yes [x]   No [ ]", "Yes ☒ No ☐", "Y", "Yes - agreed with mum"]
)
def test_yes_written_any_way_is_yes(answer):
    def consent(document):
        document.add_paragraph(f"Parent/carer agreement to this request: {answer}")

    assert word_form(consent)["consent"]["family_agrees"] is True


def people_run_on_with_semicolons(document):
    document.add_paragraph(
        "Family composition / household: Jane Smith, mother, born 01/02/1985, has PR; "
        "Sam Smith, brother, born 12/05/2016, no PR"
    )


def test_people_run_on_in_one_answer_with_semicolons():
    assert word_form(people_run_on_with_semicolons)["household_members"] == [JANE, SAM]


def test_one_answer_to_a_label_asking_for_name_and_job_title():
    def build(document):
        document.add_heading("Referrer", level=2)
        document.add_paragraph("Name & job title: Ann Lee, School Nurse")

    referrer = word_form(build)["referrer"]
    assert (referrer["name"], referrer["role"]) == ("Ann Lee", "School Nurse")


def test_one_person_s_details_parted_by_semicolons_stay_one_person():
    def build(document):
        document.add_paragraph("Household: Mother: Jane Smith; born 01/02/1985; has PR")

    assert word_form(build)["household_members"] == [JANE]


def test_documents_listed_with_file_names_in_other_ways():
    """ "…; file name X", "X [what it is]", "(1) a name with spaces.pdf", "… - saved as X", and
    a yes to "Are you attaching any documents?" that is no document."""

    def enclosures(document):
        document.add_paragraph("Are you attaching any documents?: Yes")
        document.add_heading("Attachments", level=2)
        document.add_paragraph("• Domestic abuse risk assessment; file name RIC_Hossain.pdf")
        document.add_paragraph("• (2) Turcanu GP letter.pdf [Additional information]")
        document.add_paragraph("• Current EHCP - saved as Whitworth EHC Plan final.pdf")

    assert word_form(enclosures)["attachments"] == [
        {"kind": "risk_assessment", "filename": "RIC_Hossain.pdf"},
        {"kind": "other", "filename": "Turcanu GP letter.pdf"},
        {"kind": "ehcp", "filename": "Whitworth EHC Plan final.pdf"},
    ]


def test_a_grid_of_documents_with_no_titles_over_it():
    def grid_only(document):
        document.add_heading("Attached information", level=2)
        grid(
            document,
            [
                ["1", "DASH risk checklist (completed)", "DASH-Vaughan.pdf", "Secure e-mail"],
                ["2", "EHA form", "EHA-Vaughan-2026-01-24.pdf", "With this form"],
            ],
        )

    assert word_form(grid_only)["attachments"] == [
        {"kind": "risk_assessment", "filename": "DASH-Vaughan.pdf"},
        {"kind": "early_help_assessment", "filename": "EHA-Vaughan-2026-01-24.pdf"},
    ]


def test_parents_and_children_in_two_grids_are_one_household():
    def two_grids(document):
        document.add_heading("Parents and carers", level=2)
        grid(
            document,
            [
                ["Name", "Relationship", "Date of birth"],
                ["Jane Smith", "Mother", "01/02/1985"],
                ["Tom Smith", "Father", "03/04/1983"],
            ],
        )
        document.add_heading("Brothers and sisters", level=2)
        grid(
            document,
            [
                ["Name", "Date of birth", "Relationship"],
                ["Sam Smith", "12/05/2016", "Brother"],
                ["Amy Smith", "07/08/2019", "Sister"],
            ],
        )

    people = word_form(two_grids)["household_members"]
    assert [(p["name"], p["relationship"]) for p in people] == [
        ("Jane Smith", "mother"),
        ("Tom Smith", "father"),
        ("Sam Smith", "brother"),
        ("Amy Smith", "sister"),
    ]


@pytest.mark.parametrize(
    ("said", "word"),
    [
        ("Mum", "mother"),
        ("Mother (birth)", "mother"),
        ("Step-dad", "stepfather"),
        ("Sister (step)", "stepsister"),
        ("1/2 brother", "half-brother"),
        ("Half sister", "half-sister"),
        ("Nan (maternal)", "maternal grandmother"),
        ("Grandmother (mum's side)", "maternal grandmother"),
        ("Mum's partner", "mother's partner"),
        ("Partner of mum", "mother's partner"),
        ("Sib", "sibling"),
        ("Mother (has PR)", "mother"),
        ("Child's mother", "mother"),
        ("Step-father (lives with child)", "stepfather"),
        ("Mother / main carer", "mother"),
        ("Foster carer", "foster carer"),
    ],
)
def test_a_relationship_said_the_family_s_way_is_the_record_s_word(said, word):
    def build(document):
        document.add_heading("Household", level=2)
        document.add_paragraph(f"Jane Smith ({said}, 01/02/1985)")

    assert word_form(build)["household_members"][0]["relationship"] == word


def test_people_with_relationships_and_birth_dates_are_a_household_under_any_label():
    def build(document):
        document.add_heading("Background", level=2)
        document.add_paragraph(
            "Other information: Mother – Jane Smith (DOB 01 02 1985); "
            "Brother – Sam Smith (DOB 12 05 2016)"
        )

    assert who(word_form(build)) == [JANE_SAID, SAM_SAID]


def test_labels_lined_up_with_spaces_part_from_their_answers():
    def build(document):
        document.add_paragraph("Surname of child        Okafor")
        document.add_paragraph("Postcode where the child lives      LS9 4NF")

    child = word_form(build)["child"]
    assert (child["last_name"], child["postcode"]) == ("Okafor", "LS9 4NF")


def test_documents_named_after_what_they_are_in_the_ways_people_write_them():
    """Several files in one sentence, a description then a comma, the file first and then what
    it is, and "attached as" inside the brackets."""

    def enclosures(document):
        document.add_paragraph(
            "Documents sent: I have attached the neglect screening (completed) "
            "(Neglect-screening-Smith.pdf) and the risk assessment (DASH / SafeLives) "
            "(DASH-Smith.pdf)."
        )
        document.add_heading("Enclosures", level=2)
        document.add_paragraph("Attendance record (this term), Attendance Smith autumn term.pdf")
        document.add_paragraph("Action plan Smith.pdf — Family support plan")
        document.add_paragraph("EHCP (issued) (attached as EHCP-Smith-2025.pdf)")

    assert word_form(enclosures)["attachments"] == [
        {"kind": "screening_tool", "filename": "Neglect-screening-Smith.pdf"},
        {"kind": "risk_assessment", "filename": "DASH-Smith.pdf"},
        {"kind": "other", "filename": "Attendance Smith autumn term.pdf"},
        {"kind": "early_help_plan", "filename": "Action plan Smith.pdf"},
        {"kind": "ehcp", "filename": "EHCP-Smith-2025.pdf"},
    ]


def test_a_household_on_its_side_whose_first_row_is_styled_as_a_header():
    """Word's repeated, shaded header row on a grid of people a column each: the names in it
    are no column titles."""

    def build(document):
        document.add_heading("Family composition", level=2)
        grid(
            document,
            [
                ["Full name of person", "Jane Smith", "Sam Smith"],
                ["Relationship to child", "Mother", "Brother"],
                ["Date of birth", "01/02/1985", "12/05/2016"],
            ],
        )
        first_row = document.tables[-1].rows[0]
        first_row._tr.get_or_add_trPr().append(
            docx.oxml.parse_xml(f"<w:tblHeader {docx.oxml.ns.nsdecls('w')}/>")
        )
        for cell in first_row.cells:
            cell._tc.get_or_add_tcPr().append(
                docx.oxml.parse_xml(
                    f'<w:shd {docx.oxml.ns.nsdecls("w")} w:val="clear" w:fill="E7E6E6"/>'
                )
            )

    assert who(word_form(build)) == [JANE_SAID, SAM_SAID]


def test_documents_in_a_table_saying_which_were_included():
    def build(document):
        document.add_heading("Supporting paperwork", level=2)
        grid(
            document,
            [
                ["Report / assessment", "Date of report", "Included Y/N"],
                ["Completed EHA", "", "N"],
                ["EHC plan – current (Smith EHC Plan final.pdf)", "18.01.26", "Y"],
            ],
        )

    assert word_form(build)["attachments"] == [
        {"kind": "ehcp", "filename": "Smith EHC Plan final.pdf"}
    ]


@pytest.mark.parametrize(
    ("answer", "agrees"),
    [
        ("Parents agreed when I met them.", True),
        ("Consent was given verbally at the meeting.", True),
        ("Mum has not agreed to the referral.", False),
        ("Dad refused when asked.", False),
    ],
)
def test_consent_answered_in_a_sentence(answer, agrees):
    def consent(document):
        document.add_paragraph(f"Do the parents/carers consent to this referral? {answer}")

    assert word_form(consent)["consent"]["family_agrees"] is agrees


def test_documents_ticked_with_their_file_names_and_documents_named_twice():
    """Ticked document types with "— filename: …" after them; a document described in one
    answer and named in the next is one document; how it was sent is none."""

    def ticked(document):
        document.add_paragraph().add_run("Documents included (tick all that apply)").bold = True
        document.add_paragraph("□ Early Help Assessment (EHA) form")
        document.add_paragraph("■ Risk assessment (DASH / SafeLives) — filename: DASH-Smith.pdf")
        document.add_paragraph("■ Education, Health & Care Plan (EHCP). File: Smith EHCP.pdf")

    assert word_form(ticked)["attachments"] == [
        {"kind": "risk_assessment", "filename": "DASH-Smith.pdf"},
        {"kind": "ehcp", "filename": "Smith EHCP.pdf"},
    ]

    def one_cell_at_a_time(document):
        document.add_heading("Supporting documents sent with this form", level=2)
        document.add_paragraph("Document: Team Around the Family (TAF) plan")
        document.add_paragraph("Document name: Action plan Smith.pdf")
        document.add_paragraph("How sent: Secure e-mail (Egress)")

    assert word_form(one_cell_at_a_time)["attachments"] == [
        {"kind": "early_help_plan", "filename": "Action plan Smith.pdf"}
    ]


def test_a_person_a_line_with_birth_dates_not_known_is_a_household_under_any_label():
    def build(document):
        document.add_paragraph(
            "Other adults in the home: - Jane Smith, mother, date of birth NK\n"
            "- Tom Jones, stepfather, date of birth 03/04/1983"
        )

    assert who(word_form(build)) == [
        ("Jane Smith", "mother", None),
        ("Tom Jones", "stepfather", "1983-04-03"),
    ]


def test_the_first_person_read_as_the_label_of_the_rest_is_one_of_them():
    from parsers import household

    people = household.from_lines(
        "Birth mother – Jane Smith, date of birth tbc [PR]",
        "Mum's boyfriend – Tom Jones, date of birth 03 April 1983 [not PR]",
    )
    assert [(p["name"], p["relationship"], p["date_of_birth"]) for p in people] == [
        ("Jane Smith", "mother", None),
        ("Tom Jones", "mother's partner", "1983-04-03"),
    ]


def test_people_in_a_grid_and_in_a_line_of_prose_are_one_household_each_once():
    def build(document):
        document.add_heading("Parents and carers", level=2)
        grid(
            document,
            [
                ["Name", "Relationship", "Date of birth"],
                ["Jane Smith", "Mother", "01/02/1985"],
                ["Tom Smith", "Father", "03/04/1983"],
            ],
        )
        document.add_heading("Other people in the household", level=2)
        document.add_paragraph("Mother: Jane Smith, 01/02/1985")
        document.add_paragraph("Brother: Sam Smith, 12/05/2016")

    assert who(word_form(build)) == [JANE_SAID, ("Tom Smith", "father", "1983-04-03"), SAM_SAID]


def read_as_found(observations=(), tables=()) -> dict:
    """The record from what a reader reports, whatever kind of file it read."""
    from parsers import mapping
    from parsers.model import ReadDocument

    document = ReadDocument("acroform-pdf", list(observations), list(tables))
    return mapping.to_record(document)[0]


def test_boxes_ticked_beside_kinds_of_document_are_the_documents_sent():
    from parsers.model import Observation

    question = "11. Documents included (tick all that apply)"
    boxes = [
        ("Completed EHA", False),
        ("DASH RIC form. File: RIC_Jones.pdf", True),
        ("Neglect checklist", True),
        ("Chronology of concerns", False),
    ]
    record = read_as_found(
        [Observation(labels=["Child's first name"], value="Maya")]
        + [
            Observation(labels=[caption], value=ticked, group=question, section="Supporting")
            for caption, ticked in boxes
        ]
    )
    assert record["attachments"] == [
        {"kind": "risk_assessment", "filename": "RIC_Jones.pdf"},
        {"kind": "screening_tool"},
    ]


def test_documents_named_in_a_sentence_in_a_question_grid():
    from parsers.model import Table

    grid = Table(
        header=["Question", "Guidance notes", "Response"],
        rows=[
            [
                "Additional information and attachments",
                "",
                "Sent with this referral are the attendance print-out from SIMS (Attendance "
                "Jones autumn term.pdf) and the Early Help plan and review "
                "(Action plan Jones.pdf).",
            ]
        ],
        section="Informing parents and carers",
    )
    record = read_as_found([], [grid])
    assert record["attachments"] == [
        {"kind": "other", "filename": "Attendance Jones autumn term.pdf"},
        {"kind": "early_help_plan", "filename": "Action plan Jones.pdf"},
    ]


@pytest.mark.parametrize(
    ("described", "kind"),
    [
        ("Neglect checklist", "screening_tool"),
        ("Team around the family minutes", "early_help_plan"),
        ("Statement of special educational needs", "ehcp"),
        ("Letter from GP", "other"),
        ("Child exploitation risk matrix", "screening_tool"),
        ("Risk management plan", "risk_assessment"),
    ],
)
def test_a_document_described_in_other_words_gets_its_kind(described, kind):
    from parsers import attachments

    assert attachments.from_list(described) == [{"kind": kind, "filename": None}]


@pytest.mark.parametrize("shaded", [False, True])
def test_questions_down_the_side_with_a_column_saying_where_each_answer_came_from(shaded):
    """Not a household on its side: each question's answer is beside it, and the titled
    column after it only says who gave the answer."""

    def build(document):
        document.add_heading("Part A – the subject child", level=2)
        grid(
            document,
            [
                ["", "", "Source (agency/person)"],
                ["Child's surname as registered", "Smith", "Parent"],
                ["Child's forename(s) as registered", "Maya", "Police"],
                ["When was the child born?", "21st of August 2015", "School records"],
                ["Language used at home", "Polish", "Parent"],
            ],
        )
        if shaded:  # questions and the notes' title in shaded cells, as many councils print them
            table = document.tables[-1]
            for cell in [table.rows[0].cells[2], *(row.cells[0] for row in table.rows[1:])]:
                properties = cell._tc.get_or_add_tcPr()
                properties.append(
                    parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="D9D9D9"/>')
                )

    child = word_form(build)["child"]
    assert (child["last_name"], child["date_of_birth"], child["first_language"]) == (
        "Smith",
        "2015-08-21",
        "Polish",
    )


def test_a_grid_titled_with_questions_answers_them_in_its_first_row():
    """Whatever reader found it: questions as the titles, the answers under them, then a row
    saying where each answer came from."""
    from parsers.model import Table

    record = read_as_found(
        [],
        [
            Table(
                header=["Child's surname", "Forename(s)", "Date of birth", "Home language"],
                rows=[["Smith", "Maya", "01/02/2015", "Polish"], ["Parent", "Police", "", ""]],
                section="About the child",
            )
        ],
    )
    assert record["child"] == {
        "last_name": "Smith",
        "first_name": "Maya",
        "date_of_birth": "2015-02-01",
        "first_language": "Polish",
    }


def test_questions_numbered_with_a_letter_and_a_number_in_cells_of_their_own():
    def build(document):
        document.add_heading("Part B – requester details", level=2)
        grid(
            document,
            [
                ["B1", "B2", "B3"],
                ["Referrer's name", "Referrer's job role", "Referrer's agency"],
                ["Jo Bloggs", "School nurse", "Hillside Academy"],
            ],
        )
        document.add_heading("Part C – the child", level=2)
        grid(
            document,
            [["C1", "Child's surname", "Smith"], ["C2", "Child's date of birth", "01/02/2015"]],
        )

    record = word_form(build)
    assert record["referrer"] == {
        "name": "Jo Bloggs",
        "role": "School nurse",
        "agency": "Hillside Academy",
    }
    assert (record["child"]["last_name"], record["child"]["date_of_birth"]) == (
        "Smith",
        "2015-02-01",
    )


def numbered_people_each_detail_a_label(document):
    document.add_heading("Members of the household", level=2)
    for number, (name, said, born) in enumerate(
        [("Jane Smith", "Mother", "1st of February 1985"), ("Sam Smith", "Brother", "12/05/2016")],
        start=1,
    ):
        document.add_paragraph(f"Person {number} name: {name}")
        document.add_paragraph(f"Person {number} relationship: {said}")
        document.add_paragraph(f"Person {number} DOB: {born}")


def name_and_relationship_as_the_label_of_the_birth_date(document):
    document.add_heading("Family and household details", level=2)
    document.add_paragraph("Jane Smith / Mother / DOB: 01-Feb-85")
    document.add_paragraph("Sam Smith / Brother / DOB: 12-May-16")


def a_sentence_saying_who_the_child_lives_with(document):
    document.add_paragraph(
        "Describe the household: Maya lives with mum (birth parent) Jane Smith (DoB 1st of "
        "February 1985), mum's live-in partner Tom Jones age 40 and her bro Sam Smith "
        "(DoB 12th of May 2016)."
    )


@pytest.mark.parametrize(
    ("shape", "people"),
    [
        (numbered_people_each_detail_a_label, [JANE_SAID, SAM_SAID]),
        (name_and_relationship_as_the_label_of_the_birth_date, [JANE_SAID, SAM_SAID]),
        (
            a_sentence_saying_who_the_child_lives_with,
            [JANE_SAID, ("Tom Jones", "mother's partner", None), SAM_SAID],
        ),
    ],
)
def test_people_written_person_by_person(shape, people):
    assert who(word_form(shape)) == people


def test_documents_named_in_sentences_with_dashes_and_brackets_in_their_file_names():
    def build(document):
        document.add_heading("Reports and documents supplied", level=2)
        document.add_paragraph(
            "I am also sending the Team Around the Child plan (Maya Smith - TAC plan.pdf)."
        )
        document.add_paragraph(
            "Brook traffic light tool (sexual behaviours) - see file Brook tool - Smith.pdf"
        )

    assert word_form(build)["attachments"] == [
        {"kind": "early_help_plan", "filename": "Maya Smith - TAC plan.pdf"},
        {"kind": "screening_tool", "filename": "Brook tool - Smith.pdf"},
    ]


def test_answers_that_are_each_one_person_one_after_another_are_a_household():
    """A control a line under a heading that names no household ("Significant others")."""
    from parsers.model import Observation

    record = read_as_found(
        [
            Observation(labels=["Child's first name"], value="Maya"),
            Observation(
                labels=["Consent given by"], value="Jane Smith (mother)", section="Consent"
            ),
            *(
                Observation(labels=[f"fam_line_{n}"], value=line, section="Significant others")
                for n, line in enumerate(
                    ["Jane Smith (mother, 01/02/1985)", "Sam Smith – brother – 12.05.2016"], 1
                )
            ),
        ]
    )
    assert who(record) == [JANE_SAID, SAM_SAID]
    assert record["consent"]["given_by"] == "Jane Smith (mother)"


def test_a_block_of_answers_under_each_person_numbered_in_words_about_where_they_live():
    def build(document):
        a_block_of_answers_under_each_numbered_person(
            document, "Individual {number} at the address"
        )
        document.add_paragraph("Referrer – name: Jo Bloggs")  # no heading of its own

    record = word_form(build)
    assert record["household_members"] == [JANE, SAM]
    assert record["referrer"]["name"] == "Jo Bloggs"


def test_a_note_under_a_name_in_its_cell_is_no_part_of_the_name():
    def build(document):
        document.add_heading("Members of the household", level=2)
        grid(
            document,
            [
                ["Name (DoB underneath)", "Relationship", "PR"],
                ["Jane Smith\nunknown to referrer", "Mother", "Yes"],
                ["Sam Smith\n12-May-16", "Brother", "No"],
            ],
        )

    assert who(word_form(build)) == [("Jane Smith", "mother", None), SAM_SAID]


@pytest.mark.parametrize(
    "template",
    [
        "{kind} - see {file}",
        "{kind} (copy attached: {file})",
        "{kind} [file: {file}]",
        "{kind} -> {file}",
        "{kind} | {file}",
        "{kind} (see attached {file})",
        "{kind}\t{file}",
        "{kind} (electronic copy: {file})",
    ],
)
def test_a_file_name_with_spaces_however_it_is_introduced(template):
    from parsers import attachments

    item = template.format(kind="DASH risk checklist", file="DASH Smith final v2.pdf")
    assert attachments.from_list(item) == [
        {"kind": "risk_assessment", "filename": "DASH Smith final v2.pdf"}
    ]


def test_a_date_answering_a_question_about_agreement_is_the_consent_s_date():
    from parsers.model import Observation

    record = read_as_found(
        [
            Observation(labels=["Child's first name"], value="Maya"),
            Observation(labels=["Agreement to referral obtained (date)"], value="29-Jul-26"),
        ]
    )
    assert record["consent"] == {"date": "2026-07-29"}
    assert "date" not in record.get("referral", {})
