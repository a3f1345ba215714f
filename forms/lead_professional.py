"""A formal change of lead professional (seed 004): whoever completed the CAF holds the role
until one is agreed, usually at the Team Around the Child; the new one is chosen on the seed's
criteria (the family's preference, involvement, the main area of need, skills and capacity)."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSubmitInput
from wtforms import SelectMultipleField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, InputRequired

from forms.fields import GovDateField, long_text, text
from forms.posted import PostedForm
from record.titles import LEAD_CHOICE_TITLES


class LeadProfessionalChangeForm(PostedForm):
    name = text("Full name", InputRequired("Enter the new lead professional's name"))
    role = text("Job title", InputRequired("Enter the new lead professional's job title"))
    agency = text("Agency or organisation", InputRequired("Enter their agency or organisation"))
    phone = text("Telephone")
    email = text(
        "Email address",
        InputRequired("Enter their email address: it gives them access to the record"),
        Email("Enter an email address in the right format, like name@example.gov.uk"),
        hint="They sign in to Front Door with it to see and keep the CAF",
    )
    criteria = SelectMultipleField(
        "Why are they the right lead professional?",
        [InputRequired("Select why they are the right lead professional")],
        choices=[SelectChoice(code.value, title) for code, title in LEAD_CHOICE_TITLES.items()],
        widget=GovCheckboxesInput(),
        description="Select all that apply",
    )
    agreed_on = GovDateField(
        "When was it agreed?",
        [InputRequired("Enter the date the change was agreed")],
        description="For example, at the Team Around the Child meeting on 27 3 2026",
    )
    reason = long_text(
        "Anything else about the change",
        hint="For example, the school nurse is leaving the service at the end of term",
    )
    save = SubmitField("Change the lead professional", widget=GovSubmitInput())

    def contact(self) -> dict:
        """The record's ``lead_professional``."""
        given = {
            name: (getattr(self, name).data or "").strip() or None
            for name in ("name", "role", "agency", "phone", "email")
        }
        return {name: value for name, value in given.items() if value}
