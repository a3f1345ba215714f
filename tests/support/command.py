"""The installed ``frontdoor`` command as tests run it (a private instance folder, the embedded
configuration), as fixtures: a pytest plugin named in tests/conftest.py's ``pytest_plugins``."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.services import unavailable

FRONTDOOR = Path(sys.executable).parent / "frontdoor"


@pytest.fixture
def frontdoor(tmp_path):
    """Run the installed ``frontdoor`` command with a private instance folder."""
    env = {**os.environ, "FRONTDOOR_INSTANCE_PATH": str(tmp_path / "instance")}
    env.pop("FRONTDOOR_DATABASE_URL", None)
    env.pop("FRONTDOOR_BROKER_URL", None)

    def run(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(FRONTDOOR), *args], capture_output=True, text=True, env=env, timeout=timeout
        )

    run.command = FRONTDOOR
    run.env = env
    return run


@pytest.fixture
def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        unavailable("LibreOffice (soffice) is not installed; `make test` installs it")
    return found


@pytest.fixture
def importer(frontdoor):
    """``frontdoor`` on a migrated database with an admin to record imports against."""
    assert frontdoor("db", "upgrade").returncode == 0
    created = frontdoor(
        "create-user",
        "--email",
        "admin@council.example",
        "--name",
        "Alex Morgan",
        "--role",
        "admin",
        "--password",
        "pw-123456789",
    )
    assert created.returncode == 0, created.stderr
    return frontdoor
