"""deadlines: the statutory clocks run on each referral; referrals.source, the referrer as the
CIN census codes them, read from each stored record's referrer; referrals.acknowledged_at and
acknowledgement_error, the referrer's e-mail saying it was received; lead_professional_changes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 23:30:00

"""

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from record.sources import referral_source

# revision identifiers, used by Alembic.
revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

record_json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade():
    op.create_table(
        "deadlines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("clock", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("late_reason", sa.Text(), nullable=True),
        sa.Column("stopped_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"]),
        sa.ForeignKeyConstraint(["stopped_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.create_index("ix_deadlines_referral_id", ["referral_id"])
        batch_op.create_index("ix_deadlines_due_on", ["due_on"])
        batch_op.create_index(
            "ix_deadlines_running",
            ["due_at"],
            postgresql_where=sa.text("stopped_at IS NULL"),
            sqlite_where=sa.text("stopped_at IS NULL"),
        )

    op.create_table(
        "lead_professional_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("previous", record_json, nullable=False),
        sa.Column("new", record_json, nullable=False),
        sa.Column("previous_email", sa.String(length=254), nullable=True),
        sa.Column("criteria", record_json, nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("changed_by_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"]),
        sa.ForeignKeyConstraint(["changed_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("lead_professional_changes", schema=None) as batch_op:
        batch_op.create_index("ix_lead_professional_changes_referral_id", ["referral_id"])
        batch_op.create_index("ix_lead_professional_changes_previous_email", ["previous_email"])

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=3), nullable=True))
        batch_op.create_index("ix_referrals_source", ["source"])
        batch_op.add_column(
            sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("acknowledgement_error", sa.Text(), nullable=True))

    referrals = sa.table(
        "referrals", sa.column("id", sa.Integer), sa.column("record", sa.JSON), sa.column("source")
    )
    connection = op.get_bind()
    for referral_id, record in connection.execute(
        sa.select(referrals.c.id, referrals.c.record)
    ).all():
        if isinstance(record, str):
            record = json.loads(record)
        referrer = (record or {}).get("referrer") or {}
        source = referral_source(referrer.get("role"), referrer.get("agency"))
        connection.execute(
            referrals.update().where(referrals.c.id == referral_id).values(source=source)
        )


def downgrade():
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_column("acknowledgement_error")
        batch_op.drop_column("acknowledged_at")
        batch_op.drop_index("ix_referrals_source")
        batch_op.drop_column("source")
    op.drop_table("lead_professional_changes")
    op.drop_table("deadlines")
