"""The README's layout is how a newcomer finds their way in: it names every package and module
of the service, and every top-level folder of the project."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _layout() -> str:
    readme = (ROOT / "README.md").read_text()
    return readme.split("## Layout", 1)[1].split("```", 2)[1]


def test_the_layout_names_every_part_of_the_service():
    service = ROOT / "service"
    parts = {
        path.name for path in service.iterdir() if path.is_dir() and (path / "__init__.py").exists()
    }
    parts |= {path.stem for path in service.glob("*.py") if path.stem != "__init__"}
    named = set(re.findall(r"[\w]+", _layout()))
    assert sorted(parts - named) == []


def test_the_layout_names_every_top_level_package():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert sorted(name for name in packages if f"{name}/" not in _layout()) == []
