"""What the API takes and answers with, beside the record itself (``record.Record``)."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field

from record import DecisionOutcome, Pathway, Record
from record.census import PrimaryNeed
from record.lifecycle import Stage
from service.clocks.calendar import as_utc
from service.db.models import DocumentStatus, ImportStatus
from service.problems import Missing

#: a time with its offset (RFC 3339), whatever the database gave back (SQLite: none, in UTC)
Moment = Annotated[datetime, AfterValidator(as_utc)]


class Answer(BaseModel):
    """Read from the database's rows (``from_attributes``)."""

    model_config = ConfigDict(from_attributes=True)


class ReferralSummary(Answer):
    id: int
    reference: str = Field(examples=["FD-000123"], description="What letters and calls quote")
    pathway: Pathway
    status: Stage
    team: str | None = Field(description="The team it was routed to when submitted")
    created_at: Moment
    submitted_at: Moment | None


class Referral(ReferralSummary):
    record: Record
    complete: bool = Field(description="Whether the record has all its pathway's rules need")
    missing: list[Missing] = Field(description="What the pathway's rules still need")


class ReferralPage(BaseModel):
    referrals: list[ReferralSummary]
    total: int = Field(description="How many referrals match, on every page")
    page: int
    per_page: int


class ReferralFilters(BaseModel):
    """The referrals list's filters, as on the web page; only what is given is applied."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200, description="Close spellings match")
    born: date | None = Field(default=None, description="The child's date of birth")
    pathway: Pathway | None = None
    status: Stage | None = None
    team: str | None = Field(default=None, max_length=100)
    timescales: Literal["overdue"] | None = Field(
        default=None, description="overdue: something on it is later than due"
    )
    page: int = Field(default=1, ge=1, le=100_000)


class NewReferral(BaseModel):
    model_config = ConfigDict(extra="forbid")

    record: Record
    submit: bool = Field(
        default=False,
        description="Submit it now (refused, with what is missing, if the record is not "
        "complete); else keep it as a draft that its maker can finish on the web",
    )


class NewDecision(BaseModel):
    """A manager's decision, as the web's decision page takes it."""

    model_config = ConfigDict(extra="forbid")

    outcome: DecisionOutcome
    primary_need: PrimaryNeed | None = Field(
        default=None, description="Why the child is in need, as the CIN census codes it"
    )
    reasons: str = Field(min_length=1, max_length=20_000, description="The referrer reads them")
    threshold_not_met_reason: str | None = Field(
        default=None, max_length=20_000, description="Needed when the threshold is not met"
    )
    other_support: str | None = Field(
        default=None, max_length=20_000, description="Needed when the threshold is not met"
    )
    referrer_email: EmailStr | None = Field(
        default=None, description="E-mail the referrer a link to the outcome letter"
    )
    wants_pdf: bool = True
    late_reason: str | None = Field(
        default=None, max_length=20_000, description="Needed when the decision is overdue"
    )


class Document(Answer):
    id: int
    referral_id: int
    kind: str = Field(examples=["outcome_feedback"])
    status: DocumentStatus
    version: int
    filename: str | None
    wants_pdf: bool
    error: str | None
    created_at: Moment
    completed_at: Moment | None


class Documents(BaseModel):
    documents: list[Document]


class ImportJob(Answer):
    id: int
    batch_id: int
    filename: str
    status: ImportStatus
    kind: str | None = Field(description="What the file was read as: docx, pdf, scan …")
    error: str | None = Field(description="Why it could not be read")
    record: Record | None = Field(description="What was read, once parsed, for review")
    referral_id: int | None = Field(description="The referral made from it, once confirmed")
    created_at: Moment
    finished_at: Moment | None


class ImportBatch(Answer):
    id: int
    label: str
    created_at: Moment
    jobs: list[ImportJob]


class Upload(BaseModel):
    """Legacy forms to import: PDF, Word, OpenDocument, RTF, scans, or a zip of them."""

    # read by the route from the request's files (spectree hands one file alone, not in a list)
    files: Any = Field(
        description="One or more files, each a part named files",
        json_schema_extra={
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "minItems": 1,
        },
    )
