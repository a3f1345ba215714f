"""What every section page shares: loading its answers from a draft record, writing them back,
and saying where in the record each of its questions lives."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import Field, SubmitField

from forms.fields import YesNoField, input_id, link_target
from forms.posted import PostedForm
from record.paths import get_path, set_path
from record.titles import day_month_year


class Section(PostedForm):
    """One question page. By default its fields are named as the keys under ``record_path``."""

    slug: ClassVar[str]
    title: ClassVar[str]
    record_path: ClassVar[str]
    intro: ClassVar[str | None] = None

    save = SubmitField("Save and continue", widget=GovSubmitInput())
    save_for_later = SubmitField("Save and come back later", widget=GovSubmitInput())

    @classmethod
    def from_record(cls, record: dict) -> Section:
        """The page as it was last saved (GET)."""
        return cls(formdata=None, data=dict(get_path(record, cls.record_path) or {}))

    @classmethod
    def _unbound_fields_by_name(cls) -> dict:
        """The declared fields, found as WTForms' own FormMeta finds them."""
        return {
            name: getattr(cls, name)
            for name in dir(cls)
            if not name.startswith("_") and hasattr(getattr(cls, name), "_formfield")
        }

    def questions(self) -> list[Field]:
        """The fields that hold answers (not buttons, not the CSRF token)."""
        return [f for f in self if f.type not in ("SubmitField", "CSRFTokenField", "HiddenField")]

    def answers(self) -> dict:
        return {field.short_name: answer_of(field) for field in self.questions()}

    def apply(self, record: dict) -> None:
        """Write this page's answers into ``record`` (answers left blank are removed)."""
        current = dict(get_path(record, self.record_path) or {})
        current.update(self.answers())
        set_path(record, self.record_path, current)

    def summary(self, record: dict) -> list[dict]:
        """Rows for "check your answers": each question, its answer, and where to change it."""
        return [
            {"label": field.label.text, "value": display(field), "anchor": input_id(field)}
            for field in self.questions()
        ]

    def check_against(self, record: dict) -> bool:
        """Checks that need other answers in the record; True when there is nothing wrong."""
        return True

    @classmethod
    def path_of(cls, name: str) -> str:
        """The record field the question ``name`` answers."""
        return name if name == cls.record_path else f"{cls.record_path}.{name}"

    @classmethod
    def anchor_for(cls, path: str) -> str | None:
        """The id on this page of the question that answers ``path``, if this page asks it."""
        prefix = f"{cls.record_path}."
        name = path[len(prefix) :] if path.startswith(prefix) else None
        unbound = cls._unbound_fields_by_name().get(name)
        return link_target(name, unbound.field_class) if unbound else None


NOT_ANSWERED = "Not answered"


def display(field: Field) -> str:
    """An answer as the check-your-answers page shows it."""
    if isinstance(field, YesNoField):
        return {True: "Yes", False: "No"}.get(field.answer, NOT_ANSWERED)
    if isinstance(field.data, dt.date):
        return day_month_year(field.data)
    if hasattr(field, "choices") and field.data:
        return next(
            (str(c.label) for c in field.iter_choices() if c.value == field.data), field.data
        )
    return str(field.data) if field.data not in (None, "") else NOT_ANSWERED


def answer_of(field: Field) -> Any:
    if isinstance(field, YesNoField):
        return field.answer
    return field.data
