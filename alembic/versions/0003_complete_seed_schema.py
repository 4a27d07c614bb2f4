"""The complete seed schema: every column and constraint of seed 000, plus seed 004's
user_preferences.

users gain the reputation, language and notification columns; user_verifications
gains email/reviewer columns, NOT NULL user_id with ON DELETE CASCADE, one record
per user, unique CNIC and the verification_level CHECK.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the enumerations at this revision (models may grow later).
LEVELS = "verification_level IN ('unverified', 'basic', 'verified', 'trusted')"
LANGUAGES = "preferred_language IN ('urdu', 'english')"
THEMES = "theme IN ('light', 'dark', 'system')"

JSONB = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def timestamp(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    op.execute("UPDATE users SET created_at = CURRENT_TIMESTAMP WHERE created_at IS NULL")
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("bio", sa.Text(), nullable=True))
        batch.add_column(sa.Column("area", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("average_rating", sa.Numeric(3, 2), server_default="0.0", nullable=False)
        )
        batch.add_column(
            sa.Column("total_reviews", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(
            sa.Column("response_rate", sa.Numeric(5, 2), server_default="0.0", nullable=False)
        )
        batch.add_column(
            sa.Column("completed_bookings", sa.Integer(), server_default="0", nullable=False)
        )
        batch.add_column(
            sa.Column("preferred_language", sa.Text(), server_default="urdu", nullable=False)
        )
        batch.add_column(
            sa.Column("notification_settings", JSONB, server_default="{}", nullable=False)
        )
        batch.add_column(timestamp("updated_at"))
        batch.alter_column("created_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch.create_check_constraint("ck_users_language", LANGUAGES)

    # A Phase 1 verification row without a user belongs to nobody: remove it.
    op.execute("DELETE FROM user_verifications WHERE user_id IS NULL")
    op.execute(
        "UPDATE user_verifications SET verification_level = 'unverified' "
        "WHERE verification_level IS NULL"
    )
    for flag in ("phone_verified", "verification_selfie_verified"):
        op.execute(f"UPDATE user_verifications SET {flag} = FALSE WHERE {flag} IS NULL")
    with op.batch_alter_table("user_verifications") as batch:
        batch.add_column(
            sa.Column("email_verified", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("verified_by", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("rejection_reason", sa.Text(), nullable=True))
        batch.add_column(timestamp("created_at"))
        batch.add_column(timestamp("updated_at"))
        batch.alter_column("user_id", existing_type=sa.Uuid(), nullable=False)
        for flag in ("phone_verified", "verification_selfie_verified"):
            batch.alter_column(
                flag,
                existing_type=sa.Boolean(),
                existing_server_default=sa.false(),
                nullable=False,
            )
        batch.alter_column(
            "verification_level",
            existing_type=sa.Text(),
            existing_server_default="unverified",
            nullable=False,
        )
        batch.drop_constraint("fk_user_verifications_user_id_users", type_="foreignkey")
        batch.create_foreign_key(
            "fk_user_verifications_user_id_users",
            "users",
            ["user_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_foreign_key(
            "fk_user_verifications_verified_by_users",
            "users",
            ["verified_by"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_unique_constraint("uq_user_verifications_user_id", ["user_id"])
        batch.create_unique_constraint("uq_user_verifications_cnic_number", ["cnic_number"])
        batch.create_check_constraint("ck_user_verifications_level", LEVELS)

    op.create_table(
        "user_preferences",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clerk_user_id", sa.Text(), nullable=False),
        sa.Column("theme", sa.Text(), server_default="system", nullable=False),
        sa.Column("notifications", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("last_login_reminder", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verification_prompted", sa.Boolean(), server_default=sa.false(), nullable=False),
        timestamp("created_at"),
        timestamp("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_user_preferences"),
        sa.CheckConstraint(THEMES, name="ck_user_preferences_theme"),
    )
    op.create_index(
        "ix_user_preferences_clerk_user_id", "user_preferences", ["clerk_user_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ix_user_preferences_clerk_user_id", table_name="user_preferences")
    op.drop_table("user_preferences")
    with op.batch_alter_table("user_verifications") as batch:
        batch.drop_constraint("ck_user_verifications_level", type_="check")
        batch.drop_constraint("uq_user_verifications_cnic_number", type_="unique")
        batch.drop_constraint("uq_user_verifications_user_id", type_="unique")
        batch.drop_constraint("fk_user_verifications_verified_by_users", type_="foreignkey")
        batch.drop_constraint("fk_user_verifications_user_id_users", type_="foreignkey")
        batch.create_foreign_key(
            "fk_user_verifications_user_id_users", "users", ["user_id"], ["id"]
        )
        batch.alter_column(
            "verification_level",
            existing_type=sa.Text(),
            existing_server_default="unverified",
            nullable=True,
        )
        for flag in ("phone_verified", "verification_selfie_verified"):
            batch.alter_column(
                flag,
                existing_type=sa.Boolean(),
                existing_server_default=sa.false(),
                nullable=True,
            )
        batch.alter_column("user_id", existing_type=sa.Uuid(), nullable=True)
        for name in (
            "updated_at",
            "created_at",
            "rejection_reason",
            "verified_by",
            "email_verified",
        ):
            batch.drop_column(name)
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("ck_users_language", type_="check")
        batch.alter_column("created_at", existing_type=sa.DateTime(timezone=True), nullable=True)
        for name in (
            "updated_at",
            "notification_settings",
            "preferred_language",
            "completed_bookings",
            "response_rate",
            "total_reviews",
            "average_rating",
            "area",
            "bio",
        ):
            batch.drop_column(name)
