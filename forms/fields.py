"""Fields shared by every journey, with GOV.UK widgets and messages."""

import re
from datetime import date, datetime
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovDateInput,
    GovRadioInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import DateField, Field, FieldList, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError


def text(label: str, *validators, hint: str | None = None) -> StringField:
    """A one-line answer; optional unless ``validators`` say otherwise."""
    return StringField(
        label, validators or [Optional()], widget=GovTextInput(), description=hint or ""
    )


def long_text(label: str, *validators, hint: str | None = None) -> TextAreaField:
    """A free-text answer that may run to paragraphs."""
    return TextAreaField(
        label, validators or [Optional()], widget=GovTextArea(), description=hint or ""
    )


class Checked:
    """An identifier checked as the record checks it (``record.census``), the reason shown
    beside the box it was typed in."""

    def __init__(self, problem_of):
        self.problem_of = problem_of

    def __call__(self, form, field):
        if field.data and (problem := self.problem_of(field.data)):
            raise ValidationError(problem)


def coded(label: str, titles: dict, hint: str | None = None) -> RadioField:
    """An optional choice of one of the census's codes, each shown by its title."""
    return RadioField(
        label,
        [Optional()],
        choices=[SelectChoice(str(code), title) for code, title in titles.items()],
        widget=GovRadioInput(),
        description=hint or "",
    )


class GovDateField(DateField):
    """Day, month and year boxes; a date that does not exist gets a GOV.UK-style message."""

    widget = GovDateInput()

    def __init__(self, label: str, validators=None, **kwargs):
        super().__init__(label, validators, format="%d %m %Y", **kwargs)

    def process_data(self, value):
        """A saved answer: records keep dates as ISO text."""
        self.data = iso_date(value)

    def process_formdata(self, valuelist):
        if len(valuelist) != 3:  # not posted by our three boxes: show them empty
            self.raw_data = None
        if not valuelist or not any(part.strip() for part in valuelist):
            self.data = None
            return
        try:
            self.data = datetime.strptime(" ".join(p.strip() for p in valuelist), "%d %m %Y").date()
        except ValueError:
            self.data = None
            raise ValueError(f"{self.label.text} must be a real date, like 27 3 2014") from None

    def post_validate(self, form, validation_stopped):
        """Optional() reads a date as blank when its Day box is, and drops the date's error: a
        month and year without a day (or boxes not sent as three) are still not a real date."""
        if self.process_errors and not self.errors:
            raise ValidationError(self.process_errors[0])


def iso_date(value: Any) -> date | None:
    """A date as a record keeps it, ISO text ("2014-03-09"), as a date field wants it (a ``date``).

    Records are JSON, so they hold dates as text. A stored value that is not a real date (an older
    or hand-edited record) reads as unanswered, so the page opens and asks again instead of failing.
    """
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def input_id(field: Field) -> str:
    """The id a link to ``field`` should reach."""
    return link_target(field.name, type(field))


def link_target(name: str, field_class: type) -> str:
    """The id a link to the question ``name`` should reach. GOV.UK: a date's links go to its Day
    box (``<name>-day``, as GovDateInput makes it), not to the group of three."""
    return f"{name}-day" if issubclass(field_class, GovDateField) else name


class NotInFuture:
    def __init__(self, message: str):
        self.message = message

    def __call__(self, form, field):
        if field.data and field.data > date.today():
            raise ValidationError(self.message)


class YesNoField(RadioField):
    """A yes/no question whose ``data`` is True, False or None (unanswered), as the record wants."""

    widget = GovRadioInput()

    def __init__(self, label: str, validators=None, **kwargs):
        kwargs.setdefault("validators", validators or [Optional()])
        kwargs.setdefault("render_kw", {"params": {"classes": "govuk-radios--inline"}})
        choices = [SelectChoice("yes", "Yes"), SelectChoice("no", "No")]
        super().__init__(label, choices=choices, **kwargs)

    def pre_validate(self, form):
        if self.data is not None and self.data not in ("yes", "no"):
            raise ValidationError(f"{self.label.text}: select yes or no")

    def process_data(self, value):
        self.data = {True: "yes", False: "no"}.get(value, value)

    @property
    def answer(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.data)


def posted_number(text: str) -> int | None:
    """A row's or a record's number as a page sends it, else None: ``str.isdigit`` takes "²",
    and ``int()`` refuses numbers past 4,300 digits (a server error either way)."""
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else None


class Rows(FieldList):
    """A repeating group (household members) that reads only the rows its page names, as
    ``members-0-name``: other names are no row of it, where WTForms would read ``members-²-name``
    as a row and fail on ``int("²")`` (or on a number past Python's 4,300 digits)."""

    def _extract_indices(self, prefix, formdata):
        for key in formdata:
            if key.startswith(f"{prefix}{self._separator}"):
                index = posted_number(key[len(prefix) + 1 :].split(self._field_separator, 1)[0])
                if index is not None:
                    yield index


def remove_entry(entries: FieldList, index: int) -> None:
    """Drop row ``index`` of a repeating group (a "Remove" button), keeping at least one row."""
    kept = [entry.data for number, entry in enumerate(entries) if number != index]
    entries.entries = []
    entries.last_index = -1
    for data in kept or [None]:
        entries.append_entry(data)
