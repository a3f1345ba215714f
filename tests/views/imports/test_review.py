"""Reviewing a parsed form: each value beside the text it was read from, low-confidence values
marked, corrections typed in, and a referral created only when the admin confirms."""

import copy
import io
import json

import docx
import pytest
from sqlalchemy import select

from record import dump_record, load_record
from service.db import imports
from service.db.models import AuditEvent, Referral
from service.extensions import db
from tests.support.imports import REFERRAL_DOCX, batch_rows, job_with, upload_and_open_batch
from tests.support.records import referrals_count

EXPECTED = json.loads(REFERRAL_DOCX.with_suffix(".expected.json").read_text())


@pytest.fixture
def parsed_job_id(admin) -> int:
    """dev-06, a Section 47 referral form in Word, uploaded and read by the real parser."""
    rows = batch_rows(upload_and_open_batch(admin, {"s47 Zofia.docx": REFERRAL_DOCX.read_bytes()}))
    assert rows["s47 Zofia.docx"]["status"] == "parsed", rows
    return rows["s47 Zofia.docx"]["job"]


def field(page, path: str):
    return page.select_one(f".review-field[data-field='{path}']")


def test_each_value_is_shown_beside_the_text_it_was_read_from(admin, parsed_job_id):
    page = admin.get(f"/imports/jobs/{parsed_job_id}")
    assert page.select_one("h1").text == "s47 Zofia.docx"
    first_name = field(page, "child.first_name")
    assert first_name.select_one("input")["value"] == "Zofia"
    source = " ".join(first_name.select_one(".source").get_text().split())
    assert "Read against Child's first name, paragraph 7" in source and "“Zofia”" in source
    assert page.select_one("select[name=pathway] option[selected]")["value"] == "section_47"
    assert page.select_one("textarea[name='referral.facts']").text == EXPECTED["referral"]["facts"]

    rows = page.select("table[data-group=household_members] tbody tr")
    assert len(rows) == len(EXPECTED["household_members"]) + 1, "one empty row to add a member"
    names = [row.select_one("input[name$='-name']")["value"] for row in rows]
    assert names == [m["name"] for m in EXPECTED["household_members"]] + [""]
    assert "table 1" in rows[0].select_one(".source").text
    assert rows[-1].select_one(".source").get_text(strip=True) == ""

    harm = page.select_one("h2 + .review-field[data-field='harm.nature']")
    assert harm is not None, "a group with answers is shown open"
    folded = page.select_one("details[data-group=lead_professional]")
    assert "nothing read from the file" in folded.select_one("summary").text


def test_values_read_with_low_confidence_are_marked(admin, admin_user, example_record_data):
    sure = {"where": "page 1", "label": "Forename(s)", "text": "Maya", "confidence": 0.95}
    unsure = {"where": "page 1", "label": "Post code", "text": "HP6 5AB", "confidence": 0.55}
    job_id = job_with(
        admin_user,
        example_record_data,
        {"child.first_name": sure, "child.postcode": unsure, "household_members[1].name": unsure},
    )
    page = admin.get(f"/imports/jobs/{job_id}")
    assert field(page, "child.first_name").select_one(".low-confidence") is None
    tag = field(page, "child.postcode").select_one(".low-confidence")
    assert tag.text.strip() == "Check: low confidence (55%)"
    rows = page.select("table[data-group=household_members] tbody tr")
    assert rows[0].select_one(".low-confidence") is None
    assert rows[1].select_one(".low-confidence") is not None, "household_members[1] is row 2"
    assert page.select_one("#low-confidence-count").text.split()[0] == "2"


def test_missing_answers_are_shown_but_do_not_stop_the_import(admin, parsed_job_id):
    page = admin.get(f"/imports/jobs/{parsed_job_id}")
    missing = [item["data-field"] for item in page.select("#rules-check li")]
    assert missing == ["child.disability"]
    response = admin.submit(f"/imports/jobs/{parsed_job_id}", {}, button=("confirm", "y"))
    assert response.status_code == 302
    assert referrals_count() == 1


def test_confirming_unchanged_creates_a_referral_with_the_record_as_read(admin, parsed_job_id):
    response = admin.submit(f"/imports/jobs/{parsed_job_id}", {}, button=("confirm", "y"))
    referral = db.session.scalar(select(Referral))
    assert referral.record == dump_record(load_record(EXPECTED))
    job = imports.get_job(parsed_job_id)
    assert response.headers["Location"] == f"/imports/batches/{job.batch_id}"


def test_confirm_creates_a_submitted_referral_with_the_corrected_record(
    admin, admin_user, parsed_job_id
):
    corrections = {
        "child.first_name": "Zosia",
        "child.disability": "none known",
        "child.date_of_birth": "1/10/2012",
        "household_members-1-relationship": "Stepfather",
        "household_members-2-name": "",  # a row left blank is removed
        "household_members-2-relationship": "",
        "household_members-2-date_of_birth": "",
        "household_members-2-parental_responsibility": "",
        "household_members-3-name": "Anna Nowak",
        "household_members-3-relationship": "aunt",
        "household_members-3-date_of_birth": "4 May 1975",
        "household_members-3-parental_responsibility": "no",
        "consent.family_informed": "no",
        "referral.conversations": "",  # cleared: left out of the record
    }
    response = admin.submit(f"/imports/jobs/{parsed_job_id}", corrections, button=("confirm", "y"))
    assert response.status_code == 302

    expected = copy.deepcopy(EXPECTED)
    expected["child"].update(first_name="Zosia", disability="none known")
    expected["household_members"][1]["relationship"] = "stepfather"
    expected["household_members"][2] = {
        "name": "Anna Nowak",
        "relationship": "aunt",
        "date_of_birth": "1975-05-04",
        "parental_responsibility": False,
    }
    expected["consent"]["family_informed"] = False
    expected["referral"].pop("conversations", None)
    referral = db.session.scalar(select(Referral))
    assert referral.status == "received" and referral.submitted_at is not None
    assert referral.record == dump_record(load_record(expected))
    assert referral.created_by_id == admin_user.id
    assert (referral.child.first_name, referral.pathway) == ("Zosia", "section_47")

    job = imports.get_job(parsed_job_id)
    assert (job.status, job.referral_id, job.record) == ("confirmed", referral.id, referral.record)
    actions = db.session.execute(select(AuditEvent.action, AuditEvent.object_type)).all()
    assert ("confirm", "import_job") in actions and ("create", "referral") in actions

    batch_page = admin.get(response.headers["Location"])
    assert "Referral" in batch_page.select_one(".govuk-notification-banner").text
    row = batch_rows(batch_page)["s47 Zofia.docx"]
    assert row["status"] == "confirmed" and row["actions"].startswith("View referral")
    assert (
        admin.get(f"/referrals/{referral.id}").select_one("h1").text.strip() == "Zosia Wiśniewska"
    )


@pytest.mark.parametrize(
    ("path", "typed", "message"),
    [
        ("child.date_of_birth", "31/02/2012", "Date of birth must be a real date"),
        ("threshold_level", "7", "Threshold level (1 to 4): Input should be less than or equal"),
        ("consent.family_informed", "maybe", "enter yes or no"),
        ("pathway", "", "Pathway: Field required"),
        ("threshold_level", "²", "Threshold level (1 to 4) must be a whole number"),
    ],
    ids=["impossible date", "threshold out of range", "not yes or no", "no pathway", "²"],
)
def test_a_correction_that_cannot_stand_is_shown_against_its_field(
    admin, parsed_job_id, path, typed, message
):
    response = admin.submit(
        f"/imports/jobs/{parsed_job_id}", {path: typed}, button=("confirm", "y")
    )
    assert response.status_code == 400
    page = admin.read(response)
    [error] = page.select(".govuk-error-summary a")
    assert error["href"] == f"#{path}" and message in error.text
    assert field(page, path).select_one(".govuk-error-message") is not None
    assert referrals_count() == 0
    assert imports.get_job(parsed_job_id).status == "parsed"


def test_a_document_left_without_its_kind_is_named_in_the_error_summary(
    admin, admin_user, example_record_data
):
    job_id = job_with(admin_user, example_record_data, {})
    response = admin.submit(
        f"/imports/jobs/{job_id}", {"attachments-0-kind": ""}, button=("confirm", "y")
    )
    assert response.status_code == 400
    page = admin.read(response)
    [error] = page.select(".govuk-error-summary a")
    assert error["href"] == "#attachments-0-kind" and "Kind of document" in error.text
    assert referrals_count() == 0


def test_saved_corrections_are_kept_without_making_a_referral(admin, parsed_job_id):
    response = admin.submit(
        f"/imports/jobs/{parsed_job_id}", {"child.first_name": "Zosia"}, button=("save", "y")
    )
    assert response.status_code == 302
    page = admin.get(response.headers["Location"])
    assert field(page, "child.first_name").select_one("input")["value"] == "Zosia"
    assert imports.get_job(parsed_job_id).record["child"]["first_name"] == "Zosia"
    assert referrals_count() == 0


def test_a_form_is_confirmed_once_however_often_the_button_is_pressed(admin, parsed_job_id):
    url = f"/imports/jobs/{parsed_job_id}"
    token = admin.get(url).select_one("input[name=csrf_token]")["value"]
    admin.submit(url, {}, button=("confirm", "y"))
    again = admin.client.post(url, data={"csrf_token": token, "confirm": "y"})
    assert again.status_code == 302 and again.headers["Location"] == url
    page = admin.get(url)
    assert page.select_one("[data-status]")["data-status"] == "confirmed"
    assert page.select_one("main form input[name='child.first_name']") is None
    assert referrals_count() == 1


def test_a_form_read_without_a_pathway_asks_for_one(admin, admin_user, example_record_data):
    record = {k: v for k, v in example_record_data.items() if k != "pathway"}
    job_id = job_with(admin_user, record, {})
    page = admin.get(f"/imports/jobs/{job_id}")
    assert "Choose the pathway" in page.select_one("#rules-check").text
    assert page.select_one("select[name=pathway] option[selected]")["value"] == ""
    response = admin.submit(
        f"/imports/jobs/{job_id}", {"pathway": "section_17"}, button=("confirm", "y")
    )
    assert response.status_code == 302
    referral = db.session.scalar(select(Referral))
    assert referral.record == dump_record(load_record(example_record_data))


def test_an_answer_placed_by_the_meaning_of_its_label_is_marked_for_checking(admin):
    """A label worded in no way the vocabulary knows is matched by the label model: a guess,
    so the admin is asked to check it; a label said word for word is not."""
    document = docx.Document()
    document.add_paragraph("Child's first name: Maya")
    document.add_paragraph("What led you to make this referral?: Maya is often hungry at school.")
    buffer = io.BytesIO()
    document.save(buffer)
    rows = batch_rows(upload_and_open_batch(admin, {"guess.docx": buffer.getvalue()}))
    assert rows["guess.docx"]["status"] == "parsed", rows
    page = admin.get(f"/imports/jobs/{rows['guess.docx']['job']}")
    reason = field(page, "referral.reason_summary")
    assert reason.select_one("textarea").text == "Maya is often hungry at school."
    assert reason.select_one(".low-confidence") is not None
    assert field(page, "child.first_name").select_one(".low-confidence") is None
