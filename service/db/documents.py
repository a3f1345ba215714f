import hashlib
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import undefer

from service.db.models import Document, DocumentStatus, Referral, User
from service.extensions import db


def queue_document(
    referral: Referral, kind: str, template_name: str, user: User, wants_pdf: bool = False
) -> Document:
    """A new version of ``kind`` for ``referral``, waiting for a worker; earlier versions stay.
    ``template_name`` is the template for the referral's record (the referral letter's follows
    the pathway); which version of it is decided when the document is produced."""
    latest = db.session.scalar(
        select(func.max(Document.version)).where(
            Document.referral_id == referral.id, Document.kind == kind
        )
    )
    document = Document(
        referral=referral,
        kind=kind,
        template_name=template_name,
        version=(latest or 0) + 1,
        wants_pdf=wants_pdf,
        status=DocumentStatus.QUEUED,
        requested_by_id=user.id,
    )
    db.session.add(document)
    db.session.flush()
    return document


def get_document(document_id: int, load=()) -> Document | None:
    """The document, with the deferred columns in ``load`` (its contents) read at once."""
    return db.session.get(Document, document_id, options=[undefer(column) for column in load])


def store_content(
    document: Document,
    content: bytes,
    filename: str,
    template_version: str,
    template_id: int | None = None,
    pdf: bytes | None = None,
) -> None:
    """Keep what was produced; a stored document is never changed afterwards."""
    document.content = content
    document.sha256 = hashlib.sha256(content).hexdigest()
    document.filename = filename
    document.template_version = template_version
    document.template_id = template_id
    if pdf is not None:
        document.pdf_content = pdf
        document.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    document.status = DocumentStatus.READY
    document.error = None
    document.completed_at = datetime.now(UTC)
    db.session.commit()


def mark_failed(document: Document, reason: str) -> None:
    document.status = DocumentStatus.FAILED
    document.error = reason
    document.completed_at = datetime.now(UTC)
    db.session.commit()


def retry(document: Document) -> None:
    """A failed document goes back in the queue as it was asked for."""
    document.status = DocumentStatus.QUEUED
    document.error = None
    document.completed_at = None
    db.session.flush()
