"""The plans agreed for a child after a referral: the Team Around the Child plan and its reviews
(seed 004), and the Child in Need plan (seed 003 §2.3). Each is kept in the record
(``tac_plan``, ``cin_plan``), so their documents are made from what was recorded."""

from __future__ import annotations

from typing import Any, ClassVar

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput
from wtforms import FieldList, Form, FormField, RadioField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from forms.fields import GovDateField, Rows, YesNoField, long_text, remove_entry, text
from forms.posted import PostedForm
from forms.sections.base import answer_of


class ActionForm(Form):
    """One row of a plan's action table: who does what, by when."""

    who = text("Who", Length(max=200), hint="A person, or a service")
    what = long_text("What they will do")
    by_when = GovDateField("By when", [Optional()], description="For example, 18 12 2026")


class PlanForm(PostedForm):
    """A plan with an action table whose rows can be added and removed."""

    record_path: ClassVar[str]
    title: ClassVar[str]

    actions = Rows(FormField(ActionForm), min_entries=1)
    add_action = SubmitField("Add another action", widget=GovSubmitInput())
    save = SubmitField("Save plan", widget=GovSubmitInput())

    @classmethod
    def from_record(cls, record: dict) -> PlanForm:
        return cls(formdata=None, data=cls._saved_to_form(record.get(cls.record_path) or {}))

    @classmethod
    def _saved_to_form(cls, saved: dict) -> dict:
        return saved

    def questions(self) -> list:
        """The fields that hold answers, in page order (the actions table is shown on its own)."""
        skip = ("SubmitField", "CSRFTokenField")
        return [f for f in self if f.type not in skip and not isinstance(f, FieldList)]

    def remove_action(self, index: int) -> None:
        remove_entry(self.actions, index)

    def to_plan(self, saved: dict | None) -> dict:
        """The part of the record this form writes, keeping what it does not ask (reviews)."""
        plan = dict(saved or {})
        plan.update({field.short_name: answer_of(field) for field in self.questions()})
        plan["actions"] = [
            {field.short_name: answer_of(field) for field in entry.form}
            for entry in self.actions
            if any(answer_of(field) not in (None, "") for field in entry.form)
        ]
        return plan


class TacPlanForm(PlanForm):
    record_path = "tac_plan"
    title = "Team Around the Child plan"

    meeting_date = GovDateField(
        "Date of the TAC meeting", [InputRequired("Enter the date of the TAC meeting")]
    )
    needs = long_text(
        "Needs agreed at the meeting", InputRequired("Say which needs the TAC agreed")
    )
    priorities = long_text("Priorities", hint="Which needs come first, and why")
    outcomes = long_text(
        "Outcomes the plan aims for", InputRequired("Say what the plan should achieve")
    )
    review_date = GovDateField(
        "Review date", [InputRequired("Enter the date the TAC will review the plan")]
    )
    shared_with = long_text(
        "People the plan is shared with", hint="One person or organisation on each line"
    )
    family_has_copy = YesNoField("Does the family hold a copy of the plan?")

    @classmethod
    def _saved_to_form(cls, saved: dict) -> dict:
        return {**saved, "shared_with": "\n".join(saved.get("shared_with") or [])}

    def to_plan(self, saved: dict | None) -> dict:
        plan = super().to_plan(saved)
        lines = (self.shared_with.data or "").splitlines()
        plan["shared_with"] = [line.strip() for line in lines if line.strip()]
        return plan


class CinPlanForm(PlanForm):
    record_path = "cin_plan"
    title = "Child in Need plan"

    needs_statement = long_text(
        "Statement of the child's needs", InputRequired("Describe the child's needs")
    )
    plan = long_text("The plan", InputRequired("Describe the plan to meet the needs"))
    acceptable_outcomes = long_text(
        "Acceptable outcomes", InputRequired("Say which outcomes would be acceptable")
    )
    review_arrangements = long_text(
        "Review arrangements", hint="Who reviews the plan, how and how often"
    )
    review_date = GovDateField("Next review date", [Optional()])


class TacReviewForm(PostedForm):
    """A review of the TAC plan: what has changed, and when the team meets next."""

    review_date = GovDateField(
        "Date of the review", [InputRequired("Enter the date of the review")]
    )
    progress = long_text(
        "Progress since the plan was agreed", InputRequired("Describe the progress")
    )
    changes = long_text("Changes to the plan", hint='Write "none" if the plan stays as it is')
    next_review_date = GovDateField("Next review date", [Optional()])
    save = SubmitField("Save review", widget=GovSubmitInput())

    def review(self) -> dict[str, Any]:
        names = ("review_date", "progress", "changes", "next_review_date")
        return {name: answer_of(self[name]) for name in names}


class CafReviewForm(TacReviewForm):
    """A CAF's TAC review also agrees what happens next (seed 004): the needs are met and the
    CAF closes, or the team reconvenes with the plan revised."""

    needs_met = RadioField(
        "What did the review agree?",
        choices=[
            SelectChoice("yes", "The needs are met: close the early help assessment"),
            SelectChoice("no", "Reconvene: the plan is revised and the work goes on"),
        ],
        validators=[InputRequired("Select what the review agreed")],
        widget=GovRadioInput(),
    )
