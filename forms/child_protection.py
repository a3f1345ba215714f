"""A manager records the child protection steps that follow suspected significant harm (Working
Together 2023): the strategy discussion, then the initial child protection conference. Each
stops its statutory clock; one held after its day asks why."""

from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField
from wtforms.validators import InputRequired

from forms.fields import GovDateField, NotInFuture
from forms.lateness import StopsAClock


class StrategyDiscussionForm(StopsAClock):
    held_on = GovDateField(
        "When was the strategy discussion held?",
        [
            InputRequired("Enter the date the strategy discussion was held"),
            NotInFuture("The date the strategy discussion was held must be today or in the past"),
        ],
        description="For example, 27 3 2026",
    )
    save = SubmitField("Record the strategy discussion", widget=GovSubmitInput())


class InitialConferenceForm(StopsAClock):
    held_on = GovDateField(
        "When was the initial child protection conference held?",
        [
            InputRequired("Enter the date the conference was held"),
            NotInFuture("The date the conference was held must be today or in the past"),
        ],
        description="For example, 27 3 2026",
    )
    save = SubmitField("Record the conference", widget=GovSubmitInput())
