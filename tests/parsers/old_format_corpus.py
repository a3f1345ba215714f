"""The dev corpus's Word forms saved as .doc, .rtf and .odt, for the accuracy harness and the
bench: made at test time by LibreOffice's own command line (not the converter under test) into a
folder of the caller's, never committed, each beside a copy of its ``*.expected.json`` so that
``tests.parsers.accuracy.measure`` reads the folder as it reads the dev corpus."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.parsers.accuracy import DEV_CORPUS

KINDS = ("doc", "rtf", "odt")
EXPORT_FILTERS = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}


def word_forms() -> list[Path]:
    return sorted(DEV_CORPUS.glob("*.docx"))


def build(kind: str, folder: Path, forms: list[Path] | None = None) -> Path:
    """``folder`` holding the dev Word ``forms`` (all by default) saved as ``kind``, each with
    its expected record."""
    folder.mkdir(parents=True, exist_ok=True)
    forms = forms or word_forms()
    with tempfile.TemporaryDirectory(prefix="frontdoor-corpus-") as profile:
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                f"{kind}:{EXPORT_FILTERS[kind]}",
                "--outdir",
                str(folder),
                *map(str, forms),
            ],
            capture_output=True,
            timeout=600,
            check=True,
        )
    for form in forms:
        if not (folder / f"{form.stem}.{kind}").is_file():
            raise RuntimeError(f"LibreOffice did not save {form.name} as .{kind}")
        expected = form.with_name(f"{form.stem}.expected.json")
        shutil.copy(expected, folder / expected.name)
    return folder
