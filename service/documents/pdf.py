"""Turning DOCX bytes into PDF bytes through one warm LibreOffice per worker process.

LibreOffice starts once, on first use, and is then reused: a fresh ``soffice`` per document costs
seconds, a conversion through the warm instance a fraction of one. The machinery (the UNO script,
the pipes, the deadlines, the restarts) is ``libreoffice``'s, shared with the reading of old-format
forms; this instance is for our own documents only, so it is trusted: no resource limits beyond
the deadline, and a conversion that runs out of time or finds LibreOffice dead restarts it and is
tried once more. Whatever comes back must be a whole PDF, never a half-written one.
"""

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

from libreoffice.client import UNO_PYTHON, ConversionError, Converter, PerProcess
from libreoffice.client import alive as _alive  # noqa: F401 - the tests watch processes with it
from libreoffice.client import wait_until_gone as _wait_until_gone  # noqa: F401 - likewise

CONVERSION_TIMEOUT = 60  # seconds LibreOffice may spend on one document
START_TIMEOUT = 60  # seconds LibreOffice may take to start
WORD_FILTER = "MS Word 2007 XML"
PDF_FILTER = "writer_pdf_Export"


class PdfError(Exception):
    """No PDF could be made; the message says why in words a user can act on."""


def _is_whole_pdf(output: bytes) -> bool:
    """A PDF starts with ``%PDF-`` and ends with ``%%EOF``: one cut short does not."""
    return output.startswith(b"%PDF-") and output.rstrip().endswith(b"%%EOF")


def _check_docx(docx: bytes) -> None:
    """Refuse anything that is not a Word document: LibreOffice would import it as plain text."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            package.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise PdfError("the document to convert is not a Word document (DOCX)") from None


class PdfConverter(Converter):
    """One warm LibreOffice for our own documents, started on first use; safe to share between
    threads of a process."""

    def __init__(
        self,
        soffice: str = "soffice",
        uno_python: str = UNO_PYTHON,
        timeout: float = CONVERSION_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
    ):
        super().__init__(
            "PDF output", "pdf", soffice, uno_python, timeout, start_timeout, retries=1
        )

    def convert(self, docx: bytes) -> bytes:
        """The PDF for ``docx``; PdfError when it cannot be made."""
        _check_docx(docx)
        try:
            return self.convert_document(docx, WORD_FILTER, PDF_FILTER, whole=_is_whole_pdf)
        except ConversionError as error:
            raise PdfError(str(error)) from None


_converters = PerProcess(lambda soffice: PdfConverter(soffice=soffice))


def converter(soffice: str = "soffice") -> PdfConverter:
    """This process's converter (a forked child gets its own, never its parent's)."""
    return _converters.get(soffice)


def convert(docx: bytes, soffice: str = "soffice") -> bytes:
    return converter(soffice).convert(docx)


def convert_once(docx: bytes, soffice: str = "soffice", timeout: int = 180) -> bytes:
    """One fresh LibreOffice for one document, in a private profile: slower per document than
    the warm converter, but quicker for a single conversion (the command line's ``render``)."""
    _check_docx(docx)
    with tempfile.TemporaryDirectory(prefix="frontdoor-pdf-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        except FileNotFoundError:
            raise PdfError(f"LibreOffice ({soffice}) is not installed") from None
        except subprocess.TimeoutExpired:
            raise PdfError("LibreOffice took too long to convert the document") from None
        except subprocess.CalledProcessError as error:
            raise PdfError(f"LibreOffice failed (exit {error.returncode})") from None
        output = Path(work) / "document.pdf"
        content = output.read_bytes() if output.exists() else b""
    if not _is_whole_pdf(content):
        raise PdfError("LibreOffice produced no complete PDF")
    return content
