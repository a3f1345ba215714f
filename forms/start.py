from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from forms.journeys import START_OPTIONS


class StartReferralForm(FlaskForm):
    pathway = RadioField(
        "What do you want to do?",
        [InputRequired("Select what you want to do")],
        choices=[SelectChoice(code.value, label) for code, label, _ in START_OPTIONS],
        widget=GovRadioInput(),
    )
    submit = SubmitField("Start", widget=GovSubmitInput())
