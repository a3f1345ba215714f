"""What Front Door declares it needs is what its code imports: the runtime imports nothing it
does not declare (a dependency of a dependency can be dropped under it), and the libraries only
the tests use are no runtime dependency. The PDF libraries the tests read files with are at
versions with their security fixes."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, version
from pathlib import Path

from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_PACKAGES = ("record", "service", "parsers", "forms", "libreoffice", "doc_templates")
# LibreOffice's own Python bridge, from Debian's LibreOffice packages, not from PyPI.
SYSTEM = {"uno", "unohelper", "com"}
TESTS_ONLY = {"pypdf", "pdfplumber", "pdfminer-six"}  # as distributions are named


def _imported_by_the_runtime() -> set[str]:
    """The top-level modules the runtime packages import."""
    found: set[str] = set()
    for package in RUNTIME_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - set(RUNTIME_PACKAGES) - SYSTEM


def _declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return {_normal(re.split(r"[<>=~\[ ;]", requirement)[0]) for requirement in listed}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_library_the_runtime_imports_is_declared():
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in _imported_by_the_runtime()
        if not {_normal(name) for name in distributions.get(module, [])} & _declared()
    }
    assert undeclared == {}


def test_the_libraries_only_the_tests_use_are_no_runtime_dependency():
    assert not TESTS_ONLY & _declared()
    assert _declared("dev") >= TESTS_ONLY
    assert not {"pypdf", "pdfplumber", "pdfminer"} & _imported_by_the_runtime()


def test_docxtpl_is_held_to_the_minor_version_the_compiled_renderer_was_checked_against():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    [docxtpl] = [r for r in project["dependencies"] if r.startswith("docxtpl")]
    assert docxtpl == "docxtpl~=0.20.2"
    assert Version(version("docxtpl")).release[:2] == (0, 20)


def test_pypdf_and_pdfminer_carry_their_security_fixes():
    assert Version(version("pypdf")) >= Version("6.12")
    assert Version(version("pdfminer.six")) >= Version("20251230")  # the CMap-pickle fix
