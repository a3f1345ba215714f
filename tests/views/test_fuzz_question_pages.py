"""Whatever is posted to a question page, the practitioner never gets a server error (issue 14):
the answers are saved, or the page comes back with a GOV.UK error summary linking to each
question at fault and showing the other answers as they were typed.

Hypothesis posts to every page of every journey: real answers drawn from the page's own fields
mixed with impossible and future dates, 0, negative and huge numbers, 1 MB of text, control
characters, mixed scripts, missing and repeated fields, unknown radio values, household rows with
gaps, files where answers belong, and the add and remove buttons with any index."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from flask_wtf.file import FileField
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart
from wtforms import Field, FieldList, RadioField
from wtforms.validators import Email, Length, Optional

from forms.fields import Checked, GovDateField, NotInFuture, link_target
from forms.posted import as_sent
from forms.sections.base import Section
from forms.sections.people import HouseholdSection
from tests.support.answers import JOURNEY_CASES, answer_strategy, start_journey
from tests.support.browser import Journey, form_values

ONE_MB = "Ab 1\n" * (2**20 // 5)
CONTROL = [chr(code) for code in [*range(0x20), 0x7F, 0x85]] + ["\u2028", "\u202e", "\ufeff"]
SCRIPTS = ["Grace", "Ольга", "محمد", "张伟", "Ñuño", "Nguyễn", "👩🏽‍⚕️", "ℌ𝔢𝔩𝔩𝔬", "e\u0301"]
NUMBERS = ["0", "-1", "99999", "9" * 400, "1e309", "-0", "NaN", "٣", "²"]

junk_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),  # any postable code point
    st.text(st.sampled_from(CONTROL), min_size=1, max_size=5),
    st.lists(st.sampled_from(SCRIPTS), min_size=1, max_size=4).map(" ".join),
    st.sampled_from([*NUMBERS, "", " ", "\x00", "\x1b[2J", "\ud7ff\ue000\uffff\U0010ffff", ONE_MB]),
)

IMPOSSIBLE_DATES = [
    ["31", "2", "2020"],
    ["29", "2", "2021"],
    ["0", "0", "0"],
    ["-1", "-1", "-1"],
    ["32", "1", "2020"],
    ["1", "13", "2020"],
    ["99999", "99999", "99999"],
    ["1", "2", "0000"],
    ["a", "b", "c"],
    ["1", "2", "20 20"],
    ["1.5", "2", "2020"],
    ["1", "", "2020"],
    ["", "", "2020"],
]
#: what a Remove button may carry: positions with a row and without, and no position at all
REMOVE_VALUES = ["0", "1", "2", "3", "01", "99999", "9" * 5000, "-1", "²", "٣", "x", "", " 1"]
BROWSER_ESCAPES = {"\n": "%0A", "\r": "%0D", '"': "%22"}  # HTML: multipart/form-data encoding
#: names no page has: household rows named oddly, and strangers
JUNK_NAMES = [
    "members-²-name",
    "members-٣-name",
    "members--1-name",
    "members-x-name",
    f"members-{'9' * 5000}-name",
    "members",
    "date_of_birth-day",
    "nonsense",
]


@dataclass
class Typed:
    """What is posted under one name (``[]``: nothing) and whether it is a valid answer (None:
    it may be either, e.g. an address with an @ or Arabic-Indic digits in a date)."""

    values: list[str]
    valid: bool | None

    def __repr__(self) -> str:  # 1 MB answers are noted by their start
        return f"Typed({[v[:40] + '…' * (len(v) > 40) for v in self.values]}, {self.valid})"


def as_read(values: list[str]) -> list[str]:
    """What a page reads of ``values``: no NULs (PostgreSQL stores none), one kind of line end."""
    return [as_sent(value) for value in values]


def text_validity(field, values: list[str]) -> bool | None:
    """By the field's own rules, whether the first of ``values`` (what WTForms reads) is valid."""
    value = as_read(values)[0] if values else ""
    if any(isinstance(v, Optional) for v in field.validators) and not value.strip():
        return True
    if any(isinstance(v, Length) and 0 < v.max < len(value) for v in field.validators):
        return False
    if any(isinstance(v, Email) for v in field.validators):
        return None if "@" in value else False
    for check in (v for v in field.validators if isinstance(v, Checked)):
        return check.problem_of(value) is None
    return True


def typed_text(field) -> st.SearchStrategy[Typed]:
    junk = st.lists(junk_text, max_size=2)  # none, one, or the same name twice
    return st.one_of(
        answer_strategy(field).map(lambda answer: Typed([answer or ""], True)),
        junk.map(lambda values: Typed(values, text_validity(field, values))),
    )


def date_parts(day: dt.date) -> st.SearchStrategy[list[str]]:
    padded = st.sampled_from(["{}", "{:02}", " {} "])
    return st.tuples(padded, padded).map(
        lambda pads: [pads[0].format(day.day), pads[1].format(day.month), str(day.year)]
    )


def typed_date(field) -> st.SearchStrategy[Typed]:
    future_refused = any(isinstance(v, NotInFuture) for v in field.validators)
    token = st.from_regex(r"[0-9]{1,5}|[a-z]{1,3}", fullmatch=True)
    today = dt.date.today()  # when the test runs: a run may cross midnight
    return st.one_of(
        st.dates(dt.date(1000, 1, 1), today).flatmap(date_parts).map(lambda p: Typed(p, True)),
        st.dates(today + dt.timedelta(days=1))
        .flatmap(date_parts)
        .map(lambda parts: Typed(parts, not future_refused)),
        st.sampled_from(IMPOSSIBLE_DATES).map(lambda parts: Typed(parts, False)),
        st.sampled_from([[], ["", "", ""], [" ", "\t", ""]]).map(lambda parts: Typed(parts, True)),
        st.just(Typed(["١", "٢", "٢٠٢٠"], None)),
        # not the three boxes: one, two or four values, at least one of them given
        st.lists(st.one_of(token, st.just("")), min_size=1, max_size=4)
        .filter(lambda parts: len(parts) != 3 and any(parts))
        .map(lambda parts: Typed(parts, False)),
    )


def typed_choice(field) -> st.SearchStrategy[Typed]:
    choices = [choice.value for choice in field.iter_choices()]

    def validity(values: list[str]) -> bool:
        return not values or as_read(values)[0] in choices or not as_read(values)[0].strip()

    sensible = answer_strategy(field).map(lambda answer: [] if answer is None else [answer])
    junk = st.lists(st.one_of(st.sampled_from(choices), junk_text), min_size=1, max_size=2)
    return st.one_of(sensible, junk).map(lambda values: Typed(values, validity(values)))


def typed(field) -> st.SearchStrategy[Typed]:
    if isinstance(field, GovDateField):
        return typed_date(field)
    if isinstance(field, RadioField):
        return typed_choice(field)
    return typed_text(field)


@dataclass
class Question:
    field: Field  # the page's field; for a household row, row 0's
    typed: Typed
    row: int | None = None  # a household row's number in the names posted

    def name(self, row: int | None = None) -> str:
        """The name posted; for a household row, its name on a page that numbers it ``row``."""
        if self.row is None:
            return self.field.name
        group = self.field.name.rsplit("-", 2)[0]
        return f"{group}-{self.row if row is None else row}-{self.field.short_name}"

    def link(self, row: int | None = None) -> str:
        return "#" + link_target(self.name(row), type(self.field))

    def shown(self, values: list[str] | None) -> bool:
        """Whether a page shows ``values`` in this question's inputs as what was typed."""
        values, typed = values or [], as_read(self.typed.values)
        if isinstance(self.field, GovDateField):
            return values == (typed if len(typed) == 3 else ["", "", ""])
        first = typed[0] if typed else None
        if isinstance(self.field, RadioField):
            choices = [choice.value for choice in self.field.iter_choices()]
            return values == ([first] if first in choices else [])
        return newlines(values) == newlines([first or ""])

    def shown_from_its_value(self, values: list[str] | None) -> bool:
        """As ``shown``, where the page is drawn from the answer's value: a date as numbers."""
        if not isinstance(self.field, GovDateField):
            return self.shown(values)
        return as_numbers(values or []) == as_numbers(self.typed.values)


def as_numbers(parts: list[str]) -> list[int]:
    """A valid date's boxes as numbers ("05" is 5); blank boxes as none."""
    return [int(part) for part in parts] if any(part.strip() for part in parts) else []


def newlines(values: list[str]) -> list[str]:
    return [value.replace("\r\n", "\n").replace("\r", "\n") for value in values]


@dataclass
class Post:
    questions: list[Question]
    rows: list[int]  # the household rows posted, by the index in their names
    extras: list[tuple[str, str | FileStorage]]  # names no page asks, files
    button: tuple[str, str] | None

    def body(self, token: str) -> tuple[bytes, str]:
        """The request body, encoded in memory (the test client spools a body over 500 KB to a
        temporary file it never closes), and its content type."""
        pairs = [(q.name(), value) for q in self.questions for value in q.typed.values]
        button = [self.button] if self.button else []
        data = MultiDict([*pairs, *self.extras, *button, ("csrf_token", token)])
        boundary, body = encode_multipart(data)
        return body, f"multipart/form-data; boundary={boundary}"

    def at_fault(self) -> list[Question]:
        return [q for q in self.questions if q.typed.valid is False]

    def row_on_page(self, question: Question, rows: list[int] | None = None) -> int | None:
        """Where the page that comes back puts a household row: the rows it read (``rows``, by
        default all posted), numbered from 0 in order."""
        if question.row is None:
            return None
        return (self.rows if rows is None else rows).index(question.row)


def junk_file(data) -> FileStorage:
    name = data.draw(st.one_of(junk_text, st.sampled_from(["../../etc/passwd", "a.pdf"])))
    for character, escaped in BROWSER_ESCAPES.items():  # as a browser writes a file's name
        name = name.replace(character, escaped)
    return FileStorage(io.BytesIO(data.draw(st.binary(max_size=64))), name[:300])


def draw_post(data, form: Section) -> Post:
    questions: list[Question] = []
    rows: list[int] = []
    extras: list[tuple[str, str | FileStorage]] = []
    for field in form:
        if field.type in ("SubmitField", "CSRFTokenField", "HiddenField"):
            continue
        if isinstance(field, FieldList):
            indices = st.one_of(st.integers(0, 3), st.sampled_from([7, 41, 999_999]))
            rows = sorted(data.draw(st.lists(indices, unique=True, max_size=3), label="rows"))
            for index in rows:
                for sub in field[0].form:
                    label = f"{field.name}-{index}-{sub.short_name}"
                    questions.append(Question(sub, data.draw(typed(sub), label=label), index))
        elif isinstance(field, FileField):
            if data.draw(st.booleans(), label=f"{field.name} uploaded"):
                extras.append((field.name, junk_file(data)))
        else:
            questions.append(Question(field, data.draw(typed(field), label=field.name)))
    strangers = st.lists(st.tuples(st.sampled_from(JUNK_NAMES), junk_text), max_size=2)
    extras += data.draw(strangers, label="strangers")
    if questions and data.draw(st.integers(0, 9), label="file instead of an answer") == 0:
        misplaced = data.draw(st.sampled_from(questions), label="file in")
        misplaced.typed = Typed([], True)  # a file is no answer: the question is unanswered
        extras.append((misplaced.name(), junk_file(data)))
    buttons = [("save", "y"), ("save_for_later", "y"), None]
    if isinstance(form, HouseholdSection):
        buttons += [("add_member", "y"), ("add_member", "")]
        buttons += [("remove_member", value) for value in REMOVE_VALUES]
    button = data.draw(st.sampled_from(buttons), label="button")
    return Post(questions, rows, extras, button)


def pressed(post: Post) -> str | None:
    """The household button ``post`` presses, as the page reads its buttons."""
    name, value = post.button or ("", "")
    if name == "add_member" and value not in ("", "false"):
        return "add"
    # A number too long to be any row's is no button: the page is saved as it stands, as on the
    # plan pages (tests/views/test_outcomes.py).
    if name == "remove_member" and value.isascii() and value.isdigit() and len(value) <= 18:
        return "remove"
    return None


def removed_row(post: Post) -> int | None:
    rows, position = post.rows or [0], post.button[1]
    return rows[int(position)] if len(position) < 10 and int(position) < len(rows) else None


def rows_shown(shown: dict) -> list[int]:
    return sorted({int(name.split("-")[1]) for name in shown if name.startswith("members-")})


def check_household_button(post: Post, page) -> None:
    """Add or Remove: the page again, with one row more or less and the answers kept."""
    shown = form_values(page.select_one("main form"))
    if pressed(post) == "add":
        assert rows_shown(shown) == list(range(len(post.rows or [0]) + 1))
        for question in post.questions:
            name = question.name(post.row_on_page(question))
            assert question.shown(shown.get(name)), f"{name} is not as typed"
        return
    gone = removed_row(post)
    kept = [row for row in post.rows if row != gone]
    assert rows_shown(shown) == list(range(len(kept) or 1))
    for question in post.questions:
        if question.row == gone or question.typed.valid is not True:
            continue  # a row is drawn again from its answers, so a wrong date is not kept
        name = question.name(post.row_on_page(question, kept))
        assert question.shown_from_its_value(shown.get(name)), f"{name} is not as typed"


def check_refused(post: Post, page, page_class: type[Section]) -> None:
    """The page again: an error summary linking to each question at fault, the rest kept."""
    assert page.select(".govuk-error-summary"), "refused without saying why"
    links = [link["href"] for link in page.select(".govuk-error-summary a")]
    for link in links:
        assert page.find(id=link.removeprefix("#")) is not None, f"{link} leads nowhere"
    for question in post.at_fault():
        link = question.link(post.row_on_page(question))
        assert link in links, f"{link} is wrong but not named"
    if page_class.check_against is Section.check_against:  # no page-wide checks to blame it
        blameless = {q.link(post.row_on_page(q)) for q in post.questions if q.typed.valid is True}
        assert not blameless & set(links), f"a valid answer is blamed: {blameless & set(links)}"
    shown = form_values(page.select_one("main form"))
    if issubclass(page_class, HouseholdSection):
        assert rows_shown(shown) == list(range(len(post.rows) or 1))
    for question in post.questions:
        name = question.name(post.row_on_page(question))
        assert question.shown(shown.get(name)), f"{name} is not as typed"


def check_answer(journey: Journey, page_class: type[Section], post: Post, response) -> None:
    status = response.status_code
    assert status < 500, f"{page_class.slug}: server error {status}"
    if issubclass(page_class, HouseholdSection) and pressed(post):
        assert status == 200, status
        check_household_button(post, journey.browser.read(response))
        return
    if status == 302:
        wrong = [q.name() for q in post.at_fault()]
        assert not wrong, f"{page_class.slug} saved with {wrong} wrong"
        journey.browser.get(journey.url(page_class.slug))  # the saved answers open again
        journey.check_page()
        return
    assert status in (200, 400), status
    check_refused(post, journey.browser.read(response), page_class)


@pytest.mark.parametrize("journey_case", JOURNEY_CASES)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_no_answer_to_a_question_page_is_a_server_error(app, signed_in, journey_case, data):
    pages, journey = start_journey(signed_in, journey_case, data)
    token = signed_in.get(journey.url(pages[0].slug)).select_one("[name=csrf_token]")["value"]
    for page_class in data.draw(st.lists(st.sampled_from(pages), min_size=1, max_size=2)):
        with app.test_request_context():
            form = page_class(formdata=None, meta={"csrf": False})
        post = draw_post(data, form)
        note(f"{page_class.slug}: {[(q.name(), q.typed) for q in post.questions]} {post.button}")
        body, content_type = post.body(token)
        response = signed_in.client.post(
            journey.url(page_class.slug), data=body, content_type=content_type
        )
        check_answer(journey, page_class, post, response)


def refused(journey: Journey, slug: str, answers: dict) -> tuple[list[str], dict]:
    """Post ``answers`` to a page that should refuse them: its error summary and what it shows."""
    response = journey.answer(slug, answers)
    assert response.status_code == 200, response.status_code
    page = journey.browser.read(response)
    summary = [" ".join(link.text.split()) for link in page.select(".govuk-error-summary a")]
    return summary, form_values(page.select_one("main form"))


def future(days: int) -> list[str]:
    day = dt.date.today() + dt.timedelta(days=days)  # when the test runs: it may cross midnight
    return [str(day.day), str(day.month), str(day.year)]


def test_a_section_17_child_born_in_the_future_is_told_to_give_the_expected_date(signed_in):
    journey = Journey(signed_in, "section_17")
    summary, shown = refused(journey, "child", {"first_name": "Ada", "date_of_birth": future(30)})
    assert summary == [
        "Date of birth must be in the past; for an unborn child give the expected date"
    ]
    assert shown["first_name"] == ["Ada"]
    assert shown["date_of_birth"] == future(30)


def test_a_consent_date_in_the_future_says_it_must_be_in_the_past(signed_in):
    journey = Journey(signed_in, "section_17")
    summary, shown = refused(
        journey,
        "consent",
        {"family_agrees": "yes", "given_by": "Grace Okafor (mother)", "date": future(1)},
    )
    assert summary == ["Date consent was given must be in the past"]
    assert shown["given_by"] == ["Grace Okafor (mother)"]
    assert shown["family_agrees"] == ["yes"]
