"""Celery tasks. Arguments are row ids only: no personal data travels through the broker."""

import json
import logging

from celery import shared_task
from flask import current_app
from kombu.exceptions import OperationalError

import parsers
from service import documents as renderer
from service import storage
from service.dao import documents, imports
from service.models import DocumentStatus, ImportStatus
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
        policy = current_app.config["ESCALATION_POLICY"]
        content = renderer.render_docx(document.template_name, record, policy)
    except (RecordError, renderer.DocumentError) as error:
        log.warning("document %s failed: %s", document_id, type(error).__name__)
        documents.mark_failed(document, f"The document could not be produced: {error}")
        return
    documents.store_content(
        document,
        content,
        filename=f"{document.kind}-{referral.id}-v{document.id}.docx",
        template_version=renderer.template_version(document.template_name, record),
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


IMPORTS_QUEUE = "imports"
INTERNAL_ERROR = "could not be read (internal error)"
MISSING_ORIGINAL = "the stored original is missing: upload the file again"


@shared_task(name="parse-import", bind=True)
def parse_import(self, job_id: int) -> None:
    """Read a queued import job's original into a record; idempotent.

    A parser's reason (``ParseError``) is shown to the admin as it is. Anything else is logged by
    job id and exception type only (its message could quote the form) and shown as an internal
    error the admin can retry.
    """
    job = imports.get_job(job_id)
    if job is None or job.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        return
    imports.mark_running(job)
    try:
        content = storage.read_original(job.sha256)
        result = parsers.parse_bytes(content)
        imports.mark_parsed(
            job, _json_ready(result.record), _json_ready(result.provenance), result.kind
        )
    except FileNotFoundError:
        log.warning("import job %s failed: original missing", job_id)
        imports.mark_failed(job, MISSING_ORIGINAL)
    except parsers.ParseError as error:
        log.info("import job %s failed: %s", job_id, type(error).__name__)
        imports.mark_failed(job, str(error) or INTERNAL_ERROR)
    except Exception as error:
        log.error("import job %s failed: unexpected %s", job_id, type(error).__name__)
        imports.abandon_changes()
        imports.mark_failed(imports.get_job(job_id), INTERNAL_ERROR)
    else:
        log.info("import job %s parsed", job_id)


def _json_ready(value) -> dict:
    """What the parser returned, as the JSON the database column stores (dates as ISO text)."""
    return json.loads(json.dumps(value or {}, default=str))


def enqueue_import(job_id: int) -> None:
    """Queue reading after the job is committed; an unreachable broker fails the job visibly."""
    try:
        parse_import.apply_async(args=[job_id], queue=IMPORTS_QUEUE)
    except OperationalError:
        job = imports.get_job(job_id)
        imports.mark_failed(job, "the job queue could not be reached: try again")
