"""Question pages on PostgreSQL, which refuses a NUL character in text and in JSON where SQLite
(and so the fuzz test, tests/views/test_fuzz_question_pages.py) stores it."""

from service.db import users
from service.db.models import Role
from tests.support.app import PASSWORD
from tests.support.browser import Browser, Journey, form_values


def test_answers_with_a_nul_in_them_are_saved_without_it(production_app):
    users.save_user("nurse@example.nhs.uk", "Priya Shah", Role.PRACTITIONER, PASSWORD)
    browser = Browser(production_app.test_client())
    assert browser.sign_in("nurse@example.nhs.uk").status_code == 302
    journey = Journey(browser, "section_17")
    answers = {"first_name": "Ada\x00", "address": "1 High Street\x00\nAmersham"}

    assert journey.answer("child", answers).status_code == 302

    shown = form_values(browser.get(journey.url("child")).select_one("main form"))
    assert (shown["first_name"], shown["address"]) == (["Ada"], ["1 High Street\nAmersham"])
