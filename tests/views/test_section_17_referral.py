import io
from datetime import date

import docx
import pytest
from sqlalchemy import select

from service.extensions import db
from service.models import AuditEvent, Referral

URL = "/referrals/new/section-17"

ANSWERS = {
    "child-first_name": "Maya",
    "child-last_name": "Okafor",
    "child-date_of_birth": ["9", "3", "2014"],
    "child-gender": "Female",
    "child-address": "14 Larch Close\nAmersham",
    "child-postcode": "hp6 5ab",
    "child-school_or_setting": "Woodside Primary School",
    "household_members-0-name": "Grace Okafor",
    "household_members-0-relationship": "Mother",
    "household_members-0-date_of_birth": ["2", "11", "1988"],
    "household_members-0-parental_responsibility": "yes",
    "referral-date": ["2", "11", "2026"],
    "referral-reason_summary": "Diabetes poorly controlled at home; three admissions.",
    "referral-facts": "Attendance 71% this term.",
    "referral-opinions": "In the school nurse's opinion, mother is overwhelmed.",
    "referral-child_views": '"I don\'t like the needles."',
    "referral-what_has_been_done": "Early help assessment 1 Sept; TAC met twice.",
    "referral-conversations": "Discussed with mother on 30 Oct.",
    "referral-request": "A Child in Need assessment.",
    "referral-level4_evidence": "Needs persist despite a coordinated early help plan.",
    "consent-family_agrees": "yes",
    "consent-information_sharing": "yes",
    "consent-given_by": "Grace Okafor (mother)",
}


def add_second_member(browser):
    """Press "Add another household member", then fill in the new row."""
    response = browser.submit(URL, ANSWERS, button=("add_member", "Add another household member"))
    page = browser.read(response)
    assert page.select_one("#household_members-1-name") is not None
    assert not page.select(".govuk-error-summary"), "adding a row is not a failed submission"
    return page


def post_page(browser, page, answers, button):
    """Submit the form of ``page`` (as the browser shows it) with ``answers`` typed over it."""
    data = browser.form_values(page.select_one("main form"))
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in answers.items()}
    )
    data[button[0]] = [button[1]]
    return browser.client.post(URL, data=data)


def submit_full_referral(browser, extra=None):
    page = add_second_member(browser)
    answers = {
        **ANSWERS,
        "household_members-1-name": "Daniel Okafor",
        "household_members-1-relationship": "sibling",
        "household_members-1-date_of_birth": ["21", "6", "2018"],
        "household_members-1-parental_responsibility": "no",
        **(extra or {}),
    }
    return post_page(browser, page, answers, ("submit", "Submit referral"))


def test_form_asks_what_seed_002_says_a_referral_must_contain(signed_in):
    page = signed_in.get(URL)
    legends = [legend.text.strip() for legend in page.select("legend.govuk-fieldset__legend--m")]
    assert legends == [
        "About the child",
        "Household members",
        "About you, the referrer",
        "The referral",
        "Documents",
        "Consent",
    ]
    labels = page.text
    for question in [
        "Facts",
        "Opinions",
        "The child's views, in their own words",
        "What has already been done",
        "Conversations held",
        "What is this referral asking for?",
        "Evidence for a Level 4 intervention",
        "Early help assessment",
        "Early help plan",
        "Education, health and care plan (EHCP)",
        "Does the family agree to be involved?",
    ]:
        assert question in labels, question


def test_referrer_details_are_filled_in_from_the_signed_in_practitioner(signed_in):
    page = signed_in.get(URL)
    assert page.select_one("#referrer-name")["value"] == "Priya Shah"
    assert page.select_one("#referrer-agency")["value"] == "Chiltern Community Health"
    assert page.select_one("#referrer-email")["value"] == "nurse@example.nhs.uk"
    today = date.today()
    shown = [int(box["value"]) for box in page.select("input[name=referral-date]")]
    assert shown == [today.day, today.month, today.year]


def test_missing_answers_are_listed_in_an_error_summary_and_given_answers_kept(signed_in):
    response = signed_in.submit(
        URL,
        {
            "child-first_name": "Maya",
            "referral-facts": "Attendance 71%.",
            "referrer-email": "not-an-email",
            "child-date_of_birth": ["31", "2", "2014"],
        },
        button=("submit", "Submit referral"),
    )
    page = signed_in.read(response)
    assert page.title.text.startswith("Error:")
    errors = {a["href"]: a.text.strip() for a in page.select(".govuk-error-summary a")}
    assert errors["#child-last_name"] == "Enter the child's last name"
    assert errors["#child-date_of_birth"] == "Date of birth must be a real date, like 27 3 2014"
    assert errors["#referral-reason_summary"] == "Say briefly what the concern is"
    assert errors["#referral-request"] == "Say what the referral is asking for"
    assert errors["#referrer-email"] == "Enter an email address like name@example.gov.uk"
    assert errors["#consent-family_agrees"] == "Select yes if the family agrees to be involved"
    assert "#child-first_name" not in errors
    assert page.select_one("#child-first_name")["value"] == "Maya"
    assert page.select_one("#referral-facts").text.strip() == "Attendance 71%."
    assert [i["value"] for i in page.select("input[name=child-date_of_birth]")] == [
        "31",
        "2",
        "2014",
    ]
    assert db.session.scalar(select(Referral)) is None


def test_household_rows_can_be_added_and_removed(signed_in):
    page = add_second_member(signed_in)
    answers = {**ANSWERS, "household_members-1-name": "Daniel Okafor"}
    page = signed_in.read(post_page(signed_in, page, answers, ("remove_member", "0")))
    names = [field["value"] for field in page.select("input[id^=household_members][id$='-name']")]
    assert names == ["Daniel Okafor"]
    assert not page.select(".govuk-error-summary")
    assert page.select_one("#child-first_name")["value"] == "Maya"


def test_submitted_referral_becomes_a_letter_with_child_referrer_and_household(signed_in):
    response = submit_full_referral(signed_in)
    assert response.status_code == 302
    referral = db.session.scalar(select(Referral))
    assert response.headers["Location"] == f"/referrals/{referral.id}"
    assert referral.pathway == "section_17" and referral.status == "submitted"
    assert (referral.child_last_name, str(referral.child_date_of_birth)) == ("Okafor", "2014-03-09")
    record = referral.record
    assert record["child"]["postcode"] == "HP6 5AB"
    assert record["child"]["address"] == "14 Larch Close\nAmersham"
    assert record["household_members"] == [
        {
            "name": "Grace Okafor",
            "relationship": "mother",
            "date_of_birth": "1988-11-02",
            "parental_responsibility": True,
        },
        {
            "name": "Daniel Okafor",
            "relationship": "sibling",
            "date_of_birth": "2018-06-21",
            "parental_responsibility": False,
        },
    ]
    assert record["consent"]["family_agrees"] is True
    assert record["threshold_level"] == 4

    listed = signed_in.get("/").select("table.govuk-table tbody tr")
    assert [row.select_one("a").text.strip() for row in listed] == ["Maya Okafor"]

    page = signed_in.get(f"/referrals/{referral.id}")
    assert page.h1.text.strip() == "Maya Okafor"
    token = page.select_one("form[action$='/letter'] input[name=csrf_token]")["value"]
    assert (
        signed_in.client.post(
            f"/referrals/{referral.id}/letter", data={"csrf_token": token}
        ).status_code
        == 302
    )

    page = signed_in.get(f"/referrals/{referral.id}")
    status = page.select_one("#documents .govuk-tag").text.strip()
    assert status == "Ready"
    link = page.select_one("#documents a")["href"]
    download = signed_in.client.get(link)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment")
    letter = docx.Document(io.BytesIO(download.data))
    text = "\n".join(
        [p.text for p in letter.paragraphs]
        + [c.text for t in letter.tables for r in t.rows for c in r.cells]
    )
    for expected in [
        "Maya Okafor",
        "9 March 2014",
        "Priya Shah",
        "Chiltern Community Health",
        "Grace Okafor",
        "mother",
        "Daniel Okafor",
        "sibling",
    ]:
        assert expected in text, expected

    actions = [
        (e.action, e.object_type)
        for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
    ]
    assert ("create", "referral") in actions
    assert ("view", "referral") in actions
    assert ("generate", "document") in actions
    assert ("download", "document") in actions


def test_uploaded_documents_are_kept_when_the_form_has_errors(signed_in):
    upload = (io.BytesIO(b"%PDF-1.4 early help assessment"), "EHA Okafor.pdf")
    response = signed_in.submit(
        URL,
        {"attachments-early_help_assessment": upload, "child-first_name": ""},
        button=("submit", "Submit referral"),
        content_type="multipart/form-data",
    )
    page = signed_in.read(response)
    assert page.select(".govuk-error-summary")
    assert (
        "EHA_Okafor.pdf uploaded" in page.select_one("#attachments-early_help_assessment-kept").text
    )

    # Fixing the error without choosing the file again still attaches it.
    kept = page.select_one("input[name=attachments-early_help_assessment_stored]")["value"]
    response = submit_full_referral(signed_in, {"attachments-early_help_assessment_stored": kept})
    assert response.status_code == 302
    record = db.session.scalar(select(Referral)).record
    assert record["attachments"] == [
        {
            "kind": "early_help_assessment",
            "filename": "EHA_Okafor.pdf",
            "sha256": kept.split(":")[0],
        }
    ]


def test_a_practitioner_cannot_open_another_practitioners_referral(
    signed_in, browser, other_practitioner, app
):
    submit_full_referral(signed_in)
    referral = db.session.scalar(select(Referral))
    other = type(browser)(app.test_client())
    other.sign_in(other_practitioner.email)
    assert other.client.get(f"/referrals/{referral.id}").status_code == 404
    assert "Okafor" not in other.client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("role_fixture", ["admin_user"])
def test_admin_staff_do_not_make_referrals(browser, role_fixture, request):
    user = request.getfixturevalue(role_fixture)
    browser.sign_in(user.email)
    assert browser.client.get(URL).status_code == 403
