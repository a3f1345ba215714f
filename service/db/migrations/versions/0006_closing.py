"""closing: a referral records when, by whom and why it was closed

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 10:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("closed_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("close_reason", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            "fk_referrals_closed_by_id_users", "users", ["closed_by_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_constraint("fk_referrals_closed_by_id_users", type_="foreignkey")
        batch_op.drop_column("close_reason")
        batch_op.drop_column("closed_by_id")
        batch_op.drop_column("closed_at")
