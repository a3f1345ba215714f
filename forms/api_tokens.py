"""Naming a new API token: what it is for, so that its owner can tell their tokens apart and
revoke the right one."""

from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from forms.posted import PostedForm


class NewTokenForm(PostedForm):
    name = StringField(
        "What is the token for?",
        [
            DataRequired("Say what the token is for"),
            Length(max=100, message="Say what the token is for in 100 characters or fewer"),
        ],
        widget=GovTextInput(),
        description="For example, the name of the system that will use it",
    )
    make = SubmitField("Make a token", widget=GovSubmitInput())
