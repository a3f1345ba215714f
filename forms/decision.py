"""The manager's decision on a referral (seed 002 "Outcome Feedback", seed 003 §1.7/§1.9): what
was decided and why, and, when the threshold is not met, why not and which other support is
suggested. The outcome-feedback letter to the referrer is made from these answers."""

import re

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from markupsafe import Markup
from wtforms import BooleanField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, InputRequired, Optional

from forms.fields import coded, long_text
from forms.lateness import StopsAClock
from record import THRESHOLD_NOT_MET, DecisionOutcome
from record.census import PRIMARY_NEED_TITLES
from record.titles import OUTCOME_TITLES

BELOW_THRESHOLD = {outcome.value for outcome in THRESHOLD_NOT_MET}
TEXTAREA = re.compile(r"(<textarea\b[^>]*>)(.*?)(</textarea>)", re.DOTALL)


def _lines_kept(html: str) -> Markup:
    """``html`` with each textarea's line breaks as character references: the radios' fieldset
    indents everything it holds, which would push an answer's later lines to the right."""
    return Markup(  # noqa: S704 - ``html`` is the widgets' own, already escaped
        TEXTAREA.sub(
            lambda m: m[1] + m[2].replace("\r", "&#13;").replace("\n", "&#10;") + m[3], html
        )
    )


class DecisionForm(StopsAClock):
    outcome = RadioField(
        "What has been decided?",
        choices=[SelectChoice(outcome.value, title) for outcome, title in OUTCOME_TITLES.items()],
        validators=[InputRequired("Select the decision taken on the referral")],
        widget=GovRadioInput(),
    )
    primary_need = coded(
        "What is the child's primary need?",
        PRIMARY_NEED_TITLES,
        hint="The main reason the child is in need, as the children in need census counts it",
    )
    threshold_not_met_reason = long_text(
        "Why the threshold for children's social care is not met",
        hint=(
            "Needed when the threshold is not met: no further action, signposting, early help, "
            "or an assessment that found no child in need"
        ),
    )
    other_support = long_text(
        "Other support suggested",
        hint="Services the child and family could use instead",
    )
    reasons = long_text(
        "Reasons for the decision",
        InputRequired("Give the reasons for the decision: the referrer will read them"),
        hint="The referrer reads these in the outcome letter",
    )
    referrer_email = StringField(
        "Send the outcome letter to the referrer at",
        [
            Optional(),
            Email("Enter an email address in the right format, like name@example.gov.uk"),
        ],
        # Optional() lets spaces alone through: trimmed, they are the blank that sends nothing
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        widget=GovTextInput(),
        description="The referrer gets a link to the letter, not the letter itself. Leave blank "
        "not to send it.",
    )
    wants_pdf = BooleanField(
        "Also produce the letter as a PDF",
        default=True,
        widget=GovCheckboxInput(),
    )
    save = SubmitField("Record decision", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.outcome.data in BELOW_THRESHOLD:
            for field, message in (
                (self.threshold_not_met_reason, "Say why the threshold is not met"),
                (self.other_support, "Say which other support is suggested"),
            ):
                if not (field.data or "").strip():
                    field.errors = [*field.errors, message]
                    valid = False
        return valid

    def outcome_items(self, below_threshold_questions: str) -> list[dict]:
        """Items for the outcome radios: the outcomes below the threshold reveal the questions
        only they need (GOV.UK conditional reveal; without JavaScript every question shows).

        govuk-frontend gives a reveal to one radio, so it follows the checked outcome (after an
        error it is then open, beside the answer) or else the last of them; the others point at it
        too, and static/shared_reveal.js opens it for any of them.
        """
        choices = self.outcome.choices
        below = [n for n, choice in enumerate(choices) if choice.value in BELOW_THRESHOLD]
        host = next((n for n in below if choices[n].value == self.outcome.data), below[-1])
        # govukRadios numbers its radios' ids: outcome, outcome-2, outcome-3...
        radio_id = self.outcome.name if host == 0 else f"{self.outcome.name}-{host + 1}"
        items: list[dict] = [{} for _ in choices]
        for n in below:
            items[n] = {"attributes": {"data-aria-controls": f"conditional-{radio_id}"}}
        items[host] = {"conditional": {"html": _lines_kept(below_threshold_questions)}}
        return items

    def decision(self, decided_by: str, decided_on) -> dict:
        """The record's ``decision`` part."""
        return {
            "outcome": DecisionOutcome(self.outcome.data),
            "primary_need": self.primary_need.data or None,
            "reasons": self.reasons.data,
            "threshold_not_met_reason": self.threshold_not_met_reason.data or None,
            "other_support": self.other_support.data or None,
            "decided_by": decided_by,
            "decided_on": decided_on,
        }
