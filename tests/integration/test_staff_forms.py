"""Staff forms on PostgreSQL, which refuses a NUL character in text and in JSON where SQLite (and
so the fuzz test, tests/views/test_fuzz_staff_forms.py) stores it."""

import io

from sqlalchemy import select

from record import load_record
from service.actions import producing
from service.db import imports, referrals, users
from service.db.models import FeedbackLink, Referral, Role
from service.documents import versions as template_store
from service.extensions import db
from service.jobs import tasks
from tests.support.app import PASSWORD
from tests.support.browser import Browser
from tests.support.imports import job_with
from tests.support.records import DECISION, TAC_PLAN
from tests.support.templates import with_paragraph


def signed_in(app, email: str) -> Browser:
    browser = Browser(app.test_client())
    assert browser.sign_in(f"{email}\x00").status_code == 302  # the address as it is stored
    return browser


def saved(browser: Browser, url: str, answers: dict, **kwargs) -> None:
    response = browser.submit(url, answers, **kwargs)
    assert response.status_code == 302, (url, response.status_code)


def test_staff_answers_with_a_nul_in_them_are_taken_without_it(
    production_app, full_record_data, example_record_data
):
    practitioner = users.save_user("nurse@example.nhs.uk", "Priya", Role.PRACTITIONER, PASSWORD)
    manager = users.save_user(
        "manager@council.example", "Sam", Role.MANAGER, PASSWORD, team="Front Door"
    )
    admin = users.save_user("admin@council.example", "Alex", Role.ADMIN, PASSWORD)
    referral = referrals.submit_referral(load_record(full_record_data), practitioner)
    letter = producing.queue(referral, "outcome_feedback", manager, wants_pdf=False)
    db.session.commit()
    tasks.render_document(letter.id)  # here: no worker runs in this test
    as_manager = signed_in(production_app, manager.email)
    url = f"/referrals/{referral.id}"

    decision = {**DECISION, "outcome": "ia_section_47_enquiry", "reasons": "Seen\x00 by the GP."}
    saved(as_manager, f"{url}/decision", decision)
    saved(as_manager, f"{url}/tac-plan", {**TAC_PLAN, "needs": "Calm\x00"})
    review = {"review_date": ["22", "1", "2027"], "progress": "Settled\x00"}
    saved(as_manager, f"{url}/tac-plan/reviews", review)
    share = {"agency": "Chiltern\x00 CAMHS", "email": "duty.camhs@nhs.example"}
    saved(as_manager, f"/documents/{letter.id}/share", share)
    saved(as_manager, f"{url}/close", {"reason": "Needs met\x00"})
    db.session.expire_all()
    closed = db.session.get(Referral, referral.id)
    assert closed.record["decision"]["reasons"] == "Seen by the GP."
    assert closed.record["tac_plan"]["needs"] == "Calm"
    assert closed.record["tac_plan"]["reviews"][-1]["progress"] == "Settled"
    assert db.session.scalar(select(FeedbackLink.agency)) == "Chiltern CAMHS"
    assert closed.close_reason == "Needs met"

    as_admin = signed_in(production_app, admin.email)
    job_id = job_with(admin, example_record_data, {})
    saved(
        as_admin, f"/imports/jobs/{job_id}", {"child.first_name": "Zosia\x00"}, button=("save", "y")
    )
    assert imports.get_job(job_id).record["child"]["first_name"] == "Zosia"
    upload = {"file": [(io.BytesIO(with_paragraph("Duty team")), "TAC plan.docx")]}
    upload["note"] = "New duty team\x00 address"
    saved(as_admin, "/templates/tac_plan.docx", upload, content_type="multipart/form-data")
    assert template_store.versions("tac_plan.docx")[0].note == "New duty team address"
