"""Confirming an imported CAF is held to one open CAF per child (seed 004), as the web journey is:
the page says who holds the open one, and only "this is a different child" confirms anyway."""

import pytest
from sqlalchemy import select

from service.db import imports
from service.db.models import AuditEvent, Referral
from service.extensions import db
from tests.support.browser import signed_in_as, status
from tests.support.imports import job_with
from tests.support.records import referrals_count, submitted_caf


@pytest.fixture
def open_caf(practitioner, example_record_data):
    """Maya's CAF, submitted by the school nurse."""
    return submitted_caf(example_record_data, practitioner)


@pytest.fixture
def imported_caf(admin_user, example_record_data) -> int:
    """A legacy CAF form read for Maya, her surname double-barrelled and her birthday written the
    American way round."""
    child = {
        **example_record_data["child"],
        "last_name": "Okafor-Smith",
        "date_of_birth": "2014-09-03",
    }
    record = {**example_record_data, "pathway": "early_help", "child": child}
    return job_with(admin_user, record, {})


def confirm(admin, job_id: int, corrections: dict | None = None):
    return admin.submit(f"/imports/jobs/{job_id}", corrections or {}, button=("confirm", "y"))


def test_confirming_a_second_open_caf_is_refused_naming_who_holds_the_first(
    admin, open_caf, imported_caf
):
    response = confirm(admin, imported_caf, {"child.school_or_setting": "Woodside Primary"})
    assert response.status_code == 409
    page = admin.read(response)
    told = " ".join(page.select_one("#open-caf").get_text().split())
    assert "This child may already have an open early help assessment" in told
    assert "no referral was created" in told
    holder = " ".join(page.select_one(f"#holder-{open_caf.id}").get_text().split())
    assert "Held by Priya Shah, School Nurse, Chiltern Community Health." in holder
    assert "Telephone 01494 586000" in holder and "priya.shah@example.nhs.uk" in holder
    typed = page.select_one("input[name='child.school_or_setting']")["value"]
    assert typed == "Woodside Primary", "what the admin typed is kept"

    assert referrals_count() == 1
    assert imports.get_job(imported_caf).status == "parsed"
    refused = select(AuditEvent.outcome).where(
        AuditEvent.action == "confirm", AuditEvent.object_id == imported_caf
    )
    assert list(db.session.scalars(refused)) == ["refused"]

    again = confirm(admin, imported_caf)
    assert again.status_code == 409 and referrals_count() == 1, "confirming again is no way round"


def test_the_admin_confirms_anyway_only_by_saying_it_is_a_different_child(
    admin, open_caf, imported_caf
):
    page = admin.read(confirm(admin, imported_caf))
    button = page.select_one("#different-child")
    assert button.text == "This is a different child: confirm anyway"
    form = page.select_one("main form[method=post]:not([action])")
    answers = {**admin.form_values(form), button["name"]: [button["value"]]}
    response = admin.client.post(f"/imports/jobs/{imported_caf}", data=answers)
    assert response.status_code == 302
    assert referrals_count() == 2
    made = db.session.get(Referral, imports.get_job(imported_caf).referral_id)
    assert made.status == "open" and made.record["not_the_same_child_as"] == [open_caf.id]


def test_a_different_child_button_sent_with_odd_numbers_is_no_answer(admin, open_caf, imported_caf):
    odd = f"² {'9' * 5000}"
    response = admin.submit(
        f"/imports/jobs/{imported_caf}", {}, button=("not_the_same_child_as", odd)
    )
    assert response.status_code == 409, "still refused, naming who holds the open CAF"
    assert admin.read(response).select_one(f"#holder-{open_caf.id}")
    assert referrals_count() == 1


def test_a_closed_caf_does_not_stop_an_import(app, admin, manager, open_caf, imported_caf):
    closer = signed_in_as(app, manager.email)
    closer.submit(f"/referrals/{open_caf.id}/close", {"reason": "Needs met at the TAC review."})
    assert status(closer.get(f"/referrals/{open_caf.id}")).startswith("Status Closed")

    response = confirm(admin, imported_caf)
    assert response.status_code == 302
    assert referrals_count() == 2


def test_other_pathways_are_not_held_to_one_per_child(
    admin, admin_user, open_caf, example_record_data
):
    job_id = job_with(admin_user, example_record_data, {})  # Maya, on Section 17
    assert confirm(admin, job_id).status_code == 302
    assert referrals_count() == 2
