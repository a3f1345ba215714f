"""Import throughput for ``make bench``: 200 legacy forms read by real Celery workers on Redis and
PostgreSQL, once with one worker process and once with two, in the same run.

Each form is a copy of a corpus file changed by a few bytes, so that no two share a SHA-256 and
none is set aside as a duplicate. Workers are started (and ready) before the clock starts; the
clock stops when the database shows every job finished. One and two processes take turns,
``ROUNDS`` times each, and the median of each is printed, so that load from elsewhere on the
machine falls on both alike.
"""

import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import flask_migrate
import redis

from service.db import imports, users
from service.db.models import ImportStatus, Role
from service.extensions import db
from service.imports import pipeline
from service.jobs import queues
from tests.support.app import SHARED, make_app
from tests.support.services import REDIS_URL, Worker, scratch_database, services_unreachable

FORMS = 200
ROUNDS = int(os.environ.get("FRONTDOOR_BENCH_ROUNDS", "3"))
CORPUS = SHARED / "corpus" / "dev"


def unique_copy(content: bytes, label: str) -> bytes:
    """The same form with different bytes: a PDF comment after %%EOF, or a .docx zip comment."""
    if content.startswith(b"%PDF"):
        return content + f"\n% {label}\n".encode()
    buffer = io.BytesIO(content)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = label.encode()
    return buffer.getvalue()


def sample_forms(run: str) -> list[tuple[str, bytes]]:
    """``FORMS`` copies of the corpus forms in turn, each named and changed for ``run``."""
    originals = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".docx"))
    copies = []
    for number in range(FORMS):
        path = originals[number % len(originals)]
        label = f"bench {run} copy {number}"
        copies.append((f"{run}-{number}-{path.name}", unique_copy(path.read_bytes(), label)))
    return copies


def docs_per_second(tmp: Path, database_url: str, admin, concurrency: int, run: str) -> float:
    worker = Worker(tmp, database_url, REDIS_URL, concurrency=concurrency)
    try:
        if not worker.wait_until_ready():
            raise RuntimeError(f"the worker did not start:\n{worker.output()[-2000:]}")
        batch = imports.create_batch(admin, f"bench {run}, {concurrency} worker processes")
        jobs = []
        for name, content in sample_forms(run):
            jobs += pipeline.add_file(batch, name, content)
        job_ids = pipeline.queued(jobs)
        db.session.commit()
        assert len(job_ids) == FORMS, "every copy is a new file"
        started = time.perf_counter()
        queues.enqueue_imports(job_ids)
        for _ in pipeline.wait_for(job_ids, timeout=900, poll=0.05):
            pass
        elapsed = time.perf_counter() - started
    finally:
        worker.stop()
    failed = [job for job in imports.jobs_in(batch.id) if job.status != ImportStatus.PARSED]
    if failed:
        print(f"warning: {len(failed)} of {FORMS} forms not parsed", file=sys.stderr)
    return FORMS / elapsed


def main() -> None:
    problem = services_unreachable()
    if problem:
        print(f"import_docs_per_second: skipped ({problem})", file=sys.stderr)
        return
    broker = redis.Redis.from_url(REDIS_URL)
    broker.flushdb()
    try:
        with scratch_database() as database_url, tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            os.environ["FRONTDOOR_INSTANCE_PATH"] = str(tmp)
            app = make_app(tmp, DATABASE_URL=database_url, BROKER_URL=REDIS_URL)
            with app.app_context():
                flask_migrate.upgrade()
                admin = users.save_user("bench@council.example", "Bench", Role.ADMIN, "pw-bench-1")
                rates: dict[int, list[float]] = {1: [], 2: []}
                for round_number in range(ROUNDS):
                    for processes in (1, 2):
                        run = f"r{round_number}p{processes}"
                        rates[processes].append(
                            docs_per_second(tmp, database_url, admin, processes, run)
                        )
                figures = {n: statistics.median(found) for n, found in rates.items()}
                db.session.remove()
                db.engine.dispose()
    finally:
        broker.flushdb()
        broker.close()
    print(f"import_docs_per_second_1_worker: {figures[1]:.1f}")
    print(f"import_docs_per_second_2_workers: {figures[2]:.1f}")


if __name__ == "__main__":
    main()
