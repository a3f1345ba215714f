"""Consent (seed 004): who gave it and when. On a common assessment or a request for specialist
services, a competent young person may agree for themselves where their parents or carers will
not be involved. On the Section 47 pathway, the decision whether to tell the family instead."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from wtforms.validators import Optional

from forms.fields import GovDateField, NotInFuture, YesNoField, iso_date, long_text, text
from forms.sections.base import NOT_ANSWERED, Section
from record import YoungPersonCompetence
from record.paths import get_path

SECONDARY_SCHOOL_AGE = 11
COMPETENCE = "young_person_competence"
#: the questions kept under consent.young_person_competence, not consent itself
COMPETENCE_QUESTIONS = frozenset(YoungPersonCompetence.model_fields)


class FamilyConsentSection(Section):
    """The family's agreement: all a Section 17 referral can rest on (seed 002: "the family will
    need to agree")."""

    slug = "consent"
    title = "Agreement and consent"
    record_path = "consent"

    family_agrees = YesNoField(
        "Does the family agree to this referral and to be involved?",
        description="The child's parents or carers",
    )
    information_sharing = YesNoField(
        "Has consent been given to share information with the agencies involved?"
    )
    given_by = text(
        "Who gave consent?", hint="Name and relationship, for example Grace Okafor (mother)"
    )
    date = GovDateField(
        "Date consent was given",
        [Optional(), NotInFuture("Date consent was given must be in the past")],
    )


class ConsentSection(FamilyConsentSection):
    """Adds a young person's own agreement and the judgement of their competence it rests on."""

    #: a heading, and what it says, shown before the question named
    headings: ClassVar[dict[str, tuple[str, str]]] = {
        "given_by_young_person": (
            "A young person's own agreement",
            "If a young person will not have their parents or carers involved, their own "
            "agreement can stand when they are judged competent to make this decision. Record "
            "who judged it and on what.",
        )
    }

    given_by_young_person = YesNoField(
        "Has the young person agreed to this themselves?",
        description="From secondary-school age a young person may be competent to decide",
    )
    parents_involved = YesNoField("Will the young person's parents or carers be involved?")
    parents_not_involved_reason = long_text(
        "Why will the parents or carers not be involved?",
        hint="For example, the young person cannot be persuaded to involve them, and why",
    )
    competent = YesNoField(
        "Has the young person been judged competent to make this decision themselves?"
    )
    judged_by = text(
        "Who judged the young person's competence?",
        hint="Name and role. It should be, or include, someone who knows the young person well",
    )
    judged_on = GovDateField(
        "When was the judgement made?",
        [Optional(), NotInFuture("The date of the judgement must be in the past")],
    )
    understanding = long_text(
        "What does the young person understand about the decision?",
        hint="Including whether they can see the consequences of the different courses of action",
    )
    consistency = long_text(
        "How consistent has the young person been in what they want?",
        hint="For example, whether they have said the same over several conversations",
    )
    complexity = long_text("How complex are the issues they are deciding on?")

    @classmethod
    def from_record(cls, record: dict) -> ConsentSection:
        consent = get_path(record, "consent") or {}
        return cls(formdata=None, data={**consent, **(consent.get(COMPETENCE) or {})})

    def answers(self) -> dict:
        """The competence questions' answers nested under their own key, as the record has them."""
        answers = super().answers()
        answers[COMPETENCE] = {name: answers.pop(name) for name in COMPETENCE_QUESTIONS}
        return answers

    @classmethod
    def path_of(cls, name: str) -> str:
        if name in COMPETENCE_QUESTIONS:
            return f"consent.{COMPETENCE}.{name}"
        return super().path_of(name)

    @classmethod
    def anchor_for(cls, path: str) -> str | None:
        return super().anchor_for(path.replace(f"consent.{COMPETENCE}.", "consent.", 1))

    def summary(self, record: dict) -> list[dict]:
        """The competence answers only where the young person agreed, or where any was given."""
        rows = super().summary(record)
        if self.given_by_young_person.answer is True:
            return rows
        return [
            row
            for row, field in zip(rows, self.questions(), strict=True)
            if field.short_name not in COMPETENCE_QUESTIONS or row["value"] != NOT_ANSWERED
        ]

    def check_against(self, record: dict) -> bool:
        if self.given_by_young_person.answer is not True:
            return True
        born = iso_date(get_path(record, "child.date_of_birth"))
        if not born:
            return True
        on = self.date.data or dt.date.today()
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        if age < SECONDARY_SCHOOL_AGE:
            self.given_by_young_person.errors.append(
                f"A child aged {age} is not of secondary-school age: a parent or carer must consent"
            )
            return False
        return True


class Section47ConsentSection(Section):
    slug = "consent"
    title = "Telling the family"
    record_path = "consent"
    intro = (
        "Where the threshold for significant harm is met, the family's agreement is not needed. "
        "Decide whether they should be told of the referral, and record your reasons."
    )

    family_informed = YesNoField("Should the family be told of this referral?")
    decision_reason = long_text(
        "Your reasons",
        hint="Needed if the family is not to be told: for example, it would put the child at risk",
    )
    information_sharing = YesNoField("Has consent been given to share information?")
