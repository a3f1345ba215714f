"""The audit trail: one row per sign-in, view, download, create and generation; never updated."""

from datetime import datetime

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import func, or_, select

from service.db.models import AuditEvent, FeedbackLink
from service.extensions import db


def record_event(
    action: str,
    object_type: str | None = None,
    object_id: int | None = None,
    outcome: str = "success",
    user_id: int | None = None,
) -> None:
    """Add an event to the current transaction; it is written when the caller commits."""
    if user_id is None and has_request_context() and current_user.is_authenticated:
        user_id = current_user.id
    db.session.add(
        AuditEvent(
            user_id=user_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            outcome=outcome,
            remote_addr=request.remote_addr if has_request_context() else None,
        )
    )


def refused_sign_ins_since(user_id: int, since: datetime) -> int:
    """Failed sign-ins to one account since ``since`` (a success in between resets nothing:
    lock-out counts every refusal in the window)."""
    return db.session.scalar(
        select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "sign_in",
            AuditEvent.object_id == user_id,
            AuditEvent.outcome == "refused",
            AuditEvent.occurred_at >= since,
        )
    )


def trail_for(referral) -> list[AuditEvent]:
    """Every event about a referral, its documents and the links sent for them, oldest first."""
    about = [("referral", referral.id)]
    about += [("document", document.id) for document in referral.documents]
    about += [
        ("feedback_link", link_id)
        for link_id in db.session.scalars(
            select(FeedbackLink.id).where(FeedbackLink.referral_id == referral.id)
        )
    ]
    conditions = [
        (AuditEvent.object_type == kind) & (AuditEvent.object_id == object_id)
        for kind, object_id in about
    ]
    query = (
        select(AuditEvent).where(or_(*conditions)).order_by(AuditEvent.occurred_at, AuditEvent.id)
    )
    return list(db.session.scalars(query))
