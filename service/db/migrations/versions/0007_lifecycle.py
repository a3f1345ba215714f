"""lifecycle: each move of a referral or CAF is kept (stage_changes); 'submitted' becomes the
stage it had reached: received or decided for a referral, open for a CAF; an Early Help record
names the referral it was opened from

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 21:00:00

"""

import json

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "stage_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("move", sa.String(length=30), nullable=False),
        sa.Column("from_stage", sa.String(length=20), nullable=False),
        sa.Column("to_stage", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("late_reason", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stage_changes", schema=None) as batch_op:
        batch_op.create_index("ix_stage_changes_referral_id", ["referral_id"])
        batch_op.create_index("ix_stage_changes_to_stage", ["to_stage"])
        batch_op.create_index("ix_stage_changes_occurred_at", ["occurred_at"])

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opened_from_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_referrals_opened_from_id_referrals", "referrals", ["opened_from_id"], ["id"]
        )

    referrals = sa.table(
        "referrals",
        sa.column("id", sa.Integer),
        sa.column("pathway", sa.String),
        sa.column("status", sa.String),
        sa.column("record", sa.JSON),
    )
    connection = op.get_bind()
    submitted = connection.execute(
        sa.select(referrals.c.id, referrals.c.pathway, referrals.c.record).where(
            referrals.c.status == "submitted"
        )
    )
    for referral_id, pathway, record in submitted.all():
        if isinstance(record, str):
            record = json.loads(record)
        decided = bool(((record or {}).get("decision") or {}).get("outcome"))
        stage = "open" if pathway == "early_help" else "decided" if decided else "received"
        connection.execute(
            referrals.update().where(referrals.c.id == referral_id).values(status=stage)
        )


def downgrade():
    op.execute(
        "UPDATE referrals SET status = 'submitted' "
        "WHERE status IN ('received', 'decided', 'assessed', 'plan', 'open', 'complete')"
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_constraint("fk_referrals_opened_from_id_referrals", type_="foreignkey")
        batch_op.drop_column("opened_from_id")
    op.drop_table("stage_changes")
