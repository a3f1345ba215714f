"""Faults injected into the real stack (PostgreSQL, Redis, Celery worker processes): a worker
killed mid-parse, its database sessions ended mid-parse, a broker restarted empty, a database cut
off during an upload. The database row is every job's source of truth, so each job still ends
done exactly once, or the person is told plainly that nothing was saved. Each test runs its own
redis-server: workers of other tests on the shared one would take its messages."""

import io
import time

import flask_migrate
import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from service.db import imports, users
from service.db.models import ImportBatch, ImportJob, Referral, Role
from service.extensions import db
from service.imports import pipeline
from service.jobs import queues, sweeper
from tests.integration.fault_injection import RedisServer, TcpProxy, drop_connections_to, kill_tree
from tests.support.app import PASSWORD, make_app
from tests.support.browser import Browser
from tests.support.imports import CORPUS
from tests.support.services import Worker

FLAT_PDF = CORPUS / "dev-19-flat-pdf.pdf"
FORMS = ["dev-01-caf-docx.docx", "dev-06-referral-docx.docx", "dev-20-flat-pdf.pdf"]


def long_bundle() -> bytes:
    """A real form followed by copies of itself, 196 pages (the parsers read up to 200): a valid
    file that takes a worker a few seconds to read, long enough to kill it in the middle."""
    form = PdfReader(FLAT_PDF)
    bundle = PdfWriter()
    for _ in range(196 // len(form.pages)):
        for page in form.pages:
            bundle.add_page(page)
    out = io.BytesIO()
    bundle.write(out)
    return out.getvalue()


def job_rows(batch_id: int) -> list[ImportJob]:
    db.session.remove()  # what the workers committed, not what this session remembers
    return imports.jobs_in(batch_id)


def wait_for(batch_id: int, done, timeout: float, poll: float = 0.02) -> list[ImportJob]:
    deadline = time.monotonic() + timeout
    while True:
        rows = job_rows(batch_id)
        if done(rows) or time.monotonic() > deadline:
            return rows
        time.sleep(poll)


def new_batch(files: dict[str, bytes]) -> tuple[int, list[int]]:
    admin = users.first_admin() or users.save_user(
        "admin@council.example", "Alex Morgan", Role.ADMIN, PASSWORD
    )
    batch = imports.create_batch(admin, "faults")
    jobs = [
        job for name, content in files.items() for job in pipeline.add_file(batch, name, content)
    ]
    to_read = pipeline.queued(jobs)
    db.session.commit()
    return batch.id, to_read


def test_a_database_connection_dropped_mid_parse_is_retried_and_the_form_read_once(
    app_on_own_broker, postgres_url, start_worker, robustness
):
    batch_id, to_read = new_batch({"bundle.pdf": long_bundle()})
    worker = start_worker()
    queues.enqueue_imports(to_read)
    [job] = wait_for(batch_id, lambda rows: rows[0].status != "queued", timeout=20)
    assert job.status == "running", (job.status, worker.output()[-3000:])
    db.session.remove()  # this test's own connection goes back to the pool, to be replaced
    dropped = drop_connections_to(make_url(postgres_url).database)
    [job] = wait_for(batch_id, lambda rows: rows[0].status not in ("queued", "running"), 30)
    robustness.fault(
        "PostgreSQL connections dropped mid-parse",
        survived=dropped > 0 and (job.status, job.attempts) == ("parsed", 2),
    )

    assert dropped > 0
    assert (job.status, job.attempts, job.error) == ("parsed", 2, None), worker.output()[-3000:]
    log = worker.output()
    assert f"import_jobs {job.id}: OperationalError (try 1)" in log
    assert "retry: Retry in" in log, "Celery's autoretry, with backoff"


@pytest.fixture
def broker(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def start_worker(tmp_path, postgres_url, broker):
    """Start a real worker on this test's database and broker; every one is stopped after."""
    workers = []

    def start() -> Worker:
        worker = Worker.started(tmp_path, postgres_url, broker.url)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()  # nothing to do for one already killed


@pytest.fixture
def app_on_own_broker(tmp_path, monkeypatch, postgres_url, broker):
    monkeypatch.setenv("FRONTDOOR_INSTANCE_PATH", str(tmp_path))
    app = make_app(tmp_path, DATABASE_URL=postgres_url, BROKER_URL=broker.url)
    with app.app_context():
        flask_migrate.upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_a_worker_killed_mid_parse_leaves_the_form_to_be_read_once_after_a_sweep(
    app_on_own_broker, start_worker, robustness
):
    batch_id, to_read = new_batch({"bundle.pdf": long_bundle()})
    first = start_worker()
    queues.enqueue_imports(to_read)
    [job] = wait_for(batch_id, lambda rows: rows[0].status != "queued", timeout=20)
    assert job.status == "running", (job.status, first.output()[-3000:])
    killed = kill_tree(first)
    [job] = job_rows(batch_id)
    mid_parse = job.status == "running" and job.record is None
    untouched_while_alive = sweeper.sweep() == sweeper.Sweep()  # it may be a live worker's

    app_on_own_broker.config["JOB_STUCK_MINUTES"] = 0  # the worker is known dead: skip the wait
    second = start_worker()
    swept = sweeper.sweep()
    [job] = wait_for(batch_id, lambda rows: rows[0].status not in ("queued", "running"), 30)
    db.session.remove()
    referrals = db.session.scalar(select(func.count()).select_from(Referral))
    robustness.fault(
        "worker SIGKILLed mid-parse",
        survived=mid_parse
        and swept.requeued == [f"import job {job.id}"]
        and (job.status, job.attempts, referrals) == ("parsed", 2, 0),
    )

    assert killed >= 2, "the worker and its pool process (and the parser's fork) were killed"
    assert mid_parse, "killed while reading, before anything was stored"
    assert untouched_while_alive, "a job running for less than JOB_STUCK_MINUTES is left alone"
    assert swept.requeued == [f"import job {job.id}"]
    assert (job.status, job.attempts, job.error) == ("parsed", 2, None), second.output()[-3000:]
    assert job.record["child"]["first_name"] == "Paweł"
    assert referrals == 0, "nothing becomes a referral before an admin confirms it"
    assert second.wait_for_log("succeeded") and second.output().count("succeeded") == 1


def test_jobs_queued_when_redis_restarts_empty_are_read_after_beats_sweep(
    app_on_own_broker, broker, start_worker, monkeypatch, robustness
):
    batch_id, to_read = new_batch({name: (CORPUS / name).read_bytes() for name in FORMS})
    queues.enqueue_imports(to_read)  # no worker running: the messages wait in Redis
    queued_before = broker.waiting("imports")
    app_on_own_broker.config["JOB_STUCK_MINUTES"] = 0
    while_held = sweeper.sweep()  # their messages are still there: left to them
    broker.stop()
    broker.start()
    lost = broker.waiting("imports") == 0

    monkeypatch.setenv("FRONTDOOR_JOB_STUCK_MINUTES", "0")  # Redis restarted: skip the wait
    worker = start_worker()
    beat = app_on_own_broker.extensions["celery"].conf.beat_schedule["sweep-stuck-jobs"]
    app_on_own_broker.extensions["celery"].send_task(beat["task"], **beat["options"])
    rows = wait_for(batch_id, lambda rows: all(r.status == "parsed" for r in rows), 30, 0.2)
    robustness.fault(
        "Redis restarted with jobs queued",
        survived=[(r.status, r.attempts) for r in rows] == [("parsed", 1)] * 3,
    )

    assert while_held == sweeper.Sweep(left=["imports"]), "no duplicates while Redis holds them"
    assert (queued_before, lost) == (3, True), "the restart lost the three messages"
    assert [(r.status, r.attempts) for r in rows] == [("parsed", 1)] * 3, worker.output()[-3000:]
    for job_id in to_read:
        assert f"import job {job_id} enqueued again" in worker.output(), "by the sweep, by id"


@pytest.mark.allows_server_errors
def test_an_upload_while_postgresql_is_unreachable_is_refused_with_a_503_and_nothing_queued(
    app_on_own_broker, broker, postgres_url, tmp_path, robustness
):
    users.save_user("admin@council.example", "Alex Morgan", Role.ADMIN, PASSWORD)
    url = make_url(postgres_url)
    proxy = TcpProxy((url.host, url.port or 5432))
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
    app = make_app(tmp_path, DATABASE_URL=through_proxy, BROKER_URL=broker.url)
    browser = Browser(app.test_client())

    def upload(form: dict):
        form_file = [(io.BytesIO((CORPUS / FORMS[0]).read_bytes()), "a.docx")]
        return browser.client.post(
            "/imports", data={**form, "files": form_file}, content_type="multipart/form-data"
        )

    def saved() -> list[int]:
        db.session.remove()
        return [
            db.session.scalar(select(func.count()).select_from(t)) for t in (ImportBatch, ImportJob)
        ]

    try:
        assert browser.sign_in("admin@council.example").status_code == 302
        upload_form = browser.form_values(browser.get("/imports").select_one("main form"))
        proxy.cut()  # the admin has the upload page open; then the database goes
        response = upload(upload_form)
        page = Browser.read(response)
        text = " ".join(page.select_one("main").get_text().split())
        on_broker, saved_while_down = broker.waiting("imports"), saved()
        proxy.restore()  # the database is back: the same upload goes through
        again = upload(upload_form)
        on_broker_after, saved_after = broker.waiting("imports"), saved()
    finally:
        proxy.cut()
        with app.app_context():
            db.engine.dispose()
    robustness.fault(
        "PostgreSQL unreachable during an upload",
        survived=response.status_code == 503
        and on_broker == 0
        and saved_while_down == [0, 0]
        and again.status_code == 302
        and saved_after == [1, 1],
    )

    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert "Front Door cannot reach its database" in text
    assert "Nothing was saved" in text and "Try again in a few minutes" in text
    assert "Signed in as" not in page.get_text(), "the page asks nothing of the database"
    assert on_broker == 0, "nothing was queued"
    assert saved_while_down == [0, 0], "no batch and no job was written"
    assert again.status_code == 302, "once PostgreSQL is back, Front Door carries on"
    assert saved_after == [1, 1] and on_broker_after == 1
