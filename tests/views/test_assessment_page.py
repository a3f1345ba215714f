"""The page a manager records the initial assessment's outcome on: offered once the decision
leads to an assessment, asking only what the outcome needs, and passing a child found not to
be in need to the CAF when the family agrees."""

import pytest

from forms.record_fields import RECORDED_LATER
from record.lifecycle import Stage
from service.actions import deciding
from tests.support.browser import signed_in_as
from tests.support.records import DECISION, fresh, submitted

DONE_ON = {"completed_on": ["1", "12", "2026"]}


@pytest.fixture
def referral(full_record_data, practitioner):
    return submitted(full_record_data, practitioner, without=RECORDED_LATER)


def decided(referral, manager, outcome="ia_further_assessment"):
    answers = {**DECISION, "outcome": outcome, "referrer_email": None}
    deciding.record(referral, answers, manager, None, False)
    return referral


def buttons(page) -> list[str]:
    return [link.text.strip() for link in page.select("main a.govuk-button")]


OFFER = "Record the assessment's outcome"


def test_the_outcome_is_offered_only_once_a_decision_leads_to_an_assessment(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    assert "Record the assessment's outcome" not in buttons(
        browser.get(f"/referrals/{referral.id}")
    )
    decided(referral, manager)
    page = browser.get(f"/referrals/{referral.id}")
    assert OFFER in buttons(page)


def test_a_below_threshold_decision_is_not_followed_by_an_assessment(app, referral, manager):
    decided(referral, manager, "signposted")
    browser = signed_in_as(app, manager.email)
    assert "Record the assessment's outcome" not in buttons(
        browser.get(f"/referrals/{referral.id}")
    )
    response = browser.submit(
        f"/referrals/{referral.id}/assessment", {"outcome": "in_need_not_complex", **DONE_ON}
    )
    assert response.status_code == 409
    summary = browser.read(response).select_one(".govuk-error-summary").text
    assert "You cannot record the assessment's outcome: the referral is closed" in summary


def test_complex_needs_must_say_what_makes_them_complex(app, referral, manager):
    decided(referral, manager)
    browser = signed_in_as(app, manager.email)
    url = f"/referrals/{referral.id}/assessment"
    page = browser.read(browser.submit(url, {"outcome": "in_need_complex", **DONE_ON}))
    assert "Select what makes the needs complex" in page.select_one(".govuk-error-summary").text
    response = browser.submit(
        url,
        {"outcome": "in_need_complex", "complex_needs": ["sustained_support"], **DONE_ON},
    )
    assert response.status_code == 302
    shown = browser.get(f"/referrals/{referral.id}")
    assert fresh(referral).status == Stage.ASSESSED
    text = shown.select_one("main").text
    assert "A child in need, whose needs are complex" in text
    assert "Significant issues are unlikely to be resolved without sustained support" in text
    assert "1 December 2026" in text
    assert "Change the decision" not in buttons(shown)  # the decision stands once assessed


def test_not_in_need_with_the_familys_agreement_passes_the_case_to_the_caf(app, referral, manager):
    decided(referral, manager)
    browser = signed_in_as(app, manager.email)
    url = f"/referrals/{referral.id}/assessment"
    page = browser.read(browser.submit(url, {"outcome": "not_in_need", **DONE_ON}))
    assert "Say whether the family agrees" in page.select_one(".govuk-error-summary").text
    response = browser.submit(
        url, {"outcome": "not_in_need", "family_consents_to_caf": "yes", **DONE_ON}
    )
    assert response.status_code == 302
    caf_page = browser.get(response.headers["Location"])
    assert "The case has passed to the CAF" in caf_page.text
    assert "Early Help" in caf_page.select_one(".govuk-caption-l, main").text
    assert fresh(referral).status == Stage.CLOSED


def test_only_managers_record_an_assessment(app, referral, manager, practitioner):
    decided(referral, manager)
    browser = signed_in_as(app, practitioner.email)
    assert browser.client.get(f"/referrals/{referral.id}/assessment").status_code == 403


CIN_PLAN = {
    "needs_statement": "Protection from rough handling.",
    "plan": "Parenting support.",
    "acceptable_outcomes": "No further injuries.",
    "review_date": ["5", "3", "2027"],
}


def test_a_child_in_need_plan_after_the_assessment_puts_the_referral_under_it(
    app, referral, manager
):
    decided(referral, manager)
    browser = signed_in_as(app, manager.email)
    browser.submit(
        f"/referrals/{referral.id}/assessment", {"outcome": "in_need_not_complex", **DONE_ON}
    )
    assert fresh(referral).status == Stage.ASSESSED
    assert browser.submit(f"/referrals/{referral.id}/cin-plan", CIN_PLAN).status_code == 302
    assert fresh(referral).status == Stage.PLAN
    assert fresh(referral).stage_changes[-1].reason == "Child in need plan recorded"
    review = [d for d in fresh(referral).deadlines if d.clock == "cin_plan_review"]
    assert [d.due_on.isoformat() for d in review] == ["2027-03-05"]


def test_no_child_in_need_plan_follows_a_case_passed_to_early_help(app, referral, manager):
    decided(referral, manager, "passed_to_early_help")
    browser = signed_in_as(app, manager.email)
    response = browser.client.get(f"/referrals/{referral.id}/cin-plan")
    assert response.status_code == 409
    page = browser.read(response)
    summary = page.select_one(".govuk-error-summary").text
    assert "A child in need plan does not follow this decision: Passed to the" in summary
    token = page.select_one("[name=csrf_token]")["value"]
    response = browser.client.post(
        f"/referrals/{referral.id}/cin-plan", data={**CIN_PLAN, "csrf_token": token, "save": "y"}
    )
    assert response.status_code == 409
    assert fresh(referral).record.get("cin_plan") is None
