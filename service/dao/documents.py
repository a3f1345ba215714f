import hashlib
from datetime import UTC, datetime

from service.extensions import db
from service.models import Document, DocumentStatus, Referral, User


def queue_document(referral: Referral, kind: str, template_name: str, user: User) -> Document:
    document = Document(
        referral=referral,
        kind=kind,
        template_name=template_name,
        status=DocumentStatus.QUEUED,
        requested_by_id=user.id,
    )
    db.session.add(document)
    db.session.flush()
    return document


def get_document(document_id: int) -> Document | None:
    return db.session.get(Document, document_id)


def mark_running(document: Document) -> None:
    document.status = DocumentStatus.RUNNING
    db.session.commit()


def store_content(document: Document, content: bytes, filename: str, template_version: str) -> None:
    document.content = content
    document.sha256 = hashlib.sha256(content).hexdigest()
    document.filename = filename
    document.template_version = template_version
    document.status = DocumentStatus.READY
    document.error = None
    document.completed_at = datetime.now(UTC)
    db.session.commit()


def mark_failed(document: Document, reason: str) -> None:
    document.status = DocumentStatus.FAILED
    document.error = reason
    document.completed_at = datetime.now(UTC)
    db.session.commit()
