"""A CAF's practitioner records a request made to a specialist service (seed 000): the CAF is
then complete but not closed while they wait for the outcome."""

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from forms.fields import GovDateField
from forms.posted import PostedForm
from record.model import Pathway
from record.titles import PATHWAY_TITLES

#: the specialist services a CAF may ask for help (seed 000), beyond the front door's own
SPECIALIST_SERVICES = [
    pathway
    for pathway in Pathway
    if pathway not in (Pathway.EARLY_HELP, Pathway.SECTION_17, Pathway.SECTION_47)
]


class SpecialistRequestForm(PostedForm):
    service = RadioField(
        "Which specialist service was asked?",
        choices=[SelectChoice(p.value, PATHWAY_TITLES[p]) for p in SPECIALIST_SERVICES],
        validators=[InputRequired("Select the specialist service that was asked")],
        widget=GovRadioInput(),
    )
    requested_on = GovDateField(
        "When was the request made?",
        [InputRequired("Enter the date the request was made")],
        description="For example, 27 3 2026",
    )
    save = SubmitField("Record the request", widget=GovSubmitInput())
