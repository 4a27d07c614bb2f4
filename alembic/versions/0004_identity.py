"""Identity: processed webhook ids, tombstones of deleted Clerk users, the server's
session activity record (idle timeout), and the copy of Clerk's fields on users.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLERK_COLUMNS = ("clerk_email", "clerk_image_url", "clerk_verified_phone")
TIME_COLUMNS = ("clerk_updated_at", "profile_completed_at")


def moment(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def created(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "processed_webhooks",
        sa.Column("svix_id", sa.Text()),
        sa.Column("event_type", sa.Text(), nullable=False),
        created("received_at"),
        sa.PrimaryKeyConstraint("svix_id", name="pk_processed_webhooks"),
    )
    op.create_table(
        "clerk_user_tombstones",
        sa.Column("clerk_user_id", sa.Text()),
        created("deleted_at"),
        sa.PrimaryKeyConstraint("clerk_user_id", name="pk_clerk_user_tombstones"),
    )
    op.create_table(
        "auth_sessions",
        sa.Column("session_id", sa.Text()),
        sa.Column("clerk_user_id", sa.Text(), nullable=False),
        moment("last_active_at", nullable=False),
        moment("ended_at"),
        sa.Column("end_reason", sa.Text(), nullable=True),
        created("created_at"),
        sa.PrimaryKeyConstraint("session_id", name="pk_auth_sessions"),
    )
    op.create_index("ix_auth_sessions_clerk_user_id", "auth_sessions", ["clerk_user_id"])
    with op.batch_alter_table("users") as batch:
        for name in CLERK_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
        for name in TIME_COLUMNS:
            batch.add_column(moment(name))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        for name in (*TIME_COLUMNS, *CLERK_COLUMNS):
            batch.drop_column(name)
    op.drop_index("ix_auth_sessions_clerk_user_id", "auth_sessions")
    op.drop_table("auth_sessions")
    op.drop_table("clerk_user_tombstones")
    op.drop_table("processed_webhooks")
