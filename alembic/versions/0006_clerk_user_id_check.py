"""A CHECK on every column of Clerk user ids: ``user_`` and 6 to 64 characters
(seed 004, "Validate Clerk user ID format"; the alphabet is checked in code).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("users", "user_preferences", "auth_sessions", "clerk_user_tombstones")
# Frozen here as it was written; the models build the same text from clerk_ids.py.
CHECK = "length(clerk_user_id) BETWEEN 6 AND 64 AND substr(clerk_user_id, 1, 5) = 'user_'"


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.create_check_constraint("clerk_user_id", CHECK)


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint("clerk_user_id", type_="check")
