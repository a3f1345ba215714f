"""Referrals stored as they were before migration 0007 (status 'submitted'), to check what
each becomes: the stage it had reached, and (0008) its referrer as the census codes them."""

from datetime import UTC, datetime

import flask_migrate
import sqlalchemy as sa

from service.extensions import db

BEFORE_STAGES = {
    "a CAF": ("early_help", {"referrer": {"role": "School Nurse"}}),
    "a referral with a decision": (
        "section_17",
        {
            "decision": {"outcome": "child_protection"},
            "referrer": {"agency": "Thames Valley Police"},
        },
    ),
    "a referral waiting for one": ("section_47", {}),
}


def submitted_before_stages() -> dict[str, tuple[str, str]]:
    """Migrate to 0006, store one referral of each kind, migrate to the head: each one's
    status and source."""
    db.session.remove()
    flask_migrate.downgrade(revision="0006")
    users = sa.table(
        "users",
        *(sa.column(name) for name in ("id", "email", "full_name", "role", "password_hash")),
        sa.column("active", sa.Boolean),
        sa.column("created_at", sa.DateTime),
    )
    referrals = sa.table(
        "referrals",
        *(sa.column(name) for name in ("created_by_id", "pathway", "status")),
        sa.column("record", sa.JSON),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    now = datetime.now(UTC)
    with db.engine.begin() as connection:
        user_id = connection.execute(
            users.insert()
            .values(
                email="nurse@example.nhs.uk",
                full_name="Priya Shah",
                role="practitioner",
                password_hash="x",
                active=True,
                created_at=now,
            )
            .returning(users.c.id)
        ).scalar_one()
        for name, (pathway, parts) in BEFORE_STAGES.items():
            connection.execute(
                referrals.insert().values(
                    created_by_id=user_id,
                    pathway=pathway,
                    status="submitted",
                    record={"pathway": pathway, "child": {"first_name": name}, **parts},
                    created_at=now,
                    updated_at=now,
                )
            )
    flask_migrate.upgrade()
    with db.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT pathway, status, source FROM referrals"))
        by_pathway = {pathway: (status, source) for pathway, status, source in rows}
    return {name: by_pathway[pathway] for name, (pathway, _) in BEFORE_STAGES.items()}


EXPECTED_STAGES = {
    "a CAF": ("open", "3C"),
    "a referral with a decision": ("decided", "6"),
    "a referral waiting for one": ("received", "10"),
}
