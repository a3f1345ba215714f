"""What documents and import jobs share as jobs: taking one for a worker, giving it back, and
finding the ones a lost worker or a lost message left behind. The row is the job's source of
truth, so each change here is one conditional UPDATE: of two executions racing for a row (a
message delivered twice, a sweep beside a worker) exactly one wins."""

from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select, update

from service.db.models import Document, ImportJob, JobStatus
from service.extensions import db

QUEUED, RUNNING, FAILED = JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.FAILED
Job = type[Document] | type[ImportJob]


def stuck_before() -> datetime:
    """A job queued or running since before this was abandoned (``JOB_STUCK_MINUTES``)."""
    return datetime.now(UTC) - timedelta(minutes=float(current_app.config["JOB_STUCK_MINUTES"]))


def _abandoned(model: Job, before: datetime):
    return (model.status == RUNNING) & or_(model.started_at.is_(None), model.started_at < before)


def claim(model: Job, job_id: int) -> datetime | None:
    """Take the job for this execution and count the attempt; return the claim's time (its
    token), or None when the job is finished or another live execution holds it.

    A job is taken when queued, or when running but started before ``stuck_before()``: the
    execution that had it was lost."""
    now = datetime.now(UTC)
    taken = db.session.execute(
        update(model)
        .where(model.id == job_id, (model.status == QUEUED) | _abandoned(model, stuck_before()))
        .values(status=RUNNING, attempts=model.attempts + 1, started_at=now)
    ).rowcount
    db.session.commit()
    return now if taken else None


def release(model: Job, job_id: int, claimed_at: datetime) -> bool:
    """Give a job this execution holds back to the queue (to be retried); False if it no longer
    holds it."""
    released = db.session.execute(
        update(model)
        .where(model.id == job_id, model.status == RUNNING, model.started_at == claimed_at)
        .values(status=QUEUED)
    ).rowcount
    db.session.commit()
    return bool(released)


def take_back(model: Job, job_id: int, before: datetime) -> bool:
    """Put an abandoned running job back in the queue (the sweeper re-enqueues it)."""
    taken = db.session.execute(
        update(model).where(model.id == job_id, _abandoned(model, before)).values(status=QUEUED)
    ).rowcount
    db.session.commit()
    return bool(taken)


def give_up(model: Job, job_id: int, before: datetime, reason: str) -> bool:
    """Fail an abandoned running job with ``reason``, for a person to retry."""
    finished = Document.completed_at if model is Document else ImportJob.finished_at
    failed = db.session.execute(
        update(model)
        .where(model.id == job_id, _abandoned(model, before))
        .values({model.status: FAILED, model.error: reason, finished: datetime.now(UTC)})
    ).rowcount
    db.session.commit()
    return bool(failed)


def abandoned(model: Job, before: datetime) -> list[tuple[int, int]]:
    """``(id, attempts)`` of running jobs started before ``before``."""
    query = select(model.id, model.attempts).where(_abandoned(model, before)).order_by(model.id)
    return [(job_id, attempts) for job_id, attempts in db.session.execute(query)]


def waiting(model: Job, before: datetime) -> list[int]:
    """Ids of jobs queued since before ``before``."""
    return list(
        db.session.scalars(
            select(model.id)
            .where(model.status == QUEUED, model.created_at < before)
            .order_by(model.id)
        )
    )
