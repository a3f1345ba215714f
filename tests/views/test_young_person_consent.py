"""A CAF resting on a competent young person's own agreement (seed 004, "Consent and
competence"), made through the question pages and seen on "check your answers"."""

import pytest

from service.db.models import Referral
from service.extensions import db
from tests.support.answers import CHILD, CONCERN, HOUSEHOLD, pdf
from tests.support.browser import Journey

OWN_AGREEMENT = {
    "information_sharing": "yes",
    "given_by": "Maya Okafor",
    "date": ["1", "11", "2026"],
    "given_by_young_person": "yes",
    "parents_involved": "no",
    "parents_not_involved_reason": "Maya will not have her mother told; she fears being sent away.",
    "competent": "yes",
}
JUDGEMENT = {
    "judged_by": "Priya Shah, school nurse, who has seen Maya weekly since Year 7",
    "judged_on": ["28", "10", "2026"],
    "understanding": "Explains what a CAF is and what happens if she says yes or no.",
    "consistency": "Has said the same in four conversations since September.",
    "complexity": "Her diabetes care at school; no sign of significant harm.",
}


@pytest.fixture
def early_help(signed_in) -> Journey:
    """An Early Help referral with every page answered but the agreement."""
    journey = Journey(signed_in, "early_help")
    journey.answer("child", CHILD)
    journey.answer("household", HOUSEHOLD)
    journey.answer("referrer", {"name": "Priya Shah", "agency": "Chiltern Community Health"})
    journey.answer("referrer", {"email": "priya.shah@example.nhs.uk"})
    journey.answer("threshold", {"threshold_level": "3"})
    journey.answer("development", {"health": "Type 1 diabetes, poorly controlled."})
    journey.answer("parenting", {"basic_care": "Insulin doses missed at night."})
    journey.answer("family-environment", {"housing": "Two-bedroom flat."})
    journey.answer("conclusions", {"actions": "School nurse to check levels at lunch daily."})
    journey.answer("concern", CONCERN)
    journey.answer(
        "documents",
        {"early_help_assessment": pdf("EHA.pdf"), "early_help_plan": pdf("EH plan.pdf")},
        content_type="multipart/form-data",
    )
    return journey


def summary(page) -> dict[str, str]:
    return {
        row.select_one(".govuk-summary-list__key").text.strip(): row.select_one(
            ".govuk-summary-list__value"
        ).text.strip()
        for row in page.select(".govuk-summary-list__row")
    }


def test_the_consent_page_asks_who_judged_competence_and_on_what(signed_in, early_help):
    page = signed_in.get(early_help.url("consent"))
    assert "A young person's own agreement" in [h.text for h in page.select("h2")]
    for name in ["parents_involved", "competent", "judged_by", "understanding", "consistency"]:
        assert page.select(f"[name={name}]"), name
    assert page.select_one("label[for=judged_on-day]")


def test_a_competent_young_persons_own_agreement_completes_the_referral(signed_in, early_help):
    response = early_help.answer("consent", {**OWN_AGREEMENT, **JUDGEMENT})
    assert response.headers["Location"].endswith(f"/referrals/{early_help.id}/check")

    page = early_help.check_page()
    assert not page.select("#missing")
    assert page.select_one("#submit-referral")
    answers = summary(page)
    assert answers["Has the young person agreed to this themselves?"] == "Yes"
    assert answers["Will the young person's parents or carers be involved?"] == "No"
    assert answers["Who judged the young person's competence?"] == JUDGEMENT["judged_by"]
    assert answers["When was the judgement made?"] == "28 October 2026"
    assert answers["How complex are the issues they are deciding on?"] == JUDGEMENT["complexity"]
    assert answers["Does the family agree to this referral and to be involved?"] == "Not answered"

    record = db.session.get(Referral, early_help.id).record
    assert record["consent"]["young_person_competence"]["judged_on"] == "2026-10-28"
    assert early_help.submit().status_code == 302


def test_without_who_judged_and_on_what_the_referral_cannot_be_submitted(signed_in, early_help):
    early_help.answer("consent", OWN_AGREEMENT)
    page = early_help.check_page()
    listed = {
        item["data-field"]: (item.text.strip(), item.a["href"])
        for item in page.select("#missing li")
    }
    consent_page = f"/referrals/{early_help.id}/edit/consent?back=check"
    assert listed == {
        "consent.young_person_competence.judged_by": (
            "Record who judged the young person competent, with their name and role",
            f"{consent_page}#judged_by",
        ),
        "consent.young_person_competence.understanding": (
            "Record the young person's understanding of the decision, and whether they can see "
            "the consequences of the alternatives",
            f"{consent_page}#understanding",
        ),
        "consent.young_person_competence.consistency": (
            "Record how consistent the young person has been in what they want",
            f"{consent_page}#consistency",
        ),
        "consent.young_person_competence.complexity": (
            "Record how complex the issues are that the young person is deciding on",
            f"{consent_page}#complexity",
        ),
    }
    blocked = early_help.submit()
    assert blocked.status_code == 400
    errors = signed_in.read(blocked).select_one(".govuk-error-summary").text
    assert "Record who judged the young person competent" in errors


def test_a_family_agreement_shows_no_empty_judgement_on_check_your_answers(signed_in, early_help):
    early_help.answer("consent", {"family_agrees": "yes", "information_sharing": "yes"})
    page = early_help.check_page()
    assert not page.select("#missing")
    answers = summary(page)
    assert answers["Has the young person agreed to this themselves?"] == "Not answered"
    assert "Who judged the young person's competence?" not in answers
