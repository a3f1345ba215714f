"""The referrals list's search and filters (a GET form: the address says what is shown, so a
filtered list can be bookmarked or shared with a colleague)."""

from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextInput
from wtforms import Form, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from forms.fields import GovDateField
from record.lifecycle import STAGE_TITLES
from record.titles import PATHWAY_TITLES

ANY = SelectChoice("", "Any")


class ReferralFilterForm(Form):
    name = StringField(
        "Child's name",
        [Optional()],
        widget=GovTextInput(),
        description="Close spellings are found too",
    )
    born = GovDateField("Date of birth", [Optional()], description="For example, 9 3 2014")
    pathway = SelectField(
        "Pathway",
        choices=[ANY, *(SelectChoice(code.value, title) for code, title in PATHWAY_TITLES.items())],
        default="",
        widget=GovSelect(),
    )
    status = SelectField(
        "Status",
        choices=[ANY, *(SelectChoice(code.value, title) for code, title in STAGE_TITLES.items())],
        default="",
        widget=GovSelect(),
    )
    team = StringField("Team", [Optional()], widget=GovTextInput())
    timescales = SelectField(
        "Timescales",
        choices=[ANY, SelectChoice("overdue", "Overdue")],
        default="",
        widget=GovSelect(),
    )
    apply = SubmitField("Apply filters", widget=GovSubmitInput())

    def filters(self) -> dict:
        """What to filter on, only what was given."""
        given = {
            "name": (self.name.data or "").strip(),
            "born": self.born.data,
            "pathway": self.pathway.data,
            "status": self.status.data,
            "team": (self.team.data or "").strip(),
            "overdue": self.timescales.data == "overdue",
        }
        return {key: value for key, value in given.items() if value}
