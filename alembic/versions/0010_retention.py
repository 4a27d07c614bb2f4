"""Retention (seed 004 "Clear data retention policies"): when the retention job
deleted a submission's images (``verification_submissions.images_purged_at``).

The submission row and its audit trail stay; only the images go, and this column
says so to moderators and keeps the job from asking the image store again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("verification_submissions") as batch:
        batch.add_column(sa.Column("images_purged_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("verification_submissions") as batch:
        batch.drop_column("images_purged_at")
