"""Every field of the record contract as a page that edits a whole record shows it: its dotted
path, the label staff know from the question pages, and how it is typed in.

Built from ``record.Record`` itself, so a field added to the contract appears here
without a change; labels come from the question pages (``forms.journeys``) where they ask it.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from wtforms import TextAreaField

from forms.journeys import JOURNEYS, SPECIALIST_JOURNEY
from forms.sections.people import HouseholdMemberForm
from record.shape import RECORD_SHAPE, ListOf

GROUP_TITLES = {
    "": "Pathway and threshold",
    "child": "The child",
    "household_members": "Household members",
    "referrer": "The referrer",
    "referral": "The referral",
    "consent": "Consent",
    "consent.young_person_competence": "A young person's own agreement",
    "assessment.development": "Development of the child",
    "assessment.parenting": "Parents and carers",
    "assessment.family_environment": "Family and environment",
    "assessment": "Conclusions and actions",
    "harm": "The harm (Section 47)",
    "lead_professional": "Lead professional",
    "attachments": "Documents attached",
}
EXTRA_LABELS = {
    "pathway": "Pathway",
    "threshold_level": "Threshold level (1 to 4)",
    "consent.decision_reason": "Reasons for not seeking consent or not telling the family",
    "attachments.kind": "Kind of document",
    "attachments.filename": "File name",
}
#: parts recorded after the referral, on their own pages (TAC and CIN plans, the decision)
RECORDED_LATER = {"tac_plan", "cin_plan", "decision", "initial_assessment", "child_protection"}


@dataclass(frozen=True)
class RecordField:
    """``kind``: text, long_text, date, yes_no, number or choice (with ``choices``)."""

    path: str
    label: str
    kind: str
    choices: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class FieldGroup:
    """Fields under one heading; for a list (``rows``) each field's path is relative to an item."""

    path: str
    title: str
    fields: tuple[RecordField, ...]
    rows: bool = False


def _question_labels() -> dict[str, tuple[str, bool]]:
    """path -> (label, asked as a long answer) from every question page of every journey."""
    found: dict[str, tuple[str, bool]] = {}
    pages = {page for pages in JOURNEYS.values() for page in pages} | set(SPECIALIST_JOURNEY)
    sources = [(page.path_of, page._unbound_fields_by_name()) for page in pages]
    member_fields = {
        name: getattr(HouseholdMemberForm, name)
        for name in dir(HouseholdMemberForm)
        if hasattr(getattr(HouseholdMemberForm, name), "_formfield")
    }
    sources.append((lambda name: f"household_members.{name}", member_fields))
    for path_of, fields in sources:
        for name, unbound in fields.items():
            label = unbound.kwargs.get("label") or (unbound.args[0] if unbound.args else None)
            if isinstance(label, str):
                path = path_of(name)
                found.setdefault(path, (label, issubclass(unbound.field_class, TextAreaField)))
    return found


def _field(path: str, annotation, labels: dict) -> RecordField:
    label, long = labels.get(path, (None, False))
    label = (
        EXTRA_LABELS.get(path) or label or path.rsplit(".", 1)[-1].replace("_", " ").capitalize()
    )
    if annotation is dt.date:
        return RecordField(path, label, "date")
    if annotation is bool:
        return RecordField(path, label, "yes_no")
    if annotation is int:
        return RecordField(path, label, "number")
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return RecordField(path, label, "choice", tuple(item.value for item in annotation))
    return RecordField(path, label, "long_text" if long else "text")


def _groups(shape: dict, prefix: str, labels: dict) -> list[FieldGroup]:
    own: list[RecordField] = []
    nested: list[FieldGroup] = []
    for name, part in shape.items():
        path = f"{prefix}.{name}" if prefix else name
        if path in RECORDED_LATER:
            continue
        if isinstance(part, ListOf):
            row_fields = tuple(
                _field(f"{path}.{row_name}", kind, labels) for row_name, kind in part.item.items()
            )
            nested.append(FieldGroup(path, GROUP_TITLES.get(path, path), row_fields, rows=True))
        elif isinstance(part, dict):
            nested.extend(_groups(part, path, labels))
        else:
            own.append(_field(path, part, labels))
    if own:  # the record's own fields lead; a part's come after its sub-parts (CAF conclusions)
        group = FieldGroup(prefix, GROUP_TITLES.get(prefix, prefix), tuple(own))
        nested.insert(0, group) if not prefix else nested.append(group)
    return nested


GROUPS: list[FieldGroup] = _groups(RECORD_SHAPE, "", _question_labels())
