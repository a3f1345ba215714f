"""Write every template in doc_templates/ from this script, the same bytes every time.

    .venv/bin/python doc_templates/build.py

The .docx files are the templates Front Door renders (docxtpl tags, editable in Word); this
script is how they are first made and how a change to one is reviewed. Each run writes identical
files (fixed dates inside and in the zip), so a template's version hash changes only when its
content does. See README.md beside it for the variables each template uses.
"""

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2026, 11, 1, 9, 0, 0)
CONFIDENTIAL = (
    "This {what} was produced by Front Door from the record as it stands. It contains personal "
    "information about a child: keep it secure and share it only with those who need it."
)

DEVELOPMENT = [
    ("health", "Health"),
    ("emotional_social", "Emotional and social development"),
    ("behaviour", "Behavioural development"),
    ("identity", "Identity, including self-esteem and self-image"),
    ("family_social_relationships", "Family and social relationships"),
    ("self_care", "Self-care skills and independence"),
    ("learning", "Learning"),
]
PARENTING = [
    ("basic_care", "Basic care, ensuring safety and protection"),
    ("safety", "Safety"),
    ("emotional_warmth", "Emotional warmth and stability"),
    ("guidance_boundaries", "Guidance, boundaries and stimulation"),
    ("stimulation", "Stimulation"),
    ("stability", "Stability"),
]
FAMILY_ENVIRONMENT = [
    ("family_history", "Family history, functioning and well-being"),
    ("wider_family", "Wider family"),
    ("housing", "Housing, employment and financial considerations"),
    ("employment_income", "Employment and income"),
    ("social_integration", "Social and community elements, and resources"),
    ("community_resources", "Community resources"),
]
#: seed 002, Section 47: what to include in the referral, in its order
HARM = [
    ("harm.noteworthy", "What is noteworthy"),
    ("harm.comparison_similar_child", "Comparison to a similar child"),
    ("child.disability", "Any disabilities"),
    ("harm.nature", "Nature of the harm"),
    ("harm.severity", "Severity of the harm"),
    ("harm.duration", "Duration of the harm"),
    ("harm.frequency", "Frequency of the harm"),
    ("harm.impact", "Impact on the child"),
    ("harm.unusual_elements", "Any threat, coercion, sadism or unusual elements"),
    ("harm.parental_capacity", "Parental capacity"),
    ("harm.family_environment_factors", "Family and environmental factors"),
    ("harm.care_given", "Care given or likely to be given"),
]


# --- building blocks -------------------------------------------------------------------------


def new_document(title: str) -> Document:
    """A4 with the council's letterhead at the top of every page, in British English."""
    document = docx.Document()
    core = document.core_properties
    core.title, core.author, core.last_modified_by = title, "Front Door", "Front Door"
    core.language = "en-GB"
    core.created = core.modified = FIXED
    core.revision = 1
    page = document.sections[0]
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin = page.right_margin = Mm(20)
    page.top_margin = page.bottom_margin = Mm(20)
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    defaults.find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), "en-GB")
    letterhead(page.header)
    return document


def letterhead(header) -> None:
    """The council's name, address and how to reach the front door, from its settings."""
    name = header.paragraphs[0]
    name.text = "{{ council.name }}"
    name.runs[0].bold = True
    header.add_paragraph("{% if council.address %}{{ council.address }}{% endif %}")
    header.add_paragraph(
        "{% if council.phone %}Telephone {{ council.phone }}{% endif %}"
        "{% if council.phone and council.email %} · {% endif %}"
        "{% if council.email %}{{ council.email }}{% endif %}"
    )


def para(document: Document, text: str, style: str | None = None) -> None:
    document.add_paragraph(text, style=style)


def facts(document: Document, rows: list[tuple[str, str]]) -> None:
    """A two-column table: label, then the tag that fills it."""
    table = document.add_table(rows=0, cols=2, style="Table Grid")
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value


def repeating_table(
    document: Document, headers: list[str], loop: str, cells: list[str], empty: str
) -> None:
    """A table with a header row and one row per item of ``loop`` (``x in list``). The header
    row is marked as one (Word's "repeat as header row"): a PDF reader, a screen reader and
    the web preview take its cells as the columns' headers."""
    table = document.add_table(rows=4, cols=len(headers), style="Table Grid")
    header_row = OxmlElement("w:tblHeader")
    header_row.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header_row)
    for index, header in enumerate(headers):
        table.rows[0].cells[index].text = header
        table.rows[2].cells[index].text = cells[index]
    table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    listed = loop.split(" in ", 1)[1]
    para(document, f"{{% if not {listed} %}}{empty}{{% endif %}}")


def section(document: Document, number: int, title: str, *values: str) -> None:
    document.add_heading(f"{number}. {title}", level=2)
    for value in values:
        para(document, value)


def date_and_reference(document: Document) -> None:
    para(document, "{{ letter_date }}{% if reference %}. Our reference: {{ reference }}{% endif %}")


def letter_head(document: Document, to: str, title: str) -> None:
    date_and_reference(document)
    para(document, f"To: {to}")
    document.add_heading(title, level=1)
    para(
        document,
        "Referral about {{ child.first_name }} {{ child.last_name }}, born "
        "{{ child.date_of_birth|long_date }}. Date of referral: {{ referral.date|long_date }}. "
        "Threshold level: {{ threshold_level|answer }}.",
    )


def child_table(document: Document) -> None:
    facts(
        document,
        [
            ("Name", "{{ child.first_name }} {{ child.last_name }}"),
            ("Date of birth", "{{ child.date_of_birth|long_date }}"),
            ("Gender", "{{ child.gender|answer }}"),
            ("Address", "{{ child.address|answer }}"),
            ("Postcode", "{{ child.postcode|answer }}"),
            ("School or setting", "{{ child.school_or_setting|answer }}"),
            ("First language", "{{ child.first_language|answer }}"),
            ("Disability or special need", "{{ child.disability|answer }}"),
        ],
    )


def household_table(document: Document) -> None:
    repeating_table(
        document,
        ["Name", "Relationship to the child", "Date of birth", "Parental responsibility"],
        "member in household_members",
        [
            "{{ member.name }}",
            "{{ member.relationship|answer }}",
            "{{ member.date_of_birth|long_date }}",
            "{{ member.parental_responsibility|answer }}",
        ],
        "No household members were listed.",
    )


def contact_table(document: Document, who: str, filter_: str = "answer") -> None:
    facts(
        document,
        [
            ("Name", f"{{{{ {who}.name|{filter_} }}}}"),
            ("Job title", f"{{{{ {who}.role|{filter_} }}}}"),
            ("Agency", f"{{{{ {who}.agency|{filter_} }}}}"),
            ("Telephone", f"{{{{ {who}.phone|{filter_} }}}}"),
            ("Email", f"{{{{ {who}.email|{filter_} }}}}"),
        ],
    )


def attachments_list(document: Document) -> None:
    para(document, "{%p for attachment in attachments %}")
    para(
        document,
        "{{ attachment.kind|attachment_label }}: {{ attachment.filename|answer }}",
        "List Bullet",
    )
    para(document, "{%p endfor %}")
    para(document, "{% if not attachments %}No documents were attached.{% endif %}")


def assessment_summary(document: Document) -> None:
    """The three domains of the common assessment, then its conclusions and agreed actions."""
    for title, part, fields in [
        ("Development of the child", "development", DEVELOPMENT),
        ("Parents and carers", "parenting", PARENTING),
        ("Family and environment", "family_environment", FAMILY_ENVIRONMENT),
    ]:
        document.add_heading(title, level=3)
        facts(
            document,
            [(label, f"{{{{ assessment.{part}.{name}|answer }}}}") for name, label in fields],
        )
    facts(
        document,
        [
            ("Conclusions and solutions", "{{ assessment.conclusions|answer }}"),
            ("Actions agreed", "{{ assessment.actions|answer }}"),
        ],
    )


BASIC_DETAILS = [  # seed 002 "Basic Details", in its order, after the people
    ("The concern", "{{ referral.reason_summary|answer }}"),
    ("Facts", "{{ referral.facts|answer }}"),
    ("Opinions, and whose they are", "{{ referral.opinions|answer }}"),
    ("The child's views, in their own words", "{{ referral.child_views|answer }}"),
    ("What has already been done", "{{ referral.what_has_been_done|answer }}"),
    (
        "Conversations held, and what the referrer and family expect",
        "{{ referral.conversations|answer }}",
    ),
]


def people_and_basic_details(document: Document, request_title: str) -> int:
    """Sections 1 to 11 every referral letter shares; returns the next section number."""
    section(document, 1, "The child")
    child_table(document)
    section(document, 2, "Household members")
    household_table(document)
    section(document, 3, "Referrer")
    contact_table(document, "referrer")
    number = 4
    for title, value in BASIC_DETAILS:
        section(document, number, title, value)
        number += 1
    section(document, number, request_title, "{{ referral.request|answer }}")
    section(
        document,
        number + 1,
        "Intended outcome for the child",
        "{{ referral.intended_outcome|answer }}",
    )
    return number + 2


def closing(document: Document, what: str = "letter") -> None:
    para(document, "")
    para(document, CONFIDENTIAL.format(what=what))


# --- the templates ---------------------------------------------------------------------------


def consent_facts(document: Document) -> None:
    """Agreement and consent, as every letter that asks for the family's agreement shows it."""
    facts(
        document,
        [
            ("Family agrees to be involved", "{{ consent.family_agrees|answer }}"),
            ("Consent to share information", "{{ consent.information_sharing|answer }}"),
            ("Consent given by", "{{ consent.given_by|answer }}"),
            ("Date consent given", "{{ consent.date|long_date }}"),
        ],
    )
    young_person_agreement(document)


def young_person_agreement(document: Document) -> None:
    """A young person's own agreement, and the judgement of their competence it rests on (seed
    004), so a letter never lets it pass for the family's."""
    competence = "consent.young_person_competence"
    para(document, "{%p if consent.given_by_young_person %}")
    para(document, "The young person agreed to this themselves.")
    facts(
        document,
        [
            ("Parents or carers to be involved", f"{{{{ {competence}.parents_involved|answer }}}}"),
            (
                "Why they will not be involved",
                f"{{{{ {competence}.parents_not_involved_reason|answer }}}}",
            ),
            ("Judged competent to decide this", f"{{{{ {competence}.competent|answer }}}}"),
            ("Judged by", f"{{{{ {competence}.judged_by|answer }}}}"),
            ("Date of the judgement", f"{{{{ {competence}.judged_on|long_date }}}}"),
            (
                "Their understanding, and whether they see the consequences of the alternatives",
                f"{{{{ {competence}.understanding|answer }}}}",
            ),
            ("Their consistency", f"{{{{ {competence}.consistency|answer }}}}"),
            ("How complex the issues are", f"{{{{ {competence}.complexity|answer }}}}"),
        ],
    )
    para(document, "{%p endif %}")


def referral_section_17() -> Document:
    document = new_document("Referral: Section 17 Child in Need")
    letter_head(
        document, "Children's Social Care duty team (front door)", "Referral: {{ pathway_title }}"
    )
    number = people_and_basic_details(document, "What this referral asks for")
    section(
        document,
        number,
        "Evidence for a Level 4 intervention",
        "{{ referral.level4_evidence|answer }}",
    )
    section(document, number + 1, "Documents attached")
    attachments_list(document)
    section(document, number + 2, "Consent")
    consent_facts(document)
    closing(document)
    return document


def referral_early_help() -> Document:
    document = new_document("Referral: Early Help")
    letter_head(document, "Early Help / Local Delivery team", "Referral: {{ pathway_title }}")
    number = people_and_basic_details(document, "What this referral asks for")
    section(document, number, "Early help assessment: summary of the three domains")
    assessment_summary(document)
    section(document, number + 1, "Documents attached")
    attachments_list(document)
    section(
        document,
        number + 2,
        "Areas for which support is required",
        "{{ referral.request|answer }}",
    )
    section(document, number + 3, "Lead professional")
    contact_table(document, "lead_professional")
    section(document, number + 4, "Agreement and consent")
    consent_facts(document)
    closing(document)
    return document


def referral_section_47() -> Document:
    document = new_document("Referral: Section 47 Child Protection")
    letter_head(
        document, "Children's Social Care duty team (front door)", "Referral: {{ pathway_title }}"
    )
    number = people_and_basic_details(document, "What this referral asks for")
    section(document, number, "Significant harm")
    facts(document, [(label, f"{{{{ {name}|answer }}}}") for name, label in HARM])
    section(document, number + 1, "Risk assessments and screening tools attached")
    attachments_list(document)
    section(
        document,
        number + 2,
        "Informing the family",
        "The family's agreement is not needed where the threshold for significant harm is met. "
        "The referrer's decision on whether the family should be informed, and the reason:",
    )
    facts(
        document,
        [
            (
                "The family is to be informed of this referral",
                "{{ consent.family_informed|answer }}",
            ),
            ("Reason for this decision", "{{ consent.decision_reason|answer }}"),
        ],
    )
    closing(document)
    return document


def referral_specialist() -> Document:
    document = new_document("Request for specialist services")
    letter_head(
        document, "{{ pathway_title }}", "Request for specialist services: {{ pathway_title }}"
    )
    number = people_and_basic_details(document, "The request for intervention")
    section(document, number, "Agreement and consent to share")
    facts(
        document,
        [
            (
                "The request has been agreed with the parent or carer",
                "{{ consent.family_agrees|answer }}",
            ),
            (
                "Consent to share information with this service",
                "{{ consent.information_sharing|answer }}",
            ),
            ("Consent given by", "{{ consent.given_by|answer }}"),
            ("Date consent given", "{{ consent.date|long_date }}"),
        ],
    )
    young_person_agreement(document)
    section(document, number + 1, "Lead professional")
    contact_table(document, "lead_professional")
    section(document, number + 2, "Common assessment: summary")
    assessment_summary(document)
    section(document, number + 3, "Documents attached")
    attachments_list(document)
    closing(document)
    return document


def child_and_family(document: Document) -> None:
    facts(
        document,
        [
            ("Name", "{{ child.first_name }} {{ child.last_name }}"),
            ("Date of birth", "{{ child.date_of_birth|long_date }}"),
            ("Address", "{{ child.address|answer }}, {{ child.postcode|answer }}"),
            ("School or setting", "{{ child.school_or_setting|answer }}"),
        ],
    )
    household_table(document)


def action_table(document: Document, plan: str) -> None:
    repeating_table(
        document,
        ["Who", "Will do what", "By when"],
        f"action in {plan}.actions",
        [
            "{{ action.who|recorded }}",
            "{{ action.what|recorded }}",
            "{{ action.by_when|recorded }}",
        ],
        "No actions recorded yet.",
    )


def tac_plan() -> Document:
    document = new_document("Team Around the Child (TAC) plan")
    document.add_heading("Team Around the Child (TAC) plan", level=1)
    date_and_reference(document)
    para(
        document,
        "For {{ child.first_name }} {{ child.last_name }}. Agreed at the TAC meeting on "
        "{{ tac_plan.meeting_date|recorded }}.",
    )
    section(document, 1, "The child and family")
    child_and_family(document)
    section(document, 2, "Lead professional")
    contact_table(document, "lead_professional", "recorded")
    section(document, 3, "Agreed needs", "{{ tac_plan.needs|recorded }}")
    section(document, 4, "Priorities", "{{ tac_plan.priorities|recorded }}")
    section(document, 5, "Actions: who does what, by when")
    action_table(document, "tac_plan")
    section(document, 6, "Agreed outcomes", "{{ tac_plan.outcomes|recorded }}")
    section(
        document, 7, "Review", "The plan will be reviewed on {{ tac_plan.review_date|recorded }}."
    )
    repeating_table(
        document,
        ["Reviewed on", "Progress", "Changes to the plan"],
        "review in tac_plan.reviews",
        [
            "{{ review.review_date|recorded }}",
            "{{ review.progress|recorded }}",
            "{{ review.changes|recorded }}",
        ],
        "No reviews yet.",
    )
    section(document, 8, "Shared with")
    para(document, "{%p for person in tac_plan.shared_with %}")
    para(document, "{{ person|recorded }}", "List Bullet")
    para(document, "{%p endfor %}")
    para(document, "{% if not tac_plan.shared_with %}Not recorded yet.{% endif %}")
    section(
        document,
        9,
        "The family's copy",
        "The child or family holds a copy of this plan: {{ tac_plan.family_has_copy|recorded }}.",
    )
    closing(document, "plan")
    return document


def cin_plan() -> Document:
    document = new_document("Child in Need plan")
    document.add_heading("Child in Need plan (Children Act 1989, section 17)", level=1)
    date_and_reference(document)
    para(document, "For {{ child.first_name }} {{ child.last_name }}.")
    section(document, 1, "The child and family")
    child_and_family(document)
    section(
        document, 2, "Statement of the child's needs", "{{ cin_plan.needs_statement|recorded }}"
    )
    section(document, 3, "The plan", "{{ cin_plan.plan|recorded }}")
    section(document, 4, "Who will do what, and by when")
    action_table(document, "cin_plan")
    section(
        document,
        5,
        "What would be acceptable outcomes",
        "{{ cin_plan.acceptable_outcomes|recorded }}",
    )
    section(
        document,
        6,
        "Reviewing progress",
        "{{ cin_plan.review_arrangements|recorded }}",
        "Next review: {{ cin_plan.review_date|recorded }}.",
    )
    closing(document, "plan")
    return document


def outcome_feedback() -> Document:
    document = new_document("Outcome of your referral")
    date_and_reference(document)
    para(
        document,
        "To: {{ referrer.name|answer }}, {{ referrer.role|answer }}, {{ referrer.agency|answer }}",
    )
    document.add_heading("The outcome of your referral", level=1)
    para(
        document,
        "About {{ child.first_name }} {{ child.last_name }}, born "
        "{{ child.date_of_birth|long_date }}; your referral of {{ referral.date|long_date }}.",
    )
    section(
        document,
        1,
        "The decision",
        "{{ decision_title }}",
        "Decided by {{ decision.decided_by|recorded }} on {{ decision.decided_on|recorded }}.",
    )
    section(document, 2, "The reasons", "{{ decision.reasons|recorded }}")
    para(document, "{%p if threshold_not_met or decision.threshold_not_met_reason %}")
    document.add_heading("Why the threshold was not met for the reasons you referred", level=2)
    para(document, "{{ decision.threshold_not_met_reason|recorded }}")
    document.add_heading("Other support we suggest", level=2)
    para(document, "{{ decision.other_support|recorded }}")
    para(document, "{%p endif %}")
    document.add_heading("If you disagree with this decision", level=2)
    para(
        document,
        "Please contact us first so that we can discuss it with you. If you are still "
        "dissatisfied, raise it under the {{ escalation_policy }}.",
    )
    closing(document)
    return document


TEMPLATES = {
    "referral_early_help.docx": referral_early_help,
    "referral_section_17.docx": referral_section_17,
    "referral_section_47.docx": referral_section_47,
    "referral_specialist.docx": referral_specialist,
    "tac_plan.docx": tac_plan,
    "cin_plan.docx": cin_plan,
    "outcome_feedback.docx": outcome_feedback,
}


def reproducible(content: bytes) -> bytes:
    """The same package with every zip entry dated alike, so equal templates are equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=FIXED.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item.filename))
    return output.getvalue()


def build(directory: Path = HERE) -> list[Path]:
    written = []
    for name, make in TEMPLATES.items():
        buffer = io.BytesIO()
        make().save(buffer)
        path = directory / name
        path.write_bytes(reproducible(buffer.getvalue()))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(HERE.parent))
