"""Importing legacy forms: the upload form, and the review form on which an admin corrects what
the parser read before it becomes a referral.

The review form has one input per record field, named by its dotted path (``child.first_name``),
and one row per household member or attached document (``household_members-0-name``). Dates,
yes/no answers and numbers are typed as text and turned back into the record's formats here.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileRequired, MultipleFileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovFileInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    Field,
    Form,
    FormField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError

from forms.fields import Rows
from forms.posted import PostedForm
from forms.record_fields import GROUPS, RecordField
from record.paths import get_path, remove_path, set_path
from record.titles import ATTACHMENT_LABELS, PATHWAY_TITLES

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y")
YES = {"yes", "y", "true", "ticked"}
NO = {"no", "n", "false", "not ticked"}
HINTS = {
    "date": "For example, 2014-03-09 or 9/3/2014",
    "yes_no": "Yes or no; leave blank if the form does not say",
    "number": "A whole number",
}


class UploadForm(FlaskForm):
    files = MultipleFileField(
        "Choose the forms to import",
        [FileRequired("Select a form, several forms or a zip of forms")],
        widget=GovFileInput(multiple=True),
        description=(
            "PDF or Word forms (.docx, .doc, .rtf or .odt), scans of forms (PNG, TIFF, JPEG or "
            "a scanned PDF), or a .zip of them. "
            "You can choose several files."
        ),
    )
    submit = SubmitField("Upload and read the forms", widget=GovSubmitInput())


def to_text(field: RecordField, value: Any) -> str:
    """A record value as the admin sees it in an input."""
    if value is None:
        return ""
    if field.kind == "yes_no" and isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def from_text(field: RecordField, text: str | None) -> Any:
    """What the admin typed, in the record's format; ValueError says what is wrong with it."""
    text = (text or "").strip()
    if not text:
        return None
    if field.kind == "date":
        for pattern in DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
        raise ValueError(f"{field.label} must be a real date, like 2014-03-09")
    if field.kind == "yes_no":
        if text.lower() in YES | NO:
            return text.lower() in YES
        raise ValueError(f"{field.label}: enter yes or no, or leave it blank")
    if field.kind == "number":
        if re.fullmatch(r"[0-9]{1,9}", text):  # isdigit() would take "²" and 5,000 digits
            return int(text)
        raise ValueError(f"{field.label} must be a whole number")
    return text


class Converts:
    """Checks that what was typed can be turned into the record's format."""

    def __init__(self, field: RecordField):
        self.field = field

    def __call__(self, form, field):
        try:
            from_text(self.field, field.data)
        except ValueError as error:
            raise ValidationError(str(error)) from None


def _choices(field: RecordField) -> list[SelectChoice]:
    titles = {**PATHWAY_TITLES, **ATTACHMENT_LABELS}
    return [SelectChoice("", "Not given")] + [
        SelectChoice(value, titles.get(value, value)) for value in field.choices
    ]


def _form_field(field: RecordField) -> Field:
    if field.kind == "choice":
        return SelectField(field.label, [Optional()], choices=_choices(field), widget=GovSelect())
    if field.kind == "long_text":
        return TextAreaField(field.label, [Optional()], widget=GovTextArea())
    return StringField(
        field.label,
        [Optional(), Converts(field)],
        widget=GovTextInput(),
        description=HINTS.get(field.kind, ""),
    )


class ReviewFormBase(PostedForm):
    confirm = SubmitField("Confirm and create referral", widget=GovSubmitInput())
    save = SubmitField("Save corrections", widget=GovSubmitInput())

    @classmethod
    def from_record(cls, record: dict | None) -> ReviewFormBase:
        """The form showing ``record``, with one empty row to add a household member or document."""
        record = record or {}
        data: dict[str, Any] = {}
        for group in GROUPS:
            if group.rows:
                data[group.path] = [
                    {f.name: to_text(f, item.get(f.name)) for f in group.fields}
                    for item in record.get(group.path) or []
                    if isinstance(item, dict)
                ]
            else:
                for f in group.fields:
                    data[f.path] = to_text(f, get_path(record, f.path))
        form = cls(formdata=None, data=data)
        for group in GROUPS:
            if group.rows:
                form[group.path].append_entry()
        return form

    def to_record(self, base: dict | None) -> dict:
        """``base`` (what the parser read) with every field as the admin left it; blanks removed,
        anything the parser found beyond these fields kept."""
        record = copy.deepcopy(base or {})
        for group in GROUPS:
            if group.rows:
                rows = [self._row(group.fields, entry.form) for entry in self[group.path].entries]
                record[group.path] = [row for row in rows if row]
            else:
                for f in group.fields:
                    if (value := from_text(f, self[f.path].data)) is not None:
                        set_path(record, f.path, value)
                    else:
                        remove_path(record, f.path)
        return record

    @staticmethod
    def _row(fields, row_form: Form) -> dict:
        values = {f.name: from_text(f, row_form[f.name].data) for f in fields}
        return {name: value for name, value in values.items() if value is not None}

    def field_at(self, path: str) -> Field | None:
        """The input for a dotted record path (``household_members.0.name`` is a row's cell)."""
        if path in self._fields:
            return self[path]
        head, _, rest = path.partition(".")
        index, _, name = rest.partition(".")
        if head in self._fields and index.isdigit():
            entries = self[head].entries
            if int(index) < len(entries) and name in entries[int(index)].form._fields:
                return entries[int(index)].form[name]
        return None

    def add_problems(self, problems: list[str]) -> None:
        """Show the record's problems (``path: message``) against the inputs they concern."""
        for problem in problems:
            path, _, message = problem.partition(": ")
            field = self.field_at(path)
            if field is None:
                self.form_errors.append(problem)
            else:
                field.errors = [*field.errors, f"{field.label.text}: {message}"]
        for group in GROUPS:  # a table's errors are its rows', as validate() collected them
            if group.rows:
                rows = self[group.path]
                found = [entry.errors for entry in rows.entries]
                rows.errors = found if any(found) else []


def _build_review_form() -> type[ReviewFormBase]:
    fields: dict[str, Any] = {}
    for group in GROUPS:
        if group.rows:
            row_form = type(
                f"{group.path}_row", (Form,), {f.name: _form_field(f) for f in group.fields}
            )
            fields[group.path] = Rows(FormField(row_form), group.title)
        else:
            fields.update({f.path: _form_field(f) for f in group.fields})
    return type("ReviewForm", (ReviewFormBase,), fields)


ReviewForm = _build_review_form()
