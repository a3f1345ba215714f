"""Nothing a practitioner types is lost: any answers to any question page, saved in any order
(pages revisited, saved for later), come back as they were typed when each page is reopened.

The answers are drawn from each page's own fields (text, dates, yes/no, radios, repeated rows,
uploads), so a page added to a journey is covered without a change here. The comparison uses
the record contract's formats (RECORD.md): free text trimmed with runs of spaces collapsed,
``gender``, ``relationship`` and ``email`` in lower case, postcodes in upper case with one
space.
"""

from __future__ import annotations

import io
import re

import pytest
from flask_wtf.file import FileField
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from wtforms import FieldList

from forms.fields import GovDateField
from forms.sections.attachments import AttachmentsSection
from forms.sections.base import Section
from tests.support.answers import (
    JOURNEY_CASES,
    answer_strategy,
    file_name,
    optional,
    posted,
    start_journey,
)
from tests.support.browser import form_values

LOWER_CASE = {"gender", "relationship", "email"}  # RECORD.md: these are kept in lower case


def expected(field, answer) -> tuple | None:
    """How ``answer`` reads when the page is opened again (None: shown unanswered)."""
    if answer is None:
        return None
    if isinstance(field, GovDateField):
        return (answer.day, answer.month, answer.year)
    if field.short_name in LOWER_CASE:
        return (answer.lower(),)
    return (answer,)


def shown(values: list[str]) -> tuple | None:
    """What a reopened page shows in one question's inputs, in the terms of ``expected``."""
    if not any(value.strip() for value in values):
        return None
    if len(values) == 3 and all(value.strip().isdigit() for value in values):
        return tuple(int(value) for value in values)
    return tuple(value.replace("\r\n", "\n") for value in values)


def draw_page(data, form: Section) -> tuple[dict, dict, dict]:
    """(what to post, files to upload, what the page should show when reopened)."""
    to_post: dict[str, list[str]] = {}
    files: dict[str, tuple] = {}
    want: dict[str, tuple] = {}
    for field in form:
        if field.type in ("SubmitField", "CSRFTokenField", "HiddenField"):
            continue
        if isinstance(field, FieldList):
            rows = data.draw(st.integers(0, 3), label=f"{field.name} rows")
            kept = 0
            for number in range(rows):
                entry = field.append_entry() if number >= len(field.entries) else field[number]
                row_answers = {f: data.draw(answer_strategy(f), label=f.name) for f in entry.form}
                answered = any(answer is not None for answer in row_answers.values())
                for f, answer in row_answers.items():
                    to_post[f.name] = posted(f, answer)
                    if answered and expected(f, answer) is not None:
                        want[f.name.replace(f"-{number}-", f"-{kept}-")] = expected(f, answer)
                kept += answered
            continue
        if isinstance(field, FileField):
            name = data.draw(optional(file_name), label=field.name)
            if name is not None:
                files[field.name] = (io.BytesIO(f"%PDF-1.4 {name}".encode()), f"{name}.pdf")
            continue
        answer = data.draw(answer_strategy(field), label=field.name)
        to_post[field.name] = posted(field, answer)
        if expected(field, answer) is not None:
            want[field.name] = expected(field, answer)
    return to_post, files, want


def reopened(browser, url: str) -> tuple[dict, dict]:
    """The answers a reopened page shows, and the files it lists as attached."""
    page = browser.get(url)
    values = form_values(page.select_one("main form"))
    values.pop("csrf_token", None)
    answers = {name: shown(found) for name, found in values.items() if shown(found)}
    attached = {
        tag["id"].removesuffix("-attached"): tag.text for tag in page.select("[id$=-attached]")
    }
    return answers, attached


@pytest.mark.parametrize("journey_case", JOURNEY_CASES)
@settings(
    # each example walks a whole journey (about 0.4 s): 20 a journey, 80 in all, keep CI short
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_answers_saved_in_any_order_come_back_as_typed(app, signed_in, journey_case, data):
    pages, journey = start_journey(signed_in, journey_case, data)
    order = data.draw(st.permutations(pages), label="order")
    again = data.draw(st.lists(st.sampled_from(pages), max_size=3), label="revisited")
    want: dict[str, dict] = {page.slug: {} for page in pages}
    attached: dict[str, str] = {}
    token = signed_in.get(journey.url(order[0].slug)).select_one("[name=csrf_token]")
    for page_class in [*order, *again]:
        with app.test_request_context():
            form = page_class(formdata=None, meta={"csrf": False})
        to_post, files, page_want = draw_page(data, form)
        button = data.draw(st.sampled_from(["save", "save_for_later"]), label="button")
        note(f"{page_class.slug}: {to_post} {list(files)} ({button})")
        response = signed_in.client.post(
            journey.url(page_class.slug),
            data={**to_post, **files, "csrf_token": token["value"], button: "y"},
            content_type="multipart/form-data",
        )
        if response.status_code == 200 and page_class.check_against is not Section.check_against:
            # A page that checks its answers against other pages' may refuse them, saying why.
            assert signed_in.read(response).select(".govuk-error-summary a")
            continue
        assert response.status_code == 302, f"{page_class.slug}: {response.status_code}"
        want[page_class.slug] = page_want
        attached.update({kind: name for kind, (_, name) in files.items()})

    for page_class in pages:
        answers, files_shown = reopened(signed_in, journey.url(page_class.slug))
        assert answers == want[page_class.slug], page_class.slug
        if issubclass(page_class, AttachmentsSection):
            listed = {kind: re.sub(r"\s+", " ", text) for kind, text in files_shown.items()}
            assert set(listed) == set(attached)
            for kind, name in attached.items():
                assert listed[kind].endswith(f" {name} attached."), kind
