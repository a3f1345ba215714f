"""The DfE's published CIN census rules (csc-validator-be-cin), run on a census file in the
validator's own venv (`make test` makes it: .venv-cin), as the DfE's collection would."""

import json
import subprocess
from pathlib import Path

from tests.support.services import unavailable

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv-cin" / "bin" / "python"

#: run by the validator's Python: the issues it finds, as JSON
SCRIPT = """
import importlib, json, sys, warnings
import xml.etree.ElementTree as ET
warnings.simplefilter("ignore")
from cin_validator import cin_validator
root = ET.parse(sys.argv[1]).getroot()
tables = cin_validator.process_data(cin_validator.convert_data(root))
registry = importlib.import_module(f"cin_validator.rules.{sys.argv[2]}").registry
issues = cin_validator.CinValidator(tables, registry).full_issue_df
columns = ["rule_code", "rule_description", "tables_affected", "columns_affected"]
found = [] if issues.empty else issues[columns].astype(str).to_dict(orient="records")
json.dump(found, sys.stdout)
"""


def census_issues(path: Path, ruleset: str) -> list[dict]:
    """Each issue the rules of ``ruleset`` (e.g. cin2026_27) find: its rule code and words."""
    if not PYTHON.exists():
        unavailable("the CIN census validator is missing: `make test` installs it (.venv-cin)")
    ran = subprocess.run(
        [str(PYTHON), "-c", SCRIPT, str(path), ruleset],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    return json.loads(ran.stdout)
