"""Phase 1 (seed 000, month 1-2): the basic users and user_verifications tables.

Exactly the seed's Phase 1 SQL; later revisions bring the tables to the full model.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clerk_user_id", sa.Text(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("province", sa.Text(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=True
        ),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
    )
    op.create_index("ix_users_clerk_user_id", "users", ["clerk_user_id"], unique=True)
    op.create_table(
        "user_verifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("phone_verified", sa.Boolean(), server_default=sa.false(), nullable=True),
        sa.Column("verification_level", sa.Text(), server_default="unverified", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_user_verifications"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_user_verifications_user_id_users"
        ),
    )


def downgrade() -> None:
    op.drop_table("user_verifications")
    op.drop_index("ix_users_clerk_user_id", table_name="users")
    op.drop_table("users")
