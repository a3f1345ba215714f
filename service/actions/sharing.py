"""Sharing a ready document with another agency: the share, or its refusal, is kept in the audit
trail; a share made is then e-mailed as a link. A link that expired or was locked is sent
again as a new one."""

from service.actions import work
from service.db.models import Document, FeedbackLink, Referral, User
from service.delivery import links, sharing
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


def send_again(link: FeedbackLink, user: User) -> FeedbackLink:
    """A new link to the same document for the same address, for one that expired or was locked
    by wrong addresses: the old one stays as it is (it never opens again), the new one is
    e-mailed. The document is not made again."""
    fresh = links.offer_feedback(
        link.referral, link.document, link.email, user, purpose=link.purpose, agency=link.agency
    )
    work.done("send_again", "feedback_link", link.id)
    queues.enqueue_feedback_mail(fresh.id)
    return fresh
