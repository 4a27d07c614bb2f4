"""Decisions by time: ``ix_verification_submissions_decided_at``.

The moderators' statistics count and rank the decisions of the last 30 days, and
the retention job looks for decisions older than its cutoff; without the index each
scans every submission.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_verification_submissions_decided_at", "verification_submissions", ["decided_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_verification_submissions_decided_at", "verification_submissions")
