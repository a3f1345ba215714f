"""A manager records what the initial assessment found (seed 003 §1.7): one of its four
outcomes; for complex needs, which of §1.8's criteria make them so; for a child found not to
be in need, whether the family agrees to the case passing to the CAF (§1.9)."""

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
)
from wtforms import RadioField, SelectMultipleField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional

from forms.fields import GovDateField, YesNoField
from forms.lateness import StopsAClock
from record.census import ASSESSMENT_FACTOR_TITLES
from record.model import InitialAssessmentOutcome
from record.titles import COMPLEX_NEED_TITLES, INITIAL_ASSESSMENT_TITLES


class AssessmentForm(StopsAClock):
    outcome = RadioField(
        "What did the initial assessment find?",
        choices=[
            SelectChoice(code.value, title) for code, title in INITIAL_ASSESSMENT_TITLES.items()
        ],
        validators=[InputRequired("Select what the initial assessment found")],
        widget=GovRadioInput(),
    )
    complex_needs = SelectMultipleField(
        "What makes the child's needs complex?",
        choices=[SelectChoice(code.value, title) for code, title in COMPLEX_NEED_TITLES.items()],
        widget=GovCheckboxesInput(),
        description="Select all that apply",
    )
    family_consents_to_caf = YesNoField(
        "Does the family agree to the case being passed to the Common Assessment Framework?"
    )
    started_on = GovDateField(
        "When did the assessment start?",
        [Optional()],
        description="For example, 2 3 2026",
    )
    factors = SelectMultipleField(
        "What factors did the assessment identify?",
        choices=[SelectChoice(code, title) for code, title in ASSESSMENT_FACTOR_TITLES.items()],
        widget=GovCheckboxesInput(),
        description="Select all that apply, as the children in need census counts them",
    )
    completed_on = GovDateField(
        "When was the assessment completed?",
        [InputRequired("Enter the date the assessment was completed")],
        description="For example, 27 3 2026",
    )
    save = SubmitField("Record the outcome", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if (
            self.outcome.data == InitialAssessmentOutcome.IN_NEED_COMPLEX
            and not self.complex_needs.data
        ):
            self.complex_needs.errors = [
                *self.complex_needs.errors,
                "Select what makes the needs complex",
            ]
            valid = False
        if (
            self.outcome.data == InitialAssessmentOutcome.NOT_IN_NEED
            and self.family_consents_to_caf.answer is None
        ):
            self.family_consents_to_caf.errors = [
                *self.family_consents_to_caf.errors,
                "Say whether the family agrees to the case passing to the CAF",
            ]
            valid = False
        return valid

    def outcome_items(self, complex_questions: str, caf_question: str) -> list[dict]:
        """The outcome radios: complex needs reveal §1.8's criteria, not in need the question
        of consent (GOV.UK conditional reveal; without JavaScript both show)."""
        reveals = {
            InitialAssessmentOutcome.IN_NEED_COMPLEX: complex_questions,
            InitialAssessmentOutcome.NOT_IN_NEED: caf_question,
        }
        return [
            {"conditional": {"html": reveals[choice.value]}} if choice.value in reveals else {}
            for choice in self.outcome.choices
        ]

    def assessment(self) -> dict:
        """The record's ``initial_assessment`` part."""
        outcome = InitialAssessmentOutcome(self.outcome.data)
        return {
            "outcome": outcome,
            "complex_needs": self.complex_needs.data
            if outcome == InitialAssessmentOutcome.IN_NEED_COMPLEX
            else [],
            "family_consents_to_caf": (
                self.family_consents_to_caf.answer
                if outcome == InitialAssessmentOutcome.NOT_IN_NEED
                else None
            ),
            "started_on": self.started_on.data,
            "completed_on": self.completed_on.data,
            "factors": self.factors.data or [],
        }
