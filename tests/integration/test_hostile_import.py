"""Hostile files on the real stack: a real Celery worker (PostgreSQL, Redis) reads a Flate bomb
and a CPU-hungry file beside good forms. Each bomb's job fails with its reason; the worker and its
pool process live on and read the good forms, then the next upload."""

import io

import pytest

from service.db import users
from service.db.models import Role
from tests.hostile.corpus import BAD_FILES
from tests.support.app import PASSWORD
from tests.support.browser import Browser
from tests.support.imports import CAF_DOCX, FLAT_PDF, batch_rows, wait_for_batch
from tests.support.services import Worker

LOST = ("WorkerLostError", "exited with", "Traceback")  # what a pool process dying leaves


@pytest.fixture
def limited_worker(tmp_path, monkeypatch, production_app, postgres_url, redis_url):
    """A worker whose reads are held to limits that stop a bomb within a second or two."""
    monkeypatch.setenv("FRONTDOOR_PARSE_MEMORY_MB", "256")
    monkeypatch.setenv("FRONTDOOR_PARSE_CPU_SECONDS", "5")
    started = Worker.started(tmp_path, postgres_url, redis_url)
    yield started
    started.stop()


def upload(browser: Browser, files: dict[str, bytes]) -> str:
    chosen = [(io.BytesIO(content), name) for name, content in files.items()]
    response = browser.submit("/imports", {"files": chosen}, content_type="multipart/form-data")
    assert response.status_code == 302, response.status_code
    return response.headers["Location"]


def test_a_bomb_fails_its_job_and_the_worker_reads_the_good_forms_beside_it(
    production_app, limited_worker, tmp_path, robustness
):
    users.save_user("admin@council.example", "Alex Morgan", Role.ADMIN, PASSWORD)
    browser = Browser(production_app.test_client())
    assert browser.sign_in("admin@council.example").status_code == 302
    bomb = BAD_FILES["flate bomb"]
    batch = upload(
        browser, {bomb.filename: bomb.build(tmp_path), "caf.docx": CAF_DOCX.read_bytes()}
    )
    rows = batch_rows(wait_for_batch(browser, batch, limited_worker, timeout=60))
    after = batch_rows(
        wait_for_batch(
            browser, upload(browser, {"flat.pdf": FLAT_PDF.read_bytes()}), limited_worker
        )
    )

    log = limited_worker.output()
    survived = (
        limited_worker.process.poll() is None
        and not any(sign in log for sign in LOST)
        and rows["caf.docx"]["status"] == "parsed"
        and after["flat.pdf"]["status"] == "parsed"
    )
    robustness.fault("flate bomb on a real worker", survived=survived)
    robustness.bad_input(
        "flate bomb (real worker)", rejected=bomb.says in rows[bomb.filename]["reason"]
    )
    assert rows[bomb.filename]["status"] == "failed", rows
    assert bomb.says in rows[bomb.filename]["reason"], rows
    assert survived, (rows, after, log[-3000:])
