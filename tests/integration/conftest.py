"""Real PostgreSQL, Redis and Celery worker processes. Unreachable services skip these tests on a
developer's machine, and fail them under CI=true, where they must run."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import flask_migrate
import psycopg
import pytest
import redis
from psycopg import sql

from service.extensions import db
from tests.conftest import make_app

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
POSTGRES_URL = os.environ.get(
    "FRONTDOOR_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("FRONTDOOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason}: integration tests must run under CI=true")
    pytest.skip(reason)


@pytest.fixture
def postgres_url():
    """A new, empty database for this test, dropped afterwards."""
    name = f"frontdoor_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_URL} ({error})")
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        yield POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
        admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def redis_url():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=5)
    try:
        client.ping()
    except redis.RedisError as error:
        unavailable(f"Redis is not reachable at {REDIS_URL} ({error})")
    client.flushdb()
    yield REDIS_URL
    client.flushdb()
    client.close()


@pytest.fixture
def production_app(tmp_path, monkeypatch, postgres_url, redis_url):
    """The production configuration: PostgreSQL and a Redis broker, no eager tasks."""
    monkeypatch.setenv("FRONTDOOR_INSTANCE_PATH", str(tmp_path))
    app = make_app(tmp_path, DATABASE_URL=postgres_url, BROKER_URL=redis_url)
    with app.app_context():
        flask_migrate.upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


class Worker:
    """A real ``celery worker`` process for this test's database and broker. It reads originals
    from the storage the web app (``make_app``) writes to, as a shared volume does in production."""

    def __init__(self, tmp_path: Path, database_url: str, broker_url: str, concurrency: int = 1):
        self.log_path = tmp_path / f"worker-{uuid.uuid4().hex[:8]}.log"
        env = {
            **os.environ,
            "FRONTDOOR_DATABASE_URL": database_url,
            "FRONTDOOR_BROKER_URL": broker_url,
            "FRONTDOOR_SECRET_KEY": "test-secret-key",
            "FRONTDOOR_INSTANCE_PATH": str(tmp_path / "worker-instance"),
            "FRONTDOOR_STORAGE_DIR": str(tmp_path / "files"),
        }
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "service.worker",
                "worker",
                "--queues",
                "documents,imports,mail",  # as the Procfile runs it
                "--concurrency",
                str(concurrency),
                "--loglevel",
                "INFO",
                "--without-mingle",
                "--without-gossip",
                "--hostname",
                f"test-{uuid.uuid4().hex[:8]}@%h",
            ],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def output(self) -> str:
        return self.log_path.read_text()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    @classmethod
    def started(cls, *args, **kwargs) -> "Worker":
        """A worker that has started and is ready for tasks; the test fails if it does not."""
        worker = cls(*args, **kwargs)
        if not worker.wait_until_ready():
            worker.stop()
            pytest.fail(f"the Celery worker did not start:\n{worker.output()[-3000:]}")
        return worker

    def wait_until_ready(self, timeout: float = 60) -> bool:
        deadline = time.monotonic() + timeout
        while "ready." not in self.output():
            if self.process.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.2)
        return True


@pytest.fixture
def worker(tmp_path, production_app, postgres_url, redis_url):
    started = Worker.started(tmp_path, postgres_url, redis_url)
    yield started
    started.stop()
