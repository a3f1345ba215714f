"""Whatever staff (and a referrer checking their address) post to a form, the answer is never a
server error: it is accepted (a redirect to a page that opens), or the form again with a GOV.UK
error summary whose links reach the questions, and the other answers as they were typed.

The values are drawn from each form's own fields, so a question added later is fuzzed without a
change here: plausible answers (to reach what happens after the form is accepted), and anything
else: impossible and future dates, odd numbers, 1 MB of text, control characters, mixed
scripts, unknown choices, answers missing, sent twice or sent as files, rows of a table with
gaps; and bodies of JSON.
"""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import urlencode

import pytest
from flask_wtf.file import FileField
from hypothesis import HealthCheck, currently_in_test_context, event, given, note, settings
from hypothesis import strategies as st
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart
from wtforms import (
    BooleanField,
    FieldList,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired

from forms.auth import SignInForm
from forms.closing import CloseForm
from forms.decision import DecisionForm
from forms.feedback import ConfirmEmailForm
from forms.fields import GovDateField
from forms.imports import Converts, ReviewForm
from forms.plans import CinPlanForm, TacPlanForm, TacReviewForm
from forms.posted import as_sent
from forms.sharing import ShareForm
from forms.templates import TemplateUploadForm
from record import load_record
from service.db import referrals
from service.delivery import links as feedback
from service.documents.render import TEMPLATES_DIR
from service.extensions import db
from tests.support.answers import answer_strategy, posted
from tests.support.app import PASSWORD
from tests.support.browser import Browser, error_targets, form_values, signed_in_as
from tests.support.imports import job_with, zip_of
from tests.support.referrers import REFERRER, offer, queue_letter
from tests.support.templates import INTERNALS, with_paragraph


def fuzz(examples: int) -> settings:
    """Few examples per form, so that the whole file runs in about half a minute."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


#: a paste of about a million characters, of several scripts, with a control character
MEGABYTE = "Zoë Ωμέγα 李 مريم\x07\n" * 55_000
ODD = [
    "", " ", "\t\r\n", "0", "-1", "99999", "9" * 5000, "²", "١٢", "1e309", "NaN", "31/2/2020",
    "0/0/0", "2020-02-31", "\x00", "\u202eevil", "<b>&amp;</b>", "yes", "no", "y", MEGABYTE,
]  # fmt: skip
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)  # Cs: not UTF-8
odd_text = st.one_of(any_text, st.sampled_from(ODD))
date_part = st.one_of(st.integers(-2, 40).map(str), st.sampled_from(ODD[:14]))
DATE_BOXES = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(  # future dates among them
        lambda day: [str(day.day), str(day.month), str(day.year)]
    ),
    st.lists(date_part, min_size=3, max_size=3),  # 31 2 2020, 0 0 0, letters
    st.lists(date_part, max_size=5),  # boxes missing, or more than three
)
PRESSED = st.one_of(st.none(), st.just("y"), odd_text)  # a button, or a name posted as one
ROW_INDEX = st.one_of(st.integers(0, 12).map(str), st.sampled_from(["99999", "²", "9" * 5000]))


def is_required(field) -> bool:
    return any(isinstance(v, InputRequired | DataRequired) for v in field.validators)


def choices_of(field) -> list[str]:
    return [choice.value for choice in field.iter_choices()]


def plausible(field) -> st.SearchStrategy[list[str]]:
    """What a person filling in ``field`` sends; required questions answered."""
    if isinstance(field, BooleanField):
        return st.sampled_from([[], ["y"]])
    if isinstance(field, SelectField):
        return st.sampled_from(choices_of(field)).map(lambda value: [value])
    converts = next((v for v in field.validators if isinstance(v, Converts)), None)
    if converts is not None:  # the import review: dates, yes/no and numbers typed as text
        kind = converts.field.kind
        if kind == "date":
            return st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(lambda d: [str(d)])
        if kind == "yes_no":
            return st.sampled_from([["yes"], ["no"], [""]])
        if kind == "number":
            return st.integers(1, 4).map(lambda number: [str(number)])
    answers = answer_strategy(field)
    if is_required(field):  # answer_strategy leaves any question unanswered (None) half the time
        answers = st.lists(answers, min_size=3, max_size=3).map(
            lambda drawn: next((answer for answer in drawn if answer is not None), None)
        )
    return answers.map(lambda answer: posted(field, answer))


#: a file sent where text is asked for
AS_FILE = st.binary(max_size=20).map(lambda content: (io.BytesIO(content), "answer.txt"))


def anything(field) -> st.SearchStrategy[list]:
    """Anything a script could send as ``field``: one value, two, a file, or (dates) any number
    of boxes."""
    if isinstance(field, GovDateField):
        return DATE_BOXES
    values = st.one_of(odd_text, AS_FILE)
    if isinstance(field, RadioField | SelectField):
        values = st.one_of(st.sampled_from(choices_of(field)), values)
    return st.lists(values, min_size=1, max_size=2)


def draw_row_fields(data, rows: FieldList, style: str) -> dict[str, list[str]]:
    """Rows of a table, numbered as a page numbers them, or with gaps and odd numbers."""
    if style == "plausible":
        numbers = data.draw(st.integers(0, 3).map(lambda n: [str(i) for i in range(n)]))
    else:
        numbers = data.draw(st.lists(ROW_INDEX, max_size=4, unique=True), label=f"{rows.name} rows")
    template = rows.append_entry()  # the row's questions
    answers = {}
    for number in numbers:
        for field in template.form:
            name = f"{rows.name}-{number}-{field.short_name}"
            answers[name] = data.draw(answer(field, style), label=name)
    return {name: value for name, value in answers.items() if value is not None}


def answer(field, style: str) -> st.SearchStrategy[list[str] | None]:
    """None: the question is not sent at all."""
    if style == "plausible":
        return plausible(field)
    return st.one_of(st.none(), plausible(field), anything(field))


def draw_answers(data, form, extra=None, leave=()) -> dict[str, list]:
    """Answers to ``form``'s questions (a question left out is not sent) and its buttons: one
    pressed, as a person does, or any of them with any value, and ``extra``, what the view reads
    from the request itself (name: values). ``leave``: questions never sent."""
    style = data.draw(st.sampled_from(["plausible", "anything"]), label="style")
    answers: dict[str, list] = {}
    buttons = [field.name for field in form if field.type == "SubmitField"]
    for field in form:
        if field.name in leave or field.type in ("SubmitField", "CSRFTokenField"):
            continue
        if isinstance(field, FileField):
            continue
        if isinstance(field, FieldList):
            answers.update(draw_row_fields(data, field, style))
            continue
        value = data.draw(answer(field, style), label=field.name)
        if value is not None:
            answers[field.name] = value
    if style == "plausible":
        answers[data.draw(st.sampled_from(buttons), label="button")] = ["y"]
        return answers
    for name, values in {**dict.fromkeys(buttons, PRESSED), **(extra or {})}.items():
        value = data.draw(values, label=name)
        if value is not None:
            answers[name] = [value]
    return answers


def blank_form(app, form_class):
    """The form with nothing answered, to draw answers for its fields."""
    with app.test_request_context():
        return form_class(formdata=None, meta={"csrf": False})


def token_on(browser: Browser, url: str) -> str:
    return browser.get(url).select_one("input[name=csrf_token]")["value"]


def as_typed(value: str) -> str:
    """An answer as a page shows it again: line ends as a browser sends them, no space around,
    no NUL, one kind of line end (forms.posted)."""
    return as_sent(value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def check_answer(
    browser: Browser, response, form, answers: dict, table_buttons=frozenset(), asked_for=False
):
    """Accepted (a redirect to a page that opens, or to a page ``asked_for`` in the address,
    which may not exist), or the form again with the answers it keeps, saying what is wrong with
    them, unless it came back for a button that only changes a table (``table_buttons``: "Add
    another action")."""
    status = response.status_code
    event(f"HTTP {status}")  # how often each answer came: --hypothesis-show-statistics
    assert status < 500, f"server error {status}"
    if status == 302:
        following = browser.client.get(response.headers["Location"])
        opened = following.status_code < (500 if asked_for else 400)
        assert opened, f"the page after saving: {following.status_code}"
        return
    assert status in (200, 400), status
    page = browser.read(response)
    if page.select_one(".govuk-error-summary") or not table_buttons & answers.keys():
        assert page.select_one(".govuk-error-summary li"), "the page says what is wrong"
        assert None not in error_targets(page), "each error links to its question"
    again = form_values(page.select_one("main"))
    for field in form:
        typed = answers.get(field.name)
        if not typed or not isinstance(typed[0], str) or isinstance(field, PasswordField):
            continue
        if isinstance(field, StringField | TextAreaField):
            assert as_typed(again[field.name][0]) == as_typed(typed[0]), field.name
        elif isinstance(field, RadioField | SelectField) and typed[0] in choices_of(field):
            assert again.get(field.name) == typed[:1], field.name
        elif isinstance(field, GovDateField) and len(typed) == 3:
            assert [as_typed(box) for box in again[field.name]] == [as_typed(b) for b in typed]


def post(browser: Browser, url: str, answers: dict, token: str):
    """Send ``answers`` as a browser sends a form: multipart once it holds a file."""
    fields = [(name, value) for name, values in answers.items() for value in values]
    if currently_in_test_context():  # what was sent, in a failing example's report
        sent = [(name, v if isinstance(v, str) else f"file {v[1]}") for name, v in fields]
        note(f"{url}: {sent!r:.3000}")
    fields.append(("csrf_token", token))
    if all(isinstance(value, str) for _, value in fields):
        return browser.client.post(url, data=MultiDict(fields))
    parts = [(n, FileStorage(*v) if isinstance(v, tuple) else v) for n, v in fields]
    # encoded here, in memory: the test client spools a body over 500 KB to a temporary file
    # that it never closes
    boundary, body = encode_multipart(MultiDict(parts))
    return browser.client.post(
        url, data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )


@pytest.fixture
def referral(app, practitioner, full_record_data):
    """A submitted Section 47 referral with a TAC plan to review, which may be shared, decided
    so that a child in need plan may follow (a section 47 enquiry)."""
    decision = {**full_record_data["decision"], "outcome": "ia_section_47_enquiry"}
    made = referrals.submit_referral(
        load_record({**full_record_data, "decision": decision}), practitioner
    )
    db.session.commit()
    return made


@pytest.fixture
def as_manager(app, manager) -> Browser:
    return signed_in_as(app, manager.email)


@fuzz(12)
@given(data=st.data())
def test_a_decision_with_any_answers_is_recorded_or_explained(app, referral, as_manager, data):
    url = f"/referrals/{referral.id}/decision"
    token = token_on(as_manager, url)
    form = blank_form(app, DecisionForm)
    # a PDF is a second too slow to fuzz; why it is late is asked only when the decision is late
    # (tests/views/test_timescales.py)
    answers = draw_answers(data, form, leave={"wants_pdf", "late_reason"})
    check_answer(as_manager, post(as_manager, url, answers, token), form, answers)


@fuzz(10)
@pytest.mark.parametrize("plan_form", [TacPlanForm, CinPlanForm], ids=["tac-plan", "cin-plan"])
@given(data=st.data())
def test_a_plan_with_any_answers_is_saved_or_explained(app, referral, as_manager, plan_form, data):
    url = f"/referrals/{referral.id}/{plan_form.record_path.replace('_', '-')}"
    token = token_on(as_manager, url)
    form = blank_form(app, plan_form)
    remove = {"remove_action": st.one_of(st.none(), ROW_INDEX, odd_text)}
    answers = draw_answers(data, form, remove)
    response = post(as_manager, url, answers, token)
    check_answer(as_manager, response, form, answers, {"add_action", "remove_action"})


@fuzz(10)
@given(data=st.data())
def test_a_review_of_the_tac_plan_with_any_answers_is_saved_or_explained(
    app, referral, as_manager, data
):
    url = f"/referrals/{referral.id}/tac-plan/reviews"
    token = token_on(as_manager, url)
    form = blank_form(app, TacReviewForm)
    answers = draw_answers(data, form)
    check_answer(as_manager, post(as_manager, url, answers, token), form, answers)


@pytest.fixture
def letter(referral, manager):
    """The outcome letter, ready to share or to be read by the referrer."""
    return queue_letter(referral, manager)


@fuzz(10)
@given(data=st.data())
def test_sharing_with_any_agency_and_address_shares_or_explains(
    app, referral, letter, as_manager, data
):
    url = f"/documents/{letter.id}/share"
    token = token_on(as_manager, url)
    form = blank_form(app, ShareForm)
    answers = draw_answers(data, form)
    check_answer(as_manager, post(as_manager, url, answers, token), form, answers)


@fuzz(8)
@given(data=st.data())
def test_closing_with_any_reason_closes_or_explains(
    app, practitioner, full_record_data, as_manager, data
):
    open_referral = referrals.submit_referral(load_record(full_record_data), practitioner)
    db.session.commit()
    url = f"/referrals/{open_referral.id}/close"
    token = token_on(as_manager, url)
    form = blank_form(app, CloseForm)
    answers = draw_answers(data, form)
    check_answer(as_manager, post(as_manager, url, answers, token), form, answers)


@pytest.fixture
def as_admin(app, admin_user) -> Browser:
    return signed_in_as(app, admin_user.email)


@fuzz(6)
@given(data=st.data())
def test_any_corrections_to_an_imported_form_are_saved_confirmed_or_explained(
    app, admin_user, as_admin, example_record_data, data
):
    url = f"/imports/jobs/{job_with(admin_user, example_record_data, {})}"
    token = token_on(as_admin, url)
    form = blank_form(app, ReviewForm)
    different_child = {"not_the_same_child_as": st.one_of(st.none(), ROW_INDEX, odd_text)}
    answers = draw_answers(data, form, different_child)
    response = post(as_admin, url, answers, token)
    if response.status_code == 409:  # a second open CAF for the child: said, with who holds it
        assert as_admin.read(response).select_one("#open-caf")
        return
    check_answer(as_admin, response, form, answers)


TEMPLATE_PAGE = "/templates/tac_plan.docx"
SHIPPED = (TEMPLATES_DIR / "tac_plan.docx").read_bytes()
TAGS = ["{{ child.first_name }}", "{{ nowhere }}", "{% if %}", "{{", INTERNALS, "{%p endfor %}"]
template_bytes = st.one_of(
    st.binary(max_size=300),
    st.integers(0, len(SHIPPED)).map(lambda end: SHIPPED[:end]),
    st.lists(st.one_of(st.sampled_from(TAGS), any_text), max_size=4).map(
        lambda runs: with_paragraph(*runs)
    ),
    st.dictionaries(any_text.filter(bool), st.binary(max_size=50), max_size=3).map(zip_of),
)
template_name = st.builds("{}{}".format, any_text, st.sampled_from(["", ".docx"]))
#: the template edited in Word as an admin would: a paragraph of text, perhaps with a variable
edited_in_word = st.lists(st.one_of(any_text, st.just("{{ child.first_name }}")), max_size=3).map(
    lambda runs: [(with_paragraph(*runs), "TAC plan.docx")]
)


@fuzz(12)
@given(data=st.data())
def test_any_file_uploaded_as_a_template_is_kept_or_refused_with_reasons(app, as_admin, data):
    token = token_on(as_admin, TEMPLATE_PAGE)
    form = blank_form(app, TemplateUploadForm)
    answers = draw_answers(data, form)
    any_files = st.lists(st.tuples(template_bytes, template_name), max_size=2)
    files = data.draw(st.one_of(edited_in_word, any_files), label="file")
    upload = {"file": [(io.BytesIO(content), name) for content, name in files]}
    response = post(as_admin, TEMPLATE_PAGE, {**answers, **upload}, token)
    check_answer(as_admin, response, form, answers)


@fuzz(10)
@given(data=st.data())
def test_signing_in_with_anything_signs_in_or_explains(app, browser, practitioner, data):
    app.config.update(SIGN_IN_RATE_LIMIT="1000 per minute", LOCKOUT_ATTEMPTS=1000)
    token = token_on(browser, "/sign-in")
    form = blank_form(app, SignInForm)
    answers = draw_answers(data, form)
    who = data.draw(st.sampled_from(["anyone", "a known address", "the right password"]))
    if who != "anyone":
        answers["email"] = [practitioner.email]
    if who == "the right password":
        answers["password"] = [PASSWORD]
    pages = st.sampled_from(["/referrals/new", "//evil.example/", "/\r\nSet-Cookie: x=1"])
    asked_for = data.draw(st.one_of(st.none(), pages, odd_text.map("/{}".format)), label="next")
    url = "/sign-in" if asked_for is None else f"/sign-in?{urlencode({'next': asked_for})}"
    check_answer(browser, post(browser, url, answers, token), form, answers, asked_for=True)
    browser.client.post("/sign-out", data={"csrf_token": token})


@fuzz(10)
@given(data=st.data())
def test_the_referrer_typing_anything_as_their_address_reads_the_letter_or_is_told(
    app, referral, letter, manager, data
):
    link = offer(referral, letter, manager)
    url = f"/feedback/{feedback.token_for(link)}"
    referrer = Browser(app.test_client())  # no login, a session of its own
    token = token_on(referrer, url)
    form = blank_form(app, ConfirmEmailForm)
    answers = draw_answers(data, form)
    if data.draw(st.booleans(), label="the address the link was sent to"):
        answers["email"] = [data.draw(st.sampled_from([REFERRER, f" {REFERRER.upper()} "]))]
    check_answer(referrer, post(referrer, url, answers, token), form, answers)


#: odd JSON values for any question: numbers, lists, objects, null
JSON_VALUES = [5, True, None, {"text": ["a"]}, ["a", 2], 1e308]


def test_a_script_sending_json_or_files_as_answers_gets_each_forms_messages(
    app, referral, letter, manager, admin_user, as_manager, as_admin, example_record_data
):
    """FlaskForm reads a JSON body's values, and files sent for text questions, as answers."""
    link = offer(referral, letter, manager)
    pages = [
        (as_manager, f"/referrals/{referral.id}/decision", DecisionForm),
        (as_manager, f"/referrals/{referral.id}/tac-plan", TacPlanForm),
        (as_manager, f"/referrals/{referral.id}/cin-plan", CinPlanForm),
        (as_manager, f"/referrals/{referral.id}/tac-plan/reviews", TacReviewForm),
        (as_manager, f"/documents/{letter.id}/share", ShareForm),
        (as_manager, f"/referrals/{referral.id}/close", CloseForm),
        (as_admin, f"/imports/jobs/{job_with(admin_user, example_record_data, {})}", ReviewForm),
        (as_admin, TEMPLATE_PAGE, TemplateUploadForm),
        (Browser(app.test_client()), "/sign-in", SignInForm),
        (Browser(app.test_client()), f"/feedback/{feedback.token_for(link)}", ConfirmEmailForm),
    ]
    for browser, url, form_class in pages:
        token = token_on(browser, url)
        names = [field.name for field in blank_form(app, form_class) if field.type != "SubmitField"]
        as_json = {name: JSON_VALUES[n % len(JSON_VALUES)] for n, name in enumerate(names)}
        as_files = {name: [(io.BytesIO(b"%PDF-1.4"), "answer.pdf")] for name in names}
        for response in (
            browser.client.post(url, json=as_json, headers={"X-CSRFToken": token}),
            post(browser, url, as_files, token),
        ):
            assert response.status_code in (200, 400), (url, response.status_code)
            assert browser.read(response).select_one(".govuk-error-summary li"), url
