"""Celery tasks. Arguments are row ids only: no personal data travels through the broker."""

import functools
import json
import logging

from celery import shared_task
from flask import current_app, g
from kombu.exceptions import OperationalError
from sqlalchemy import exc as database

import parsers
from parsers import isolation
from record import RecordError, load_record
from service import storage
from service.db import documents, imports, jobs
from service.db.models import Document, ImportJob
from service.delivery import acknowledgements, links, mail
from service.documents import render as renderer
from service.documents import versions
from service.documents.registry import Sender
from service.extensions import db
from service.jobs import queues, sweeper

log = logging.getLogger(__name__)

#: faults that pass (a database or broker connection lost): the task is tried again
TRANSIENT = (database.OperationalError, database.DisconnectionError, OperationalError)
#: … after about 5, 10, 20, 40, 80 seconds (jittered, so workers do not retry in step)
RETRIED = {
    "autoretry_for": TRANSIENT,
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
}
KEPT_FAILING = "the database or the job queue kept failing while this was done: try again"


def _claim(model: jobs.Job, job_id: int, get):
    """The job, taken for this execution (``jobs.claim``); None when it is finished or another
    live execution holds it, so a message delivered twice is done once."""
    claimed_at = jobs.claim(model, job_id)
    if claimed_at is None:
        log.info("%s %s: finished or taken, nothing to do", model.__tablename__, job_id)
        return None
    g.job_claim = claimed_at
    return get(job_id)


def _given_back_on_transient_faults(model: jobs.Job, get, mark_failed):
    """Around a task's body: a transient fault gives the job back to the queue for Celery's
    retry (``RETRIED``); after the last retry, or in the request (eager), the job fails with a
    reason a person can act on. A fault before the job was taken changes nothing, and if the
    database is down nothing can be written: the sweeper takes the job back once it returns."""

    def decorate(body):
        @functools.wraps(body)
        def run(task, job_id: int):
            try:
                return body(task, job_id)
            except TRANSIENT as error:
                fault, tries = type(error).__name__, task.request.retries + 1
                log.warning("%s %s: %s (try %s)", model.__tablename__, job_id, fault, tries)
                db.session.rollback()
                claimed_at = g.get("job_claim")
                if claimed_at is None:
                    raise
                if task.request.is_eager or task.request.retries >= task.max_retries:
                    mark_failed(get(job_id), KEPT_FAILING)
                    return None
                jobs.release(model, job_id, claimed_at)
                raise
            finally:
                g.pop("job_claim", None)

        return run

    return decorate


@shared_task(name=queues.RENDER_DOCUMENT, bind=True, **RETRIED)
@_given_back_on_transient_faults(Document, documents.get_document, documents.mark_failed)
def render_document(self, document_id: int) -> None:
    """Render a queued document for its referral's stored record, with the template version in
    use, and store it (and its PDF when asked); idempotent."""
    document = _claim(Document, document_id, documents.get_document)
    if document is None:
        return
    referral = document.referral
    try:
        record = load_record(referral.record)
        source = versions.active_source(document.template_name)
        sender = Sender.from_settings(current_app.config)
        content = renderer.render_docx(
            document.kind, record, sender, source, reference=referral.reference
        )
        pdf = None
        if document.wants_pdf:
            pdf = renderer.convert_to_pdf(content, current_app.config["SOFFICE_PATH"])
    except (RecordError, renderer.DocumentError) as error:
        log.warning("document %s failed: %s", document_id, type(error).__name__)
        documents.mark_failed(document, f"The document could not be produced: {error}")
        return
    documents.store_content(
        document,
        content,
        filename=f"{document.kind}-{referral.id}-v{document.version}.docx",
        template_version=source.version,
        template_id=source.id,
        pdf=pdf,
    )
    log.info("document %s ready", document_id)


INTERNAL_ERROR = "could not be read (internal error)"
MISSING_ORIGINAL = "the stored original is missing: upload the file again"


@shared_task(name=queues.PARSE_IMPORT, bind=True, **RETRIED)
@_given_back_on_transient_faults(ImportJob, imports.get_job, imports.mark_failed)
def parse_import(self, job_id: int) -> None:
    """Read a queued import job's original into a record; idempotent.

    A parser's reason (``ParseError``) is shown to the admin as it is. Anything else is logged by
    job id and exception type only (its message could quote the form) and shown as an internal
    error the admin can retry.
    """
    job = _claim(ImportJob, job_id, imports.get_job)
    if job is None:
        return
    try:
        content = storage.read_original(job.sha256)
        result = isolation.parse_bytes(content, isolation.Limits.from_settings(current_app.config))
        imports.mark_parsed(
            job, _json_ready(result.record), _json_ready(result.provenance), result.kind
        )
    except FileNotFoundError:
        log.warning("import job %s failed: original missing", job_id)
        imports.mark_failed(job, MISSING_ORIGINAL)
    except parsers.ParseError as error:
        log.info("import job %s failed: %s", job_id, type(error).__name__)
        imports.mark_failed(job, str(error) or INTERNAL_ERROR)
    except TRANSIENT:
        raise  # retried: see _given_back_on_transient_faults
    except Exception as error:
        log.error("import job %s failed: unexpected %s", job_id, type(error).__name__)
        imports.abandon_changes()
        imports.mark_failed(imports.get_job(job_id), INTERNAL_ERROR)
    else:
        log.info("import job %s parsed", job_id)


def _json_ready(value) -> dict:
    """What the parser returned, as the JSON the database column stores (dates as ISO text)."""
    return json.loads(json.dumps(value or {}, default=str))


MAIL_RETRIES = 5


@shared_task(name=queues.SEND_FEEDBACK_MAIL, bind=True, max_retries=MAIL_RETRIES)
def send_feedback_mail(self, link_id: int) -> None:
    """E-mail a referrer the link to their outcome letter; idempotent (service.delivery.links)."""
    _mail(self, "feedback link", link_id, links.send_link, links.record_send_error)


@shared_task(name=queues.SEND_ACKNOWLEDGEMENT, bind=True, max_retries=MAIL_RETRIES)
def send_acknowledgement(self, referral_id: int) -> None:
    """E-mail a referrer that their referral was received; idempotent
    (service.delivery.acknowledgements)."""
    sent, failed = acknowledgements.send, acknowledgements.record_error
    _mail(self, "acknowledgement", referral_id, sent, failed)


def _mail(task, what: str, row_id: int, send, record_error) -> None:
    """A mail server that fails for now is tried again after 1, 2, 4… minutes, then the row
    shows why. Run in the request (embedded, eager), it is not retried: the user would be kept
    waiting."""
    try:
        send(row_id)
    except mail.MailError as error:
        log.warning("%s %s: mail failed (%s)", what, row_id, type(error).__name__)
        if error.temporary and not task.request.is_eager and task.request.retries < MAIL_RETRIES:
            raise task.retry(countdown=60 * 2**task.request.retries) from None
        record_error(row_id, str(error))


@shared_task(name=queues.SWEEP_STUCK_JOBS)
def sweep_stuck_jobs() -> None:
    """The sweeper (service.jobs.sweeper), run by ``celery beat`` in production."""
    sweeper.sweep()
