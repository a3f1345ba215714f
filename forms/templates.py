"""Uploading a new version of a document template (admins): the Word file and a short note."""

from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSubmitInput, GovTextArea
from wtforms import SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from forms.posted import PostedForm

MAX_TEMPLATE_MB = 10


class TemplateUploadForm(PostedForm):
    file = FileField(
        "Upload a new version",
        [
            FileRequired("Select the Word file of the new version"),
            FileAllowed(["docx"], "The selected file must be a Word document (.docx)"),
            FileSize(
                MAX_TEMPLATE_MB * 1024 * 1024,
                message=f"The selected file must be smaller than {MAX_TEMPLATE_MB} MB",
            ),
        ],
        widget=GovFileInput(),
        description="A Word document (.docx) with docxtpl tags. It is checked before it is kept.",
    )
    note = TextAreaField(
        "What changed in this version",
        [
            InputRequired("Enter a short note saying what changed in this version"),
            Length(max=500, message="The note must be 500 characters or fewer"),
        ],
        widget=GovTextArea(),
        description="For example, the new address of the duty team, and any variable added.",
    )
    submit = SubmitField("Upload and check", widget=GovSubmitInput())

    def refuse(self, problems: list[str]) -> None:
        """Point from the file input to the checker's problems (the page lists each one)."""
        if len(problems) == 1:
            self.file.errors = list(problems)
        else:
            self.file.errors = [
                f"The template was not kept: fix the {len(problems)} problems listed at the top "
                "of the page and upload it again"
            ]
