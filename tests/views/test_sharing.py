"""Sharing a document with another agency: only with the family's consent to information
sharing, except on the Section 47 pathway, where the recorded decision on telling the family and
its reason are shown instead; the agency gets a link, never the document; every share audited."""

from sqlalchemy import select

from record import load_record
from service.db import referrals
from service.db.models import AuditEvent, FeedbackLink
from service.extensions import db
from tests.support.browser import Browser, signed_in_as
from tests.support.documents import docx_text, produce
from tests.support.records import documents_of
from tests.support.referrers import confirm, link_in

CAMHS = {"agency": "Chiltern CAMHS", "email": "duty.camhs@nhs.example"}


def referral_with(data: dict, practitioner, **consent):
    data["consent"] = consent
    made = referrals.submit_referral(load_record(data), practitioner)
    db.session.commit()
    return made


def share_page(app, practitioner, referral):
    browser = signed_in_as(app, practitioner.email)
    produce(browser, referral, "referral_letter")
    [letter] = documents_of(referral, "referral_letter")
    return browser, f"/documents/{letter.id}/share", letter


def shares() -> list[AuditEvent]:
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == "share")).all()


def test_with_consent_the_agency_gets_a_link_it_must_confirm_before_reading(
    app, practitioner, example_record_data, inbox
):
    data = {**example_record_data, "pathway": "camhs"}
    referral = referral_with(
        data, practitioner, information_sharing=True, given_by="Grace Okafor", date="2026-11-01"
    )
    browser, url, letter = share_page(app, practitioner, referral)
    basis = browser.get(url).select_one("#sharing-basis").text
    assert "Consent to share information was given by Grace Okafor on 1 November 2026" in basis

    assert browser.submit(url, CAMHS).status_code == 302
    [link] = db.session.scalars(select(FeedbackLink)).all()
    assert (link.purpose, link.agency, link.document_id) == ("share", "Chiltern CAMHS", letter.id)
    [message] = inbox.messages
    assert message["To"] == CAMHS["email"] and "shared a document" in message["Subject"]
    assert "Maya" not in message.as_string()  # nothing about the child in the mail
    assert [(e.object_id, e.outcome) for e in shares()] == [(letter.id, "success")]
    shown = browser.get(f"/referrals/{referral.id}").select_one("#feedback-links").text
    assert "Chiltern CAMHS" in shown and CAMHS["email"] in shown

    agency = Browser(app.test_client())  # someone at the agency: no login
    response = confirm(agency, link_in(message), CAMHS["email"])
    page = agency.get(response.headers["Location"])
    assert page.h1.text == "A document shared with you"
    download = page.select_one("#letter-downloads a")["href"]
    assert "Maya Okafor" in docx_text(agency.client.get(download).data)


def test_without_consent_nothing_can_be_shared_and_the_attempt_is_audited(
    app, practitioner, example_record_data, inbox
):
    referral = referral_with(example_record_data, practitioner, information_sharing=False)
    browser, url, letter = share_page(app, practitioner, referral)
    page = browser.get(url)
    assert "does not show consent to share information" in page.select_one("#sharing-basis").text
    assert page.select_one("input[name=email]") is None  # no form to fill in

    token = browser.get(f"/referrals/{referral.id}").select_one("input[name=csrf_token]")
    response = browser.client.post(url, data={**CAMHS, "csrf_token": token["value"]})
    assert response.status_code == 403
    assert db.session.scalars(select(FeedbackLink)).all() == [] and inbox.messages == []
    assert [(e.object_id, e.outcome) for e in shares()] == [(letter.id, "refused")]


def test_on_section_47_the_decision_on_telling_the_family_is_shown_and_sharing_allowed(
    app, practitioner, full_record_data, inbox
):
    referral = referral_with(
        full_record_data,
        practitioner,
        family_informed=False,
        decision_reason="Telling the stepfather could put Leo at greater risk.",
    )
    browser, url, _ = share_page(app, practitioner, referral)
    basis = browser.get(url).select_one("#sharing-basis").text
    assert "Recorded decision: the family will not be told" in basis
    assert "Telling the stepfather could put Leo at greater risk." in basis
    assert browser.submit(url, CAMHS).status_code == 302
    assert len(inbox.messages) == 1


def test_another_practitioners_document_cannot_be_shared(
    app, practitioner, other_practitioner, example_record_data
):
    referral = referral_with(example_record_data, practitioner, information_sharing=True)
    _, url, _ = share_page(app, practitioner, referral)
    assert signed_in_as(app, other_practitioner.email).client.get(url).status_code == 404
