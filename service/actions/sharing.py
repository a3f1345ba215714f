"""Sharing a ready document with another agency: the share, or its refusal, is kept in the audit
trail; a share made is then e-mailed as a link."""

from service.db.models import Document, FeedbackLink, Referral, User
from service.delivery import sharing
from service.extensions import db
from service.jobs import queues


def share(
    referral: Referral, document: Document, agency: str, email: str, user: User
) -> FeedbackLink:
    """The link sent; ``sharing.SharingRefused`` (its refusal committed) when the record does
    not allow the share."""
    try:
        link = sharing.share(referral, document, agency, email, user)
    except sharing.SharingRefused:
        db.session.commit()  # the refusal's audit event
        raise
    db.session.commit()
    queues.enqueue_feedback_mail(link.id)
    return link
