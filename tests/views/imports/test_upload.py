"""Uploading legacy forms: one, several or a zip; each file a job, read at once in the embedded
setup (eager Celery); failures and duplicates reported on the batch page without holding up the
rest."""

import io

from sqlalchemy import select

from service import storage
from service.db import imports
from service.db.models import AuditEvent, ImportJob
from service.extensions import db
from service.imports.unpack import OUTSIDE_THE_ZIP, ZIP_IN_ZIP
from tests.support.imports import (
    CAF_DOCX,
    FLAT_PDF,
    REFERRAL_DOCX,
    batch_rows,
    upload,
    upload_and_open_batch,
    zip_of,
)


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_upload_page_asks_for_files_and_shows_an_error_without_one(admin):
    page = admin.get("/imports")
    assert page.select_one("h1").text == "Import legacy forms"
    assert page.select_one("input[type=file][name=files]").has_attr("multiple")
    assert page.select_one("main form")["enctype"] == "multipart/form-data"
    response = admin.submit("/imports", {}, content_type="multipart/form-data")
    assert response.status_code == 400
    error = admin.read(response).select_one(".govuk-error-summary a")
    assert error.text.strip() == "Select a form, several forms or a zip of forms"


def test_one_file_becomes_one_job_read_at_once_and_its_original_kept(admin):
    page = upload_and_open_batch(admin, {"CAF Luke W.docx": CAF_DOCX.read_bytes()})
    assert page.select_one("h1").text == "CAF Luke W.docx"
    rows = batch_rows(page)
    assert rows["CAF Luke W.docx"]["status"] == "parsed", rows
    assert rows["CAF Luke W.docx"]["actions"].startswith("Review")
    assert page.select_one("#progress [data-status=parsed]").text == "1 ready to review"
    assert page.select_one("meta[http-equiv=refresh]") is None, "nothing left to wait for"

    job = imports.get_job(rows["CAF Luke W.docx"]["job"])
    assert storage.read_original(job.sha256) == CAF_DOCX.read_bytes()
    assert job.size == CAF_DOCX.stat().st_size and job.attempts == 1
    assert job.record["pathway"] == "early_help" and job.kind == "docx"
    assert [(e.object_type, e.object_id) for e in events("upload")] == [
        ("import_batch", job.batch_id)
    ]


def test_several_files_each_become_a_job(admin):
    files = {
        "caf.docx": CAF_DOCX.read_bytes(),
        "referral.docx": REFERRAL_DOCX.read_bytes(),
        "flat.pdf": FLAT_PDF.read_bytes(),
    }
    page = upload_and_open_batch(admin, files)
    rows = batch_rows(page)
    assert {name: row["status"] for name, row in rows.items()} == dict.fromkeys(files, "parsed")
    assert page.select_one("h1").text == "3 files: caf.docx, referral.docx, flat.pdf"


def test_a_zip_becomes_one_job_per_form_leaving_out_folders_and_system_files(admin):
    archive = zip_of(
        {
            "forms/": b"",
            "forms/caf.docx": CAF_DOCX.read_bytes(),
            "forms/flat.pdf": FLAT_PDF.read_bytes(),
            "__MACOSX/forms/._caf.docx": b"\x00\x05\x16\x07 resource fork",
            "forms/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "forms/~$caf.docx": b"Word lock file",
        }
    )
    page = upload_and_open_batch(admin, {"Autumn CAFs.zip": archive})
    assert page.select_one("h1").text == "Autumn CAFs.zip"
    rows = batch_rows(page)
    assert {name: row["status"] for name, row in rows.items()} == {
        "forms/caf.docx": "parsed",
        "forms/flat.pdf": "parsed",
    }


def test_a_zip_inside_the_zip_and_names_leading_outside_it_are_reported_not_unpacked(
    admin, tmp_path
):
    inner = zip_of({"caf.docx": CAF_DOCX.read_bytes()})
    archive = zip_of(
        {
            "more forms.zip": inner,
            "../../escaped.docx": REFERRAL_DOCX.read_bytes(),
            "/etc/absolute.docx": REFERRAL_DOCX.read_bytes(),
            "good/flat.pdf": FLAT_PDF.read_bytes(),
        }
    )
    rows = batch_rows(upload_and_open_batch(admin, {"mixed.zip": archive}))
    assert rows["more forms.zip"]["status"] == "failed"
    assert rows["more forms.zip"]["reason"] == ZIP_IN_ZIP.capitalize()
    for name in ("../../escaped.docx", "/etc/absolute.docx"):
        assert rows[name]["status"] == "failed"
        assert rows[name]["reason"] == OUTSIDE_THE_ZIP.capitalize()
        assert "Try again" not in rows[name]["actions"], "nothing was kept to read again"
    assert rows["good/flat.pdf"]["status"] == "parsed", "the good file is not held up"
    assert not [p for p in tmp_path.parent.rglob("escaped.docx")], "never written under its name"


def test_a_broken_file_fails_with_its_reason_and_the_others_still_import(admin):
    truncated = FLAT_PDF.read_bytes()[:3000]
    page = upload_and_open_batch(
        admin,
        {"broken.pdf": truncated, "caf.docx": CAF_DOCX.read_bytes(), "notes.txt": b"hello"},
    )
    rows = batch_rows(page)
    assert rows["caf.docx"]["status"] == "parsed"
    for name in ("broken.pdf", "notes.txt"):
        assert rows[name]["status"] == "failed"
        assert rows[name]["reason"] and "internal error" not in rows[name]["reason"], rows[name]
        assert "Try again" in rows[name]["actions"]
    assert page.select_one("#progress [data-status=failed]").text == "2 failed"


def test_the_same_file_uploaded_again_is_recognised_and_not_read_again(admin):
    first = batch_rows(upload_and_open_batch(admin, {"caf.docx": CAF_DOCX.read_bytes()}))
    page = upload_and_open_batch(admin, {"caf copy.docx": CAF_DOCX.read_bytes()})
    row = batch_rows(page)["caf copy.docx"]
    assert row["status"] == "duplicate"
    earlier = first["caf.docx"]["job"]
    assert row["reason"].startswith(f"Already uploaded as caf.docx (batch 1, job {earlier})")
    assert page.select_one(f"#jobs a[href='/imports/jobs/{earlier}']").text == "the earlier upload"
    duplicate = imports.get_job(row["job"])
    assert duplicate.attempts == 0 and duplicate.record is None and duplicate.duplicate_of_id


def test_a_file_whose_earlier_upload_failed_is_read_again(admin):
    first = batch_rows(upload_and_open_batch(admin, {"empty.pdf": b""}))
    assert first["empty.pdf"]["status"] == "failed"
    again = batch_rows(upload_and_open_batch(admin, {"empty.pdf": b""}))
    assert again["empty.pdf"]["status"] == "failed" and again["empty.pdf"]["job"] != 1
    assert again["empty.pdf"]["reason"] == "The file is empty"


def test_try_again_reads_a_failed_file_afresh(admin):
    rows = batch_rows(upload_and_open_batch(admin, {"caf.docx": CAF_DOCX.read_bytes()}))
    job = imports.get_job(rows["caf.docx"]["job"])
    imports.mark_failed(job, "could not be read (internal error)")  # as a lost worker leaves it
    page = admin.get(f"/imports/batches/{job.batch_id}")
    retry = page.select_one(f"tr[data-job='{job.id}'] form")
    assert retry["action"] == f"/imports/jobs/{job.id}/retry"
    token = retry.select_one("input[name=csrf_token]")["value"]
    response = admin.client.post(retry["action"], data={"csrf_token": token})
    assert response.status_code == 302
    assert batch_rows(admin.get(response.headers["Location"]))["caf.docx"]["status"] == "parsed"
    job = imports.get_job(job.id)
    assert job.attempts == 2 and job.error is None
    assert [(e.object_type, e.object_id) for e in events("retry")] == [("import_job", job.id)]


def test_try_again_on_a_file_that_still_cannot_be_read_keeps_its_reason(admin):
    rows = batch_rows(upload_and_open_batch(admin, {"empty.docx": b""}))
    job_id = rows["empty.docx"]["job"]
    token = admin.get(f"/imports/jobs/{job_id}").select_one("input[name=csrf_token]")["value"]
    admin.client.post(f"/imports/jobs/{job_id}/retry", data={"csrf_token": token})
    job = imports.get_job(job_id)
    assert (job.status, job.error, job.attempts) == ("failed", "the file is empty", 2)


def test_only_a_failed_job_can_be_tried_again(admin):
    rows = batch_rows(upload_and_open_batch(admin, {"caf.docx": CAF_DOCX.read_bytes()}))
    token = admin.get("/imports").select_one("input[name=csrf_token]")["value"]
    response = admin.client.post(
        f"/imports/jobs/{rows['caf.docx']['job']}/retry", data={"csrf_token": token}
    )
    assert response.status_code == 409


def test_a_batch_still_being_read_refreshes_itself_without_script(admin, admin_user):
    from service.imports import pipeline

    batch = imports.create_batch(admin_user, "waiting")
    pipeline.add_file(batch, "caf.docx", CAF_DOCX.read_bytes())  # queued, not yet enqueued
    db.session.commit()
    page = admin.get(f"/imports/batches/{batch.id}")
    assert page.select_one("meta[http-equiv=refresh]")["content"] == "3"
    assert page.select_one("#progress [data-status=queued]").text == "1 waiting to be read"
    inline = [script for script in page.select("script") if not script.get("src")]
    assert all(script.get("nonce") for script in inline), "no script the CSP would refuse"
    job_page = admin.get(f"/imports/jobs/{batch.jobs[0].id}")
    assert job_page.select_one("meta[http-equiv=refresh]") is not None


def test_the_original_can_be_downloaded_and_the_download_is_recorded(admin):
    rows = batch_rows(upload_and_open_batch(admin, {"flat.pdf": FLAT_PDF.read_bytes()}))
    job_id = rows["flat.pdf"]["job"]
    link = admin.get(f"/imports/jobs/{job_id}").select_one("#download-original")
    with admin.client.get(link["href"]) as response:
        assert response.status_code == 200
        assert response.data == FLAT_PDF.read_bytes()
        assert response.mimetype == "application/pdf"
        assert response.headers["Content-Disposition"] == "attachment; filename=flat.pdf"
    assert [(e.object_type, e.object_id) for e in events("download")] == [("import_job", job_id)]


def test_viewing_a_job_is_recorded(admin):
    rows = batch_rows(upload_and_open_batch(admin, {"flat.pdf": FLAT_PDF.read_bytes()}))
    admin.get(f"/imports/jobs/{rows['flat.pdf']['job']}")
    assert [(e.object_type, e.object_id) for e in events("view")] == [
        ("import_job", rows["flat.pdf"]["job"])
    ]


def test_a_practitioner_or_manager_cannot_import(browser, practitioner, admin_user):
    assert browser.sign_in(practitioner.email).status_code == 302
    token = browser.get("/").select_one("input[name=csrf_token]")["value"]
    for method, url in [
        ("GET", "/imports"),
        ("POST", "/imports"),
        ("GET", "/imports/batches/1"),
        ("GET", "/imports/jobs/1"),
        ("POST", "/imports/jobs/1"),
        ("POST", "/imports/jobs/1/retry"),
        ("GET", "/imports/jobs/1/original"),
    ]:
        response = browser.client.open(url, method=method, data={"csrf_token": token})
        assert response.status_code == 403, (method, url)
    assert db.session.scalar(select(ImportJob)) is None


def test_every_post_needs_the_csrf_token(admin):
    response = admin.client.post(
        "/imports",
        data={"files": [(io.BytesIO(CAF_DOCX.read_bytes()), "caf.docx")]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert db.session.scalar(select(ImportJob)) is None
    rows = batch_rows(upload_and_open_batch(admin, {"empty.pdf": b""}))
    job_id = rows["empty.pdf"]["job"]
    assert admin.client.post(f"/imports/jobs/{job_id}/retry").status_code == 400
    assert admin.client.post(f"/imports/jobs/{job_id}", data={"confirm": "y"}).status_code == 400


def test_admins_find_imports_in_the_navigation(admin):
    links = [a.text.strip() for a in admin.get("/").select(".govuk-service-navigation__link")]
    assert "Import forms" in links and "Make a referral" not in links


def test_too_large_an_upload_is_refused_with_a_message(app, admin):
    # Kept under the test client's 500 KB threshold for spooling a body to a temporary file,
    # which a refused request would leave open.
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024 // 8
    response = upload(admin, {"big.pdf": b"%PDF-1.4 " + b"0" * (300 * 1024)})
    assert response.status_code == 413
    page = admin.read(response)
    assert page.select_one(".govuk-error-summary a").text.strip() == (
        "The files are too large together: upload less than 0.125 MB at a time"
    )


def test_too_large_an_upload_from_a_stranger_shows_nothing_of_the_uploads(app, browser):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = browser.client.post(
        "/imports",
        data={"files": [(io.BytesIO(b"%PDF-1.4 " + b"0" * 4096), "big.pdf")]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert b"Recent uploads" not in response.data and b"csrf_token" not in response.data
