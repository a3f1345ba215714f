"""Documents attached to a referral. Each file is kept the moment it is uploaded, so an error
elsewhere on the page never loses it."""

from __future__ import annotations

from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovFileInput

from forms.sections.base import Section
from record import AttachmentKind
from record.titles import ATTACHMENT_LABELS as LETTER_LABELS

# The letters' names for each kind, with "other" asked for as the guidance words it (seed 002).
ATTACHMENT_LABELS = {
    **LETTER_LABELS,
    AttachmentKind.OTHER: "Other multi-agency assessment and plan",
}


class AttachmentsSection(Section):
    slug = "documents"
    title = "Documents"
    record_path = "attachments"
    intro = "Attach the assessments and plans the referral relies on. A new file replaces the last."

    @classmethod
    def from_record(cls, record: dict) -> AttachmentsSection:
        return cls(formdata=None)

    def questions(self):
        return [field for field in self if isinstance(field, FileField)]

    def apply(self, record: dict) -> None:
        """Files are stored and listed by ``keep_uploads``; nothing else to write."""

    def keep_uploads(self, record: dict, store) -> None:
        """Store each file chosen on this page with ``store`` and list it in the record."""
        attachments = list(record.get("attachments") or [])
        for field in self.questions():
            upload = field.data
            if upload is None or not getattr(upload, "filename", ""):
                continue
            saved = store(upload)
            attachments = [a for a in attachments if a.get("kind") != field.short_name]
            attachments.append(
                {"kind": field.short_name, "filename": saved["filename"], "sha256": saved["sha256"]}
            )
        record["attachments"] = attachments

    def summary(self, record: dict) -> list[dict]:
        attached = {a.get("kind"): a.get("filename") for a in record.get("attachments") or []}
        return [
            {
                "label": field.label.text,
                "value": attached.get(field.short_name) or "None attached",
                "anchor": field.id,
            }
            for field in self.questions()
        ]

    @classmethod
    def anchor_for(cls, path: str) -> str | None:
        kind = path.removeprefix("attachments.")
        return kind if path.startswith("attachments.") and kind in ATTACHMENT_LABELS else None


for _kind, _label in ATTACHMENT_LABELS.items():
    setattr(AttachmentsSection, _kind.value, FileField(_label, widget=GovFileInput()))
