"""``face_checks``: the automatic checks of one submission, an aid for moderators.

Scores, counts, boxes and flags only: face descriptors are biometric data and are
never stored. Each row says which model and thresholds produced it, so results can
be told apart (and re-run) when either changes.
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import JSONB, created_at_field
from pk_rentals.models.enums import FaceBand, FaceCheckStatus, check_in


def _flag() -> bool:
    return Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class FaceCheck(SQLModel, table=True):
    __tablename__ = "face_checks"
    __table_args__ = (
        sa.CheckConstraint(check_in("status", FaceCheckStatus), "status"),
        sa.CheckConstraint(check_in("band", FaceBand), "band"),
    )

    submission_id: uuid.UUID = Field(
        sa_column=sa.Column(
            sa.Uuid,
            sa.ForeignKey("verification_submissions.id", ondelete="CASCADE"),
            primary_key=True,
        )
    )
    status: FaceCheckStatus = Field(sa_type=sa.Text, nullable=False)
    problem: str | None = Field(default=None, sa_type=sa.Text)  # why unavailable
    checked_at: datetime = created_at_field()
    model: str = Field(sa_type=sa.Text, nullable=False)  # detector/landmarks/descriptor
    thresholds: str = Field(sa_type=sa.Text, nullable=False)  # the settings applied
    seconds: float | None = None  # wall time in the check process
    cpu_seconds: float | None = None

    selfie_faces: int | None = None
    cnic_faces: int | None = None
    distance: float | None = None  # L2 between the largest faces' descriptors
    band: FaceBand | None = Field(default=None, sa_type=sa.Text)
    selfie_blur: float | None = None  # var(Laplacian) / var(grey) of the face chip
    selfie_brightness: float | None = None  # mean grey 0-255 of the face chip
    cnic_blur: float | None = None
    cnic_brightness: float | None = None
    # Face boxes as fractions of the image: [[left, top, right, bottom], ...].
    selfie_boxes: list | None = Field(default=None, sa_type=JSONB)
    cnic_boxes: list | None = Field(default=None, sa_type=JSONB)

    # Flags for moderators, never decisions.
    flag_no_face: bool = _flag()
    flag_several_faces: bool = _flag()
    flag_no_face_on_cnic: bool = _flag()
    flag_faces_differ: bool = _flag()
    flag_blurry: bool = _flag()
    flag_too_dark: bool = _flag()
