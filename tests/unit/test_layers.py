"""Each layer stands on the ones under it only. The record and the readers of legacy forms load
no web app: a reading process (and ``frontdoor parse``) holds no Flask, database, task-queue or
template-rendering code. The question pages build on the record, never on the service."""

import re
import subprocess
import sys
from pathlib import Path

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


@pytest.mark.parametrize("entry_point", ["service.app", "service.cli"])
def test_the_service_leaves_the_readers_to_the_reading_process(entry_point):
    """Forms are read in a process of their own (parsers.forkserver); the web app, the command
    and the workers only talk to it, so they start without the readers' 0.4 s of imports."""
    loaded = _loaded_by(f"import {entry_point}")
    readers = ("parsers.docx_form", "parsers.pdf", "parsers.labels", "parsers.mapping")
    assert [name for name in loaded if name in readers] == []


@pytest.mark.parametrize("command", ["check", "parse", "render"])
def test_the_commands_on_a_file_start_without_the_web_app_or_its_database(command):
    """``frontdoor check`` and the like read settings, not the app: started with the app, they
    spent three quarters of their time importing it."""
    loaded = _loaded_by(f"import service.cli\nservice.cli.main.get_command(None, {command!r})")
    assert "service.cli.files" in loaded
    web_app = ("service.app", "service.views", "sqlalchemy", "celery", "wtforms", "alembic")
    assert [name for name in loaded if name.startswith(web_app)] == []


def test_the_question_pages_do_not_stand_on_the_service():
    assert [name for name in _loaded_by(EVERY_FORM) if name.split(".")[0] == "service"] == []


def _importing(pattern: str) -> list[str]:
    tests = Path(__file__).resolve().parents[1]
    imports = re.compile(pattern, re.M)
    return sorted(
        str(path.relative_to(tests))
        for path in tests.rglob("*.py")
        if imports.search(path.read_text())
    )


def test_no_module_imports_a_conftest():
    """What tests share is in tests/support: a conftest holds its folder's fixtures, and no module
    imports one (pytest finds fixtures; a helper imported from a conftest runs it twice)."""
    assert _importing(r"^\s*(?:from|import) tests\.(?:[\w.]*\.)?conftest\b") == []


def test_no_module_imports_a_test_module():
    """A helper that one test module took from another tied the two together (moving or renaming
    a test broke the other); what tests share lives in tests/support."""
    assert _importing(r"^\s*(?:from|import) tests\.(?:[\w.]*\.)?test_\w+") == []
