"""What each template tells its reader, read back from the rendered DOCX with python-docx."""

import importlib.util
import io

import docx
import pytest

from record import DecisionOutcome, Pathway, load_record
from record.titles import OUTCOME_TITLES, PATHWAY_TITLES
from service.documents.registry import Sender
from service.documents.render import TEMPLATES_DIR, render_docx
from tests.support.records import SPECIALIST


def rendered(document: str, data: dict, **options) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(document, load_record(data), **options)))


def text_in_order(document) -> str:
    """Paragraphs and table rows in the order they appear, one line each."""
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            lines += [" | ".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    return "\n".join(lines)


def rows(document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def appear_in_order(text: str, items: list[str]) -> bool:
    positions = [text.find(item) for item in items]
    return -1 not in positions and positions == sorted(positions)


def with_pathway(data: dict, pathway: Pathway) -> dict:
    return {**data, "pathway": pathway}


def test_section_47_letter_has_every_harm_item_in_seed_order_and_the_inform_decision(
    full_record_data,
):
    text = text_in_order(rendered("referral_letter", full_record_data))
    harm = full_record_data["harm"]
    answers = [
        harm["noteworthy"],
        harm["comparison_similar_child"],
        full_record_data["child"]["disability"],
        harm["nature"],
        harm["severity"],
        harm["duration"],
        harm["frequency"],
        harm["impact"],
        harm["unusual_elements"],
        harm["parental_capacity"],
        harm["family_environment_factors"],
        harm["care_given"],
    ]
    harm_section = text[text.index("Significant harm") :]
    assert appear_in_order(harm_section, answers)
    assert "The family is to be informed of this referral | No" in text
    assert f"Reason for this decision | {full_record_data['consent']['decision_reason']}" in text
    assert "Family agrees to be involved" not in text
    assert "body-map-Brennan.pdf" in text


def test_early_help_letter_summarises_the_assessment_and_names_the_lead_professional(
    full_record_data,
):
    text = text_in_order(rendered("referral_letter", with_pathway(full_record_data, "early_help")))
    assessment = full_record_data["assessment"]
    domains = [
        *assessment["development"].values(),
        *assessment["parenting"].values(),
        *assessment["family_environment"].values(),
    ]
    assert appear_in_order(text, domains)
    assert "Hannah Cole" in text and "Chiltern Early Help" in text
    assert "Family agrees to be involved | No" in text
    areas = text[text.index("Areas for which support is required") :]
    assert full_record_data["referral"]["request"] in areas
    assert appear_in_order(text, ["Early help assessment", "Areas for which", "Lead professional"])


def test_section_17_letter_keeps_the_level_4_evidence(example_record_data):
    example_record_data["referral"]["level4_evidence"] = "Three admissions in eight weeks."
    text = text_in_order(rendered("referral_letter", example_record_data))
    assert "Section 17 Child in Need" in text
    assert "Three admissions in eight weeks." in text
    assert "Family agrees to be involved | Yes" in text


@pytest.mark.parametrize("pathway", SPECIALIST)
def test_specialist_letter_is_titled_for_its_service_with_agreement_and_consent(
    pathway, full_record_data
):
    text = text_in_order(rendered("referral_letter", with_pathway(full_record_data, pathway)))
    assert f"Request for specialist services: {PATHWAY_TITLES[pathway]}" in text
    assert "The request has been agreed with the parent or carer | No" in text
    assert "Consent to share information with this service | Yes" in text
    assert "Common assessment: summary" in text
    assert full_record_data["assessment"]["conclusions"] in text
    assert "Significant harm" not in text


@pytest.mark.parametrize(
    ("pathway", "family_row"),
    [
        (Pathway.EARLY_HELP, "Family agrees to be involved | Not given"),
        (Pathway.CAMHS, "The request has been agreed with the parent or carer | Not given"),
    ],
)
def test_a_young_persons_own_agreement_is_not_passed_off_as_the_familys(
    pathway, family_row, example_record_data
):
    example_record_data["consent"] = {
        "given_by": "Maya Okafor",
        "given_by_young_person": True,
        "young_person_competence": {
            "parents_involved": False,
            "competent": True,
            "judged_by": "Priya Shah, school nurse",
            "judged_on": "2026-10-28",
            "consistency": "Has said the same in four conversations.",
        },
    }
    text = text_in_order(rendered("referral_letter", with_pathway(example_record_data, pathway)))
    assert "The young person agreed to this themselves." in text
    assert family_row in text
    assert "Parents or carers to be involved | No" in text
    assert "Judged by | Priya Shah, school nurse" in text
    assert "Date of the judgement | 28 October 2026" in text
    assert "Their consistency | Has said the same in four conversations." in text


def test_a_familys_agreement_shows_no_judgement_of_competence(example_record_data):
    text = text_in_order(rendered("referral_letter", example_record_data))
    assert "Family agrees to be involved | Yes" in text
    assert "The young person agreed" not in text and "Judged by" not in text


def test_tac_plan_has_each_action_with_owner_and_date_and_the_family_copy(full_record_data):
    document = rendered("tac_plan", full_record_data)
    text = text_in_order(document)
    assert ["Hannah Cole", "Visit the family weekly", "4 December 2026"] in rows(document)
    assert ["Tom Reed", "Daily welfare check in school", "11 December 2026"] in rows(document)
    assert [
        "Speech and language therapy",
        "Assess Leo's communication",
        "15 January 2027",
    ] in rows(document)
    plan = full_record_data["tac_plan"]
    assert appear_in_order(
        text,
        ["Hannah Cole", plan["needs"], plan["priorities"], "Visit the family", plan["outcomes"]],
    )
    assert "reviewed on 22 January 2027" in text
    review = plan["reviews"][0]
    assert ["18 December 2026", review["progress"], review["changes"]] in rows(document)
    assert "20 November 2026" in text
    for person in plan["shared_with"]:
        assert person in text
    assert "holds a copy of this plan: Yes" in text


def test_cin_plan_has_needs_plan_actions_outcomes_and_review(full_record_data):
    document = rendered("cin_plan", full_record_data)
    text = text_in_order(document)
    plan = full_record_data["cin_plan"]
    assert ["Social worker", "Arrange a parenting course", "18 December 2026"] in rows(document)
    assert ["Health visitor", "Support Ava's routines", "8 January 2027"] in rows(document)
    assert appear_in_order(
        text,
        [
            plan["needs_statement"],
            plan["plan"],
            "Arrange a parenting course",
            plan["acceptable_outcomes"],
            plan["review_arrangements"],
            "29 January 2027",
        ],
    )


def test_outcome_letter_names_decision_reasons_other_support_and_escalation(full_record_data):
    policy = "Chiltern LSCP Resolving Professional Disagreements Policy"
    sender = Sender(escalation_policy=policy)
    text = text_in_order(rendered("outcome_feedback", full_record_data, sender=sender))
    decision = full_record_data["decision"]
    assert appear_in_order(
        text,
        [
            OUTCOME_TITLES[DecisionOutcome.SIGNPOSTED],
            decision["reasons"],
            decision["threshold_not_met_reason"],
            decision["other_support"],
            policy,
        ],
    )
    assert "Sam Patel, Team Manager, MASH" in text and "18 November 2026" in text
    assert "To: Tom Reed, Designated Safeguarding Lead, Chesham Park Primary" in text


def test_outcome_letter_names_the_default_escalation_policy(full_record_data):
    text = text_in_order(rendered("outcome_feedback", full_record_data))
    assert "LSCP Dispute Resolution/Escalation Policy" in text


@pytest.mark.parametrize("outcome", list(DecisionOutcome))
def test_outcome_letter_words_every_decision(outcome, full_record_data):
    full_record_data["decision"] = {"outcome": outcome, "reasons": "Because."}
    text = text_in_order(rendered("outcome_feedback", full_record_data))
    assert OUTCOME_TITLES[outcome] in text and "Because." in text
    not_met = outcome in {
        DecisionOutcome.NO_FURTHER_ACTION_ADVICE,
        DecisionOutcome.SIGNPOSTED,
        DecisionOutcome.PASSED_TO_EARLY_HELP,
        DecisionOutcome.IA_NO_FURTHER_ACTION,
    }
    assert ("Why the threshold was not met" in text) is not_met


def test_the_templates_are_what_build_py_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("build", TEMPLATES_DIR / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for written in build.build(tmp_path):
        assert written.read_bytes() == (TEMPLATES_DIR / written.name).read_bytes(), written.name
