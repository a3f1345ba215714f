"""shares: e-mailed links also carry documents shared with other agencies

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:15:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("feedback_links", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("purpose", sa.String(length=20), nullable=False, server_default="feedback")
        )
        batch_op.add_column(sa.Column("agency", sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table("feedback_links", schema=None) as batch_op:
        batch_op.drop_column("agency")
        batch_op.drop_column("purpose")
