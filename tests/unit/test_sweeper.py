"""Jobs that survive faults, on the embedded app (SQLite, tasks run in process): a job is taken
by one execution only, a lost one is taken back by the sweeper, and a job that keeps failing
ends failed with a reason and can be tried again."""

import os
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import exc as database
from sqlalchemy import select

from service import storage
from service.actions import producing
from service.db import documents, imports, jobs, referrals
from service.db.models import Document, ImportJob
from service.extensions import db
from service.imports import pipeline
from service.jobs import sweeper
from service.jobs.tasks import KEPT_FAILING, parse_import
from tests.support.browser import Browser
from tests.support.command import FRONTDOOR
from tests.support.imports import CAF_DOCX

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


@pytest.fixture
def queued_job(admin_user):
    """A committed import job of a real form, waiting for a worker (not enqueued)."""
    batch = imports.create_batch(admin_user, "test")
    [job] = pipeline.add_file(batch, "form.docx", CAF_DOCX.read_bytes())
    db.session.commit()
    return job.id


@pytest.fixture
def queued_document(practitioner, example_record):
    referral = referrals.submit_referral(example_record, practitioner)
    document = producing.queue(referral, "referral_letter", practitioner)
    db.session.commit()
    return document.id


def lost(model, job_id: int, attempts: int = 1, status: str = "running") -> None:
    """As a worker killed an hour ago would have left the row."""
    row = db.session.get(model, job_id)
    row.status, row.attempts, row.started_at = status, attempts, AN_HOUR_AGO
    row.created_at = AN_HOUR_AGO
    db.session.commit()


def test_of_two_claims_on_a_queued_job_only_the_first_takes_it(queued_job):
    assert jobs.claim(ImportJob, queued_job) is not None
    assert jobs.claim(ImportJob, queued_job) is None, "a second delivery of the message"
    job = imports.get_job(queued_job)
    assert (job.status, job.attempts) == ("running", 1) and job.started_at


def test_a_running_job_whose_worker_was_lost_is_taken_again_and_the_attempt_counted(queued_job):
    lost(ImportJob, queued_job)
    assert jobs.claim(ImportJob, queued_job) is not None
    assert imports.get_job(queued_job).attempts == 2


@pytest.mark.parametrize("status", ["parsed", "failed", "duplicate", "confirmed"])
def test_a_finished_job_is_not_taken(queued_job, status):
    job = imports.get_job(queued_job)
    job.status = status
    db.session.commit()
    assert jobs.claim(ImportJob, queued_job) is None
    assert imports.get_job(queued_job).attempts == 0


def test_a_message_delivered_twice_reads_the_form_once(queued_job):
    parse_import.run(queued_job)
    parse_import.run(queued_job)
    job = imports.get_job(queued_job)
    assert (job.status, job.attempts) == ("parsed", 1)


def test_a_job_another_live_worker_is_reading_is_left_to_it(queued_job):
    jobs.claim(ImportJob, queued_job)  # another worker, reading it now
    parse_import.run(queued_job)
    job = imports.get_job(queued_job)
    assert (job.status, job.attempts, job.record) == ("running", 1, None)


def database_gone(sha256):
    raise database.OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))


def test_a_transient_fault_gives_the_job_back_to_the_queue_for_the_retry(queued_job, monkeypatch):
    monkeypatch.setattr(storage, "read_original", database_gone)
    with pytest.raises(database.OperationalError):  # Celery's autoretry retries it, with backoff
        parse_import.run(queued_job)
    job = imports.get_job(queued_job)
    assert (job.status, job.attempts, job.error) == ("queued", 1, None)
    monkeypatch.undo()
    parse_import.run(queued_job)  # the retry
    job = imports.get_job(queued_job)
    assert (job.status, job.attempts) == ("parsed", 2)


def test_a_transient_fault_in_the_request_fails_the_job_with_a_reason(queued_job, monkeypatch):
    """Embedded (eager), a retry would keep the admin waiting: the job fails, to be tried again."""
    monkeypatch.setattr(storage, "read_original", database_gone)
    parse_import.apply(args=[queued_job])
    job = imports.get_job(queued_job)
    assert (job.status, job.error, job.attempts) == ("failed", KEPT_FAILING, 1)


def test_the_sweeper_reads_again_a_form_whose_worker_was_lost(queued_job):
    lost(ImportJob, queued_job)
    done = sweeper.sweep()
    assert done.requeued == [f"import job {queued_job}"] and done.failed == []
    job = imports.get_job(queued_job)
    assert (job.status, job.attempts) == ("parsed", 2)
    assert job.record["child"]["first_name"] == "Luke"


def test_the_sweeper_enqueues_again_a_job_whose_message_was_lost(queued_job):
    lost(ImportJob, queued_job, attempts=0, status="queued")
    assert sweeper.sweep().requeued == [f"import job {queued_job}"]
    assert imports.get_job(queued_job).status == "parsed"


def test_the_sweeper_leaves_recent_jobs_alone(queued_job):
    jobs.claim(ImportJob, queued_job)
    assert sweeper.sweep() == sweeper.Sweep()
    assert imports.get_job(queued_job).status == "running"


def test_a_form_that_keeps_losing_its_worker_fails_and_the_retry_button_reads_it(
    app, queued_job, admin_user
):
    lost(ImportJob, queued_job, attempts=app.config["JOB_MAX_ATTEMPTS"])
    assert sweeper.sweep().failed == [f"import job {queued_job}"]
    job = imports.get_job(queued_job)
    assert job.status == "failed" and job.finished_at
    assert job.error == sweeper.GAVE_UP.format(attempts=3)

    browser = Browser(app.test_client())
    assert browser.sign_in(admin_user.email).status_code == 302
    page = browser.get(f"/imports/batches/{job.batch_id}")
    assert "stopped 3 times before finishing" in page.select_one("#jobs").get_text().lower()
    retry = page.select_one(f"form[action='/imports/jobs/{queued_job}/retry']")
    token = retry.select_one("input[name=csrf_token]")["value"]
    response = browser.client.post(retry["action"], data={"csrf_token": token})
    assert response.status_code == 302
    job = imports.get_job(queued_job)
    assert (job.status, job.attempts) == ("parsed", 4)


def test_the_sweeper_produces_again_a_document_whose_worker_was_lost(queued_document):
    lost(Document, queued_document)
    assert sweeper.sweep().requeued == [f"document {queued_document}"]
    db.session.expire_all()
    document = documents.get_document(queued_document)
    assert (document.status, document.attempts) == ("ready", 2), document.error


def test_a_document_that_keeps_losing_its_worker_fails_with_a_reason(app, queued_document):
    lost(Document, queued_document, attempts=app.config["JOB_MAX_ATTEMPTS"])
    assert sweeper.sweep().failed == [f"document {queued_document}"]
    db.session.expire_all()
    document = documents.get_document(queued_document)
    assert document.status == "failed" and document.completed_at
    assert "stopped 3 times" in document.error


def test_each_job_is_swept_once_however_many_sweeps_run(queued_job, admin_user):
    lost(ImportJob, queued_job)
    sweeper.sweep()
    assert sweeper.sweep() == sweeper.Sweep()
    assert db.session.scalar(select(ImportJob.attempts).where(ImportJob.id == queued_job)) == 2


def test_frontdoor_sweep_reads_a_lost_form_and_says_so(app, queued_job, tmp_path):
    lost(ImportJob, queued_job)
    env = {
        **os.environ,
        "FRONTDOOR_INSTANCE_PATH": str(tmp_path),  # this test's SQLite database
        "FRONTDOOR_STORAGE_DIR": app.config["STORAGE_DIR"],
    }
    env.pop("FRONTDOOR_DATABASE_URL", None)
    env.pop("FRONTDOOR_BROKER_URL", None)
    result = subprocess.run(
        [str(FRONTDOOR), "sweep"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"queued again: import job {queued_job}", "failed: none"]
    db.session.expire_all()
    assert imports.get_job(queued_job).status == "parsed"
