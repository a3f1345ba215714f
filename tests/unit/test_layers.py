"""The record and the readers of legacy forms stand without the web app: a reading process (and
``frontdoor parse``) imports no Flask, database, task-queue or template-rendering code."""

import subprocess
import sys

import pytest

APP_ONLY = ("flask", "sqlalchemy", "celery", "docxtpl", "wtforms", "alembic")


@pytest.mark.parametrize("module", ["record", "parsers.mapping", "parsers.forkserver"])
def test_the_record_and_the_readers_load_no_web_app_code(module):
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert [name for name in loaded if name.split(".")[0] in APP_ONLY] == []
    assert "service" not in loaded
