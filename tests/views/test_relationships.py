"""Who sees a referral follows their relationship to it, never a guessable id: the practitioner
who made it or is named on it, the managers of the team it was routed to, and no one else. A
manager sees and exports the referral's audit trail, which cannot be changed."""

import csv
import io

import pytest
from sqlalchemy import select

from record import load_record
from service.db import referrals, users
from service.db.models import AuditEvent, Role
from service.extensions import db
from tests.support.app import PASSWORD
from tests.support.browser import signed_in_as


@pytest.fixture
def referral(app, practitioner, example_record_data):
    made = referrals.submit_referral(load_record(example_record_data), practitioner)
    db.session.commit()
    return made


def test_a_manager_sees_only_the_referrals_routed_to_their_team(app, referral, manager):
    app.config["TEAMS"] = {"camhs": "Specialist Services"}
    elsewhere = users.save_user(
        "specialist.manager@council.example",
        "Jo King",
        Role.MANAGER,
        PASSWORD,
        team="Specialist Services",
    )
    assert referral.team == "Front Door"  # section 17 is not named: the default team
    assert (
        signed_in_as(app, manager.email).client.get(f"/referrals/{referral.id}").status_code == 200
    )
    other = signed_in_as(app, elsewhere.email)
    assert other.client.get(f"/referrals/{referral.id}").status_code == 404
    assert other.client.get(f"/referrals/{referral.id}/decision").status_code == 404
    assert f"/referrals/{referral.id}" not in other.client.get("/").get_data(as_text=True)


def test_an_admin_sees_imports_not_other_peoples_referrals(app, referral, admin_user):
    browser = signed_in_as(app, admin_user.email)
    assert browser.client.get(f"/referrals/{referral.id}").status_code == 404


def test_a_manager_views_and_exports_the_audit_trail_and_the_export_is_audited(
    app, referral, manager, practitioner
):
    signed_in_as(app, practitioner.email).get(f"/referrals/{referral.id}")  # a view, audited
    browser = signed_in_as(app, manager.email)
    page = browser.get(f"/referrals/{referral.id}/audit")
    shown = [row.text for row in page.select("#audit-trail tbody tr")]
    assert any("Priya Shah" in row and "view" in row for row in shown)

    response = browser.client.get(f"/referrals/{referral.id}/audit.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {"Who": "Priya Shah", "Action": "view"}.items() <= rows[0].items()
    assert rows[0]["From"] == "127.0.0.1"
    exports = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert [(e.user_id, e.object_id) for e in exports] == [(manager.id, referral.id)]


def test_a_practitioner_cannot_see_the_audit_trail(app, referral, practitioner):
    browser = signed_in_as(app, practitioner.email)
    assert browser.client.get(f"/referrals/{referral.id}/audit.csv").status_code == 403


def test_audit_events_cannot_be_changed_or_removed(app, referral, practitioner):
    signed_in_as(app, practitioner.email).get(f"/referrals/{referral.id}")
    event = db.session.scalars(select(AuditEvent)).first()
    event.outcome = "nothing happened"
    with pytest.raises(PermissionError, match="never changed"):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.scalars(select(AuditEvent)).first())
    with pytest.raises(PermissionError):
        db.session.commit()
    db.session.rollback()


def test_a_practitioner_trying_another_practitioners_referral_id_is_refused_and_audited(
    app, referral, other_practitioner, robustness
):
    browser = signed_in_as(app, other_practitioner.email)
    tried = [
        browser.client.get(f"/referrals/{referral.id}").status_code,
        browser.client.get(f"/referrals/{referral.id}/edit/child").status_code,
    ]
    refused = db.session.scalars(
        select(AuditEvent).where(
            AuditEvent.outcome == "refused", AuditEvent.object_id == referral.id
        )
    ).all()
    robustness.bad_input("another practitioner's referral id", rejected=tried == [404, 404])
    assert tried == [404, 404]
    assert [(e.user_id, e.action, e.object_type) for e in refused] == [
        (other_practitioner.id, "view", "referral"),
        (other_practitioner.id, "change", "referral"),
    ]
