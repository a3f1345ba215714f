"""Tables. The referral's full record lives in ``record`` (JSON in the RECORD.md contract);
the columns beside it are copies kept for searching and listing."""

import enum
from datetime import UTC, date, datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from record.lifecycle import Stage
from service.extensions import db

RecordJSON = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(enum.StrEnum):
    PRACTITIONER = "practitioner"
    ADMIN = "admin"
    MANAGER = "manager"


class JobStatus(enum.StrEnum):
    """What every job (a document to produce, a file to read) passes through, whatever it
    ends as: the states ``service.db.jobs`` moves it between."""

    QUEUED = "queued"
    RUNNING = "running"
    FAILED = "failed"


class DocumentStatus(enum.StrEnum):
    QUEUED = JobStatus.QUEUED.value
    RUNNING = JobStatus.RUNNING.value
    READY = "ready"
    FAILED = JobStatus.FAILED.value


class ImportStatus(enum.StrEnum):
    """Where an imported file is: read by a worker (queued, running), then ``parsed`` and waiting
    for review, or ``failed``; ``duplicate`` files are never read again; ``confirmed`` ones have
    become referrals."""

    QUEUED = JobStatus.QUEUED.value
    RUNNING = JobStatus.RUNNING.value
    PARSED = "parsed"
    FAILED = JobStatus.FAILED.value
    DUPLICATE = "duplicate"
    CONFIRMED = "confirmed"


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    job_title: Mapped[str | None] = mapped_column(String(200))
    agency: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    #: the team a manager manages: they see the referrals routed to it
    team: Mapped[str | None] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, current_app.config["PASSWORD_HASH"])

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.active


class Child(db.Model):
    """A child known to Front Door; several referrals over time can point at one child."""

    __tablename__ = "children"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100), index=True)
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    date_of_birth: Mapped[date | None] = mapped_column(index=True)
    postcode: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    referrals: Mapped[list["Referral"]] = relationship(back_populates="child")


class Referral(db.Model):
    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    pathway: Mapped[str] = mapped_column(String(30), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True, default=Stage.DRAFT)
    #: the team the referral was routed to when submitted (the TEAMS setting); its managers see it
    team: Mapped[str | None] = mapped_column(String(100), index=True)
    child_first_name: Mapped[str | None] = mapped_column(String(100), index=True)
    child_last_name: Mapped[str | None] = mapped_column(String(100), index=True)
    child_date_of_birth: Mapped[date | None] = mapped_column(index=True)
    referral_date: Mapped[date | None] = mapped_column(index=True)
    #: who referred, as the CIN census codes it (record.sources), for counting by source
    source: Mapped[str | None] = mapped_column(String(3), index=True)
    record: Mapped[dict] = mapped_column(RecordJSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(index=True)
    #: when, by whom and why Front Door's involvement ended (status ``closed``)
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    close_reason: Mapped[str | None] = mapped_column(Text)
    #: the referral an Early Help record was opened from (an assessment that found no child in
    #: need, passed to the CAF with the family's consent)
    opened_from_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"))
    #: when the referrer was e-mailed that it was received (service.delivery.acknowledgements),
    #: or why that failed
    acknowledged_at: Mapped[datetime | None]
    acknowledgement_error: Mapped[str | None] = mapped_column(Text)

    child: Mapped[Child | None] = relationship(back_populates="referrals")
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])
    opened_from: Mapped["Referral | None"] = relationship(remote_side=[id])
    documents: Mapped[list["Document"]] = relationship(
        back_populates="referral", order_by="Document.created_at.desc()"
    )
    stage_changes: Mapped[list["StageChange"]] = relationship(
        back_populates="referral", order_by="StageChange.id", cascade="all, delete-orphan"
    )
    deadlines: Mapped[list["Deadline"]] = relationship(
        back_populates="referral", order_by="Deadline.id", cascade="all, delete-orphan"
    )
    lead_changes: Mapped[list["LeadProfessionalChange"]] = relationship(
        order_by="LeadProfessionalChange.id", cascade="all, delete-orphan"
    )

    @property
    def reference(self) -> str:
        """What a referrer, a letter and a phone call quote: FD-000123."""
        return f"FD-{self.id:06d}"

    @property
    def holder(self) -> dict:
        """Who to contact about it: the lead professional, else the referrer (seed 004: whoever
        starts a CAF holds it until a lead professional is agreed), else whoever entered it."""
        for part in ("lead_professional", "referrer"):
            person = (self.record or {}).get(part) or {}
            if person.get("name"):
                return person
        user = self.created_by
        return {
            "name": user.full_name,
            "role": user.job_title,
            "agency": user.agency,
            "phone": user.phone,
            "email": user.email,
        }


class Document(db.Model):
    """A generated document and the job that produces it: the row is the job's source of truth."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    kind: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(20), index=True, default=DocumentStatus.QUEUED)
    template_name: Mapped[str] = mapped_column(String(100))
    template_version: Mapped[str | None] = mapped_column(String(64))
    filename: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str | None] = mapped_column(String(64))
    #: 1, 2, 3… per referral and kind: regenerating makes a new version, never a changed one
    version: Mapped[int] = mapped_column(default=1)
    #: the PDF beside the DOCX, when it was asked for
    wants_pdf: Mapped[bool] = mapped_column(default=False)
    pdf_content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    #: the uploaded template version used, when not the one shipped in doc_templates/
    template_id: Mapped[int | None] = mapped_column(ForeignKey("template_versions.id"))
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]

    referral: Mapped[Referral] = relationship(back_populates="documents")
    requested_by: Mapped[User] = relationship()


#: what a ready document was made of; none of it changes afterwards
DOCUMENT_CONTENT = ("content", "sha256", "pdf_content", "pdf_sha256", "template_version", "version")


@event.listens_for(Document, "before_update")
def _ready_documents_are_immutable(mapper, connection, target) -> None:
    state = inspect(target)
    was_ready = state.attrs.status.history.deleted or [target.status]
    if was_ready[0] != DocumentStatus.READY:
        return
    changed = [name for name in DOCUMENT_CONTENT if state.attrs[name].history.has_changes()]
    if changed:
        raise PermissionError(
            f"document {target.id} is ready and cannot change ({', '.join(changed)}): "
            "produce a new version instead"
        )


class TemplateVersion(db.Model):
    """An uploaded version of a document template (a file name of doc_templates/). At most one
    version per name is active; without one, the shipped file is used. Rows are never changed
    after upload except for ``active``, so any version can be rolled back to."""

    __tablename__ = "template_versions"
    __table_args__ = (UniqueConstraint("name", "number", name="uq_template_versions_name_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    number: Mapped[int]  # 1, 2, 3… per name
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=False, index=True)
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    activated_at: Mapped[datetime | None]

    uploaded_by: Mapped[User] = relationship()


class FeedbackLink(db.Model):
    """A link e-mailed to someone outside the council (no login) to fetch one document: a
    referrer's outcome-feedback letter (``purpose`` "feedback"), or a document shared with
    another agency ("share", to ``agency``).

    Only the token's SHA-256 is stored; the link works once the recipient confirms the address it
    was sent to, until ``expires_at``."""

    __tablename__ = "feedback_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    send_error: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    downloaded_at: Mapped[datetime | None]
    downloads: Mapped[int] = mapped_column(default=0)
    failed_confirmations: Mapped[int] = mapped_column(default=0)
    purpose: Mapped[str] = mapped_column(String(20), default="feedback", server_default="feedback")
    agency: Mapped[str | None] = mapped_column(String(200))

    referral: Mapped[Referral] = relationship()
    document: Mapped[Document] = relationship()
    created_by: Mapped[User] = relationship()


class StageChange(db.Model):
    """Each move of a referral or CAF through its life (record.lifecycle): from where, to where,
    why, and, when it came after the clock that it stops ran out, the reason it was late."""

    __tablename__ = "stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    move: Mapped[str] = mapped_column(String(30))
    from_stage: Mapped[str] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    late_reason: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    referral: Mapped[Referral] = relationship(back_populates="stage_changes")
    user: Mapped[User | None] = relationship()


class LeadProfessionalChange(db.Model):
    """A formal change of a CAF's lead professional (seed 004): who held it, who holds it now,
    on which of the seed's criteria, agreed when, and who recorded it. The one who held it keeps
    read access to the record (``permissions.sees``)."""

    __tablename__ = "lead_professional_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    #: the contacts, as the record's ``lead_professional`` holds them
    previous: Mapped[dict] = mapped_column(RecordJSON)
    new: Mapped[dict] = mapped_column(RecordJSON)
    #: lower-cased, for the query that lets a former lead professional read the record
    previous_email: Mapped[str | None] = mapped_column(String(254), index=True)
    criteria: Mapped[list] = mapped_column(RecordJSON)
    agreed_on: Mapped[date]
    reason: Mapped[str | None] = mapped_column(Text)
    changed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    changed_by: Mapped[User] = relationship()


class DeadlineOutcome(enum.StrEnum):
    MET = "met"
    LATE = "late"  # stopped after it was due; ``late_reason`` says why
    NOT_NEEDED = "not_needed"  # the referral closed, or a decision made it unnecessary


class Deadline(db.Model):
    """One statutory clock run on a referral (service.clocks' policy): when it started, the day
    it is due, the moment it is overdue, and how it ended. Kept as rows when the lifecycle's
    events happen, so that what is due and overdue is one indexed query, not working days
    counted again for every referral on every page."""

    __tablename__ = "deadlines"
    __table_args__ = (
        Index(
            "ix_deadlines_running",
            "due_at",
            postgresql_where=text("stopped_at IS NULL"),
            sqlite_where=text("stopped_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    clock: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime]
    due_on: Mapped[date] = mapped_column(index=True)
    due_at: Mapped[datetime]
    stopped_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    late_reason: Mapped[str | None] = mapped_column(Text)
    stopped_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    referral: Mapped[Referral] = relationship(back_populates="deadlines")
    stopped_by: Mapped[User | None] = relationship()


class ApiToken(db.Model):
    """A key another system uses to call the JSON API (service/api) as one user, with that
    user's role and access. Only its SHA-256 is stored: the key is shown once, when made."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: what the key is for, as its owner named it ("Police case system")
    name: Mapped[str] = mapped_column(String(100))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    #: the key's first characters, so that its owner can tell which key a row is
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


class AuditEvent(db.Model):
    """Append-only: who did what to which record, when, from where, and how it went."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(50), index=True)
    object_type: Mapped[str | None] = mapped_column(String(50))
    object_id: Mapped[int | None] = mapped_column(index=True)
    outcome: Mapped[str] = mapped_column(String(20), default="success")
    remote_addr: Mapped[str | None] = mapped_column(String(64))

    user: Mapped[User | None] = relationship()


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _audit_is_append_only(mapper, connection, target) -> None:
    raise PermissionError("audit events are never changed or removed")


class ImportBatch(db.Model):
    """One upload (a file, several files or a zip) or one ``frontdoor import`` run."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    label: Mapped[str] = mapped_column(String(255))

    created_by: Mapped[User] = relationship()
    jobs: Mapped[list["ImportJob"]] = relationship(back_populates="batch", order_by="ImportJob.id")


class ImportJob(db.Model):
    """One legacy form on its way to becoming a referral; the row is the job's source of truth.

    The original is kept in storage under ``sha256``; ``record`` holds what the parser read, then
    the admin's corrections; ``error`` says in one line why a file failed or what it duplicates.
    """

    __tablename__ = "import_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    size: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(20), index=True, default=ImportStatus.QUEUED)
    error: Mapped[str | None] = mapped_column(Text)
    record: Mapped[dict | None] = mapped_column(RecordJSON)
    provenance: Mapped[dict | None] = mapped_column(RecordJSON)
    kind: Mapped[str | None] = mapped_column(String(30))
    attempts: Mapped[int] = mapped_column(default=0)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("import_jobs.id"))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]

    batch: Mapped[ImportBatch] = relationship(back_populates="jobs")
    duplicate_of: Mapped["ImportJob | None"] = relationship(remote_side=[id])
    referral: Mapped[Referral | None] = relationship()
