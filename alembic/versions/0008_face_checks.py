"""Face checks: one row of scores, boxes and flags per submission; never
face descriptors.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = ("done", "unavailable")
BANDS = ("likely_same", "look_closely", "likely_different")
FLAGS = (
    "flag_no_face",
    "flag_several_faces",
    "flag_no_face_on_cnic",
    "flag_faces_differ",
    "flag_blurry",
    "flag_too_dark",
)
JSONB = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def one_of(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "face_checks",
        sa.Column("submission_id", sa.Uuid()),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column(
            "checked_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("model", sa.Text(), nullable=False),
        sa.Column("thresholds", sa.Text(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("cpu_seconds", sa.Float(), nullable=True),
        sa.Column("selfie_faces", sa.Integer(), nullable=True),
        sa.Column("cnic_faces", sa.Integer(), nullable=True),
        sa.Column("distance", sa.Float(), nullable=True),
        sa.Column("band", sa.Text(), nullable=True),
        sa.Column("selfie_blur", sa.Float(), nullable=True),
        sa.Column("selfie_brightness", sa.Float(), nullable=True),
        sa.Column("cnic_blur", sa.Float(), nullable=True),
        sa.Column("cnic_brightness", sa.Float(), nullable=True),
        sa.Column("selfie_boxes", JSONB, nullable=True),
        sa.Column("cnic_boxes", JSONB, nullable=True),
        *[
            sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False)
            for name in FLAGS
        ],
        sa.CheckConstraint(one_of("status", STATUSES), name="ck_face_checks_status"),
        sa.CheckConstraint(one_of("band", BANDS), name="ck_face_checks_band"),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["verification_submissions.id"],
            name="fk_face_checks_submission_id_verification_submissions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", name="pk_face_checks"),
    )


def downgrade() -> None:
    op.drop_table("face_checks")
