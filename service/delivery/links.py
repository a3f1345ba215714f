"""Referrers' links to their outcome-feedback letter (GOV.UK Notify's "send a file by email").

Referrers have no login: they are e-mailed a link, never the letter. The link's token is an HMAC
of the link's id and creation time under the app's secret key, so the mail task (which is given
the id only) can produce it again, while the database holds only the token's SHA-256. The link
shows the letter once the referrer confirms the address it was sent to, until it expires; too
many wrong addresses lock it.
"""

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import current_app, has_request_context, render_template, request
from sqlalchemy import select
from sqlalchemy.orm import undefer

from service.clocks.calendar import as_utc
from service.db import audit
from service.db.models import Document, FeedbackLink, Referral, User, utcnow
from service.delivery import mail
from service.extensions import db

#: wrong addresses after which a link is locked
LOCK_AFTER_FAILURES = 5
QUEUE_UNREACHABLE = "The mail queue could not be reached: the email was not sent"
EXPIRED_BEFORE_SENDING = "The link expired before the email could be sent"
LINK_NOT_REPRODUCIBLE = (
    "The link could not be made again because the secret key has changed: record the decision "
    "again to send a new one"
)


def offer_feedback(
    referral: Referral,
    document: Document,
    email: str,
    user: User,
    purpose: str = "feedback",
    agency: str | None = None,
) -> FeedbackLink:
    """Add a link to ``document`` for the referrer at ``email`` (or, with ``purpose`` "share",
    for someone at ``agency``) and flush it; the caller commits, then calls
    ``queues.enqueue_feedback_mail`` with its id."""
    email = email.strip()
    if not email:
        raise ValueError("a feedback link needs the address to send it to")
    created_at = utcnow()
    link = FeedbackLink(
        referral=referral,
        document=document,
        email=email,
        created_by_id=user.id,
        created_at=created_at,
        purpose=purpose,
        agency=agency,
        expires_at=created_at + timedelta(days=int(current_app.config["FEEDBACK_LINK_DAYS"])),
        # a random placeholder until the id the token is made from is known
        token_sha256=secrets.token_hex(32),
    )
    db.session.add(link)
    db.session.flush()
    link.token_sha256 = _sha256(token_for(link))
    db.session.flush()
    return link


def token_for(link: FeedbackLink) -> str:
    """The link's token: the same every time for the same link and secret key."""
    message = f"feedback-link:{link.id}:{as_utc(link.created_at).isoformat()}"
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


#: where a link points when nothing says where Front Door is reached (a command, embedded)
LOCAL_URL = "http://127.0.0.1:5000"


def link_url(token: str) -> str:
    """The absolute address of the link's page, on ``EXTERNAL_URL``; embedded, without one, on
    the address the sending page was reached at (``frontdoor run --port 8000``), not :5000."""
    configured = current_app.config["EXTERNAL_URL"]
    base = urlsplit(configured or (request.host_url if has_request_context() else LOCAL_URL))
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    return adapter.build("feedback.confirm", {"token": token}, force_external=True)


def get_link(link_id: int) -> FeedbackLink | None:
    return db.session.get(FeedbackLink, link_id)


def find_link(token: str) -> FeedbackLink | None:
    return db.session.scalar(
        select(FeedbackLink).where(FeedbackLink.token_sha256 == _sha256(token))
    )


def links_for(referral: Referral) -> list[FeedbackLink]:
    """The referral's links, newest first, for the status on the referral's page."""
    return list(
        db.session.scalars(
            select(FeedbackLink)
            .where(FeedbackLink.referral_id == referral.id)
            .order_by(FeedbackLink.created_at.desc(), FeedbackLink.id.desc())
        )
    )


def is_expired(link: FeedbackLink) -> bool:
    return as_utc(link.expires_at) <= datetime.now(UTC)


def is_locked(link: FeedbackLink) -> bool:
    return link.failed_confirmations >= LOCK_AFTER_FAILURES


def mark_opened(link: FeedbackLink) -> None:
    link.opened_at = link.opened_at or utcnow()


def confirm(link: FeedbackLink, address: str) -> bool:
    """Whether ``address`` is the one the link was sent to (ignoring case and spaces around it);
    a wrong one counts towards locking the link."""
    given = address.strip().casefold().encode()
    if hmac.compare_digest(given, link.email.strip().casefold().encode()):
        link.confirmed_at = link.confirmed_at or utcnow()
        return True
    link.failed_confirmations += 1
    return False


def letter(link: FeedbackLink, pdf: bool = False) -> Document:
    """The link's document with the content asked for loaded."""
    column = Document.pdf_content if pdf else Document.content
    return db.session.get(Document, link.document_id, options=[undefer(column)])


def mark_downloaded(link: FeedbackLink) -> None:
    link.downloaded_at = link.downloaded_at or utcnow()
    link.downloads += 1


def send_link(link_id: int) -> None:
    """E-mail the referrer their link (the mail task's body); a link already sent is not sent
    again. Raises ``mail.MailError`` when the mail did not go."""
    link = db.session.get(FeedbackLink, link_id)
    if link is None or link.sent_at is not None:
        return
    if is_expired(link):
        record_send_error(link_id, EXPIRED_BEFORE_SENDING)
        return
    token = token_for(link)
    if _sha256(token) != link.token_sha256:
        record_send_error(link_id, LINK_NOT_REPRODUCIBLE)
        return
    mail.deliver(_message(link, token), reference=f"feedback link {link.id}")
    link.sent_at = utcnow()
    link.send_error = None
    audit.record_event("send", "feedback_link", link.id)
    db.session.commit()


def record_send_error(link_id: int, reason: str) -> None:
    """Show on the referral's page why the e-mail was not sent."""
    mail.record_unsent(FeedbackLink, link_id, "send_error", "feedback_link", reason)


def _message(link: FeedbackLink, token: str):
    """The e-mail: the link and when it stops working, and nothing about the child, so that a
    mail sent to the wrong person discloses nothing."""
    context = {
        "url": link_url(token),
        "referral_date": referral_date(link),
        "expires_on": as_utc(link.expires_at).date(),
        "contact": current_app.config["FEEDBACK_CONTACT"],
        "shared": link.purpose == "share",
    }
    if context["shared"]:
        subject = "Children's services have shared a document with you"
    else:
        subject = "The outcome of your referral to children's services"
    return mail.compose(
        link.email,
        subject,
        render_template("feedback/email.txt", **context),
        render_template("feedback/email.html", **context),
    )


def referral_date(link: FeedbackLink):
    """The date the referral was made: the only thing about it a referrer sees before confirming."""
    referral = link.referral
    return referral.referral_date or as_utc(referral.created_at).date()


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
