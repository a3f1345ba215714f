"""A practitioner makes a referral page by page, as the GOV.UK question-pages pattern has it."""

import io

import docx
import pytest
from sqlalchemy import select

from record import Pathway
from service.db.models import AuditEvent, Referral
from service.extensions import db
from tests.support.answers import CHILD, CONCERN, CONSENT, HOUSEHOLD, fill_section_17, pdf
from tests.support.browser import Journey, error_targets


def test_start_page_offers_every_pathway_and_needs_a_choice(signed_in):
    page = signed_in.get("/referrals/new")
    offered = [radio["value"] for radio in page.select("input[name=pathway]")]
    assert offered == [pathway.value for pathway in Pathway]
    page = signed_in.read(signed_in.submit("/referrals/new", {}))
    assert page.select_one(".govuk-error-summary a").text.strip() == "Select what you want to do"


def test_each_page_saves_and_leads_to_the_next_then_to_check_your_answers(signed_in):
    journey = Journey(signed_in, "section_17")
    assert journey.first_page.endswith("/edit/child")
    page = signed_in.get(journey.first_page)
    assert "page 1 of 7" in page.select_one(".govuk-caption-l").text
    assert journey.answer("child", CHILD).headers["Location"].endswith("/edit/household")
    assert journey.answer("household", HOUSEHOLD).headers["Location"].endswith("/edit/referrer")
    assert journey.answer("referrer", {}).headers["Location"].endswith("/edit/threshold")
    assert (
        journey.answer("threshold", {"threshold_level": "4"})
        .headers["Location"]
        .endswith("/edit/concern")
    )
    assert journey.answer("concern", CONCERN).headers["Location"].endswith("/edit/documents")
    assert journey.answer("documents", {}).headers["Location"].endswith("/edit/consent")
    assert (
        journey.answer("consent", CONSENT).headers["Location"] == f"/referrals/{journey.id}/check"
    )


def test_a_draft_can_be_left_and_picked_up_again(signed_in):
    journey = Journey(signed_in, "section_17")
    response = journey.answer(
        "child", {"first_name": "Maya", "last_name": "Okafor"}, button=("save_for_later", "y")
    )
    assert response.headers["Location"] == "/"
    listing = signed_in.get("/")
    assert "Your draft has been saved" in listing.select_one(".govuk-notification-banner").text
    [row] = listing.select("table.govuk-table tbody tr")
    assert "Maya Okafor" in row.text and "Draft" in row.text

    # Coming back: the list leads to the check-your-answers page, which shows what was saved.
    resumed = signed_in.client.get(row.select_one("a")["href"])
    assert resumed.headers["Location"] == f"/referrals/{journey.id}/check"
    check = journey.check_page()
    answers = {
        r.select_one("dt").text.strip(): r.select_one("dd").text.strip()
        for r in check.select(".govuk-summary-list__row")
    }
    assert answers["First name"] == "Maya"
    assert answers["Date of birth"] == "Not answered"
    page = signed_in.get(journey.url("child"))
    assert page.select_one("#first_name")["value"] == "Maya"


def test_referrer_is_filled_in_from_the_practitioner_and_the_date_is_today(signed_in):
    from datetime import date

    journey = Journey(signed_in, "section_17")
    page = signed_in.get(journey.url("referrer"))
    assert page.select_one("#name")["value"] == "Priya Shah"
    assert page.select_one("#agency")["value"] == "Chiltern Community Health"
    page = signed_in.get(journey.url("concern"))
    today = date.today()
    assert [int(i["value"]) for i in page.select("input[name=date]")] == [
        today.day,
        today.month,
        today.year,
    ]


def test_a_wrong_answer_is_shown_in_an_error_summary_and_nothing_on_the_page_is_lost(signed_in):
    journey = Journey(signed_in, "section_17")
    response = journey.answer("child", {**CHILD, "date_of_birth": ["31", "2", "2014"]})
    page = signed_in.read(response)
    assert page.title.text.startswith("Error:")
    assert [a.text.strip() for a in page.select(".govuk-error-summary a")] == [
        "Date of birth must be a real date, like 27 3 2014"
    ]
    assert page.select_one("#first_name")["value"] == "Maya"
    assert [i["value"] for i in page.select("input[name=date_of_birth]")] == ["31", "2", "2014"]
    assert "child" not in db.session.get(Referral, journey.id).record


def test_a_wrong_date_is_linked_from_the_error_summary_to_its_day_box(signed_in):
    journey = Journey(signed_in, "section_17")
    page = signed_in.read(journey.answer("child", {**CHILD, "date_of_birth": ["31", "2", "2014"]}))
    [target] = error_targets(page)
    assert target is page.select("input[name=date_of_birth]")[0]  # the first of the three
    assert target["id"] == "date_of_birth-day"

    wrong = {**HOUSEHOLD, "members-0-date_of_birth": ["2", "13", "1988"]}
    page = signed_in.read(journey.answer("household", wrong))
    [target] = error_targets(page)
    assert target is page.select("input[name=members-0-date_of_birth]")[0]
    assert target["id"] == "members-0-date_of_birth-day"


def test_a_saved_date_that_is_not_a_real_date_does_not_stop_its_page_opening(signed_in):
    journey = Journey(signed_in, "section_17")
    journey.answer("child", CHILD)
    draft = db.session.get(Referral, journey.id)
    draft.record = {  # as an older or hand-edited record might hold them
        **draft.record,
        "child": {**draft.record["child"], "date_of_birth": "2014-02-31"},
        "household_members": [{"name": "Grace Okafor", "date_of_birth": "2/11/1988"}],
    }
    db.session.commit()

    page = signed_in.get(journey.url("child"))  # asked again, the other answers kept
    assert [i.get("value") for i in page.select("input[name=date_of_birth]")] == [None] * 3
    assert page.select_one("#first_name")["value"] == "Maya"
    page = signed_in.get(journey.url("household"))
    assert page.select("input[name=members-0-date_of_birth]")[0].get("value") is None
    assert page.select_one("#members-0-name")["value"] == "Grace Okafor"


def test_check_your_answers_lists_what_is_missing_with_links_and_blocks_submission(signed_in):
    journey = Journey(signed_in, "section_17")
    journey.answer("child", {"first_name": "Maya", "last_name": "Okafor"})
    page = journey.check_page()
    links = {li["data-field"]: li.select_one("a")["href"] for li in page.select("#missing li")}
    # a date's link reaches its Day box, as in the error summary on the question page
    edit = f"/referrals/{journey.id}/edit"
    assert links["child.date_of_birth"] == f"{edit}/child?back=check#date_of_birth-day"
    assert signed_in.get(journey.url("child")).select_one("input#date_of_birth-day") is not None
    assert links["household_members"] == f"{edit}/household?back=check#members-0-name"
    for field in ["child_views", "facts", "opinions", "conversations", "level4_evidence"]:
        assert links[f"referral.{field}"] == f"{edit}/concern?back=check#{field}"
    assert (
        links["attachments.early_help_assessment"]
        == f"{edit}/documents?back=check#early_help_assessment"
    )
    assert links["consent.family_agrees"] == f"{edit}/consent?back=check#family_agrees"
    assert page.select_one("#submit-referral") is None

    blocked = journey.submit()
    assert blocked.status_code == 400
    page = signed_in.read(blocked)
    assert "You cannot submit this referral yet" in page.select_one(".govuk-error-summary").text
    assert db.session.get(Referral, journey.id).status == "draft"


def test_a_complete_section_17_referral_is_submitted_and_becomes_a_letter(signed_in):
    journey = Journey(signed_in, "section_17")
    fill_section_17(journey)
    assert journey.missing() == []
    response = journey.submit()
    assert response.headers["Location"] == f"/referrals/{journey.id}"
    referral = db.session.get(Referral, journey.id)
    db.session.refresh(referral)
    assert referral.status == "received" and referral.child.last_name == "Okafor"
    record = referral.record
    assert (
        record["child"]["postcode"] == "HP6 5AB"
        and record["child"]["date_of_birth"] == "2014-03-09"
    )
    assert record["household_members"] == [
        {
            "name": "Grace Okafor",
            "relationship": "mother",
            "date_of_birth": "1988-11-02",
            "parental_responsibility": True,
        }
    ]
    assert [a["kind"] for a in record["attachments"]] == [
        "early_help_assessment",
        "early_help_plan",
    ]
    assert record["threshold_level"] == 4 and record["consent"]["family_agrees"] is True

    page = signed_in.get(f"/referrals/{journey.id}")
    form = page.select_one("form[action$='/documents']")
    signed_in.client.post(form["action"], data=signed_in.form_values(form))  # referral letter
    page = signed_in.get(f"/referrals/{journey.id}")
    assert page.select_one("#document-versions .govuk-tag").text.strip() == "Ready"
    letter = docx.Document(
        io.BytesIO(
            signed_in.client.get(
                page.select_one("#document-versions a[href$='.docx']")["href"]
            ).data
        )
    )
    text = "\n".join(c.text for t in letter.tables for r in t.rows for c in r.cells)
    for expected in ["Maya Okafor", "9 March 2014", "Priya Shah", "Grace Okafor", "mother"]:
        assert expected in text
    actions = {e.action for e in db.session.scalars(select(AuditEvent))}
    assert {"create", "change", "submit", "view", "generate", "download"} <= actions


def test_a_submitted_referral_can_no_longer_be_edited(signed_in):
    journey = Journey(signed_in, "section_17")
    fill_section_17(journey)
    journey.submit()
    assert signed_in.client.get(journey.url("child")).status_code == 404


def test_household_rows_can_be_added_and_removed(signed_in):
    journey = Journey(signed_in, "section_17")
    page = signed_in.read(journey.answer("household", HOUSEHOLD, button=("add_member", "y")))
    assert page.select_one("#members-1-name") is not None and not page.select(
        ".govuk-error-summary"
    )
    data = signed_in.form_values(page.select_one("main form"))
    data.update({"members-1-name": ["Daniel Okafor"], "remove_member": ["0"]})
    page = signed_in.read(signed_in.client.post(journey.url("household"), data=data))
    assert [i["value"] for i in page.select("input[id$='-name']")] == ["Daniel Okafor"]


def test_an_uploaded_document_is_kept_even_when_the_page_has_an_error(signed_in):
    journey = Journey(signed_in, "section_17")
    response = journey.answer(
        "documents", {"ehcp": pdf("EHCP Okafor.pdf")}, content_type="multipart/form-data"
    )
    assert response.status_code == 302
    page = signed_in.get(journey.url("documents"))
    assert "EHCP_Okafor.pdf attached" in page.select_one("#ehcp-attached").text
    assert "attachments.early_help_assessment" not in journey.missing()  # an EHCP is an alternative


@pytest.mark.parametrize(
    ("pathway", "hints"),
    [
        ("early_help", {"request": "The areas for which you need support"}),
        (
            "camhs",
            {
                "request": "What you are asking the specialist service to do",
                "conversations": "When you discussed this request with the receiving service",
            },
        ),
    ],
)
def test_the_concern_page_asks_in_the_words_of_the_pathways_guidance(signed_in, pathway, hints):
    journey = Journey(signed_in, pathway)
    page = signed_in.get(journey.url("concern"))
    for name, hint in hints.items():
        assert page.select_one(f"#{name}-hint").text.strip().startswith(hint)
    assert [t["name"] for t in page.select("textarea")][-2:] == ["request", "intended_outcome"]
    journey.answer("concern", {})
    for name in hints:
        assert f"referral.{name}" in journey.missing()


def test_the_common_assessment_asks_the_three_domains_and_the_conclusions(signed_in):
    journey = Journey(signed_in, "early_help")
    pages = [
        a.text.strip() for a in signed_in.get(journey.first_page).select(".govuk-list--number li")
    ]
    for title in [
        "Development of the child",
        "Parents and carers",
        "Family and environment",
        "Conclusions, solutions and actions",
        "Lead professional",
    ]:
        assert title in pages
    journey.answer(
        "development", {"health": "Asthma, well managed.", "learning": "Working at expected level."}
    )
    journey.answer("parenting", {"basic_care": "Good."})
    journey.answer("family-environment", {"housing": "Overcrowded flat."})
    journey.answer("conclusions", {"actions": "School nurse to review inhaler use by March."})
    record = db.session.get(Referral, journey.id).record
    assert record["assessment"] == {
        "development": {
            "health": "Asthma, well managed.",
            "learning": "Working at expected level.",
        },
        "parenting": {"basic_care": "Good."},
        "family_environment": {"housing": "Overcrowded flat."},
        "actions": "School nurse to review inhaler use by March.",
    }


def test_section_47_asks_every_harm_question_and_the_decision_to_tell_the_family(signed_in):
    journey = Journey(signed_in, "section_47")
    page = signed_in.get(journey.url("harm"))
    assert len(page.select("textarea")) == 11
    assert "harm.frequency" in journey.missing()
    journey.answer("consent", {"family_informed": "no"})
    missing = journey.missing()
    assert "consent.decision_reason" in missing and "consent.family_agrees" not in missing
    journey.answer(
        "consent", {"family_informed": "no", "decision_reason": "It would put the child at risk."}
    )
    assert "consent.decision_reason" not in journey.missing()


@pytest.mark.parametrize(
    ("born", "accepted"), [(["1", "9", "2017"], False), (["1", "9", "2011"], True)]
)
def test_a_young_person_of_secondary_school_age_can_consent_for_themselves(
    signed_in, born, accepted
):
    journey = Journey(signed_in, "camhs")
    journey.answer("child", {**CHILD, "date_of_birth": born})
    response = journey.answer(
        "consent",
        {
            "family_agrees": "yes",
            "information_sharing": "yes",
            "given_by_young_person": "yes",
            "given_by": "Maya Okafor",
            "date": ["1", "11", "2025"],
        },
    )
    if accepted:
        assert response.status_code == 302
        assert (
            db.session.get(Referral, journey.id).record["consent"]["given_by_young_person"] is True
        )
    else:
        page = signed_in.read(response)
        assert (
            "not of secondary-school age: a parent or carer must consent"
            in page.select_one(".govuk-error-summary").text
        )


def test_a_threshold_level_that_disagrees_with_the_pathway_is_warned(signed_in):
    journey = Journey(signed_in, "section_17")
    journey.answer("threshold", {"threshold_level": "2"})
    warning = journey.check_page().select_one(".govuk-warning-text").text
    assert "Threshold level 2 does not match this pathway, which is for Level 4" in warning


def test_nobody_else_can_open_a_practitioners_draft(signed_in, other_practitioner, app):
    journey = Journey(signed_in, "section_17")
    journey.answer("child", CHILD)
    other = type(signed_in)(app.test_client())
    other.sign_in(other_practitioner.email)
    for url in [journey.url("child"), f"/referrals/{journey.id}/check", f"/referrals/{journey.id}"]:
        assert other.client.get(url).status_code == 404
    assert "Okafor" not in other.client.get("/").get_data(as_text=True)


def test_the_draft_can_be_deleted_after_saying_so(signed_in):
    journey = Journey(signed_in, "section_17")
    asks = signed_in.get(journey.check_page().select_one("a[href$='/discard']")["href"])
    assert asks.h1.text == "Are you sure you want to delete this draft?"
    assert db.session.get(Referral, journey.id) is not None  # asking deletes nothing
    form = asks.select_one("main form[action$='/discard']")
    assert form.button.text == "Yes, delete this draft"
    assert "govuk-button--warning" in form.button["class"]
    response = signed_in.client.post(
        form["action"], data={"csrf_token": form.select_one("input")["value"]}
    )
    assert response.headers["Location"] == "/"
    assert db.session.get(Referral, journey.id) is None
