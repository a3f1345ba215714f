"""A CAF closes when Front Door's involvement ends: by a decision that ends it, or by the lead
professional or a manager with a reason. A closed CAF no longer stops a new one for the child."""

import pytest
from sqlalchemy import select

from service.db.models import AuditEvent
from service.extensions import db
from tests.support.browser import signed_in_as, start_caf, status
from tests.support.records import MAYA, fresh, submitted_caf

ANSWERS = {
    "reasons": "Needs can be met by the school and the children's centre.",
    "threshold_not_met_reason": "No additional needs a TAC is required for.",
    "other_support": "The children's centre parenting group.",
    "referrer_email": "",
    "wants_pdf": [],
}


@pytest.fixture
def caf(practitioner, example_record_data):
    """Maya's CAF, submitted by the school nurse, who is named as its lead professional."""
    lead = {**example_record_data["lead_professional"], "email": practitioner.email}
    return submitted_caf(example_record_data, practitioner, lead_professional=lead)


def decide(browser, referral, outcome: str):
    response = browser.submit(f"/referrals/{referral.id}/decision", {**ANSWERS, "outcome": outcome})
    assert response.status_code == 302, response.status_code
    return browser.get(response.headers["Location"])


def a_new_caf_for_maya_is(app, user) -> str:
    """Where a practitioner starting a CAF for Maya is sent: on, or to the duplicate page."""
    location = start_caf(signed_in_as(app, user.email), MAYA).response.headers["Location"]
    return "stopped" if location.endswith("/duplicate") else "not stopped"


@pytest.mark.parametrize(
    ("outcome", "shown"),
    [
        ("signposted", "Closed"),
        ("no_further_action_advice", "Closed"),
        ("ia_no_further_action", "Closed"),
        ("passed_to_early_help", "Open"),
        ("ia_section_17_services", "Open"),
        ("child_protection", "Open"),
    ],
)
def test_a_decision_that_ends_front_doors_involvement_closes_the_caf(
    app, caf, manager, other_practitioner, outcome, shown
):
    page = decide(signed_in_as(app, manager.email), caf, outcome)
    assert status(page).startswith(f"Status {shown}")
    expected = "not stopped" if shown == "Closed" else "stopped"
    assert a_new_caf_for_maya_is(app, other_practitioner) == expected


def test_a_signposted_caf_says_when_why_and_by_whom_it_closed(app, caf, manager):
    page = decide(signed_in_as(app, manager.email), caf, "signposted")
    shown = status(page)
    assert "Closed by Sam Patel" in shown
    assert "Why Decision: Signposted to other services in the community" in shown
    closes = select(AuditEvent).where(AuditEvent.action == "close", AuditEvent.object_id == caf.id)
    assert [event.user_id for event in db.session.scalars(closes)] == [manager.id]


def test_the_lead_professional_closes_a_caf_when_the_review_finds_needs_met(
    app, caf, practitioner, other_practitioner
):
    nurse = signed_in_as(app, practitioner.email)
    page = nurse.get(f"/referrals/{caf.id}")
    assert status(page) == "Status Open"
    close = page.select_one(f"a[href='/referrals/{caf.id}/close']")
    assert close.text == "Close the early help assessment"

    refused = nurse.submit(close["href"], {"reason": " "})
    assert refused.status_code == 400
    summary = nurse.read(refused).select_one(".govuk-error-summary").text
    assert "Say why it is being closed" in summary
    assert fresh(caf).status == "open"

    reason = "TAC review on 4 March: needs met, support continues through school."
    response = nurse.submit(close["href"], {"reason": reason})
    assert response.headers["Location"] == f"/referrals/{caf.id}"
    page = nurse.get(response.headers["Location"])
    assert status(page).startswith("Status Closed")
    assert f"Closed by Priya Shah Why {reason}" in status(page)
    assert page.select_one(f"a[href='/referrals/{caf.id}/close']") is None
    closes = select(AuditEvent).where(AuditEvent.action == "close", AuditEvent.object_id == caf.id)
    assert [event.user_id for event in db.session.scalars(closes)] == [practitioner.id]
    assert a_new_caf_for_maya_is(app, other_practitioner) == "not stopped"


def test_only_the_lead_professional_or_a_manager_may_close_a_caf(
    app, practitioner, other_practitioner, manager, example_record_data
):
    """The nurse made it, but the teacher has been agreed as lead professional."""
    lead = {"name": "Tom Reed", "email": other_practitioner.email}
    caf = submitted_caf(example_record_data, practitioner, lead_professional=lead)
    nurse = signed_in_as(app, practitioner.email)
    assert nurse.get(f"/referrals/{caf.id}").select_one("a[href$='/close']") is None
    assert nurse.client.get(f"/referrals/{caf.id}/close").status_code == 403
    for allowed in (other_practitioner, manager):
        page = signed_in_as(app, allowed.email).get(f"/referrals/{caf.id}")
        assert page.select_one("a[href$='/close']") is not None


def test_a_decision_changed_to_one_that_keeps_it_open_opens_it_again(app, caf, manager):
    browser = signed_in_as(app, manager.email)
    assert status(decide(browser, caf, "signposted")).startswith("Status Closed")
    assert status(decide(browser, caf, "passed_to_early_help")) == "Status Open"


def test_it_is_not_opened_again_while_the_child_has_another_open_caf(
    app, caf, manager, other_practitioner
):
    browser = signed_in_as(app, manager.email)
    decide(browser, caf, "signposted")
    assert a_new_caf_for_maya_is(app, other_practitioner) == "not stopped"
    page = decide(browser, caf, "passed_to_early_help")
    assert status(page).startswith("Status Closed")
    told = " ".join(page.select_one(".govuk-notification-banner").get_text().split())
    assert "stays closed" in told and "held by Tom Reed, Woodside Primary" in told
