"""Requests the service must refuse, beyond those the views' own tests already cover.

Covered elsewhere (not repeated): a POST without its CSRF token to sign-in
(tests/views/test_sign_in.py) and to the import upload, retry and review
(tests/views/imports/test_upload.py); an over-size import upload, 413 on the GOV.UK upload page
(same file); another practitioner's draft and referral, 404
(tests/views/test_referral_journey.py, tests/views/test_relationships.py); a practitioner or
manager on any import page, 403 (tests/views/imports/test_upload.py). Import batches and jobs are
shared by every admin on purpose (one team works the queue), so there is no "other admin's
batch" to refuse.
"""

import io

from record import load_record
from service.actions import producing
from service.db import documents, referrals
from service.db.models import Referral
from service.extensions import db
from tests.support.browser import Browser, Journey


def test_a_referral_page_posted_without_its_csrf_token_is_refused_and_saves_nothing(
    signed_in, robustness
):
    journey = Journey(signed_in, "section_17")
    response = signed_in.client.post(
        journey.url("child"), data={"first_name": "Injected", "save": "y"}
    )
    robustness.bad_input("referral page POST without CSRF", rejected=response.status_code == 400)
    assert response.status_code == 400
    assert "Injected" not in str(db.session.get(Referral, journey.id).record)


def test_another_practitioners_document_is_not_found(
    app, practitioner, other_practitioner, example_record_data, robustness
):
    referral = referrals.submit_referral(load_record(example_record_data), practitioner)
    document = producing.queue(referral, "referral_letter", practitioner)
    documents.store_content(document, b"PK letter", "letter.docx", template_version="test")
    owner, other = Browser(app.test_client()), Browser(app.test_client())
    owner.sign_in(practitioner.email)
    other.sign_in(other_practitioner.email)
    url = f"/documents/{document.id}/download"
    assert owner.client.get(url).status_code == 200
    refused = other.client.get(url).status_code == 404
    robustness.bad_input("another practitioner's document id", rejected=refused)
    assert refused


def test_a_batch_or_job_that_does_not_exist_is_not_found(admin, robustness):
    statuses = [
        admin.client.get(url).status_code for url in ("/imports/batches/999", "/imports/jobs/999")
    ]
    robustness.bad_input("unknown import batch / job id", rejected=statuses == [404, 404])
    assert statuses == [404, 404]


def test_an_over_size_attachment_is_refused_with_a_govuk_page(app, signed_in, robustness):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    journey = Journey(signed_in, "section_17")
    page = signed_in.get(journey.url("documents"))
    token = page.select_one("input[name=csrf_token]")["value"]
    response = signed_in.client.post(
        journey.url("documents"),
        data={"csrf_token": token, "other": (io.BytesIO(b"%PDF-1.4 " + bytes(4096)), "big.pdf")},
        content_type="multipart/form-data",
    )
    robustness.bad_input("over-size upload", rejected=response.status_code == 413)
    assert response.status_code == 413
    page = signed_in.read(response)
    assert page.h1.text == "The file is too big"
    assert "choose a smaller file" in page.select_one("main").text


def test_not_found_and_not_allowed_are_gov_uk_pages_that_say_what_to_do(signed_in):
    missing = signed_in.get("/referrals/999", status=404)
    assert missing.h1.text == "Page not found"
    refused = signed_in.get("/templates", status=403)  # a practitioner: admins only
    assert refused.h1.text == "You cannot see this page"
    assert "Ask your manager" in refused.select_one("main").text
