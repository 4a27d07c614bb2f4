"""``document_checks``: what the CNIC front photo says, read offline, an aid for moderators.

Outcomes, the masked number, dates and the engine's confidence only: the OCR text
and the number in clear are never stored. The read number is compared with the
typed one through the CNIC blind index, so the comparison needs no clear number.
"""

import enum
import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import created_at_field
from pk_rentals.models.enums import check_in


class DocumentOutcome(enum.StrEnum):
    """What the card front says about the typed number."""

    MATCH = "match"  # the number read is the one typed
    MISMATCH = "mismatch"  # a number was read and it differs
    UNREADABLE = "unreadable"  # a CNIC, or perhaps one, but no number could be read
    NOT_CNIC = "not_cnic"  # no CNIC headings and no number: another picture
    UNAVAILABLE = "unavailable"  # the check could not run; the backfill tries again


class DocumentCheck(SQLModel, table=True):
    __tablename__ = "document_checks"
    __table_args__ = (sa.CheckConstraint(check_in("outcome", DocumentOutcome), "outcome"),)

    submission_id: uuid.UUID = Field(
        sa_column=sa.Column(
            sa.Uuid,
            sa.ForeignKey("verification_submissions.id", ondelete="CASCADE"),
            primary_key=True,
        )
    )
    outcome: DocumentOutcome = Field(sa_type=sa.Text, nullable=False)
    problem: str | None = Field(default=None, sa_type=sa.Text)  # why unavailable
    checked_at: datetime = created_at_field()
    engine: str = Field(sa_type=sa.Text, nullable=False)  # e.g. "tesseract 5.3.0"
    confidence: float | None = None  # the engine's mean word confidence, 0..1
    seconds: float | None = None  # CPU time of the read
    read_masked: str | None = Field(default=None, sa_type=sa.Text)  # 35202-*******-3
    expiry: date | None = None
    issue: date | None = None
    birth: date | None = None
