"""Consent (seed 004): who gave it and when; a young person of secondary-school age may give
their own. On the Section 47 pathway, the decision whether to tell the family instead."""

from __future__ import annotations

import datetime as dt

from wtforms.validators import Optional

from forms.fields import GovDateField, NotInFuture, YesNoField, iso_date, long_text, text
from forms.sections.base import Section, get_path

SECONDARY_SCHOOL_AGE = 11


class ConsentSection(Section):
    slug = "consent"
    title = "Agreement and consent"
    record_path = "consent"

    family_agrees = YesNoField(
        "Has the child or family agreed to this referral and to be involved?"
    )
    information_sharing = YesNoField(
        "Has consent been given to share information with the agencies involved?"
    )
    given_by_young_person = YesNoField(
        "Did the young person give consent themselves?",
        description="A young person of secondary-school age who understands it can consent",
    )
    given_by = text(
        "Who gave consent?", hint="Name and relationship, for example Grace Okafor (mother)"
    )
    date = GovDateField(
        "Date consent was given",
        [Optional(), NotInFuture("Date consent was given must be in the past")],
    )

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
