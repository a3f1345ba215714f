"""Asking for a document and retrying one that failed: each is a new row (a version) or a reset
one, audited, committed and then queued for a worker."""

from record import load_record
from service.actions import work
from service.db import audit, documents
from service.db.models import Document, Referral, User
from service.documents import render
from service.extensions import db
from service.jobs import queues


def queue(referral: Referral, kind: str, user: User, wants_pdf: bool = False) -> Document:
    """A new version of ``kind`` for ``referral`` in this transaction, from the template for its
    record; the caller commits, then calls ``queues.enqueue_document``."""
    template_name = render.template_name(kind, load_record(referral.record))
    document = documents.queue_document(referral, kind, template_name, user, wants_pdf)
    audit.record_event("generate", "document", document.id, user_id=user.id)
    return document


def ask_for(referral: Referral, kind: str, user: User, wants_pdf: bool) -> Document:
    document = queue(referral, kind, user, wants_pdf)
    db.session.commit()
    queues.enqueue_document(document.id)
    return document


def retry(document: Document) -> None:
    documents.retry(document)
    work.done("retry", "document", document.id)
    queues.enqueue_document(document.id)
