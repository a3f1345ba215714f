"""The real services the integration tests use (PostgreSQL, Redis, a Celery worker process),
and what a test does when one is missing: skip on a developer's machine, fail under CI=true."""

import contextlib
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import redis
from psycopg import sql

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
POSTGRES_URL = os.environ.get(
    "FRONTDOOR_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("FRONTDOOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def services_unreachable() -> str | None:
    """Why a benchmark cannot reach PostgreSQL or Redis, or None."""
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=5).close()
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=5).ping()
    except (psycopg.OperationalError, redis.RedisError) as error:
        return f"PostgreSQL ({POSTGRES_URL}) or Redis ({REDIS_URL}) unreachable: {error}"
    return None


@contextlib.contextmanager
def scratch_database() -> Iterator[str]:
    """A PostgreSQL database of its own for a benchmark, dropped afterwards: its URL."""
    name = f"frontdoor_bench_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(POSTGRES_URL, autocommit=True)
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.close()


def unavailable(reason: str):
    """Something a test needs is not here (a service, LibreOffice, Chromium): skipped on a
    developer's machine, a failure under CI=true, where nothing may be skipped."""
    if IN_CI:
        pytest.fail(f"{reason}: under CI=true no test is skipped for want of a service")
    pytest.skip(reason)


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
        try:
            ready = worker.wait_until_ready()
        except BaseException:
            worker.stop()  # left running, it would take the next tests' messages
            raise
        if not ready:
            worker.stop()
            pytest.fail(f"the Celery worker did not start:\n{worker.output()[-3000:]}")
        return worker

    def wait_until_ready(self, timeout: float = 60) -> bool:
        return self.wait_for_log("ready.", timeout=timeout)

    def wait_for_log(self, *words: str, timeout: float = 60) -> bool:
        """Whether the worker's log says all of ``words`` within ``timeout``: it writes a task's
        outcome after the task's work is done, so one that has been seen may not be logged yet."""
        deadline = time.monotonic() + timeout
        while not all(word in self.output() for word in words):
            if self.process.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.2)
        return True
