"""imports: batches of legacy forms and one job per file

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:54:02.828449

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade():
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_batches_created_at"), ["created_at"])
        batch_op.create_index(batch_op.f("ix_import_batches_created_by_id"), ["created_by_id"])

    op.create_table(
        "import_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("record", JSON_DOCUMENT, nullable=True),
        sa.Column("provenance", JSON_DOCUMENT, nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("duplicate_of_id", sa.Integer(), nullable=True),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"]),
        sa.ForeignKeyConstraint(["duplicate_of_id"], ["import_jobs.id"]),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_jobs_batch_id"), ["batch_id"])
        batch_op.create_index(batch_op.f("ix_import_jobs_referral_id"), ["referral_id"])
        batch_op.create_index(batch_op.f("ix_import_jobs_sha256"), ["sha256"])
        batch_op.create_index(batch_op.f("ix_import_jobs_status"), ["status"])


def downgrade():
    with op.batch_alter_table("import_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_jobs_status"))
        batch_op.drop_index(batch_op.f("ix_import_jobs_sha256"))
        batch_op.drop_index(batch_op.f("ix_import_jobs_referral_id"))
        batch_op.drop_index(batch_op.f("ix_import_jobs_batch_id"))
    op.drop_table("import_jobs")

    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batches_created_by_id"))
        batch_op.drop_index(batch_op.f("ix_import_batches_created_at"))
    op.drop_table("import_batches")
