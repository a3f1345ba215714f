"""Celery tasks. Arguments are row ids only: no personal data travels through the broker."""

import logging

from celery import shared_task
from kombu.exceptions import OperationalError

from service import documents as renderer
from service.dao import documents
from service.models import DocumentStatus
from service.records import RecordError, load_record

log = logging.getLogger(__name__)

DOCUMENTS_QUEUE = "documents"


@shared_task(name="render-document", bind=True, max_retries=3, default_retry_delay=10)
def render_document(self, document_id: int) -> None:
    """Render a queued document for its referral's stored record and store it; idempotent."""
    document = documents.get_document(document_id)
    if document is None or document.status == DocumentStatus.READY:
        return
    documents.mark_running(document)
    referral = document.referral
    try:
        record = load_record(referral.record)
        content = renderer.render_docx(document.template_name, record)
    except (RecordError, renderer.DocumentError) as error:
        log.warning("document %s failed: %s", document_id, type(error).__name__)
        documents.mark_failed(document, f"The document could not be produced: {error}")
        return
    documents.store_content(
        document,
        content,
        filename=f"{document.kind}-{referral.id}-v{document.id}.docx",
        template_version=renderer.template_version(document.template_name),
    )
    log.info("document %s ready", document_id)


def enqueue_document(document_id: int) -> None:
    """Queue rendering after the row is committed; a broker that cannot be reached fails the job
    visibly instead of leaving it queued for ever."""
    try:
        render_document.apply_async(args=[document_id], queue=DOCUMENTS_QUEUE)
    except OperationalError:
        document = documents.get_document(document_id)
        documents.mark_failed(document, "The job queue could not be reached; try again.")
