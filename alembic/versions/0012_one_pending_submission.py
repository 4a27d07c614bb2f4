"""One submission in review per person.

The service checks "nothing pending" and counts attempts before it inserts; two
tabs sending at the same moment both passed that check, leaving two pending
submissions (the CNIC claim then named only one of them) and letting N tabs pass
the resubmission cap N times. The database now refuses the second row:
``uq_verification_submissions_one_pending`` (partial: ``status = 'pending'``). The
cap follows: a new attempt needs the one before it decided.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING = sa.text("status = 'pending'")


def upgrade() -> None:
    op.create_index(
        "uq_verification_submissions_one_pending",
        "verification_submissions",
        ["user_id"],
        unique=True,
        sqlite_where=PENDING,
        postgresql_where=PENDING,
    )


def downgrade() -> None:
    op.drop_index("uq_verification_submissions_one_pending", "verification_submissions")
