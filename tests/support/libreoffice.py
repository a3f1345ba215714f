"""LibreOffice as the tests need it: present, or the test is skipped on a developer's machine and
fails under CI=true."""

import shutil
import subprocess

from service.documents import pdf
from tests.support.services import unavailable


def libreoffice_or_skip() -> None:
    """Skip without LibreOffice and its Python on a developer's machine; under CI=true, fail."""
    if shutil.which("soffice") is None:
        unavailable("LibreOffice (soffice) is not installed; `make system-packages` installs it")
    elif subprocess.run([pdf.UNO_PYTHON, "-c", "import uno"], capture_output=True).returncode:
        unavailable(
            f"{pdf.UNO_PYTHON} cannot import uno; `make system-packages` installs python3-uno"
        )
