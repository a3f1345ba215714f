"""An installed Front Door (a wheel, not this checkout) carries everything it reads at run time:
the document templates, the pathway rules, the clocks' policies, the migrations, the page
templates and the readers' vocabulary."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# What a build of the checkout must not pick up: a build/ folder left by an earlier build would
# carry files since deleted into the wheel.
NOT_SOURCE = (".git", ".venv", "node_modules", "instance", "build", "*.egg-info", ".hypothesis")


def test_the_wheel_carries_the_files_front_door_reads(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--wheel-dir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("frontdoor-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {path.name for path in (ROOT / "doc_templates").glob("*.docx")}
    assert {f"doc_templates/{name}" for name in shipped} <= names
    assert {
        "record/model.py",
        "parsers/vocabulary.yaml",
        "service/rules/early_help.yaml",
        "service/clocks/working-together-2023.yaml",
        "service/clocks/initial-assessment-2008.yaml",
        "service/templates/base.html",
        "service/db/migrations/env.py",
    } <= names
