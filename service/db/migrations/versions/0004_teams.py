"""teams: managers see the referrals routed to their team

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 15:10:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(length=100), nullable=True))
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(length=100), nullable=True))
        batch_op.create_index(batch_op.f("ix_referrals_team"), ["team"])
    # What was there before teams belonged to the one default team (Config.DEFAULT_TEAM).
    op.execute("UPDATE referrals SET team = 'Front Door' WHERE status != 'draft'")
    op.execute("UPDATE users SET team = 'Front Door' WHERE role = 'manager'")


def downgrade():
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_team"))
        batch_op.drop_column("team")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("team")
