"""The base of every staff form: it reads only what its page's own form can send."""

import re

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto  # FlaskForm's "read the request" default
from werkzeug.datastructures import MultiDict
from wtforms import FileField

# What else Python counts as a line end (str.splitlines), as pasted from Word (a vertical tab for
# Shift+Enter) or the web (U+2028): each is a line end in the answer. Left in, a page showing
# the answer inside indented markup (the radios' conditional questions) broke the line there
# and indented the rest.
OTHER_LINE_ENDS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def as_sent(value: str) -> str:
    """An answer as Front Door keeps it: no NUL, which no one types and PostgreSQL refuses, and
    one kind of line end."""
    return OTHER_LINE_ENDS.sub("\n", value.replace("\x00", ""))


class PostedForm(FlaskForm):
    class Meta:
        def wrap_formdata(self, form, formdata):
            """Text ``as_sent``, and files only for the form's file questions.
            FlaskForm also reads a file sent as an answer, and a JSON body's numbers and lists,
            as answers, and validators that expect text fail on them; and PostgreSQL refuses a
            NUL: each a server error instead of a message."""
            if formdata is not _Auto:
                return super().wrap_formdata(form, formdata)
            if request.method != "POST":
                return None
            uploads = {field.name for field in form if isinstance(field, FileField)}
            files = [(name, f) for name, f in request.files.items(multi=True) if name in uploads]
            text = [(name, as_sent(value)) for name, value in request.form.items(multi=True)]
            return MultiDict([*files, *text]) or None
