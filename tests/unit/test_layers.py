"""Each layer stands on the ones under it only. The record and the readers of legacy forms load
no web app: a reading process (and ``frontdoor parse``) holds no Flask, database, task-queue or
template-rendering code. The question pages build on the record, never on the service."""

import subprocess
import sys

import pytest

APP_ONLY = ("flask", "sqlalchemy", "celery", "docxtpl", "wtforms", "alembic")
EVERY_FORM = (
    "import importlib, pkgutil, forms\n"
    "for found in pkgutil.walk_packages(forms.__path__, 'forms.'):\n"
    "    importlib.import_module(found.name)\n"
)


def _loaded_by(code: str) -> list[str]:
    """The top-level packages a fresh interpreter has loaded after running ``code``."""
    return subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


@pytest.mark.parametrize(
    "module",
    [
        "record",
        "record.paths",
        "record.titles",
        "record.matching",
        "parsers.mapping",
        "parsers.forkserver",
    ],
)
def test_the_record_and_the_readers_load_no_web_app_code(module):
    loaded = _loaded_by(f"import {module}")
    assert [name for name in loaded if name.split(".")[0] in APP_ONLY] == []
    assert "service" not in loaded


def test_the_question_pages_do_not_stand_on_the_service():
    assert [name for name in _loaded_by(EVERY_FORM) if name.split(".")[0] == "service"] == []
