"""Turning a record into a document: docxtpl in a sandboxed, autoescaping Jinja environment,
and LibreOffice for PDF. The CLI and the Celery task both render through here."""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import ChainableUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

import doc_templates
from record import THRESHOLD_NOT_MET, Record, dump_record
from record.titles import (
    ATTACHMENT_LABELS,
    OUTCOME_TITLES,
    PATHWAY_TITLES,
    day_month_year,
)
from service.documents import pdf
from service.documents.compiled import CompiledDocx, TemplateCache
from service.documents.registry import DEFAULT_SENDER, DOCUMENTS, Sender

TEMPLATES_DIR = doc_templates.FOLDER

NOT_GIVEN = "Not given"
NOT_RECORDED = "Not recorded yet"


class DocumentError(Exception):
    """A document could not be produced; the message says why in words a user can act on."""


def long_date(value) -> str:
    """``2014-03-09`` -> ``9 March 2014`` (GOV.UK style); anything blank -> Not given."""
    if not value:
        return NOT_GIVEN
    return day_month_year(date.fromisoformat(str(value)))


def answer(value) -> str:
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    return str(value) if value else NOT_GIVEN


def recorded(value) -> str:
    """Like ``answer`` for the plans and decisions: a date in words, a blank "Not recorded yet"."""
    if not isinstance(value, str | bool | int) or value == "":  # None, Undefined, a list
        return NOT_RECORDED
    if isinstance(value, str) and len(value) == 10 and value[4::3] == "--":  # an ISO date
        try:
            return long_date(value)
        except ValueError:
            return value
    return answer(value)


def attachment_label(kind: str) -> str:
    return ATTACHMENT_LABELS.get(kind, kind)


class _Sandbox(SandboxedEnvironment):
    """Refuse, rather than quietly blank, any reach into Python internals from a template."""

    def unsafe_undefined(self, obj, attribute):
        raise SecurityError(f"a template may not use '{attribute}' (not allowed in templates)")


def _environment() -> SandboxedEnvironment:
    environment = _Sandbox(autoescape=True, undefined=ChainableUndefined)
    environment.filters["long_date"] = long_date
    environment.filters["answer"] = answer
    environment.filters["recorded"] = recorded
    environment.filters["attachment_label"] = attachment_label
    return environment


def _kind(document: str):
    if document not in DOCUMENTS:
        known = ", ".join(sorted(DOCUMENTS))
        raise DocumentError(f"unknown document '{document}' (known: {known})")
    return DOCUMENTS[document]


def template_path(document: str, record: Record | None = None) -> Path:
    """The shipped template for ``document``; the referral letter's depends on the pathway."""
    kind = _kind(document)
    return TEMPLATES_DIR / kind.template_for(record.pathway if record is not None else None)


def template_name(document: str, record: Record) -> str:
    """The file name of the template that renders ``document`` for ``record``."""
    return template_path(document, record).name


@dataclass(frozen=True)
class TemplateSource:
    """One exact template: its file name in doc_templates/, its bytes, and its version (content
    hash). ``id`` is the uploaded TemplateVersion row, None for the template shipped in the
    repository."""

    name: str
    content: bytes = field(repr=False)
    version: str
    id: int | None = None

    @classmethod
    def of(cls, name: str, content: bytes, id: int | None = None) -> "TemplateSource":
        return cls(name, content, hashlib.sha256(content).hexdigest()[:16], id)


def shipped_source(name: str) -> TemplateSource:
    """The template ``name`` as shipped in doc_templates/."""
    return TemplateSource.of(name, (TEMPLATES_DIR / name).read_bytes())


def missing_data(document: str, record: Record) -> str | None:
    """Why ``document`` has nothing to say for ``record`` (its part is not recorded), or None."""
    needs = _kind(document).needs
    if needs and getattr(record, needs) is None:
        return f"the record has no {needs}: record it before producing the {document}"
    return None


def document_context(
    record: Record, sender: Sender = DEFAULT_SENDER, reference: str | None = None
) -> dict:
    """What a template sees: the record in contract names, plus a few ready-made phrases, the
    letterhead (``council``) and the referral's ``reference`` (None for a record from a file)."""
    outcome = record.decision.outcome if record.decision else None
    return {
        **dump_record(record),
        "pathway_title": PATHWAY_TITLES[record.pathway],
        "letter_date": long_date(date.today().isoformat()),
        "decision_title": OUTCOME_TITLES[outcome] if outcome else NOT_RECORDED,
        "threshold_not_met": outcome in THRESHOLD_NOT_MET,
        "escalation_policy": sender.escalation_policy,
        "council": sender.letterhead(),
        "reference": reference,
    }


def render_docx(
    document: str,
    record: Record,
    sender: Sender = DEFAULT_SENDER,
    source: TemplateSource | None = None,
    reference: str | None = None,
) -> bytes:
    """Render ``document`` for ``record``, from ``sender`` (the authority's letterhead and
    escalation policy, from its settings), quoting ``reference``. ``source`` is the template to
    use (an uploaded version); without it, the shipped one."""
    if source is None:
        source = shipped_source(template_name(document, record))
    return render_template(source, document_context(record, sender, reference))


#: compiled templates by version: a letter costs a few milliseconds, not a docxtpl render's 25
_COMPILED = TemplateCache(lambda content: CompiledDocx(content, _environment()))


def render_template(source: TemplateSource, context: dict) -> bytes:
    """The DOCX of ``source`` filled in with ``context``, in the sandbox, autoescaped: what
    docxtpl renders, from ``source`` compiled once per version (service.documents.compiled)."""
    return _COMPILED.get(source.version, source.content).render(context)


def convert_to_pdf(docx: bytes, soffice: str = "soffice", warm: bool = True) -> bytes:
    """Convert through this process's warm LibreOffice (service.documents.pdf), started on first
    use; ``warm=False`` for a one-off conversion, where starting the warm converter costs more."""
    try:
        return pdf.convert(docx, soffice) if warm else pdf.convert_once(docx, soffice)
    except pdf.PdfError as error:
        raise DocumentError(str(error)) from None
