"""A CAF's life on its pages: a request to a specialist service makes it complete but not
closed (seed 000), and its TAC review closes it when the needs are met or reconvenes the team
(seed 004)."""

import pytest

from record.lifecycle import Stage
from tests.support.browser import signed_in_as
from tests.support.records import fresh, submitted_caf

REVIEW = {
    "review_date": ["22", "1", "2027"],
    "progress": "Attendance is back to 97%.",
    "changes": "none",
}


@pytest.fixture
def caf(practitioner, example_record_data, full_record_data):
    """Maya's CAF with its TAC plan, kept by the school nurse who is its lead professional."""
    lead = {**example_record_data["lead_professional"], "email": practitioner.email}
    return submitted_caf(
        example_record_data,
        practitioner,
        lead_professional=lead,
        tac_plan=full_record_data["tac_plan"],
    )


def buttons(page) -> list[str]:
    return [link.text.strip() for link in page.select("main a.govuk-button")]


def test_a_request_to_a_specialist_service_leaves_the_caf_complete_but_not_closed(
    app, caf, practitioner
):
    browser = signed_in_as(app, practitioner.email)
    page = browser.get(f"/referrals/{caf.id}")
    assert "Record a request to a specialist service" in buttons(page)
    url = f"/referrals/{caf.id}/specialist-request"
    refused = browser.read(browser.submit(url, {}))
    assert "Select the specialist service" in refused.select_one(".govuk-error-summary").text
    response = browser.submit(url, {"service": "camhs", "requested_on": ["3", "12", "2026"]})
    assert response.status_code == 302
    page = browser.get(response.headers["Location"])
    assert "Complete, not closed" in page.select_one("#status").text
    assert "Record a request to a specialist service" not in buttons(page)
    change = fresh(caf).stage_changes[-1]
    assert change.reason == ("Child and Adolescent Mental Health Service (CAMHS), 3 December 2026")


def test_a_tac_review_that_finds_the_needs_met_closes_the_caf(app, caf, practitioner):
    browser = signed_in_as(app, practitioner.email)
    url = f"/referrals/{caf.id}/tac-plan/reviews"
    refused = browser.read(browser.submit(url, REVIEW))
    assert "Select what the review agreed" in refused.select_one(".govuk-error-summary").text
    response = browser.submit(url, {**REVIEW, "needs_met": "yes"})
    assert response.status_code == 302
    assert fresh(caf).status == Stage.CLOSED
    assert fresh(caf).close_reason == "TAC review: needs met. Attendance is back to 97%."


def test_a_tac_review_that_reconvenes_keeps_the_caf_open_and_the_review(app, caf, practitioner):
    browser = signed_in_as(app, practitioner.email)
    browser.submit(
        f"/referrals/{caf.id}/specialist-request",
        {"service": "camhs", "requested_on": ["3", "12", "2026"]},
    )
    assert fresh(caf).status == Stage.COMPLETE
    answers = {**REVIEW, "progress": "CAMHS declined; the plan is revised.", "needs_met": "no"}
    response = browser.submit(f"/referrals/{caf.id}/tac-plan/reviews", answers)
    assert response.status_code == 302
    assert fresh(caf).status == Stage.OPEN
    reviews = fresh(caf).record["tac_plan"]["reviews"]
    assert reviews[-1]["progress"] == "CAMHS declined; the plan is revised."
