"""An admin's work on legacy forms: uploading a batch, confirming a reviewed form as a referral,
and reading a failed form again."""

from record import Record, dump_record
from service.actions import work
from service.db import audit, imports, referrals
from service.db.models import ImportBatch, ImportJob, Referral, User
from service.imports import pipeline
from service.jobs import queues


def upload(files: list[tuple[str, bytes]], user: User) -> ImportBatch:
    """A batch of the uploaded ``(name, content)`` files, each kept and queued to be read."""
    names = [name or "unnamed file" for name, _ in files]
    label = names[0] if len(names) == 1 else f"{len(names)} files: {', '.join(names)}"
    batch = imports.create_batch(user, label)
    jobs = []
    for name, content in files:
        jobs += pipeline.add_file(batch, name, content)
    to_read = pipeline.queued(jobs)
    work.done("upload", "import_batch", batch.id)
    queues.enqueue_imports(to_read)
    return batch


def confirm(job: ImportJob, record: Record, user: User) -> Referral:
    """The referral made from a reviewed form. A child who already has an open CAF (when this is
    one) refuses it: ``referrals.SecondOpenCaf`` is raised after the refusal is audited and the
    job's row lock released."""
    try:
        referral = referrals.submit_referral(record, user)
    except referrals.SecondOpenCaf:
        work.done("confirm", "import_job", job.id, outcome="refused")
        raise
    imports.mark_confirmed(job, dump_record(record), referral)
    audit.record_event("confirm", "import_job", job.id)
    work.done("create", "referral", referral.id)
    return referral


def read_again(job: ImportJob) -> None:
    imports.requeue(job)
    work.done("retry", "import_job", job.id)
    queues.enqueue_imports([job.id])
