"""Real PostgreSQL, Redis and Celery worker processes. Unreachable services skip these tests on a
developer's machine, and fail them under CI=true, where they must run."""

import uuid

import flask_migrate
import psycopg
import pytest
import redis
from psycopg import sql

from service.extensions import db
from tests.support.app import make_app
from tests.support.services import POSTGRES_URL, REDIS_URL, Worker, unavailable


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


@pytest.fixture
def worker(tmp_path, production_app, postgres_url, redis_url):
    started = Worker.started(tmp_path, postgres_url, redis_url)
    yield started
    started.stop()
