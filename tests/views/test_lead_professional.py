"""A CAF's lead professional (seed 004): whoever completed it holds the role until one is agreed;
a formal change names the new one with the seed's criteria and is kept as history; the new lead
sees and keeps the CAF, the one before keeps reading it and changes nothing."""

import pytest

from forms.record_fields import RECORDED_LATER
from service.db import users
from service.db.models import Role
from tests.support.app import PASSWORD
from tests.support.browser import signed_in_as
from tests.support.records import fresh, submitted, submitted_caf

AGREED = {"agreed_on": ["3", "12", "2026"]}


def new_lead(user, *criteria) -> dict:
    return {
        "name": user.full_name,
        "role": "Designated Safeguarding Lead",
        "agency": user.agency or "Woodside Primary",
        "email": user.email,
        "criteria": list(criteria),
        **AGREED,
    }


@pytest.fixture
def caf(practitioner, example_record_data):
    """A CAF the school nurse completed, no lead professional yet agreed: she holds the role."""
    without = {*RECORDED_LATER, "lead_professional"}
    data = {key: value for key, value in example_record_data.items() if key not in without}
    return submitted_caf(data, practitioner)


def buttons(page) -> list[str]:
    return [link.text.strip() for link in page.select("main a.govuk-button")]


def test_the_practitioner_who_completed_the_caf_holds_it_until_another_is_agreed(
    app, caf, practitioner, other_practitioner
):
    nurse = signed_in_as(app, practitioner.email)
    page = nurse.get(f"/referrals/{caf.id}")
    assert "Priya Shah" in page.select_one("#lead-professional + p").text
    assert "Change the lead professional" in buttons(page)

    response = nurse.submit(
        f"/referrals/{caf.id}/lead-professional",
        new_lead(other_practitioner, "family_preference", "main_need"),
    )
    assert response.status_code == 302
    assert fresh(caf).record["lead_professional"]["email"] == other_practitioner.email
    [change] = fresh(caf).lead_changes
    assert (change.previous["name"], change.new["name"]) == ("Priya Shah", "Tom Reed")
    assert change.criteria == ["family_preference", "main_need"]
    assert change.changed_by_id == practitioner.id

    # the new lead sees the CAF and keeps it
    teacher = signed_in_as(app, other_practitioner.email)
    page = teacher.get(f"/referrals/{caf.id}")
    assert {"Change the lead professional", "Record the TAC plan"} <= set(buttons(page))
    teacher.get(f"/referrals/{caf.id}/tac-plan")
    history = [td.text for td in page.select("#lead-changes tbody td")]
    assert history[:3] == ["3 December 2026", "Priya Shah", "Tom Reed"]
    assert "The child's or family's preference" in history[3]

    # the one before reads it and changes nothing
    page = nurse.get(f"/referrals/{caf.id}")
    assert buttons(page) == []
    nurse.get(f"/referrals/{caf.id}/tac-plan", status=403)
    nurse.get(f"/referrals/{caf.id}/lead-professional", status=403)


def test_a_former_lead_who_did_not_start_the_caf_keeps_read_access(
    app, caf, practitioner, other_practitioner
):
    nurse = signed_in_as(app, practitioner.email)
    nurse.submit(f"/referrals/{caf.id}/lead-professional", new_lead(other_practitioner, "capacity"))
    youth_worker = users.save_user(
        "youth@example.org", "Jo Lin", Role.PRACTITIONER, PASSWORD, agency="Youth Service"
    )
    teacher = signed_in_as(app, other_practitioner.email)
    teacher.submit(f"/referrals/{caf.id}/lead-professional", new_lead(youth_worker, "involvement"))

    assert len(fresh(caf).lead_changes) == 2
    page = teacher.get(f"/referrals/{caf.id}")
    assert buttons(page) == []
    teacher.get(f"/referrals/{caf.id}/lead-professional", status=403)
    assert "Change the lead professional" in buttons(
        signed_in_as(app, youth_worker.email).get(f"/referrals/{caf.id}")
    )


def test_the_change_needs_the_criteria_and_a_way_to_reach_the_new_lead(
    app, caf, practitioner, other_practitioner
):
    nurse = signed_in_as(app, practitioner.email)
    answers = {**new_lead(other_practitioner), "email": ""}
    response = nurse.submit(f"/referrals/{caf.id}/lead-professional", answers)
    assert response.status_code == 400
    summary = nurse.read(response).select_one(".govuk-error-summary").text
    assert "Select why they are the right lead professional" in summary
    assert "Enter their email address" in summary
    assert fresh(caf).lead_changes == []


def test_a_referral_that_is_not_a_caf_has_no_lead_professional_change(
    app, full_record_data, practitioner, manager
):
    referral = submitted(full_record_data, practitioner, without=RECORDED_LATER)
    signed_in_as(app, manager.email).get(f"/referrals/{referral.id}/lead-professional", status=403)
