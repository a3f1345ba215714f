"""Word forms printed to PDF by LibreOffice, as councils' admin staff do with "Save as PDF".

Conversion is slow (a LibreOffice start per batch), so results are cached by the SHA-256 of the
.docx in a temp directory, and every form still missing is converted in one ``soffice`` run with
a private profile (so parallel runs and other LibreOffice users do not collide).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CACHE = Path(os.environ.get("FRONTDOOR_GENERATOR_CACHE", tempfile.gettempdir())) / (
    "frontdoor-generator-pdf-cache"
)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(documents: list[bytes], timeout: int = 600) -> list[bytes]:
    """PDF bytes for each .docx, in order; raises if LibreOffice is missing or fails."""
    CACHE.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha256(document).hexdigest() for document in documents]
    missing = {
        key: document
        for key, document in zip(keys, documents, strict=True)
        if not (CACHE / f"{key}.pdf").exists()
    }
    if missing:
        program = soffice()
        if not program:
            raise RuntimeError("LibreOffice (soffice) is not installed: run make system-packages")
        with tempfile.TemporaryDirectory(prefix="frontdoor-print-") as work:
            folder = Path(work)
            for key, document in missing.items():
                (folder / f"{key}.docx").write_bytes(document)
            profile = (folder / "profile").as_uri()
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder / "out"),
                    *[str(folder / f"{key}.docx") for key in missing],
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
            for key in missing:
                produced = folder / "out" / f"{key}.pdf"
                if not produced.exists():
                    raise RuntimeError(f"LibreOffice did not convert {key}.docx")
                shutil.copyfile(produced, CACHE / f"{key}.pdf")
    return [(CACHE / f"{key}.pdf").read_bytes() for key in keys]
