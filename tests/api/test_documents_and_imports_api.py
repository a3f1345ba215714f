"""Documents and legacy-form imports through the JSON API: a ready letter downloaded (and the
download audited), another user's document not found; an admin's upload read by the workers
into a record, a file that is not a form failed with its reason, and the originals kept."""

import io

import pytest
from sqlalchemy import select

from service.db.models import AuditEvent, ImportJob
from service.extensions import db
from tests.support.api import api_as
from tests.support.imports import CAF_DOCX
from tests.support.records import DECISION, submitted

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def letter(app, practitioner, manager, example_record_data) -> dict:
    """The outcome letter of a decided referral, as the API lists it."""
    referral = submitted(example_record_data, practitioner)
    decision = {key: value for key, value in DECISION.items() if key != "referrer_email"}
    decided = api_as(app, manager).post(f"/api/v1/referrals/{referral.id}/decision", json=decision)
    assert decided.status_code == 201
    listed = api_as(app, practitioner).get(f"/api/v1/referrals/{referral.id}/documents")
    [letter] = listed.get_json()["documents"]
    return letter


def test_the_referrer_downloads_the_ready_letter_and_the_download_is_audited(
    app, practitioner, letter
):
    api = api_as(app, practitioner)
    read = api.get(f"/api/v1/documents/{letter['id']}")
    assert read.status_code == 200 and read.get_json()["status"] == "ready"
    download = api.get(f"/api/v1/documents/{letter['id']}/docx")
    assert download.status_code == 200 and download.mimetype == DOCX
    assert download.data[:2] == b"PK"  # a Word document (a zip)
    downloads = db.session.scalars(
        select(AuditEvent).where(
            AuditEvent.action == "download", AuditEvent.object_id == letter["id"]
        )
    ).all()
    assert [(event.user_id, event.object_type) for event in downloads] == [
        (practitioner.id, "document")
    ]


def test_a_pdf_that_was_not_asked_for_is_not_found(app, practitioner, manager, example_record_data):
    referral = submitted(example_record_data, practitioner)
    decision = {**DECISION, "wants_pdf": False}
    decision.pop("referrer_email")
    manager_api = api_as(app, manager)
    assert (
        manager_api.post(f"/api/v1/referrals/{referral.id}/decision", json=decision).status_code
        == 201
    )
    [letter] = manager_api.get(f"/api/v1/referrals/{referral.id}/documents").get_json()["documents"]
    missing = manager_api.get(f"/api/v1/documents/{letter['id']}/pdf")
    assert missing.status_code == 404 and "No PDF" in missing.get_json()["message"]


def test_another_users_document_is_not_found_and_the_attempt_audited(
    app, other_practitioner, letter
):
    other = api_as(app, other_practitioner)
    for path in (f"/api/v1/documents/{letter['id']}", f"/api/v1/documents/{letter['id']}/docx"):
        response = other.get(path)
        assert response.status_code == 404 and response.get_json()["code"] == "not_found"
    refused = db.session.scalars(
        select(AuditEvent).where(
            AuditEvent.outcome == "refused", AuditEvent.object_type == "document"
        )
    ).all()
    assert [(e.user_id, e.action) for e in refused] == [
        (other_practitioner.id, "view"),
        (other_practitioner.id, "download"),
    ]


def test_an_admin_uploads_forms_and_reads_each_files_job(app, admin_user):
    api = api_as(app, admin_user)
    response = api.post(
        "/api/v1/imports",
        data={
            "files": [
                (io.BytesIO(CAF_DOCX.read_bytes()), CAF_DOCX.name),
                (io.BytesIO(b"Shopping: milk, eggs"), "list.txt"),
            ]
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.get_json()
    batch = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/imports/{batch['id']}")
    form, shopping = batch["jobs"]  # embedded, the workers read them before the answer
    assert (form["filename"], form["status"]) == (CAF_DOCX.name, "parsed")
    assert form["record"]["child"]["first_name"] == "Luke"
    assert shopping["status"] == "failed" and shopping["error"]

    job = api.get(f"/api/v1/imports/jobs/{form['id']}").get_json()
    assert job["record"] == form["record"] and job["kind"] == "docx"
    assert api.get(f"/api/v1/imports/{batch['id']}").get_json() == batch
    kept = db.session.get(ImportJob, form["id"])
    assert kept.sha256 and kept.size == len(CAF_DOCX.read_bytes())  # the original is kept


def test_an_upload_without_files_is_refused(app, admin_user):
    api = api_as(app, admin_user)
    response = api.post("/api/v1/imports", data={}, content_type="multipart/form-data")
    assert response.status_code == 422 and response.get_json()["code"] == "invalid"
    as_json = api.post("/api/v1/imports", json={"files": ["not a file"]})
    assert as_json.status_code == 422


def test_only_admins_import(app, practitioner):
    api = api_as(app, practitioner)
    upload = api.post(
        "/api/v1/imports",
        data={"files": [(io.BytesIO(CAF_DOCX.read_bytes()), CAF_DOCX.name)]},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 403
    assert api.get("/api/v1/imports/1").status_code == 403
    assert db.session.scalar(select(ImportJob.id)) is None


def test_a_batch_or_job_that_is_not_there_is_not_found(app, admin_user):
    api = api_as(app, admin_user)
    for path in ("/api/v1/imports/999", "/api/v1/imports/jobs/999"):
        response = api.get(path)
        assert response.status_code == 404 and response.get_json()["code"] == "not_found"
