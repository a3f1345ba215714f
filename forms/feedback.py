"""The one question a referrer answers before reading their outcome letter: the address the
link was sent to (whether it is the right one is service.delivery.links's to decide)."""

from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired

from forms.posted import PostedForm

ENTER_ADDRESS = "Enter the email address this link was sent to"


class ConfirmEmailForm(PostedForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        filters=[lambda value: value.strip() if value else value],
        validators=[DataRequired(message=ENTER_ADDRESS)],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())
