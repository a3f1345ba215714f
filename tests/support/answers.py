"""Answers as people give them: a referral's pages answered by hand, and hypothesis strategies
that answer any question page in any order."""

from __future__ import annotations

import datetime as dt
import io
import string

from hypothesis import strategies as st
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import Email, Length

from forms.fields import Checked, GovDateField, NotInFuture, YesNoField
from forms.journeys import JOURNEYS, SPECIALIST_JOURNEY
from forms.sections.base import Section
from record import Pathway
from record.census import nhs_number_problem, upn_problem
from tests.support import identifiers
from tests.support.browser import Journey
from tests.support.records import SPECIALIST

CHILD = {
    "first_name": "Maya",
    "last_name": "Okafor",
    "date_of_birth": ["9", "3", "2014"],
    "gender": "Female",
    "address": "14 Larch Close\nAmersham",
    "postcode": "hp6 5ab",
    "disability": "Type 1 diabetes",
}


HOUSEHOLD = {
    "members-0-name": "Grace Okafor",
    "members-0-relationship": "Mother",
    "members-0-date_of_birth": ["2", "11", "1988"],
    "members-0-parental_responsibility": "yes",
}


CONCERN = {
    "reason_summary": "Diabetes poorly controlled at home; three admissions.",
    "facts": "Attendance 71% this term.",
    "opinions": "In the school nurse's opinion, mother is overwhelmed.",
    "child_views": '"I don\'t like the needles."',
    "what_has_been_done": "Early help assessment 1 Sept; TAC met twice.",
    "conversations": "Discussed with mother on 30 Oct.",
    "request": "A Child in Need assessment.",
}


def pdf(name: str):
    return (io.BytesIO(b"%PDF-1.4 " + name.encode()), name)


CONSENT = {
    "family_agrees": "yes",
    "information_sharing": "yes",
    "given_by": "Grace Okafor (mother)",
}


def fill_section_17(journey: Journey) -> None:
    """Every page of a Section 17 referral answered, so that it can be submitted."""
    journey.answer("child", CHILD)
    journey.answer("household", HOUSEHOLD)
    journey.answer("threshold", {"threshold_level": "4"})
    journey.answer("concern", {**CONCERN, "level4_evidence": "Three admissions in eight weeks."})
    journey.answer(
        "documents",
        {"early_help_assessment": pdf("EHA.pdf"), "early_help_plan": pdf("EH plan.pdf")},
        content_type="multipart/form-data",
    )
    journey.answer("consent", CONSENT)


JOURNEY_CASES = [pathway.value for pathway in JOURNEYS] + ["specialist"]


#: identifiers as they are issued, by the check that the field makes
ISSUED = {upn_problem: identifiers.upns, nhs_number_problem: identifiers.nhs_numbers}


def answer_strategy(field) -> st.SearchStrategy:
    """Any answer a person could give ``field``, or none."""
    if isinstance(field, YesNoField):
        return st.sampled_from([None, "yes", "no"])
    if isinstance(field, RadioField):
        return optional(st.sampled_from([choice.value for choice in field.iter_choices()]))
    if isinstance(field, GovDateField):
        today = dt.date.today()  # when the test runs: a run may cross midnight
        latest = today if any(isinstance(v, NotInFuture) for v in field.validators) else None
        return optional(st.dates(dt.date(1900, 1, 1), latest or today + dt.timedelta(days=700)))
    if isinstance(field, TextAreaField):
        return optional(long_text)
    if isinstance(field, StringField):
        checks = [v.problem_of for v in field.validators if isinstance(v, Checked)]
        if checks:  # an identifier: as issued, its check digit right
            return optional(ISSUED[checks[0]]())
        if field.short_name == "postcode":
            return optional(postcode)
        if any(isinstance(v, Email) for v in field.validators):
            return optional(email)
        lengths = [v.max for v in field.validators if isinstance(v, Length) and v.max > 0]
        return optional(short_text(min(lengths, default=200)))
    raise AssertionError(f"no answers drawn for {field.name} ({type(field).__name__})")


def posted(field, answer) -> list[str]:
    """What a browser sends for ``answer`` (no radio chosen sends nothing)."""
    if isinstance(field, RadioField):
        return [] if answer is None else [answer]
    if isinstance(field, GovDateField):
        return (
            ["", "", ""]
            if answer is None
            else [str(answer.day), str(answer.month), str(answer.year)]
        )
    return [answer or ""]


def start_journey(browser, journey_case: str, data) -> tuple[list[type[Section]], Journey]:
    """A new draft for ``journey_case`` (specialist: any specialist pathway), and its pages."""
    pathway = (
        data.draw(st.sampled_from(SPECIALIST), label="pathway")
        if journey_case == "specialist"
        else journey_case
    )
    return pages_of(journey_case), Journey(browser, pathway)


# Words of any script, with punctuation and symbols; no white space or control characters
# inside a word (the contract collapses white space, and control characters are the fuzz
# test's business).
word = st.text(st.characters(categories=("L", "M", "N", "P", "S")), min_size=1, max_size=12)


def line(max_words: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=1, max_size=max_words).map(" ".join)


def short_text(max_length: int) -> st.SearchStrategy[str]:
    return line(6).filter(lambda text: len(text) <= max_length)


long_text = st.lists(line(8), min_size=1, max_size=4).map("\n".join)


email = st.builds(
    "{}.{}@{}.example.org".format,
    st.text(string.ascii_letters + string.digits, min_size=1, max_size=10),
    st.text(string.ascii_letters + string.digits, min_size=1, max_size=10),
    st.text(string.ascii_lowercase, min_size=1, max_size=10),
)


postcode = st.builds(
    "{}{}{} {}{}".format,
    st.sampled_from(["HP", "B", "LS", "SW", "M"]),
    st.integers(1, 99),
    st.sampled_from(["", "A"]),
    st.integers(0, 9),
    st.text("ABDEFGHJLNPQRSTUWXYZ", min_size=2, max_size=2),
)


file_name = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,19}", fullmatch=True)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


def pages_of(journey_case: str) -> list[type[Section]]:
    return SPECIALIST_JOURNEY if journey_case == "specialist" else JOURNEYS[Pathway(journey_case)]
