"""Import batches and jobs: every read and change the views, the task and the CLI make."""

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import func, select

from service.db.models import ImportBatch, ImportJob, ImportStatus, Referral, User
from service.extensions import db

UNFINISHED = (ImportStatus.QUEUED, ImportStatus.RUNNING)
#: A file already in one of these states is not read again when uploaded again.
KEPT = (ImportStatus.QUEUED, ImportStatus.RUNNING, ImportStatus.PARSED, ImportStatus.CONFIRMED)


def create_batch(user: User, label: str) -> ImportBatch:
    batch = ImportBatch(created_by_id=user.id, label=label[:255] or "Upload")
    db.session.add(batch)
    db.session.flush()
    return batch


def add_job(
    batch: ImportBatch,
    filename: str,
    *,
    sha256: str | None = None,
    size: int | None = None,
    status: ImportStatus = ImportStatus.QUEUED,
    error: str | None = None,
    duplicate_of: ImportJob | None = None,
) -> ImportJob:
    job = ImportJob(
        batch_id=batch.id,
        filename=filename,
        sha256=sha256,
        size=size,
        status=status,
        error=error,
        duplicate_of_id=duplicate_of.id if duplicate_of else None,
        finished_at=None if status in UNFINISHED else datetime.now(UTC),
    )
    db.session.add(job)
    db.session.flush()
    return job


def earlier_job_for(sha256: str) -> ImportJob | None:
    """The first job that holds (or is reading) the same file, so it is not read twice."""
    return db.session.scalar(
        select(ImportJob)
        .where(ImportJob.sha256 == sha256, ImportJob.status.in_(KEPT))
        .order_by(ImportJob.id)
        .limit(1)
    )


def get_batch(batch_id: int) -> ImportBatch | None:
    return db.session.get(ImportBatch, batch_id)


def recent_batches(limit: int = 20) -> list[ImportBatch]:
    return list(
        db.session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit))
    )


def jobs_in(batch_id: int) -> list[ImportJob]:
    """The batch's jobs as they are now in the database (a worker may have changed them)."""
    return list(
        db.session.scalars(
            select(ImportJob)
            .where(ImportJob.batch_id == batch_id)
            .order_by(ImportJob.id)
            .execution_options(populate_existing=True)
        )
    )


def status_counts(jobs: list[ImportJob]) -> Counter:
    return Counter(job.status for job in jobs)


def count_unfinished(job_ids: list[int]) -> int:
    if not job_ids:
        return 0
    return db.session.scalar(
        select(func.count())
        .select_from(ImportJob)
        .where(ImportJob.id.in_(job_ids), ImportJob.status.in_(UNFINISHED))
    )


def get_job(job_id: int, for_update: bool = False) -> ImportJob | None:
    """The job as it is now; ``for_update`` locks its row until commit (one confirm at a time)."""
    return db.session.get(ImportJob, job_id, with_for_update=for_update, populate_existing=True)


def mark_parsed(job: ImportJob, record: dict, provenance: dict, kind: str) -> None:
    job.record = record
    job.provenance = provenance
    job.kind = kind
    job.error = None
    job.status = ImportStatus.PARSED
    job.finished_at = datetime.now(UTC)
    db.session.commit()


def mark_failed(job: ImportJob, reason: str) -> None:
    job.status = ImportStatus.FAILED
    job.error = reason
    job.finished_at = datetime.now(UTC)
    db.session.commit()


def abandon_changes() -> None:
    """Drop whatever a failed step left in the session, so the failure itself can be saved."""
    db.session.rollback()


def requeue(job: ImportJob) -> None:
    """Make a failed job ready to be read again; the caller commits, then enqueues."""
    job.status = ImportStatus.QUEUED
    job.error = None
    job.finished_at = None


def save_corrections(job: ImportJob, record: dict) -> None:
    """The record as the admin corrected it; the caller commits."""
    job.record = record


def mark_confirmed(job: ImportJob, record: dict, referral: Referral) -> None:
    """The job's record has become ``referral``; the caller commits both together."""
    job.record = record
    job.referral_id = referral.id
    job.status = ImportStatus.CONFIRMED
    job.confirmed_at = datetime.now(UTC)
