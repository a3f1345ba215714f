import flask_migrate
from sqlalchemy import inspect, select

from service.db import referrals, users
from service.db.models import Referral, Role
from service.extensions import db
from tests.support.migrations import EXPECTED_STAGES, submitted_before_stages


def test_migrations_build_the_schema_on_postgresql_and_a_referral_round_trips(
    production_app, example_record, example_record_data
):
    tables = set(inspect(db.engine).get_table_names())
    assert {"users", "children", "referrals", "documents", "audit_events"} <= tables
    record_column = {c["name"]: c for c in inspect(db.engine).get_columns("referrals")}["record"]
    assert record_column["type"].__class__.__name__ == "JSONB"

    user = users.save_user("nurse@example.nhs.uk", "Priya Shah", Role.PRACTITIONER, "pw-123456789")
    referral_id = referrals.submit_referral(example_record, user).id
    db.session.commit()
    db.session.remove()

    stored = db.session.scalar(
        select(Referral).where(
            Referral.child_last_name == "Okafor",
            Referral.child_date_of_birth == example_record.child.date_of_birth,
            Referral.pathway == "section_17",
        )
    )
    assert stored.id == referral_id
    assert stored.record == example_record_data
    assert stored.child.first_name == "Maya"
    assert stored.referral_date.isoformat() == "2026-11-02"

    # The JSONB column answers queries on the record itself.
    by_school = db.session.scalar(
        select(Referral.id).where(
            Referral.record[("child", "school_or_setting")].as_string() == "Woodside Primary School"
        )
    )
    assert by_school == referral_id


def test_migrations_downgrade_cleanly_on_postgresql(production_app):
    db.session.remove()
    flask_migrate.downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    flask_migrate.upgrade()
    assert "referrals" in inspect(db.engine).get_table_names()


def test_submitted_referrals_become_the_stage_they_had_reached_on_postgresql(production_app):
    assert submitted_before_stages() == EXPECTED_STAGES
