"""Settings for the two configurations Front Door runs in.

Every setting can be given as an environment variable with the prefix ``FRONTDOOR_``
(``FRONTDOOR_DATABASE_URL``, ``FRONTDOOR_BROKER_URL``, ``FRONTDOOR_SECRET_KEY`` …). With none of
them set Front Door runs embedded: SQLite under ``instance/``, Celery tasks run in the request
(eager), files on local disk. Setting a database URL and a broker URL is all production needs.
"""

import os
import secrets
from pathlib import Path


class StartupError(RuntimeError):
    """Front Door cannot start as configured; the message says what to put right."""


class Config:
    """Defaults shared by every configuration; secrets are never defaulted here."""

    DATABASE_URL: str | None = None  # None: SQLite file in the instance folder
    BROKER_URL: str | None = None  # None: Celery runs tasks eagerly, in process
    SECRET_KEY: str | None = None  # None: generated once into the instance folder
    STORAGE_DIR: str | None = None  # None: <instance>/files
    SOFFICE_PATH = "soffice"
    # the local dispute-resolution policy named in outcome-feedback letters
    ESCALATION_POLICY = "LSCP Dispute Resolution/Escalation Policy"
    RULES_DIR: str | None = None  # None: the rules files shipped in service/rules
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    MAX_CONTENT_LENGTH = 25 * 1024 * 1024
    SESSION_MINUTES = 30  # a session unused this long ends: sign in again
    LOCKOUT_ATTEMPTS = 5  # refused sign-ins to one account within LOCKOUT_MINUTES lock it
    LOCKOUT_MINUTES = 15
    WTF_CSRF_ENABLED = True
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
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


CONFIGS = {"embedded": Config, "production": ProductionConfig}


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
