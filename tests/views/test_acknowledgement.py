"""The referrer hears back without asking (seed 002): on submission they are e-mailed the
reference and the day the decision is due, and the practitioner is told the same; a mail that
could not go is shown on the referral, not lost."""

from datetime import UTC, datetime

import pytest
import time_machine

from service.db.models import Referral
from service.extensions import db
from tests.smtp import text_of
from tests.support.answers import fill_section_17
from tests.support.browser import Journey, signed_in_as

# Thursday 24 December 2026, 16:00: the decision is due on Tuesday 29th (Christmas, Boxing Day)
CHRISTMAS_EVE = datetime(2026, 12, 24, 16, 0, tzinfo=UTC)


@pytest.fixture
def signed_in(app, practitioner):
    """Signed in on Christmas Eve 2026, the clock running from there."""
    with time_machine.travel(CHRISTMAS_EVE):
        yield signed_in_as(app, practitioner.email)


def submitted_journey(signed_in):
    journey = Journey(signed_in, "section_17")
    fill_section_17(journey)
    return journey, journey.submit()


def test_the_referrer_is_emailed_the_reference_and_the_decisions_due_date(signed_in, inbox):
    journey, response = submitted_journey(signed_in)
    reference = f"FD-{journey.id:06d}"
    [message] = inbox.messages
    referrer = db.session.get(Referral, journey.id).record["referrer"]["email"]
    assert inbox.recipients == [[referrer]]
    text = text_of(message)
    assert reference in text
    assert "A decision on it is due by 29 December 2026" in text
    assert "Okafor" not in text and "Maya" not in text  # names no child
    page = signed_in.get(response.headers["Location"])
    banner = page.select_one(".govuk-notification-banner").text
    assert f"Its reference is {reference}" in banner
    assert "A decision on it is due by 29 December 2026" in banner
    assert "Referrer told it was received" in page.select_one("#received").text
    next_steps = page.select_one("#what-happens-next").text
    assert "decide what happens by 29 December 2026" in next_steps and reference in next_steps


def test_a_mail_that_could_not_go_is_shown_on_the_referral(signed_in, app):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=1)  # nothing listens there
    journey, response = submitted_journey(signed_in)
    referral = db.session.get(Referral, journey.id)
    db.session.refresh(referral)
    assert referral.acknowledged_at is None and referral.acknowledgement_error
    received = signed_in.get(response.headers["Location"]).select_one("#received").text
    assert "Not sent:" in received


def test_the_section_47_pages_say_to_call_999_for_a_child_in_immediate_danger(signed_in, app):
    app.config["COUNCIL_PHONE"] = "01296 383962"
    journey = Journey(signed_in, "section_47")
    page = signed_in.get(f"/referrals/{journey.id}/edit/child")
    warning = page.select_one("#immediate-danger").text
    assert "call 999" in warning and "01296 383962" in warning
    assert signed_in.get(f"/referrals/{journey.id}/check").select_one("#immediate-danger")
    other = Journey(signed_in, "section_17")
    assert not signed_in.get(f"/referrals/{other.id}/edit/child").select_one("#immediate-danger")
