"""The job queues and the tasks Front Door puts on them, named once, and the way a row's job is
queued: by the task's name, after the row is committed.

Code that queues work (the views, the import pipeline, the sweeper, the referrers' mail) imports
this module, never the tasks, so that the tasks can import that code in turn without a cycle."""

from collections.abc import Callable

from celery import current_app as celery
from kombu.exceptions import OperationalError

from service.db import documents, imports
from service.delivery import acknowledgements, links

# The queues (the Procfile's worker listens on all three) and the tasks on them.
DOCUMENTS_QUEUE = "documents"
IMPORTS_QUEUE = "imports"
MAIL_QUEUE = "mail"
RENDER_DOCUMENT = "render-document"
PARSE_IMPORT = "parse-import"
SEND_FEEDBACK_MAIL = "send-feedback-mail"
SEND_ACKNOWLEDGEMENT = "send-acknowledgement"
SWEEP_STUCK_JOBS = "sweep-stuck-jobs"
UNREACHABLE = "the job queue could not be reached: try again"


def enqueue(task: str, row_id: int, queue: str, when_unreachable: Callable[[int], None]) -> None:
    """Queue the task named ``task`` for the row ``row_id``, after that row is committed. A broker
    that cannot be reached calls ``when_unreachable(row_id)``, so the job fails visibly instead
    of waiting for ever. Embedded (eager), the task runs here and now."""
    try:
        celery.tasks[task].apply_async(args=[row_id], queue=queue)
    except OperationalError:
        when_unreachable(row_id)


def enqueue_document(document_id: int) -> None:
    enqueue(RENDER_DOCUMENT, document_id, DOCUMENTS_QUEUE, _document_not_queued)


def _document_not_queued(document_id: int) -> None:
    documents.mark_failed(
        documents.get_document(document_id), "The job queue could not be reached; try again."
    )


def enqueue_import(job_id: int) -> None:
    enqueue(PARSE_IMPORT, job_id, IMPORTS_QUEUE, _import_not_queued)


def _import_not_queued(job_id: int) -> None:
    imports.mark_failed(imports.get_job(job_id), UNREACHABLE)


def enqueue_imports(job_ids: list[int]) -> None:
    """Queue each committed job for a worker (in the embedded setup, read each one now)."""
    for job_id in job_ids:
        enqueue_import(job_id)


def enqueue_feedback_mail(link_id: int) -> None:
    """Queue the e-mail after the link is committed; an unreachable queue shows on the link."""
    enqueue(
        SEND_FEEDBACK_MAIL,
        link_id,
        MAIL_QUEUE,
        lambda unsent: links.record_send_error(unsent, links.QUEUE_UNREACHABLE),
    )


def enqueue_acknowledgement(referral_id: int) -> None:
    """Queue the referrer's acknowledgement after the submitted referral is committed."""
    enqueue(
        SEND_ACKNOWLEDGEMENT,
        referral_id,
        MAIL_QUEUE,
        lambda unsent: acknowledgements.record_error(unsent, links.QUEUE_UNREACHABLE),
    )
