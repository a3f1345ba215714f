"""What the referral is about: the concern, the s.47 harm, the threshold level."""

from __future__ import annotations

from typing import ClassVar

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from forms.fields import GovDateField, NotInFuture, long_text
from forms.sections.base import Section


class ConcernSection(Section):
    slug = "concern"
    title = "The concern and the request"
    record_path = "referral"

    date = GovDateField(
        "Date of referral",
        [Optional(), NotInFuture("Date of referral must be today or in the past")],
    )
    reason_summary = long_text("What is the concern?", hint="In brief")
    facts = long_text("Facts", hint="What you know to be true: dates, attendance, incidents")
    opinions = long_text("Opinions", hint="Say whose opinion each one is")
    child_views = long_text("The child's views, in their own words")
    what_has_been_done = long_text("What has already been done to meet the child's needs?")
    conversations = long_text(
        "Conversations held", hint="Who you spoke to, and what you and the family expect to happen"
    )
    request = long_text("What is this referral asking for?")
    intended_outcome = long_text("What outcome do you want for the child?")

    #: hints in a pathway's own guidance, by question; set here so the page keeps its order
    hints: ClassVar[dict[str, str]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, hint in self.hints.items():
            self[name].description = hint


class EarlyHelpConcernSection(ConcernSection):
    hints = {  # seed 002: "Identify the areas for which you require support"
        "request": "The areas for which you need support, for example attendance, health, "
        "housing or parenting",
    }


class SpecialistConcernSection(ConcernSection):
    hints = {  # seed 000: discuss the request with the receiving agency
        "request": "What you are asking the specialist service to do",
        "conversations": "When you discussed this request with the receiving service, who with, "
        "and what was agreed; and what the family expect to happen",
    }


class Section17ConcernSection(ConcernSection):
    level4_evidence = long_text(
        "Evidence for a Level 4 intervention",
        hint="Why the needs call for statutory help; attach any risk assessment or screening tool",
    )


class HarmSection(Section):
    slug = "harm"
    title = "The harm (Section 47)"
    record_path = "harm"
    intro = "What the guidance says a child protection referral must include."

    nature = long_text("Nature of the harm")
    severity = long_text("Severity of the harm")
    duration = long_text("Duration: how long has it been going on?")
    frequency = long_text("Frequency: how often has it happened?")
    impact = long_text("Impact on the child")
    unusual_elements = long_text("Any threat, coercion, sadism or other unusual element")
    parental_capacity = long_text("Parental capacity to keep the child safe")
    family_environment_factors = long_text("Family and environmental factors")
    care_given = long_text("Care given, or likely to be given")
    comparison_similar_child = long_text(
        "How does this compare with a similar child of the same age?"
    )
    noteworthy = long_text("What is noteworthy?")


THRESHOLD_LEVELS = [
    SelectChoice("1", "Level 1: universal", render_kw={}),
    SelectChoice("2", "Level 2: extra help"),
    SelectChoice("3", "Level 3: targeted help (complex needs)"),
    SelectChoice("4", "Level 4: specialist help (acute needs or in need of protection)"),
]


class ThresholdSection(Section):
    slug = "threshold"
    title = "Threshold level"
    record_path = "threshold_level"
    intro = "The level of need in your council's thresholds guidance."

    threshold_level = RadioField(
        "Which threshold level do the child's needs meet?",
        [Optional()],
        choices=THRESHOLD_LEVELS,
        widget=GovRadioInput(),
    )

    @classmethod
    def from_record(cls, record: dict) -> ThresholdSection:
        level = record.get("threshold_level")
        return cls(formdata=None, data={"threshold_level": str(level) if level else None})

    def apply(self, record: dict) -> None:
        level = (self.threshold_level.data or "").strip()  # Optional() lets white space through
        record["threshold_level"] = int(level) if level else None

    @classmethod
    def anchor_for(cls, path: str) -> str | None:
        return "threshold_level" if path == "threshold_level" else None
