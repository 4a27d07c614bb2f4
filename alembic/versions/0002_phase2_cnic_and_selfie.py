"""Phase 2 (seed 000, month 3+): CNIC and live-selfie columns on user_verifications.

Plain ``ALTER TABLE ... ADD COLUMN`` as the seed writes it: existing rows keep
their data and get NULL (or FALSE) in the new columns.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PHASE_2_COLUMNS = (
    sa.Column("cnic_number", sa.Text(), nullable=True),
    sa.Column("cnic_front_url", sa.Text(), nullable=True),
    sa.Column("cnic_back_url", sa.Text(), nullable=True),
    sa.Column("verification_selfie_url", sa.Text(), nullable=True),
    sa.Column("verification_selfie_timestamp", sa.DateTime(timezone=True), nullable=True),
    sa.Column(
        "verification_selfie_verified", sa.Boolean(), server_default=sa.false(), nullable=True
    ),
    sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
)


def upgrade() -> None:
    for column in PHASE_2_COLUMNS:
        op.add_column("user_verifications", column._copy())


def downgrade() -> None:
    with op.batch_alter_table("user_verifications") as batch:
        for column in reversed(PHASE_2_COLUMNS):
            batch.drop_column(column.name)
