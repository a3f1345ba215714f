"""Turning a record into a document: docxtpl in a sandboxed, autoescaping Jinja environment,
and LibreOffice for PDF. The CLI and the Celery task both render through here."""

import hashlib
import io
import os
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from service.records import AttachmentKind, Pathway, Record, dump_record

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "doc_templates"

#: document name -> template file in doc_templates/
DOCUMENTS = {"referral_letter": "referral_letter.docx"}

PATHWAY_TITLES = {
    Pathway.EARLY_HELP: "Early Help (Level 3)",
    Pathway.SECTION_17: "Section 17 Child in Need (Level 4)",
    Pathway.SECTION_47: "Section 47 Child Protection",
    Pathway.CAMHS: "Child and Adolescent Mental Health Service (CAMHS)",
    Pathway.SEN_ASSESSMENT: "Special Educational Needs assessment",
    Pathway.DRUG_ALCOHOL: "Drug and alcohol service",
    Pathway.YOUTH_OFFENDING: "Youth Offending Service",
    Pathway.DISABLED_CHILDREN: "Disabled children: integrated needs assessment",
    Pathway.PAEDIATRIC_HEALTH: "Paediatric health services",
}

ATTACHMENT_LABELS = {
    AttachmentKind.EARLY_HELP_ASSESSMENT: "Early help assessment",
    AttachmentKind.EARLY_HELP_PLAN: "Early help plan",
    AttachmentKind.EHCP: "Education, health and care plan (EHCP)",
    AttachmentKind.RISK_ASSESSMENT: "Risk assessment",
    AttachmentKind.SCREENING_TOOL: "Screening tool",
    AttachmentKind.OTHER: "Other document",
}

NOT_GIVEN = "Not given"


class DocumentError(Exception):
    """A document could not be produced; the message says why in words a user can act on."""


def long_date(value) -> str:
    """``2014-03-09`` -> ``9 March 2014`` (GOV.UK style); anything blank -> Not given."""
    if not value:
        return NOT_GIVEN
    parsed = date.fromisoformat(str(value))
    return f"{parsed.day} {parsed:%B %Y}"


def answer(value) -> str:
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    return str(value) if value else NOT_GIVEN


class _Sandbox(SandboxedEnvironment):
    """Refuse, rather than quietly blank, any reach into Python internals from a template."""

    def unsafe_undefined(self, obj, attribute):
        raise SecurityError(f"a template may not use '{attribute}' (not allowed in templates)")


def _environment() -> SandboxedEnvironment:
    environment = _Sandbox(autoescape=True, undefined=ChainableUndefined)
    environment.filters["long_date"] = long_date
    environment.filters["answer"] = answer
    environment.filters["attachment_label"] = lambda kind: ATTACHMENT_LABELS.get(kind, kind)
    return environment


def template_path(document: str) -> Path:
    if document not in DOCUMENTS:
        known = ", ".join(sorted(DOCUMENTS))
        raise DocumentError(f"unknown document '{document}' (known: {known})")
    return TEMPLATES_DIR / DOCUMENTS[document]


def template_version(document: str) -> str:
    """The template's content hash: which exact template produced a stored document."""
    return hashlib.sha256(template_path(document).read_bytes()).hexdigest()[:16]


def document_context(record: Record) -> dict:
    """What a template sees: the record in contract names, plus a few ready-made phrases."""
    return {
        **dump_record(record),
        "pathway_title": PATHWAY_TITLES[record.pathway],
        "letter_date": long_date(date.today().isoformat()),
    }


def render_docx(document: str, record: Record) -> bytes:
    template = DocxTemplate(template_path(document))
    template.render(document_context(record), jinja_env=_environment(), autoescape=True)
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()


def convert_to_pdf(docx: bytes, soffice: str = "soffice", timeout: int = 120) -> bytes:
    """Convert with LibreOffice headless, in a private profile so conversions never share a lock."""
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
            raise DocumentError(f"LibreOffice ({soffice}) is not installed") from None
        except subprocess.TimeoutExpired:
            raise DocumentError("LibreOffice took too long to convert the document") from None
        except subprocess.CalledProcessError as error:
            raise DocumentError(f"LibreOffice failed (exit {error.returncode})") from None
        pdf = Path(work) / "document.pdf"
        if not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
            raise DocumentError("LibreOffice produced no PDF")
        return pdf.read_bytes()


def write_atomically(path: Path, content: bytes) -> None:
    """Write beside the target then rename, so a failure never leaves a half-written file."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
