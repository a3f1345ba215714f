"""Seed 004, "Consent and competence": a competent young person's own agreement stands where
their parents or carers will not be involved, on a CAF (Early Help) and a request for specialist
services, once who judged them competent, and on what, is recorded. Never on Section 17 or 47."""

import pytest

from record import load_record
from service.rules import load_rulebook
from tests.support.records import SPECIALIST

COMPETENCE = {
    "parents_involved": False,
    "parents_not_involved_reason": "Maya will not have her mother told; she fears being sent away.",
    "competent": True,
    "judged_by": "Priya Shah, school nurse, who has seen Maya weekly since Year 7",
    "judged_on": "2026-10-28",
    "understanding": "Explains what a CAF is and what happens if she says no or yes.",
    "consistency": "Has said the same in four conversations since September.",
    "complexity": "Her diabetes care at school; no risk of significant harm.",
}
PARTS = {
    "parents_not_involved_reason": "Say why the young person's parents or carers will not be",
    "competent": "Say whether the young person has been judged competent",
    "judged_by": "Record who judged the young person competent, with their name and role",
    "understanding": "Record the young person's understanding of the decision, and whether",
    "consistency": "Record how consistent the young person has been",
    "complexity": "Record how complex the issues are",
}


@pytest.fixture(scope="module")
def rules():
    return load_rulebook()


@pytest.fixture
def agreed_by_young_person(example_record_data):
    """The contract's example, agreed by Maya alone, her competence judged and recorded."""

    def build(pathway: str, **competence) -> dict:
        data = {**example_record_data, "pathway": pathway}
        del data["threshold_level"]
        data["consent"] = {
            "information_sharing": True,
            "given_by": "Maya Okafor",
            "given_by_young_person": True,
            "young_person_competence": {**COMPETENCE, **competence},
        }
        return data

    return build


def missing(rules, data: dict) -> list[tuple[str, str]]:
    return [(m.field, m.message) for m in rules.check(load_record(data)).missing]


@pytest.mark.parametrize("pathway", ["early_help", *SPECIALIST])
def test_a_competent_young_persons_own_agreement_stands(rules, agreed_by_young_person, pathway):
    assert missing(rules, agreed_by_young_person(pathway)) == []


@pytest.mark.parametrize("pathway", ["early_help", "camhs"])
def test_it_stands_even_where_the_family_said_no(rules, agreed_by_young_person, pathway):
    data = agreed_by_young_person(pathway)
    data["consent"]["family_agrees"] = False
    assert missing(rules, data) == []


@pytest.mark.parametrize(("part", "message"), PARTS.items())
@pytest.mark.parametrize("pathway", ["early_help", "drug_alcohol"])
def test_each_missing_part_of_the_judgement_is_named(
    rules, agreed_by_young_person, pathway, part, message
):
    [(field, said)] = missing(rules, agreed_by_young_person(pathway, **{part: None}))
    assert field == f"consent.young_person_competence.{part}"
    assert said.startswith(message)


def test_with_nothing_about_the_judgement_every_part_is_asked_for(rules, agreed_by_young_person):
    data = agreed_by_young_person("early_help")
    data["consent"]["young_person_competence"] = {"parents_involved": False}
    assert [field for field, _ in missing(rules, data)] == [
        f"consent.young_person_competence.{part}" for part in PARTS
    ]


def test_a_young_person_not_judged_competent_cannot_agree_alone(rules, agreed_by_young_person):
    [(field, message)] = missing(rules, agreed_by_young_person("early_help", competent=False))
    assert field == "consent.young_person_competence.competent"
    assert message.startswith("A young person who is not judged competent cannot agree")


def test_where_the_parents_will_be_involved_the_family_must_agree(rules, agreed_by_young_person):
    data = agreed_by_young_person("early_help", parents_involved=True)
    [(field, message)] = missing(rules, data)
    assert field == "consent.family_agrees"
    assert message.startswith("Say whether the family agrees to be involved or, if the young")
    data["consent"]["family_agrees"] = False
    [(field, message)] = missing(rules, data)
    assert message.startswith("The family must agree to be involved in Early Help, unless")
    data["consent"]["family_agrees"] = True
    assert missing(rules, data) == []


def test_where_the_family_agrees_no_judgement_of_competence_is_asked(rules, agreed_by_young_person):
    data = agreed_by_young_person("early_help", parents_involved=True)
    data["consent"] |= {"family_agrees": True, "young_person_competence": {}}
    assert missing(rules, data) == []


def test_on_section_17_the_family_must_still_agree(rules, agreed_by_young_person):
    """Seed 002: for a Child in Need referral "the family will need to agree"."""
    data = agreed_by_young_person("section_17")
    data["referral"]["level4_evidence"] = "Three admissions in eight weeks."
    assert [field for field, _ in missing(rules, data)] == ["consent.family_agrees"]


def test_on_section_47_the_judgement_is_neither_needed_nor_asked(rules, agreed_by_young_person):
    data = agreed_by_young_person("section_47", judged_by=None, understanding=None)
    data["consent"]["family_informed"] = True
    fields = [field for field, _ in missing(rules, data)]
    assert not [field for field in fields if field.startswith("consent.")]
