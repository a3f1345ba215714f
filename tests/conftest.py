"""Fixtures every test package shares: an app on a fresh migrated SQLite database, and users;
and a check that fails any test in which the server answered or logged a 5xx."""

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

import flask
import flask_migrate
import pytest

from record import load_record
from service.db import users
from service.db.models import Role
from service.extensions import db
from service.views import errors as error_pages
from tests.smtp import smtp_server
from tests.support.app import EXAMPLE_RECORD, FULL_RECORD, PASSWORD, make_app

# the one-line robustness summary; the signed-in clients and the `frontdoor` command as fixtures
pytest_plugins = ["tests.robustness", "tests.support.clients", "tests.support.command"]


#: where the server writes down a 5xx: Flask's "Exception on ..." for an unhandled error (on
#: ``app.logger``, named after the app's package) and the 503 page's own line
SERVER_ERROR_LOGGERS = ("service", error_pages.log.name)


class ServerErrors(logging.Handler):
    """Every 5xx the server answers during a test, from its own log and from the responses."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name in SERVER_ERROR_LOGGERS:
            self.seen.append(logging.Formatter().format(record))  # with the traceback

    def answered(self, sender, response, **extra) -> None:
        if response.status_code >= 500:
            request = flask.request
            self.seen.append(f"{request.method} {request.path} answered {response.status}")


def pytest_configure(config: pytest.Config) -> None:
    """Under xdist each worker has a temporary folder of its own, which the processes it starts
    inherit: a test that looks for files or LibreOffices left behind sees only its own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        folder = Path(tempfile.mkdtemp(prefix=f"frontdoor-tests-{worker}-"))
        os.environ["TMPDIR"] = tempfile.tempdir = str(folder)
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


INTEGRATION_TESTS = Path(__file__).resolve().parent / "integration"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Integration tests are marked so: ``make test`` runs them one at a time (they restart and
    flush the shared PostgreSQL and Redis) beside the rest, which use neither."""
    for item in items:
        if INTEGRATION_TESTS in item.path.parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def no_server_errors(request):
    """A 5xx is a bug unless the test provokes it on purpose (a database cut off): such a test
    says so with ``@pytest.mark.allows_server_errors``."""
    errors = ServerErrors()
    logger = logging.getLogger(SERVER_ERROR_LOGGERS[0])
    logger.addHandler(errors)
    flask.request_finished.connect(errors.answered, weak=False)
    yield errors
    flask.request_finished.disconnect(errors.answered)
    logger.removeHandler(errors)
    if errors.seen and not request.node.get_closest_marker("allows_server_errors"):
        pytest.fail("the server answered or logged a 5xx:\n" + "\n".join(errors.seen), False)


@pytest.fixture
def example_record_data() -> dict:
    return json.loads(EXAMPLE_RECORD.read_text())


@pytest.fixture
def example_record(example_record_data):
    return load_record(example_record_data)


@pytest.fixture
def full_record_data() -> dict:
    return json.loads(FULL_RECORD.read_text())


#: the embedded database's file in an instance folder (service/config.py)
DATABASE_FILE = "frontdoor.sqlite3"


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> Path:
    """An embedded database brought up through every migration once a session; each test gets
    a copy of it, which costs far less than migrating again."""
    folder = tmp_path_factory.mktemp("migrated")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FRONTDOOR_INSTANCE_PATH", str(folder))
        app = make_app(folder)
        with app.app_context():
            flask_migrate.upgrade()
            db.engine.dispose()
    return folder / DATABASE_FILE


@pytest.fixture
def app(tmp_path, monkeypatch, migrated_database):
    """The embedded configuration (SQLite, eager Celery) in a private instance folder, on a
    fresh copy of the migrated database."""
    monkeypatch.setenv("FRONTDOOR_INSTANCE_PATH", str(tmp_path))
    shutil.copyfile(migrated_database, tmp_path / DATABASE_FILE)
    app = make_app(tmp_path)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def practitioner(app):
    return users.save_user(
        "nurse@example.nhs.uk",
        "Priya Shah",
        Role.PRACTITIONER,
        PASSWORD,
        job_title="School Nurse",
        agency="Chiltern Community Health",
        phone="01494 586000",
    )


@pytest.fixture
def other_practitioner(app):
    return users.save_user(
        "teacher@example.sch.uk", "Tom Reed", Role.PRACTITIONER, PASSWORD, agency="Woodside Primary"
    )


@pytest.fixture
def admin_user(app):
    return users.save_user("admin@council.example", "Alex Morgan", Role.ADMIN, PASSWORD)


@pytest.fixture
def manager(app):
    return users.save_user(
        "manager@council.example",
        "Sam Patel",
        Role.MANAGER,
        PASSWORD,
        job_title="Team Manager, MASH",
        team="Front Door",
    )


@pytest.fixture
def inbox(app):
    """A real SMTP server on localhost that the app sends its mail to; what it received."""
    with smtp_server() as received:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=received.port)
        yield received
