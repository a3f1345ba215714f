"""The base of every staff form: it reads only what its page's own form can send."""

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto  # FlaskForm's "read the request" default
from werkzeug.datastructures import MultiDict
from wtforms import FileField


class PostedForm(FlaskForm):
    class Meta:
        def wrap_formdata(self, form, formdata):
            """Text without NUL characters, and files only for the form's file questions.
            FlaskForm also reads a file sent as an answer, and a JSON body's numbers and lists,
            as answers, and validators that expect text fail on them; and PostgreSQL refuses a
            NUL, which no one types: each a server error instead of a message."""
            if formdata is not _Auto:
                return super().wrap_formdata(form, formdata)
            if request.method != "POST":
                return None
            uploads = {field.name for field in form if isinstance(field, FileField)}
            files = [(name, f) for name, f in request.files.items(multi=True) if name in uploads]
            text = [
                (name, value.replace("\x00", "")) for name, value in request.form.items(multi=True)
            ]
            return MultiDict([*files, *text]) or None
