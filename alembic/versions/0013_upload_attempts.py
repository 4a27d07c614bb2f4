"""Every image upload a person tries, accepted or refused: ``upload_attempts``.

The hourly upload limit counted stored drafts, read before the insert: a refused
image (corrupt, too small) cost a decode and counted nothing, and parallel requests
all passed the read. An attempt is now a row written before the image is looked
at, and the limit counts rows (``ix_upload_attempts_user_at``).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "upload_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_upload_attempts_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_upload_attempts"),
    )
    op.create_index("ix_upload_attempts_user_at", "upload_attempts", ["user_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_upload_attempts_user_at", "upload_attempts")
    op.drop_table("upload_attempts")
