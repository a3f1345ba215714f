"""The referrer hears back without asking (seed 002: "Always follow up your referral"): when a
referral is submitted, its referrer is e-mailed that it was received, its reference and the day
the decision on it is due under the active clocks. Like the outcome link's mail it names no
child, so a mail to a mistyped address discloses nothing."""

from flask import current_app, render_template
from sqlalchemy import select

from service.clocks.calendar import local
from service.db import audit
from service.db.models import Deadline, Referral, utcnow
from service.delivery import mail
from service.extensions import db

SUBJECT = "Your referral to children's services has been received"


def wants_acknowledgement(referral: Referral) -> bool:
    return bool(_address(referral)) and referral.acknowledged_at is None


def decision_due(referral: Referral):
    """The day the first decision on ``referral`` is due (its decision clock), or None."""
    query = select(Deadline.due_on).where(
        Deadline.referral_id == referral.id, Deadline.clock == "decision"
    )
    return db.session.scalar(query.order_by(Deadline.id))


def send(referral_id: int) -> None:
    """E-mail the acknowledgement (the mail task's body); one already sent is not sent again.
    Raises ``mail.MailError`` when the mail did not go."""
    referral = db.session.get(Referral, referral_id)
    if referral is None or not wants_acknowledgement(referral):
        return
    context = {
        "reference": referral.reference,
        "received_on": local(referral.submitted_at).date(),
        "decision_due": decision_due(referral),
        "contact": current_app.config["FEEDBACK_CONTACT"],
    }
    message = mail.compose(
        _address(referral),
        SUBJECT,
        render_template("mail/acknowledgement.txt", **context),
        render_template("mail/acknowledgement.html", **context),
    )
    mail.deliver(message, reference=f"referral {referral.id} acknowledgement")
    referral.acknowledged_at = utcnow()
    referral.acknowledgement_error = None
    audit.record_event("send", "acknowledgement", referral.id)
    db.session.commit()


def record_error(referral_id: int, reason: str) -> None:
    """Show on the referral's page why the acknowledgement was not sent."""
    mail.record_unsent(Referral, referral_id, "acknowledgement_error", "acknowledgement", reason)


def _address(referral: Referral) -> str | None:
    return ((referral.record or {}).get("referrer") or {}).get("email")
