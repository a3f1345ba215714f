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


def command(instance: Path):
    """A function running the installed ``frontdoor`` command on ``instance``, embedded."""
    env = {**os.environ, "FRONTDOOR_INSTANCE_PATH": str(instance)}
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
def frontdoor(tmp_path):
    """Run the installed ``frontdoor`` command with a private instance folder."""
    return command(tmp_path / "instance")


@pytest.fixture
def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        unavailable("LibreOffice (soffice) is not installed; `make test` installs it")
    return found


@pytest.fixture(scope="session")
def migrated_instance(tmp_path_factory) -> Path:
    """An instance folder migrated by ``frontdoor db upgrade``, with an admin made by
    ``frontdoor create-user``: made once per test process (each is a process start and every
    migration), copied for each test that imports."""
    instance = tmp_path_factory.mktemp("migrated") / "instance"
    run = command(instance)
    upgraded = run("db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    created = run(
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
    return instance


@pytest.fixture
def migrated(frontdoor, migrated_instance):
    """``frontdoor`` on its own copy of a migrated database, with an admin to record imports
    against."""
    shutil.copytree(migrated_instance, frontdoor.env["FRONTDOOR_INSTANCE_PATH"])
    return frontdoor
