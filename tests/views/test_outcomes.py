"""After a referral: a manager records the decision (the outcome letter follows at once), the lead
professional keeps the TAC plan and its reviews, a manager the Child in Need plan; documents are
produced from what was recorded, as new versions, and every download is audited."""

import io

import pdfplumber
import pytest
from sqlalchemy import select

from forms.record_fields import RECORDED_LATER
from service.db import users
from service.db.models import AuditEvent, Document, FeedbackLink, Role
from service.documents import versions as template_store
from service.extensions import db
from tests.support import records
from tests.support.app import PASSWORD
from tests.support.browser import Browser, error_targets, signed_in_as
from tests.support.documents import docx_text, produce
from tests.support.records import DECISION, TAC_PLAN, documents_of, fresh
from tests.support.templates import with_paragraph


@pytest.fixture
def referral(app, practitioner, full_record_data):
    """A submitted Section 17 referral with no decision or plans yet."""
    return records.submitted(full_record_data, practitioner, without=RECORDED_LATER)


def download(browser: Browser, document: Document, file_type: str = "docx") -> bytes:
    response = browser.client.get(f"/documents/{document.id}/download.{file_type}")
    assert response.status_code == 200, response.status_code
    return response.data


def test_a_manager_records_a_decision_and_the_outcome_letter_follows_at_once(
    app, referral, manager
):
    browser = signed_in_as(app, manager.email)
    page = browser.get(f"/referrals/{referral.id}/decision")
    assert page.select_one("#referrer_email")["value"] == "t.reed@cheshampark.example.sch.uk"

    response = browser.submit(f"/referrals/{referral.id}/decision", DECISION)
    assert response.status_code == 302

    decision = fresh(referral).record["decision"]
    assert decision["outcome"] == "signposted" and decision["decided_by"].startswith("Sam Patel")
    [letter] = documents_of(referral, "outcome_feedback")
    assert letter.status == "ready" and letter.pdf_sha256  # a PDF by default, for the referrer
    text = docx_text(download(browser, letter))
    assert "Signposted to other services in the community" in text
    assert DECISION["reasons"] in text and DECISION["other_support"] in text
    with pdfplumber.open(io.BytesIO(download(browser, letter, "pdf"))) as pdf:
        printed = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Signposted to other services in the community" in printed
    assert DECISION["reasons"] in printed
    shown = browser.get(f"/referrals/{referral.id}").select_one("#document-versions").text
    assert "Outcome letter to the referrer (version 1)" in shown


def test_a_decision_below_threshold_must_say_why_and_what_else_helps(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    answers = {**DECISION, "threshold_not_met_reason": "", "other_support": ""}
    response = browser.submit(f"/referrals/{referral.id}/decision", answers)
    page = browser.read(response)
    summary = page.select_one(".govuk-error-summary").text
    assert "Say why the threshold is not met" in summary
    assert "Say which other support is suggested" in summary
    assert page.select_one("#reasons").text == DECISION["reasons"]  # answers kept
    assert documents_of(referral, "outcome_feedback") == []


BELOW_THRESHOLD = {"no_further_action_advice", "signposted", "passed_to_early_help"}
BELOW_THRESHOLD |= {"ia_no_further_action"}  # an initial assessment that found no child in need


def test_only_the_outcomes_below_the_threshold_reveal_the_questions_they_need(
    app, referral, manager
):
    browser = signed_in_as(app, manager.email)
    page = browser.get(f"/referrals/{referral.id}/decision")
    [reveal] = page.select(".govuk-radios__conditional")
    questions = [field["name"] for field in reveal.select("textarea")]
    assert questions == ["threshold_not_met_reason", "other_support"]
    revealing = page.select("input[name=outcome][data-aria-controls]")
    assert {radio["value"] for radio in revealing} == BELOW_THRESHOLD
    assert {radio["data-aria-controls"] for radio in revealing} == {reveal["id"]}
    assert "govuk-radios__conditional--hidden" in reveal["class"]  # until one is chosen


def test_a_missing_answer_below_the_threshold_is_shown_open_and_linked(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    answers = {**DECISION, "threshold_not_met_reason": "", "other_support": ""}
    page = browser.read(browser.submit(f"/referrals/{referral.id}/decision", answers))
    [reveal] = page.select(".govuk-radios__conditional")
    assert "govuk-radios__conditional--hidden" not in reveal["class"]
    chosen = page.select_one("input[name=outcome][checked]")
    assert chosen["value"] == "signposted" and chosen["data-aria-controls"] == reveal["id"]
    targets = error_targets(page)
    assert [target["id"] for target in targets] == ["threshold_not_met_reason", "other_support"]
    assert all(reveal in target.parents for target in targets)


def test_answers_below_the_threshold_come_back_as_typed_after_an_error(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    typed = "No reasonable cause to suspect significant harm.\nThe GP confirmed a medical cause."
    answers = {**DECISION, "threshold_not_met_reason": typed, "reasons": ""}
    page = browser.read(browser.submit(f"/referrals/{referral.id}/decision", answers))
    assert "Give the reasons for the decision" in page.select_one(".govuk-error-summary").text
    assert page.select_one("#threshold_not_met_reason").text == typed  # not indented


@pytest.mark.parametrize("line_end", ["\u2028", "\x0b", "\x1e"])
def test_a_pasted_line_end_of_another_kind_is_kept_as_a_line_end(app, referral, manager, line_end):
    """Word's Shift+Enter (a vertical tab) or the web's line separator (U+2028) in an answer
    came back broken at that point with the rest indented."""
    browser = signed_in_as(app, manager.email)
    answers = {**DECISION, "other_support": f"Food bank{line_end}Parenting course", "reasons": ""}
    page = browser.read(browser.submit(f"/referrals/{referral.id}/decision", answers))
    assert page.select_one("#other_support").text == "Food bank\nParenting course"


def test_a_referrer_address_of_only_spaces_records_the_decision_and_mails_no_one(
    app, referral, manager
):
    browser = signed_in_as(app, manager.email)
    answers = {**DECISION, "referrer_email": "   "}
    response = browser.submit(f"/referrals/{referral.id}/decision", answers)
    assert response.status_code == 302
    banner = browser.get(response.headers["Location"]).select_one(".govuk-notification-banner")
    assert "Decision recorded. The outcome letter is being produced." in banner.text
    assert "e-mailed" not in banner.text
    assert db.session.scalars(select(FeedbackLink)).all() == []


def test_only_a_manager_records_a_decision(app, referral, practitioner):
    browser = signed_in_as(app, practitioner.email)
    assert browser.client.get(f"/referrals/{referral.id}/decision").status_code == 403


@pytest.fixture
def lead_professional(app):
    return users.save_user(
        "hannah.cole@chiltern.example.gov.uk", "Hannah Cole", Role.PRACTITIONER, PASSWORD
    )


def test_the_lead_professional_keeps_the_tac_plan_and_its_reviews(app, referral, lead_professional):
    browser = signed_in_as(app, lead_professional.email)
    url = f"/referrals/{referral.id}/tac-plan"
    page = browser.read(browser.submit(url, TAC_PLAN, button=("add_action", "y")))
    assert len(page.select(".govuk-summary-card")) == 2  # a second, empty action row
    more = {**TAC_PLAN, "actions-1-who": "Tom Reed", "actions-1-what": "Daily check-in"}
    more["actions-1-by_when"] = ["11", "12", "2026"]
    response = browser.client.post(
        url, data={**browser.form_values(page.select_one("main form")), **more}
    )
    assert response.status_code == 302

    plan = fresh(referral).record["tac_plan"]
    assert [a["who"] for a in plan["actions"]] == ["Hannah Cole", "Tom Reed"]
    assert plan["shared_with"] == ["Kerry Brennan (mother)", "Chesham Park Primary"]

    review = {"review_date": ["22", "1", "2027"], "progress": "Settled at home time."}
    review["next_review_date"] = ["5", "3", "2027"]
    assert browser.submit(f"{url}/reviews", review).status_code == 302
    plan = fresh(referral).record["tac_plan"]
    assert plan["reviews"][0]["progress"] == "Settled at home time."
    assert plan["review_date"] == "2027-03-05"

    assert produce(browser, referral, "tac_plan").status_code == 302
    [document] = documents_of(referral, "tac_plan")
    text = docx_text(download(browser, document))
    assert "Visit the family weekly & report <back>" in text and "Tom Reed" in text
    assert "4 December 2026" in text


def test_a_wrong_plan_date_is_linked_from_the_error_summary_to_its_day_box(
    app, referral, lead_professional
):
    browser = signed_in_as(app, lead_professional.email)
    wrong = {**TAC_PLAN, "meeting_date": ["31", "11", "2026"], "actions-0-by_when": ["4", "", ""]}
    page = browser.read(browser.submit(f"/referrals/{referral.id}/tac-plan", wrong))
    targets = {target["id"]: target for target in error_targets(page)}
    assert targets.keys() == {"meeting_date-day", "actions-0-by_when-day"}
    assert targets["meeting_date-day"] is page.select("input[name=meeting_date]")[0]
    assert targets["actions-0-by_when-day"] is page.select("input[name=actions-0-by_when]")[0]


@pytest.mark.parametrize("row", ["²", "9" * 5000], ids=["superscript", "5000 digits"])
def test_a_remove_button_sent_with_an_odd_row_number_removes_nothing(
    app, referral, lead_professional, row
):
    browser = signed_in_as(app, lead_professional.email)
    url = f"/referrals/{referral.id}/tac-plan"
    response = browser.submit(url, TAC_PLAN, button=("remove_action", row))
    assert response.status_code == 302  # no row of the page: saved as it stands
    assert [a["who"] for a in fresh(referral).record["tac_plan"]["actions"]] == ["Hannah Cole"]


def test_rows_named_with_odd_numbers_are_no_actions_of_the_plan(app, referral, lead_professional):
    browser = signed_in_as(app, lead_professional.email)
    odd = {f"actions-{row}-who": "Nobody" for row in ("²", "١", "9" * 5000)}
    response = browser.submit(f"/referrals/{referral.id}/tac-plan", {**TAC_PLAN, **odd})
    assert response.status_code == 302
    assert [a["who"] for a in fresh(referral).record["tac_plan"]["actions"]] == ["Hannah Cole"]


def test_a_plan_whose_saved_dates_are_not_real_dates_still_opens(app, referral, lead_professional):
    saved = {"meeting_date": "2026-11-31", "needs": "A calm routine at home time."}
    saved["actions"] = [{"who": "Hannah Cole", "by_when": "soon"}]
    referral.record = {**referral.record, "tac_plan": saved}
    db.session.commit()
    page = signed_in_as(app, lead_professional.email).get(f"/referrals/{referral.id}/tac-plan")
    assert [i.get("value") for i in page.select("input[name=meeting_date]")] == [None] * 3
    assert page.select("input[name=actions-0-by_when]")[0].get("value") is None
    assert page.select_one("#needs").text == saved["needs"]
    assert page.select_one("#actions-0-who")["value"] == "Hannah Cole"


def test_a_practitioner_not_named_on_the_referral_cannot_see_or_plan_it(
    app, referral, other_practitioner
):
    browser = signed_in_as(app, other_practitioner.email)
    assert browser.client.get(f"/referrals/{referral.id}").status_code == 404
    assert browser.client.get(f"/referrals/{referral.id}/tac-plan").status_code == 404


def test_a_manager_keeps_the_child_in_need_plan_and_the_referrer_may_not(
    app, referral, manager, practitioner
):
    url = f"/referrals/{referral.id}/cin-plan"
    assert signed_in_as(app, practitioner.email).client.get(url).status_code == 403
    browser = signed_in_as(app, manager.email)
    answers = {
        "needs_statement": "Protection from rough handling.",
        "plan": "Parenting support.",
        "acceptable_outcomes": "No further injuries.",
        "actions-0-who": "Social worker",
        "actions-0-what": "Arrange a parenting course",
        "actions-0-by_when": ["18", "12", "2026"],
    }
    assert browser.submit(url, answers).status_code == 302
    plan = fresh(referral).record["cin_plan"]
    assert plan["actions"] == [
        {"who": "Social worker", "what": "Arrange a parenting course", "by_when": "2026-12-18"}
    ]


def test_producing_again_makes_a_new_version_and_keeps_the_old_one(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    produce(browser, referral, "referral_letter")
    produce(browser, referral, "referral_letter")
    first, second = documents_of(referral, "referral_letter")
    assert (first.version, second.version) == (1, 2)
    assert first.status == second.status == "ready"
    assert first.sha256 and first.template_version and first.requested_by_id == manager.id
    assert download(browser, first) and download(browser, second)
    downloads = db.session.scalars(
        select(AuditEvent.object_id).where(AuditEvent.action == "download")
    ).all()
    assert sorted(downloads) == [first.id, second.id]


def test_a_plan_not_recorded_cannot_be_produced(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    kinds = [
        i["value"] for i in browser.get(f"/referrals/{referral.id}").select("input[name=kind]")
    ]
    assert kinds == ["referral_letter"]


def test_a_ready_document_cannot_be_changed_only_superseded(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    produce(browser, referral, "referral_letter")
    [letter] = documents_of(referral, "referral_letter")
    letter.content = b"something else"
    with pytest.raises(PermissionError, match="produce a new version instead"):
        db.session.commit()
    db.session.rollback()
    assert docx_text(download(browser, letter))  # still the letter it was


def test_documents_are_produced_with_the_template_version_in_use(
    app, referral, manager, admin_user
):
    content = with_paragraph("Chiltern Council: revised letter", name="referral_section_47.docx")
    version = template_store.upload("referral_section_47.docx", content, "New heading", admin_user)
    template_store.activate(version, admin_user)
    browser = signed_in_as(app, manager.email)
    produce(browser, referral, "referral_letter")
    template_store.use_shipped("referral_section_47.docx", admin_user)  # a roll back
    produce(browser, referral, "referral_letter")

    revised, shipped = documents_of(referral, "referral_letter")
    assert revised.template_id == version.id and shipped.template_id is None
    assert "Chiltern Council: revised letter" in docx_text(download(browser, revised))
    assert "Chiltern Council: revised letter" not in docx_text(download(browser, shipped))
    assert revised.template_version != shipped.template_version


def test_the_referrals_list_says_which_referrals_await_a_decision(app, referral, manager):
    browser = signed_in_as(app, manager.email)
    assert browser.get("/").select_one("[data-column=decision]").text.strip() == "Awaiting decision"
    browser.submit(f"/referrals/{referral.id}/decision", DECISION)
    shown = browser.get("/").select_one("[data-column=decision]").text.strip()
    assert shown == "Signposted to other services in the community"
