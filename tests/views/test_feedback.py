"""A referrer, who has no login, is e-mailed a link to their outcome letter (never the letter),
confirms the address it was sent to and downloads the letter; every step is audited and the
referral's page shows how far it got. Mail goes to a real SMTP server on localhost."""

import email
import hashlib
import io
from datetime import UTC, datetime, timedelta
from email import policy

import docx
import flask_migrate
import pytest
from flask import render_template_string
from sqlalchemy import select

from record import DecisionOutcome, load_record
from record.titles import OUTCOME_TITLES
from service.actions import producing
from service.db import referrals, users
from service.db.models import AuditEvent, FeedbackLink, Role
from service.delivery import links as feedback
from service.documents import render as renderer
from service.extensions import db
from service.jobs import tasks
from tests.smtp import free_port, text_of
from tests.support.app import PASSWORD, make_app
from tests.support.browser import Browser, signed_in_as
from tests.support.libreoffice import libreoffice_or_skip
from tests.support.referrers import REFERRER, confirm, link_in, offer, queue_letter

CHILD_NAMES = ("Leo", "Brennan")
REASONS = "The bruising was explained by a medical condition confirmed by the GP."
WRONG_ADDRESS = "Enter the email address this link was sent to"
FOUR_LEFT = "You have 4 more tries before the link is locked"


@pytest.fixture
def decided_referral(app, practitioner, full_record_data):
    """A submitted referral whose record holds a decision (signposted, with reasons)."""
    referral = referrals.submit_referral(load_record(full_record_data), practitioner)
    db.session.commit()
    return referral


@pytest.fixture
def link(inbox, decided_referral, manager):
    return offer(decided_referral, queue_letter(decided_referral, manager), manager)


@pytest.fixture
def referrer(app):
    """The referrer's own browser: never signed in to Front Door."""
    return Browser(app.test_client())


def csrf_token(browser: Browser, path: str) -> str:
    """The form's token, kept to post again once the page no longer shows the form."""
    return browser.get(path).select_one("input[name=csrf_token]")["value"]


def events(link: FeedbackLink) -> list[tuple[str, str]]:
    found = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.object_type == "feedback_link", AuditEvent.object_id == link.id)
        .order_by(AuditEvent.id)
    )
    return [(event.action, event.outcome) for event in found]


def letter_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def status_of(links) -> str:
    with_partial = '{% from "referrals/_feedback.html" import feedback_status %}'
    return render_template_string(with_partial + "{{ feedback_status(links) }}", links=links)


def test_the_referrer_is_mailed_a_link_confirms_the_address_and_downloads_the_letter(
    link, inbox, referrer
):
    [message] = inbox.messages
    assert inbox.recipients == [[REFERRER]]
    raw = message.as_string()
    for name in CHILD_NAMES:
        assert name not in raw, "a mis-delivered mail must not say who the referral is about"
    assert REASONS not in raw
    assert "16 November 2026" in text_of(message)  # the date the referral was made
    expires = link.expires_at.replace(tzinfo=UTC)
    assert expires - datetime.now(UTC) > timedelta(days=13, hours=23)
    assert renderer.long_date(expires.date()) in text_of(message)
    assert "If you were not expecting this email" in text_of(message)
    path = link_in(message)
    token = path.rsplit("/", 1)[1]
    assert link.token_sha256 == hashlib.sha256(token.encode()).hexdigest()  # never in clear

    page = referrer.get(path)
    assert page.h1.text.strip() == "Confirm your email address"
    for name in CHILD_NAMES:
        assert name not in page.text

    response = confirm(referrer, path, f"  {REFERRER.upper()} ")
    assert response.status_code == 302
    page = referrer.get(response.headers["Location"])
    assert page.h1.text.strip() == "The outcome of your referral"
    [download] = page.select("#letter-downloads a")
    assert "DOCX" in download.text
    read_here = page.select_one("#document-content")  # to read before downloading
    assert REASONS in read_here.text and read_here.select("h3")

    response = referrer.client.get(download["href"])
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    assert response.headers["Cache-Control"] == "no-store"
    text = letter_text(response.data)
    assert OUTCOME_TITLES[DecisionOutcome.SIGNPOSTED] in text
    assert REASONS in text

    db.session.expire_all()
    assert link.opened_at and link.confirmed_at and link.downloaded_at
    assert link.downloads == 1
    assert events(link) == [
        ("send", "success"),
        ("open", "success"),
        ("open", "success"),  # the page again, to type the address in
        ("confirm", "success"),
        ("view", "success"),  # the letter, read on its page
        ("download", "success"),
    ]
    status = status_of(feedback.links_for(link.referral))
    assert REFERRER in status
    assert "Sent" in status
    assert "(1 download)" in status


def test_a_wrong_address_gets_an_error_and_no_letter(link, inbox, referrer):
    path = link_in(inbox.messages[0])
    page = referrer.read(confirm(referrer, path, "someone.else@example.com"))
    assert page.select_one(".govuk-error-summary a").text.strip() == f"{WRONG_ADDRESS}. {FOUR_LEFT}"
    assert page.title.text.startswith("Error: ")

    response = referrer.client.get(f"{path}/download")
    assert response.status_code == 302
    assert response.headers["Location"] == path
    db.session.expire_all()
    assert link.failed_confirmations == 1
    assert link.confirmed_at is None and link.downloads == 0
    assert ("confirm", "refused") in events(link)
    assert ("download", "refused") in events(link)


def test_an_empty_address_is_asked_for_without_counting_against_the_link(link, inbox, referrer):
    page = referrer.read(confirm(referrer, link_in(inbox.messages[0]), "  "))
    assert page.select_one(".govuk-error-summary a").text.strip() == WRONG_ADDRESS
    db.session.expire_all()
    assert link.failed_confirmations == 0


def test_five_wrong_addresses_lock_the_link(link, inbox, referrer):
    path = link_in(inbox.messages[0])
    token = csrf_token(referrer, path)
    for left in ("4 more tries", "3 more tries", "2 more tries", "1 more try"):
        wrong = confirm(referrer, path, "guess@example.com")
        assert wrong.status_code == 200
        said = referrer.read(wrong).select_one(".govuk-error-summary a").text
        assert f"You have {left} before the link is locked" in said
    app = referrer.client.application
    app.config.update(COUNCIL_PHONE="01296 383962", COUNCIL_EMAIL="frontdoor@council.example")
    response = confirm(referrer, path, "guess@example.com")
    assert response.status_code == 403
    locked = referrer.read(response)
    assert locked.h1.text.strip() == "This link has been locked"
    assert "01296 383962" in locked.select_one("#contact-details").text  # whom to ask
    # the right address no longer helps, in this browser or another
    right = {"csrf_token": token, "email": REFERRER}
    assert referrer.client.post(path, data=right).status_code == 403
    other = Browser(referrer.client.application.test_client())
    assert other.get(path, status=403).h1.text.strip() == "This link has been locked"
    db.session.expire_all()
    assert "Wrong email address entered 5 times: locked" in status_of([link])


def test_a_locked_link_is_sent_again_by_staff_and_only_the_new_one_opens(
    app, link, inbox, referrer, manager
):
    old_path = link_in(inbox.messages[0])
    for _ in range(5):
        confirm(referrer, old_path, "guess@example.com")
    staff = signed_in_as(app, manager.email)
    page = staff.get(f"/referrals/{link.referral_id}")
    [button] = page.select(f"tr[data-link='{link.id}'] form button")
    assert "Send a new link" in button.text
    form = button.find_parent("form")
    sent = staff.client.post(form["action"], data=staff.form_values(form))
    assert sent.status_code == 302
    assert "A new link is on its way" in staff.get(sent.headers["Location"]).text

    assert inbox.recipients == [[REFERRER], [REFERRER]]
    new_path = link_in(inbox.messages[1])
    assert new_path != old_path
    opened = referrer.get(confirm(referrer, new_path, REFERRER).headers["Location"])
    assert opened.h1.text.strip() == "The outcome of your referral"
    assert referrer.get(old_path, status=403).h1.text.strip() == "This link has been locked"
    assert ("send_again", "success") in events(link)


def test_a_link_that_still_works_is_not_sent_again(app, link, inbox, manager):
    staff = signed_in_as(app, manager.email)
    page = staff.get(f"/referrals/{link.referral_id}")
    assert not page.select(f"tr[data-link='{link.id}'] form button")
    token = page.select_one("input[name=csrf_token]")["value"]
    response = staff.client.post(
        f"/feedback-links/{link.id}/send-again", data={"csrf_token": token}
    )
    assert response.status_code == 409 and len(inbox.messages) == 1


def test_an_expired_link_gets_no_letter(link, inbox, referrer):
    path = link_in(inbox.messages[0])
    token = csrf_token(referrer, path)
    link.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    page = referrer.get(path, status=410)
    assert page.h1.text.strip() == "This link has expired"
    assert "Contact the council's children's services front door" in page.text
    right = {"csrf_token": token, "email": REFERRER}
    assert referrer.client.post(path, data=right).status_code == 410
    response = referrer.client.get(f"{path}/download")
    assert response.status_code == 410
    assert b"PK" not in response.data[:2]
    db.session.expire_all()
    assert link.confirmed_at is None and link.downloads == 0
    assert ("download", "expired") in events(link)
    assert "Expired" in status_of([link])


def test_a_link_that_expires_after_confirming_stops_working(link, inbox, referrer):
    path = link_in(inbox.messages[0])
    assert confirm(referrer, path, REFERRER).status_code == 302
    link.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    assert referrer.client.get(f"{path}/download").status_code == 410


def test_confirming_one_link_does_not_open_another(inbox, decided_referral, manager, referrer):
    letter = queue_letter(decided_referral, manager)
    first = offer(decided_referral, letter, manager)
    offer(decided_referral, letter, manager, address="other.referrer@example.org")
    first_path, second_path = (link_in(message) for message in inbox.messages)
    assert first_path != second_path
    assert confirm(referrer, first_path, REFERRER).status_code == 302
    response = referrer.client.get(f"{second_path}/download")
    assert response.status_code == 302
    assert response.headers["Location"] == second_path
    assert referrer.client.get(f"{first_path}/download").status_code == 200
    assert first.id in [link.id for link in feedback.links_for(decided_referral)]


def test_an_unknown_link_is_not_found(app, referrer):
    page = referrer.get("/feedback/not-a-real-token", status=404)
    assert page.h1.text.strip() == "Page not found"
    assert referrer.client.get("/feedback/not-a-real-token/download").status_code == 404


def test_the_pages_need_no_sign_in_but_the_link(link, inbox, referrer):
    path = link_in(inbox.messages[0])
    assert referrer.client.get(path).status_code == 200
    assert referrer.client.get(path.rstrip("x") + "x").status_code == 404  # one letter changed


def test_a_letter_with_a_pdf_offers_both(inbox, decided_referral, manager, referrer):
    libreoffice_or_skip()
    offer(decided_referral, queue_letter(decided_referral, manager, pdf=True), manager)
    path = link_in(inbox.messages[0])
    page = referrer.get(confirm(referrer, path, REFERRER).headers["Location"])
    links = {a.text.strip(): a["href"] for a in page.select("#letter-downloads a")}
    assert list(links) == [
        "Download the letter (Word document, DOCX)",
        "Download the letter (PDF)",
    ]
    response = referrer.client.get(links["Download the letter (PDF)"])
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert response.headers["Content-Disposition"].endswith(".pdf")


def test_a_letter_not_ready_yet_says_so(inbox, decided_referral, manager, referrer):
    letter = queue_letter(decided_referral, manager, render=False)
    link = offer(decided_referral, letter, manager)
    path = link_in(inbox.messages[0])
    page = referrer.get(confirm(referrer, path, REFERRER).headers["Location"])
    assert "Your letter is being prepared; try again in a few minutes" in page.text
    assert not page.select("#letter-downloads a")
    response = referrer.client.get(f"{path}/download")
    assert response.status_code == 302
    assert ("download", "not_ready") in events(link)


def test_a_sent_link_is_not_sent_again(link, inbox):
    tasks.send_feedback_mail.delay(link.id)
    assert len(inbox.messages) == 1


def test_a_mail_server_that_cannot_be_reached_shows_on_the_referral(app, decided_referral, manager):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())
    link = offer(decided_referral, queue_letter(decided_referral, manager), manager)
    assert link.sent_at is None
    assert link.send_error.startswith("The mail server could not be reached")
    assert ("send", "failed") in events(link)
    status = status_of([link])
    assert "Not sent" in status
    assert "The mail server could not be reached" in status


def test_the_embedded_default_writes_the_mail_to_the_folder(
    app, tmp_path, decided_referral, manager, referrer
):
    assert not app.config["MAIL_SERVER"]
    link = offer(decided_referral, queue_letter(decided_referral, manager), manager)
    [written] = (tmp_path / "mail").glob("*.eml")
    message = email.message_from_bytes(written.read_bytes(), policy=policy.default)
    assert message["To"] == REFERRER
    assert link.sent_at is not None
    assert referrer.get(link_in(message)).h1.text.strip() == "Confirm your email address"


def test_an_unreachable_mail_queue_shows_on_the_link(tmp_path, monkeypatch, full_record_data):
    monkeypatch.setenv("FRONTDOOR_INSTANCE_PATH", str(tmp_path / "queued"))
    app = make_app(tmp_path, BROKER_URL=f"redis://127.0.0.1:{free_port()}/0")
    with app.app_context():
        flask_migrate.upgrade()
        user = users.save_user("m@council.example", "Sam Patel", Role.MANAGER, PASSWORD)
        referral = referrals.submit_referral(load_record(full_record_data), user)
        letter = producing.queue(referral, "outcome_feedback", user)
        link = offer(referral, letter, user)
        assert link.send_error == feedback.QUEUE_UNREACHABLE
        db.session.remove()
        db.engine.dispose()


# --- Acceptance, through the manager's decision page (service/views/decisions.py) -------------


def test_acceptance_a_recorded_decision_reaches_the_referrer_by_an_emailed_link(
    app, inbox, practitioner, manager, full_record_data, referrer
):
    """A manager records a decision; the referrer receives the e-mail, follows the link, confirms
    the address and downloads a letter with the decision and reasons. A wrong address or an
    expired link gets no letter."""
    del full_record_data["decision"]
    referral = referrals.submit_referral(load_record(full_record_data), practitioner)
    db.session.commit()
    office = Browser(app.test_client())
    assert office.sign_in(manager.email).status_code == 302
    reasons = "Needs are met by the school's pastoral team; no social care role."
    response = office.submit(
        f"/referrals/{referral.id}/decision",
        {
            "outcome": DecisionOutcome.NO_FURTHER_ACTION_ADVICE.value,
            "reasons": reasons,
            "threshold_not_met_reason": "No evidence of significant harm.",
            "other_support": "School nurse drop-in.",
            "wants_pdf": [],
        },
    )
    assert response.status_code == 302, response.status_code

    [message] = inbox.messages
    assert inbox.recipients == [[REFERRER]]  # the address pre-filled from the record
    for name in CHILD_NAMES:
        assert name not in message.as_string()
    path = link_in(message)

    stranger = Browser(app.test_client())
    page = stranger.read(confirm(stranger, path, "not.the.referrer@example.com"))
    assert page.select_one(".govuk-error-summary a").text.strip() == f"{WRONG_ADDRESS}. {FOUR_LEFT}"
    assert stranger.client.get(f"{path}/download").status_code == 302  # back to confirm

    assert confirm(referrer, path, REFERRER).status_code == 302
    response = referrer.client.get(f"{path}/download")
    assert response.status_code == 200
    text = letter_text(response.data)
    assert OUTCOME_TITLES[DecisionOutcome.NO_FURTHER_ACTION_ADVICE] in text
    assert reasons in text

    page = office.get(f"/referrals/{referral.id}")  # the manager sees how far it got
    [row] = page.select("#feedback-links tbody tr")
    assert REFERRER in row.text
    assert "Sent" in row.select_one("[data-column=sent]").text
    assert "(1 download)" in row.select_one("[data-column=downloaded]").text

    [link] = feedback.links_for(referral)
    link.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    late = Browser(app.test_client())
    assert late.get(path, status=410).h1.text.strip() == "This link has expired"
    assert late.client.get(f"{path}/download").status_code == 410


def decided_through(office: Browser, referral) -> None:
    response = office.submit(
        f"/referrals/{referral.id}/decision",
        {
            "outcome": DecisionOutcome.NO_FURTHER_ACTION_ADVICE.value,
            "reasons": "Needs are met by the school's pastoral team.",
            "threshold_not_met_reason": "No evidence of significant harm.",
            "other_support": "School nurse drop-in.",
            "wants_pdf": [],
        },
    )
    assert response.status_code == 302, response.status_code


@pytest.mark.parametrize(
    ("external_url", "host"),
    [(None, "127.0.0.1:8123"), ("https://frontdoor.council.example", "frontdoor.council.example")],
)
def test_the_emailed_link_points_where_front_door_is_reached(
    app, inbox, practitioner, manager, full_record_data, external_url, host
):
    """Embedded and not told its address, a link points where the page that sent it was
    reached (`frontdoor run --port 8123`), not at port 5000; told one, it points there."""
    app.config.update(EXTERNAL_URL=external_url, SERVER_NAME="127.0.0.1:8123")  # as served
    del full_record_data["decision"]
    referral = referrals.submit_referral(load_record(full_record_data), practitioner)
    db.session.commit()
    office = Browser(app.test_client())
    assert office.sign_in(manager.email).status_code == 302
    decided_through(office, referral)
    [message] = inbox.messages
    assert link_in(message, hosts=(host,))
