"""The app as the tests build it (the embedded configuration, a private instance folder) and the
files and login they share."""

from pathlib import Path

from flask.testing import FlaskClient

from service.app import create_app

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXAMPLE_RECORD = SHARED / "spec" / "example-record.json"
#: every field filled, plus a TAC plan, a CIN plan and a decision (the project's extra fields)
FULL_RECORD = Path(__file__).resolve().parents[1] / "data" / "full-record.json"
PASSWORD = "correct horse battery staple"


class RequestInItsOwnContextClient(FlaskClient):
    """Each request gets a fresh app context, as in a server, even while a test holds one;
    otherwise ``g`` (and the signed-in user Flask-Login keeps there) leaks between requests."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


def make_app(tmp_path: Path, **settings):
    app = create_app(
        {"SECRET_KEY": "test-secret-key", "STORAGE_DIR": str(tmp_path / "files"), **settings}
    )
    app.test_client_class = RequestInItsOwnContextClient
    return app
