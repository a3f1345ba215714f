"""Settings for the two configurations Front Door runs in.

Every setting can be given as an environment variable with the prefix ``FRONTDOOR_``
(``FRONTDOOR_DATABASE_URL``, ``FRONTDOOR_BROKER_URL``, ``FRONTDOOR_SECRET_KEY`` …). With none of
them set Front Door runs embedded: SQLite under ``instance/``, Celery tasks run in the request
(eager), files on local disk. Setting a database URL and a broker URL is all production needs.
"""

import os
import secrets
import typing
from pathlib import Path

import yaml
from flask import Config as Settings
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

Checked = typing.TypeVar("Checked", bound=BaseModel)


class StartupError(RuntimeError):
    """Front Door cannot start as configured; the message says what to put right."""


class ConfigurationError(StartupError):
    """A setting is missing or wrong; the message names the environment variable to set."""


class Config:
    """Defaults shared by every configuration; secrets are never defaulted here."""

    DATABASE_URL: str | None = None  # None: SQLite file in the instance folder
    BROKER_URL: str | None = None  # None: Celery runs tasks eagerly, in process
    SECRET_KEY: str | None = None  # None: generated once into the instance folder
    STORAGE_DIR: str | None = None  # None: <instance>/files
    SOFFICE_PATH = "soffice"
    # the local dispute-resolution policy named in outcome-feedback letters
    ESCALATION_POLICY = "LSCP Dispute Resolution/Escalation Policy"
    # e-mail (service/delivery/mail.py); without MAIL_SERVER each message is written as an .eml
    # file to MAIL_FOLDER (None: <instance>/mail) instead of being sent
    MAIL_SERVER: str | None = None
    MAIL_PORT = 25
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_USE_TLS = False  # STARTTLS after connecting
    MAIL_SENDER = "Front Door <frontdoor@localhost>"
    MAIL_FOLDER: str | None = None
    # referrers' e-mailed links to their outcome-feedback letter (service/delivery/links.py)
    # the address referrers reach Front Door at; embedded, unset, the address the page that sent
    # the mail was reached at (an eager task runs in that request), else this machine's :5000
    EXTERNAL_URL: str | None = None
    FEEDBACK_LINK_DAYS = 14  # a link stops working this many days after it is made
    FEEDBACK_CONTACT = "the council's children's services front door"  # who referrers ask
    # the letterhead of every letter and plan (service/documents/registry.py Sender): the council,
    # its address (lines separated by commas or new lines) and how to reach the front door
    COUNCIL_NAME = "Children's Services Front Door"
    COUNCIL_ADDRESS = ""
    COUNCIL_PHONE = ""
    COUNCIL_EMAIL = ""
    # the council's three-digit DfE local authority code, for the CIN census return
    # (`frontdoor export cin-census`), e.g. 825
    LA_CODE = ""
    # which team each pathway's referrals go to (JSON in FRONTDOOR_TEAMS, e.g.
    # {"early_help": "Early Help Hub"}); a pathway not named goes to DEFAULT_TEAM
    TEAMS: dict[str, str] = {}
    DEFAULT_TEAM = "Front Door"
    RULES_DIR: str | None = None  # None: the rules files shipped in service/rules
    # the statutory clocks (service/clocks): None is Working Together 2023's
    CLOCKS_POLICY: str | None = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    HSTS_SECONDS = 0  # Strict-Transport-Security: none embedded (plain http on 127.0.0.1)
    MAX_CONTENT_LENGTH = 25 * 1024 * 1024
    # one typed answer may be as long as a whole request (Flask's default is 500 KB, and a longer
    # answer got the "file is too big" page, which says 25 MB)
    MAX_FORM_MEMORY_SIZE = MAX_CONTENT_LENGTH
    # each uploaded form is read in a child process held to these (parsers/isolation.py); a
    # file that needs more is refused as too slow or as a likely compression bomb
    PARSE_CPU_SECONDS = 20
    PARSE_MEMORY_MB = 512  # on top of what the reading process holds before it starts
    PARSE_WALL_SECONDS: float = 30
    SESSION_MINUTES = 30  # a session unused this long ends: sign in again
    # how passwords are hashed (werkzeug's method string): scrypt, deliberately slow, so that a
    # stolen table of hashes is slow to guess. Tests choose a fast one (tests/support/app.py)
    PASSWORD_HASH: str = "scrypt"  # noqa: S105  (a hashing method's name, not a password)
    LOCKOUT_ATTEMPTS = 5  # refused sign-ins to one account within LOCKOUT_MINUTES lock it
    LOCKOUT_MINUTES = 15
    # sign-in attempts one network address may make, whatever the accounts (guessing across
    # many accounts); counted in Redis in production so that every web process shares the count
    SIGN_IN_RATE_LIMIT = "20 per minute"
    # reverse proxies (load balancers) in front of the app whose X-Forwarded-For/-Proto to trust:
    # without them every request seems to come from the proxy (audit "from where", rate limits)
    PROXY_HOPS = 0
    RATELIMIT_STORAGE_URI: str | None = None  # None: the broker's Redis, or memory embedded
    # a job queued or running this long was lost (its worker or its message): the sweeper
    # (service/jobs/sweeper.py) queues it again, or fails it once it has been started this many
    # times
    JOB_STUCK_MINUTES: float = 15
    JOB_MAX_ATTEMPTS = 3
    WTF_CSRF_ENABLED = True
    # hide_parameters: a database error logged (a worker's retry, a failed task) never shows the
    # values it was writing, which are children's records
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
    CELERY = {
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "task_ignore_result": True,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "broker_connection_retry_on_startup": True,
    }


class ProductionConfig(Config):
    """Chosen with ``FRONTDOOR_ENV=production``: cookies only over HTTPS, services required."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    HSTS_SECONDS = 365 * 24 * 3600
    EXTERNAL_URL: str | None = None  # required: the links e-mailed to referrers point at it


CONFIGS = {"embedded": Config, "production": ProductionConfig}


def _settings_model(config: type[Config]):
    """Each setting typed as ``config`` declares it, or as its default is: one model to check
    every setting against, with no list of them to keep beside the defaults."""
    hints = typing.get_type_hints(config)
    fields = {
        name: (hints.get(name, type(getattr(config, name))), getattr(config, name))
        for name in dir(config)
        if name.isupper()
    }
    # A value read from the environment as a number ("FRONTDOOR_SECRET_KEY=1234") is still text.
    return create_model(
        f"{config.__name__}Settings",
        __config__=ConfigDict(coerce_numbers_to_str=True),
        **fields,
    )


SETTINGS = {name: _settings_model(config) for name, config in CONFIGS.items()}


def checked_settings(environment: str, config: dict) -> dict:
    """Every setting of ``config`` in its declared type ("25" for a number of minutes is 25),
    checked once at start-up: a wrong one stops Front Door with the variable to put right,
    rather than failing the first request or task that reads it."""
    model = SETTINGS[environment]
    given = {name: config[name] for name in model.model_fields if name in config}
    try:
        return model.model_validate(given).model_dump()
    except ValidationError as error:
        problems = [
            f"FRONTDOOR_{'.'.join(map(str, problem['loc']))}: {problem['msg'].lower()}"
            for problem in error.errors()
        ]
        raise StartupError("; ".join(problems)) from None


def environment_name() -> str:
    """Which configuration runs: ``FRONTDOOR_ENV``, embedded when unset."""
    name = os.environ.get("FRONTDOOR_ENV", "embedded")
    if name not in CONFIGS:
        raise ConfigurationError(f"FRONTDOOR_ENV must be one of {', '.join(CONFIGS)}")
    return name


def load_settings(environment: str, overrides: dict | None = None) -> Settings:
    """The settings of ``environment`` from their defaults, ``FRONTDOOR_*`` environment variables
    and ``overrides`` (tests give them), checked. The web app is built on them; the commands on
    a file (``frontdoor check`` …) read them alone, without building it."""
    settings = Settings(Path.cwd())
    settings.from_object(CONFIGS[environment])
    settings.from_prefixed_env("FRONTDOOR")
    settings.update(overrides or {})
    try:
        settings.update(checked_settings(environment, settings))
    except StartupError as error:
        raise ConfigurationError(str(error)) from None
    return settings


def database_url(configured: str | None, instance_path: Path) -> str:
    """Return an SQLAlchemy URL, pointing a bare ``postgresql://`` at the psycopg 3 driver."""
    if not configured:
        return f"sqlite:///{instance_path / 'frontdoor.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if configured.startswith(prefix):
            return "postgresql+psycopg://" + configured[len(prefix) :]
    return configured


def instance_secret_key(instance_path: Path) -> str:
    """Read the instance's secret key, generating it on first use (readable by the owner only)."""
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process generated it first
            pass
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
    return key_file.read_text().strip()


#: PyYAML's safe loader in C (libyaml, in PyYAML's wheels) where it is built, else in Python:
#: the same documents, read about ten times faster; every app start reads eight policy files
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_checked_yaml(path: Path, model: type[Checked], error: type[StartupError]) -> Checked:
    """A policy file (the pathway rules, the clocks) read and checked against ``model``: a broken
    one raises ``error`` naming the file and the first thing wrong in it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506
    except (OSError, UnicodeDecodeError) as problem:
        raise error(f"{path}: cannot be read ({problem})") from None
    except yaml.YAMLError as problem:
        raise error(f"{path}: is not valid YAML ({problem})".replace("\n", " ")) from None
    try:
        return model.model_validate(data)
    except ValidationError as problem:
        first = problem.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise error(f"{path}: {where}: {message}" if where else f"{path}: {message}") from None
