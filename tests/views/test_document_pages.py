"""Read before you download: every ready document has a page that shows what it says, reached
from the referral's list of documents, audited as a view, and not found for anyone who may not
see the referral."""

from sqlalchemy import select

from service.db.models import AuditEvent
from service.extensions import db
from tests.support import records
from tests.support.browser import signed_in_as
from tests.support.documents import produce


def test_a_ready_letter_is_read_on_its_page_and_the_reading_audited(
    app, practitioner, full_record_data
):
    referral = records.submitted(full_record_data, practitioner)
    browser = signed_in_as(app, practitioner.email)
    produce(browser, referral, "referral_letter")
    [letter] = records.documents_of(referral, "referral_letter")
    listed = browser.get(f"/referrals/{referral.id}")
    read = listed.select_one(f"#document-versions a[href='/documents/{letter.id}']")
    assert read.get_text(" ", strip=True).startswith("Read")
    page = browser.get(read["href"])
    assert page.h1.get_text(strip=True) == "Referral letter (version 1)"
    content = page.select_one("#document-content")
    assert "Leo Brennan" in content.get_text() and content.select("table th[scope=row]")
    assert page.select_one(f"a[href='/documents/{letter.id}/download.docx']")
    views = db.session.scalars(
        select(AuditEvent.user_id).where(
            AuditEvent.action == "view",
            AuditEvent.object_type == "document",
            AuditEvent.object_id == letter.id,
        )
    ).all()
    assert views == [practitioner.id]


def test_someone_who_may_not_see_the_referral_cannot_read_its_document(
    app, practitioner, other_practitioner, full_record_data
):
    referral = records.submitted(full_record_data, practitioner)
    produce(signed_in_as(app, practitioner.email), referral, "referral_letter")
    [letter] = records.documents_of(referral, "referral_letter")
    signed_in_as(app, other_practitioner.email).get(f"/documents/{letter.id}", status=404)
    refused = db.session.scalars(
        select(AuditEvent.user_id).where(
            AuditEvent.outcome == "refused", AuditEvent.object_id == letter.id
        )
    ).all()
    assert refused == [other_practitioner.id]
