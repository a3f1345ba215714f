"""Recording a manager's decision on a referral: the decision itself, what follows from it (a
closed referral, an Early Help record opened), the outcome letter for the referrer and, when
the manager gives the referrer's address, the e-mailed link to it."""

from dataclasses import dataclass

from record.lifecycle import Move, Stage
from record.model import SIGNIFICANT_HARM, THRESHOLD_NOT_MET
from service.actions import producing
from service.db import audit, deadlines, referrals
from service.db.models import Document, FeedbackLink, Referral, User
from service.delivery import links
from service.extensions import db
from service.jobs import queues


@dataclass
class Recorded:
    letter: Document
    link: FeedbackLink | None
    #: the referrals of an open CAF that kept this one from being reopened, if any
    stays_closed_for: list[Referral]


def record(
    referral: Referral,
    decision: dict,
    user: User,
    referrer_email: str | None,
    wants_pdf: bool,
    late_reason: str | None = None,
) -> Recorded:
    outcome_before = (referral.record.get("decision") or {}).get("outcome")
    if referral.status != Stage.CLOSED:  # a closed one's changed decision may open it again
        # refused before anything changes
        referrals.move(referral, Move.DECIDE, user.id, late_reason=late_reason)
    referrals.record_part(referral, "decision", decision)
    audit.record_event("decision", "referral", referral.id, user_id=user.id)
    _clocks_follow(referral, decision["outcome"], user, late_reason)
    holders = []
    try:
        referrals.follow_decision(referral, outcome_before, user)
    except referrals.SecondOpenCaf as refused:
        holders = refused.holders
    letter = producing.queue(referral, "outcome_feedback", user, wants_pdf=wants_pdf)
    link = links.offer_feedback(referral, letter, referrer_email, user) if referrer_email else None
    db.session.commit()
    queues.enqueue_document(letter.id)
    if link is not None:
        queues.enqueue_feedback_mail(link.id)
    return Recorded(letter, link, holders)


def _clocks_follow(referral: Referral, outcome: str, user: User, late_reason: str | None) -> None:
    """The decision stops its clock; one that suspects significant harm starts the strategy
    discussion's; one below the threshold means no assessment is due."""
    deadlines.happened(referral, "decided", user_id=user.id, late_reason=late_reason)
    if outcome in SIGNIFICANT_HARM:
        deadlines.happened(referral, "harm_suspected", user_id=user.id)
    elif outcome in THRESHOLD_NOT_MET:
        deadlines.not_needed(referral, "assessed", user.id)


def decided_by(user: User) -> str:
    """How the decision is signed: the manager's name and job title."""
    return ", ".join(part for part in (user.full_name, user.job_title) if part)
