"""Legacy forms in, on the real stack: a zip uploaded to the web app (PostgreSQL, Redis broker)
is read by a real Celery worker, reviewed and confirmed into referrals in PostgreSQL."""

import io
import json
import os
import subprocess

import redis
from sqlalchemy import select

from service.db import imports, users
from service.db.models import Referral, Role
from service.extensions import db
from service.imports import pipeline
from service.jobs import queues
from tests.support.app import PASSWORD
from tests.support.browser import Browser
from tests.support.command import FRONTDOOR
from tests.support.imports import CORPUS, batch_rows, wait_for_batch, zip_of

FORMS = ["dev-01-caf-docx.docx", "dev-06-referral-docx.docx", "dev-20-flat-pdf.pdf"]


def expected(name: str) -> dict:
    return json.loads((CORPUS / name).with_suffix(".expected.json").read_text())


def test_a_zip_of_three_forms_and_a_broken_one_becomes_three_referrals_in_postgresql(
    production_app, worker
):
    users.save_user("admin@council.example", "Alex Morgan", Role.ADMIN, PASSWORD)
    browser = Browser(production_app.test_client())
    assert browser.sign_in("admin@council.example").status_code == 302
    broken = (CORPUS / "dev-20-flat-pdf.pdf").read_bytes()[:4000]
    archive = zip_of(
        {**{name: (CORPUS / name).read_bytes() for name in FORMS}, "scans/broken.pdf": broken}
    )

    response = browser.submit(
        "/imports",
        {"files": [(io.BytesIO(archive), "legacy forms.zip")]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.status_code
    batch_url = response.headers["Location"]
    rows = batch_rows(wait_for_batch(browser, batch_url, worker))

    assert rows["scans/broken.pdf"]["status"] == "failed"
    reason = rows["scans/broken.pdf"]["reason"]
    assert reason and "internal error" not in reason, reason
    assert "Try again" in rows["scans/broken.pdf"]["actions"]
    for name in FORMS:
        assert rows[name]["status"] == "parsed", (name, rows[name], worker.output()[-3000:])

    for name in FORMS:
        review = f"/imports/jobs/{rows[name]['job']}"
        page = browser.get(review)
        child = expected(name)["child"]
        assert page.select_one("input[name='child.first_name']")["value"] == child["first_name"]
        confirmed = browser.submit(review, {}, button=("confirm", "y"))
        assert confirmed.status_code == 302, browser.read(confirmed).select(".govuk-error-summary")

    db.session.remove()
    referrals = list(db.session.scalars(select(Referral).order_by(Referral.id)))
    # sent on: a CAF is open, a referral received, waiting for its decision
    assert [r.status for r in referrals] == [
        "open" if r.pathway == "early_help" else "received" for r in referrals
    ]
    assert {r.status for r in referrals} == {"open", "received"}
    assert [(r.pathway, r.child_first_name, r.child_last_name) for r in referrals] == [
        (
            expected(name)["pathway"],
            expected(name)["child"]["first_name"],
            expected(name)["child"]["last_name"],
        )
        for name in FORMS
    ]
    assert all(r.child is not None for r in referrals)

    final = batch_rows(browser.get(batch_url))
    assert [final[name]["status"] for name in FORMS] == ["confirmed"] * 3
    assert final["scans/broken.pdf"]["status"] == "failed"

    assert worker.wait_for_log("parse-import", "succeeded"), worker.output()[-3000:]
    log = worker.output()
    for name in FORMS:
        child = expected(name)["child"]
        assert child["first_name"] not in log and child["last_name"] not in log, "no personal data"


def test_the_import_task_message_carries_only_the_job_id(production_app, redis_url):
    admin = users.save_user("admin@council.example", "Alex Morgan", Role.ADMIN, PASSWORD)
    batch = imports.create_batch(admin, "one form")
    jobs = pipeline.add_file(batch, "Luke Williams CAF.docx", (CORPUS / FORMS[0]).read_bytes())
    to_read = pipeline.queued(jobs)
    db.session.commit()

    queues.enqueue_imports(to_read)  # no worker running: the message waits in Redis
    client = redis.Redis.from_url(redis_url)
    [message] = [json.loads(raw) for raw in client.lrange("imports", 0, -1)]
    client.close()
    assert message["headers"]["task"] == "parse-import"
    assert message["headers"]["argsrepr"] == f"[{to_read[0]}]"
    assert "Luke" not in json.dumps(message) and "Williams" not in json.dumps(message)


def test_the_import_command_waits_for_the_workers_to_read_every_form(
    production_app, worker, tmp_path, postgres_url, redis_url
):
    users.save_user("admin@council.example", "Alex Morgan", Role.ADMIN, PASSWORD)
    folder = tmp_path / "to import"
    folder.mkdir()
    for name in FORMS:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    env = {
        **os.environ,
        "FRONTDOOR_INSTANCE_PATH": str(tmp_path / "cli-instance"),
        "FRONTDOOR_DATABASE_URL": postgres_url,
        "FRONTDOOR_BROKER_URL": redis_url,
        "FRONTDOOR_STORAGE_DIR": str(tmp_path / "files"),
    }
    result = subprocess.run(
        [str(FRONTDOOR), "import", "--wait", "120", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr + worker.output()[-3000:]
    for name in FORMS:
        [line] = [line for line in result.stdout.splitlines() if f"/{name}" in line]
        assert expected(name)["pathway"] in line and "parsed: ready to review" in line
    db.session.remove()
    assert [job.status for job in imports.jobs_in(1)] == ["parsed"] * 3
