"""Seed 004: one open CAF per child. Starting a second one says who holds the first."""

import pytest

from record import Pathway, load_record
from service.db import referrals
from service.db.models import Referral
from service.extensions import db
from tests.support.browser import Browser, Journey, start_caf
from tests.support.records import MAYA, submitted_caf


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
    form = teacher.get(f"/referrals/{kept.id}/duplicate").select_one(
        "main form:has(button[value=different])"
    )
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
    offer = teacher.get(f"/referrals/{dropped.id}/duplicate").select_one("a[href$='/discard']")
    assert offer.text == "Delete my draft and contact them"
    form = teacher.get(offer["href"]).select_one("main form[action$='/discard']")
    teacher.client.post(form["action"], data={"csrf_token": form.select_one("input")["value"]})
    assert db.session.get(Referral, dropped.id) is None


def test_only_early_help_assessments_are_held_to_one_per_child(teacher):
    referral = Journey(teacher, "section_47")
    assert referral.answer("child", MAYA).headers["Location"].endswith("/edit/household")


@pytest.mark.parametrize(
    "child",
    [
        {**MAYA, "date_of_birth": ["3", "9", "2014"]},
        {**MAYA, "last_name": "Okafor-Smith"},
        {
            **MAYA,
            "first_name": "MAYA",
            "last_name": "Smith Okafor",
            "date_of_birth": ["3", "9", "2014"],
        },
    ],
    ids=["day and month swapped", "hyphenated surname", "double-barrelled and swapped"],
)
def test_a_date_written_the_other_way_round_or_half_a_surname_is_the_same_child(teacher, child):
    second = start_caf(teacher, child)
    assert second.response.headers["Location"] == f"/referrals/{second.id}/duplicate"
    holder = teacher.get(f"/referrals/{second.id}/duplicate").select_one("[id^=holder-]").text
    assert "Held by Priya Shah, School Nurse, Chiltern Community Health" in holder


def test_a_twin_is_not_stopped(teacher):
    twin = start_caf(teacher, {**MAYA, "first_name": "Daniel"})
    assert twin.response.headers["Location"].endswith("/edit/household")


def test_a_draft_caf_cannot_be_submitted_while_the_child_has_an_open_one(
    app, practitioner, other_practitioner, example_record_data
):
    """The duplicate check is made on submitting too, not only on the child's page."""
    held = submitted_caf(example_record_data, practitioner)
    draft = referrals.start_draft(Pathway.EARLY_HELP, other_practitioner)
    referrals.save_record(draft, load_record({**example_record_data, "pathway": "early_help"}))
    db.session.commit()
    teacher = Browser(app.test_client())
    teacher.sign_in(other_practitioner.email)
    check = teacher.get(f"/referrals/{draft.id}/check")
    assert check.select("#missing li") == [], "complete, so only the open CAF can stop it"

    token = check.select_one("input[name=csrf_token]")["value"]
    response = teacher.client.post(f"/referrals/{draft.id}/submit", data={"csrf_token": token})
    assert response.headers["Location"] == f"/referrals/{draft.id}/duplicate"
    page = teacher.get(response.headers["Location"])
    assert "Held by Priya Shah" in page.select_one(f"#holder-{held.id}").text
    db.session.refresh(draft)
    assert draft.status == "draft"
