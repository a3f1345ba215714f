"""The error summary at the top of a page (GOV.UK pattern): each question's problem, linked to the
input that has it, in the order the form declares its questions."""

from wtforms import Field, FieldList, Form, FormField

from forms.fields import input_id


def error_summary(form: Form) -> dict:
    """``govukErrorSummary`` params for ``form``. A problem with the page as a whole has no one
    input to link to, so it is listed as text."""
    errors = [{"text": message} for message in form.form_errors]
    errors += [
        {"text": field.errors[0], "href": f"#{input_id(field)}"}
        for field in _inputs(form)
        if field.errors
    ]
    return {"titleText": "There is a problem", "errorList": errors}


def _inputs(fields) -> list[Field]:
    """The fields of ``fields``, with those of each repeated row (household members, actions)."""
    found = []
    for field in fields:
        found += _inputs(field) if isinstance(field, FieldList | FormField) else [field]
    return found
