"""The summary ``frontdoor import`` prints: one line per form with its pathway, how many values
were read from it, and its status or the reason it failed."""

from service.db.models import ImportJob, ImportStatus

HEADINGS = ("File", "Pathway", "Fields found", "Status")


def fields_found(value) -> int:
    """How many answers a record holds (each household member's answers counted)."""
    if isinstance(value, dict):
        return sum(fields_found(item) for item in value.values())
    if isinstance(value, list):
        return sum(fields_found(item) for item in value)
    return 0 if value in (None, "") else 1


def status_of(job: ImportJob) -> str:
    if job.status in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        return "not read yet: is a worker running?"
    if job.status == ImportStatus.PARSED:
        return "parsed: ready to review"
    return f"{job.status}: {job.error}" if job.error else str(job.status)


def is_failure(job: ImportJob) -> bool:
    """A file that did not turn into something to review; a duplicate is not a failure."""
    return job.status in (ImportStatus.FAILED, ImportStatus.QUEUED, ImportStatus.RUNNING)


def summary_table(jobs: list[ImportJob]) -> str:
    rows = [
        (
            job.filename,
            (job.record or {}).get("pathway") or "-",
            str(fields_found(job.record)) if job.record else "-",
            status_of(job),
        )
        for job in jobs
    ]
    widths = [max(len(row[i]) for row in [HEADINGS, *rows]) for i in range(len(HEADINGS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [HEADINGS, tuple("-" * width for width in widths), *rows]
    ]
    return "\n".join(lines)
