"""The sweeper: takes back the jobs a lost worker or a lost message left behind.

The database row is each job's source of truth, so nothing needs the broker to remember it. A job
still running ``JOB_STUCK_MINUTES`` after it started lost its worker (killed mid-task): it goes
back in the queue, or is failed with a reason once it has been started ``JOB_MAX_ATTEMPTS`` times,
for a person to retry. A job queued that long lost its message (a broker restarted empty) when
the broker holds nothing for its queue: it is enqueued again, by id. Tasks are idempotent, so a
message that was not lost after all is harmless. Run every five minutes by ``celery beat`` in
production, and by ``frontdoor sweep`` anywhere.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import current_app
from kombu.exceptions import OperationalError as BrokerUnreachable

from service.db import jobs
from service.db.models import Document, ImportJob
from service.jobs.queues import DOCUMENTS_QUEUE, IMPORTS_QUEUE, enqueue_document, enqueue_import

log = logging.getLogger(__name__)

GAVE_UP = (
    "stopped {attempts} times before finishing (the worker doing it was lost each time): "
    "try again, and tell support if it happens again"
)


@dataclass(frozen=True)
class Kind:
    name: str
    model: jobs.Job
    queue: str
    enqueue: Callable[[int], None]


KINDS = (
    Kind("document", Document, DOCUMENTS_QUEUE, enqueue_document),
    Kind("import job", ImportJob, IMPORTS_QUEUE, enqueue_import),
)


@dataclass
class Sweep:
    """What one sweep did, as ``"import job 7"``-style names."""

    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    #: queues whose waiting jobs were left alone: the broker still holds messages for them, or
    #: could not be reached
    left: list[str] = field(default_factory=list)


def sweep() -> Sweep:
    before = jobs.stuck_before()
    limit = int(current_app.config["JOB_MAX_ATTEMPTS"])
    done = Sweep()
    for kind in KINDS:
        for job_id, attempts in jobs.abandoned(kind.model, before):
            if attempts >= limit:
                if jobs.give_up(kind.model, job_id, before, GAVE_UP.format(attempts=attempts)):
                    log.warning("%s %s failed: lost %s times", kind.name, job_id, attempts)
                    done.failed.append(f"{kind.name} {job_id}")
            else:
                jobs.take_back(kind.model, job_id, before)
        lost = jobs.waiting(kind.model, before)
        if not lost:
            continue
        held = messages_waiting(kind.queue)
        if held != 0:
            log.info("%s %s(s) left to queue %s (holds %s)", len(lost), kind.name, kind.queue, held)
            done.left.append(kind.queue)
            continue
        for job_id in lost:
            kind.enqueue(job_id)
            log.info("%s %s enqueued again", kind.name, job_id)
            done.requeued.append(f"{kind.name} {job_id}")
    return done


def messages_waiting(queue: str) -> int | None:
    """How many messages the broker holds for ``queue``; None when it cannot be reached. Jobs
    queued past the timeout are taken to be waiting their turn while their queue still holds
    messages; once it holds none, their messages were lost. Embedded (eager), there is no queue."""
    celery = current_app.extensions["celery"]
    if celery.conf.task_always_eager:
        return 0
    try:
        with celery.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1)
            return connection.default_channel.queue_declare(queue=queue).message_count
    except (BrokerUnreachable, OSError) as error:
        log.warning("the broker could not be reached (%s)", type(error).__name__)
        return None
