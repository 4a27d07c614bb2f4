"""Document checks: one row per submission of what its CNIC front says (outcome,
masked number read, dates, confidence); never the OCR text or the number in clear.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTCOMES = ("match", "mismatch", "unreadable", "not_cnic", "unavailable")


def one_of(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "document_checks",
        sa.Column("submission_id", sa.Uuid()),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column(
            "checked_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("engine", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("read_masked", sa.Text(), nullable=True),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("issue", sa.Date(), nullable=True),
        sa.Column("birth", sa.Date(), nullable=True),
        sa.CheckConstraint(one_of("outcome", OUTCOMES), name="ck_document_checks_outcome"),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["verification_submissions.id"],
            name="fk_document_checks_submission_id_verification_submissions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", name="pk_document_checks"),
    )


def downgrade() -> None:
    op.drop_table("document_checks")
