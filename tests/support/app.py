"""The app as the tests build it (the embedded configuration, a private instance folder) and the
files and login they share."""

from pathlib import Path

from flask.testing import FlaskClient
from jinja2 import BytecodeCache

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


class CompiledOnce(BytecodeCache):
    """Pages' templates compiled once per test process rather than once per app: every test
    builds its own app, and compiling the GOV.UK macros again took half of a view test's time.
    Jinja checks each template's source against what was compiled, so none is ever stale."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledOnce()
#: a hash that costs nothing: the real one (scrypt, service/config.py) is slow on purpose, and
#: tests make and sign in thousands of users; tests/unit/test_factory.py checks the default
FAST_PASSWORD_HASH = "pbkdf2:sha256:1"


def make_app(tmp_path: Path, **settings):
    app = create_app(
        {
            "SECRET_KEY": "test-secret-key",
            "STORAGE_DIR": str(tmp_path / "files"),
            "PASSWORD_HASH": FAST_PASSWORD_HASH,
            **settings,
        }
    )
    app.test_client_class = RequestInItsOwnContextClient
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    return app
