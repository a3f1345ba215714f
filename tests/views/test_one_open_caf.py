"""Seed 004: one open CAF per child. Starting a second one says who holds the first."""

import pytest

from service.extensions import db
from service.models import Referral
from tests.views.conftest import Browser, Journey

MAYA = {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": ["9", "3", "2014"]}


def start_caf(browser, child: dict) -> Journey:
    journey = Journey(browser, "early_help")
    journey.response = journey.answer("child", child)
    return journey


@pytest.fixture
def teacher(app, other_practitioner, signed_in):
    """A second practitioner, signed in after the school nurse has started a CAF for Maya."""
    start_caf(signed_in, MAYA)
    browser = Browser(app.test_client())
    browser.sign_in(other_practitioner.email)
    return browser


def test_a_second_caf_for_the_same_child_names_the_practitioner_holding_the_first(teacher):
    # The same child, written differently: lower case, an accent, a zero-padded date.
    second = start_caf(
        teacher,
        {"first_name": "máya", "last_name": "OKAFOR", "date_of_birth": ["09", "03", "2014"]},
    )
    assert second.response.headers["Location"] == f"/referrals/{second.id}/duplicate"
    holder = teacher.get(f"/referrals/{second.id}/duplicate").select_one("[id^=holder-]").text
    assert "Held by Priya Shah, School Nurse, Chiltern Community Health" in holder
    assert "01494 586000" in holder and "nurse@example.nhs.uk" in holder


def test_a_different_child_with_a_similar_name_is_not_stopped(teacher):
    sister = start_caf(teacher, {**MAYA, "date_of_birth": ["9", "3", "2016"]})
    assert sister.response.headers["Location"].endswith("/edit/household")
    other = start_caf(
        teacher, {"first_name": "Mia", "last_name": "Oakley", "date_of_birth": ["9", "3", "2014"]}
    )
    assert other.response.headers["Location"].endswith("/edit/household")


def test_without_a_date_of_birth_the_postcode_decides(signed_in, teacher):
    start_caf(signed_in, {"first_name": "Leo", "last_name": "Hart", "postcode": "HP6 5AB"})
    same = start_caf(teacher, {"first_name": "Hart", "last_name": "Leo", "postcode": "hp65ab"})
    assert same.response.headers["Location"].endswith("/duplicate")
    elsewhere = start_caf(
        teacher, {"first_name": "Leo", "last_name": "Hart", "postcode": "HP9 1AA"}
    )
    assert elsewhere.response.headers["Location"].endswith("/edit/household")


def test_the_practitioner_can_say_it_is_a_different_child_and_is_not_asked_again(teacher):
    kept = start_caf(teacher, MAYA)
    form = teacher.get(f"/referrals/{kept.id}/duplicate").select("main form")[1]
    response = teacher.client.post(
        f"/referrals/{kept.id}/duplicate",
        data={
            "csrf_token": form.select_one("input[name=csrf_token]")["value"],
            "choice": "different",
        },
    )
    assert response.headers["Location"].endswith("/edit/household")
    assert kept.answer("child", MAYA).headers["Location"].endswith("/edit/household")


def test_the_practitioner_can_delete_their_draft_instead(teacher):
    dropped = start_caf(teacher, MAYA)
    form = teacher.get(f"/referrals/{dropped.id}/duplicate").select_one("form[action$='/discard']")
    teacher.client.post(form["action"], data={"csrf_token": form.select_one("input")["value"]})
    assert db.session.get(Referral, dropped.id) is None


def test_only_early_help_assessments_are_held_to_one_per_child(teacher):
    referral = Journey(teacher, "section_47")
    assert referral.answer("child", MAYA).headers["Location"].endswith("/edit/household")
