"""From files to import jobs, the same for the web upload and ``frontdoor import``.

Each form's original is stored under its SHA-256 before its job row is written; a file already
held by another job is recorded as a duplicate of it and not read again. Reading is queued only
after the caller has committed the jobs, so a worker never looks for a row that is not there.
"""

import time
from collections.abc import Iterator

from service import storage
from service.db import imports
from service.db.models import ImportBatch, ImportJob, ImportStatus
from service.imports.unpack import Entry, entries_of


def add_file(batch: ImportBatch, name: str, content: bytes) -> list[ImportJob]:
    """One job per form in the file (one, or each in a zip); the caller commits."""
    return add_entries(batch, entries_of(name, content))


def add_entries(batch: ImportBatch, entries: list[Entry]) -> list[ImportJob]:
    return [_add_entry(batch, entry) for entry in entries]


def _add_entry(batch: ImportBatch, entry: Entry) -> ImportJob:
    if entry.content is None:
        return imports.add_job(batch, entry.name, status=ImportStatus.FAILED, error=entry.reason)
    sha256 = storage.store_bytes(entry.content)
    size = len(entry.content)
    earlier = imports.earlier_job_for(sha256)
    if earlier is not None:
        return imports.add_job(
            batch,
            entry.name,
            sha256=sha256,
            size=size,
            status=ImportStatus.DUPLICATE,
            error=duplicate_reason(earlier),
            duplicate_of=earlier,
        )
    return imports.add_job(batch, entry.name, sha256=sha256, size=size)


def duplicate_reason(earlier: ImportJob) -> str:
    reason = f"already uploaded as {earlier.filename} (batch {earlier.batch_id}, job {earlier.id})"
    if earlier.referral_id:
        reason += f", now referral {earlier.referral_id}"
    return reason


def queued(jobs: list[ImportJob]) -> list[int]:
    """The ids of the jobs to read; take them before committing, enqueue them after."""
    return [job.id for job in jobs if job.status == ImportStatus.QUEUED]


def wait_for(job_ids: list[int], timeout: float, poll: float = 0.5) -> Iterator[int]:
    """Yield how many of ``job_ids`` are finished, whenever that changes, until all are or
    ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    reported = -1
    while True:
        finished = len(job_ids) - imports.count_unfinished(job_ids)
        if finished != reported:
            reported = finished
            yield finished
        if finished == len(job_ids) or time.monotonic() > deadline:
            return
        time.sleep(poll)
