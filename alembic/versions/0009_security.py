"""Account rules of seed 004: failed attempts in ``security_events``; a session's
last activity is cleared when it ends (``auth_sessions.last_active_at`` nullable).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here as it was written; the models build the same text from clerk_ids.py.
CHECK = "length(clerk_user_id) BETWEEN 6 AND 64 AND substr(clerk_user_id, 1, 5) = 'user_'"


def upgrade() -> None:
    op.create_table(
        "security_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("clerk_user_id", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_security_events"),
        sa.CheckConstraint(CHECK, name="ck_security_events_clerk_user_id"),
    )
    op.create_index("ix_security_events_at", "security_events", ["at"])
    op.create_index("ix_security_events_account", "security_events", ["clerk_user_id", "at"])
    with op.batch_alter_table("auth_sessions") as batch:
        batch.alter_column(
            "last_active_at", existing_type=sa.DateTime(timezone=True), nullable=True
        )
    # Sessions that ended before this revision keep no activity time either.
    op.execute("UPDATE auth_sessions SET last_active_at = NULL WHERE ended_at IS NOT NULL")


def downgrade() -> None:
    op.execute(
        "UPDATE auth_sessions SET last_active_at = COALESCE(ended_at, created_at) "
        "WHERE last_active_at IS NULL"
    )
    with op.batch_alter_table("auth_sessions") as batch:
        batch.alter_column(
            "last_active_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )
    op.drop_index("ix_security_events_account", "security_events")
    op.drop_index("ix_security_events_at", "security_events")
    op.drop_table("security_events")
