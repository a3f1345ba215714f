"""The ``parse-import`` task's body, called directly: what it stores, what it leaves alone, and
what it says (and does not say) when a file cannot be read."""

import logging

import pytest

from service import storage
from service.db import imports
from service.db.models import ImportStatus
from service.extensions import db
from service.imports import pipeline
from service.jobs.tasks import INTERNAL_ERROR, MISSING_ORIGINAL, parse_import
from tests.support.imports import CAF_DOCX


@pytest.fixture
def queued_job(admin_user):
    """A job committed and waiting for a worker (not enqueued)."""

    def make(content: bytes, name: str = "form.docx"):
        batch = imports.create_batch(admin_user, "test")
        [job] = pipeline.add_file(batch, name, content)
        db.session.commit()
        return job.id

    return make


def test_a_queued_form_is_read_into_its_record_and_provenance(queued_job):
    job_id = queued_job(CAF_DOCX.read_bytes())
    parse_import.run(job_id)
    job = imports.get_job(job_id)
    assert (job.status, job.attempts, job.kind, job.error) == ("parsed", 1, "docx", None)
    assert job.record["child"]["first_name"] == "Luke"
    assert job.provenance["child.first_name"]["text"] == "Luke"
    assert job.started_at and job.finished_at


def test_a_job_already_read_or_confirmed_is_left_alone(queued_job):
    job_id = queued_job(CAF_DOCX.read_bytes())
    parse_import.run(job_id)
    job = imports.get_job(job_id)
    job.record = {"pathway": "early_help", "child": {"first_name": "Corrected"}}
    db.session.commit()
    for status in (ImportStatus.PARSED, ImportStatus.CONFIRMED, ImportStatus.DUPLICATE):
        job.status = status
        db.session.commit()
        parse_import.run(job_id)
        job = imports.get_job(job_id)
        assert job.attempts == 1 and job.record["child"]["first_name"] == "Corrected"
    parse_import.run(9999)  # a job that is not there: nothing to do


def test_a_file_the_parser_cannot_read_fails_with_the_parsers_reason(queued_job):
    job_id = queued_job(b"%PDF-1.7\n1 0 obj << /Type /Catalog", "broken.pdf")
    parse_import.run(job_id)
    job = imports.get_job(job_id)
    assert job.status == "failed" and job.error and job.error != INTERNAL_ERROR
    assert job.record is None


def test_an_original_missing_from_storage_says_so(queued_job, app):
    job_id = queued_job(CAF_DOCX.read_bytes())
    storage.original_path(imports.get_job(job_id).sha256).unlink()
    parse_import.run(job_id)
    assert imports.get_job(job_id).error == MISSING_ORIGINAL


def test_an_unexpected_error_is_logged_by_job_id_and_type_only(queued_job, monkeypatch, caplog):
    job_id = queued_job(CAF_DOCX.read_bytes())

    def disk_fault(sha256):
        raise RuntimeError("while reading Luke Williams, 5 Hughes Crescent")

    monkeypatch.setattr(storage, "read_original", disk_fault)
    with caplog.at_level(logging.INFO, logger="service.jobs.tasks"):
        parse_import.run(job_id)
    job = imports.get_job(job_id)
    assert (job.status, job.error) == ("failed", INTERNAL_ERROR)
    assert caplog.messages == [f"import job {job_id} failed: unexpected RuntimeError"]
    assert not caplog.records[0].exc_info, "no traceback: it could quote the form"
