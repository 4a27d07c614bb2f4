"""``user_verifications`` (one per user), the submissions moderators review, the images
uploaded before a submission, the one-time selfie codes, and the audit log.

The CNIC is never stored in the clear: ``cnic_number`` holds its ciphertext, the
keyed hash ``cnic_index`` carries uniqueness, ``cnic_masked`` is what pages show
(services/cnic.py).
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import created_at_field, updated_at_field
from pk_rentals.models.enums import (
    AuditAction,
    MediaKind,
    SubmissionStatus,
    VerificationLevel,
    check_in,
)


def _user_fk(ondelete: str = "CASCADE", nullable: bool = False, index: bool = False):
    return sa.Column(
        sa.Uuid, sa.ForeignKey("users.id", ondelete=ondelete), nullable=nullable, index=index
    )


class UserVerification(SQLModel, table=True):
    __tablename__ = "user_verifications"
    __table_args__ = (
        sa.CheckConstraint(check_in("verification_level", VerificationLevel), "level"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    # One record per user: unique on user_id, so it is read by user without a scan.
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(
            sa.Uuid, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )

    cnic_number: str | None = Field(default=None, sa_type=sa.Text, unique=True)  # ciphertext
    cnic_index: str | None = Field(default=None, sa_type=sa.Text, unique=True)  # blind index
    cnic_masked: str | None = Field(default=None, sa_type=sa.Text)  # 35202-*******-3
    cnic_front_url: str | None = Field(default=None, sa_type=sa.Text)
    cnic_back_url: str | None = Field(default=None, sa_type=sa.Text)

    verification_selfie_url: str | None = Field(default=None, sa_type=sa.Text)
    verification_selfie_timestamp: datetime | None = None
    verification_selfie_verified: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa.false()}
    )

    phone_verified: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    email_verified: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})

    verification_level: VerificationLevel = Field(
        default=VerificationLevel.UNVERIFIED,
        sa_type=sa.Text,
        sa_column_kwargs={"server_default": VerificationLevel.UNVERIFIED.value},
    )
    verified_at: datetime | None = None
    # The moderator who decided; kept NULL if that moderator's account goes away.
    verified_by: uuid.UUID | None = Field(
        default=None,
        sa_column=sa.Column(sa.Uuid, sa.ForeignKey("users.id", ondelete="SET NULL")),
    )
    rejection_reason: str | None = Field(default=None, sa_type=sa.Text)
    # An admin's grant of ``trusted`` regardless of the criteria in settings.
    trust_granted: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})

    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()


class VerificationSubmission(SQLModel, table=True):
    """One CNIC + live selfie submission; moderators decide it once."""

    __tablename__ = "verification_submissions"
    __table_args__ = (
        sa.CheckConstraint(check_in("status", SubmissionStatus), "status"),
        # The moderation queue: oldest first within a status, keyset-paginated.
        sa.Index("ix_verification_submissions_queue", "status", "submitted_at", "id"),
        # The moderators' statistics (decisions of the last 30 days) and retention.
        sa.Index("ix_verification_submissions_decided_at", "decided_at"),
        # Two tabs sending at once: the database, not a read before the insert, keeps
        # one submission in review per person (and so the resubmission cap).
        sa.Index(
            "uq_verification_submissions_one_pending",
            "user_id",
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(sa_column=_user_fk(index=True))
    attempt: int = 1  # 1 = first submission, 2.. = resubmissions
    status: SubmissionStatus = Field(
        default=SubmissionStatus.PENDING,
        sa_type=sa.Text,
        sa_column_kwargs={"server_default": SubmissionStatus.PENDING.value},
    )

    cnic_encrypted: str = Field(sa_type=sa.Text, nullable=False)
    cnic_index: str = Field(sa_type=sa.Text, nullable=False, index=True)
    cnic_masked: str = Field(sa_type=sa.Text, nullable=False)
    cnic_province: str | None = Field(default=None, sa_type=sa.Text)  # from the first digit
    profile_province: str | None = Field(default=None, sa_type=sa.Text)

    cnic_front_ref: str = Field(sa_type=sa.Text, nullable=False)
    cnic_back_ref: str = Field(sa_type=sa.Text, nullable=False)
    selfie_ref: str = Field(sa_type=sa.Text, nullable=False)
    selfie_received_at: datetime  # the server's own receive time
    selfie_bytes: int = 0

    # Flags for moderators, never decisions.
    flag_province_mismatch: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa.false()}
    )
    flag_duplicate_cnic: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa.false()}
    )
    selfie_age_seconds: int = 0  # selfie taken this long before the submission

    submitted_at: datetime = created_at_field()
    decided_at: datetime | None = None
    decided_by: uuid.UUID | None = Field(default=None, sa_column=_user_fk("SET NULL", True))
    reason_code: str | None = Field(default=None, sa_type=sa.Text)
    note: str | None = Field(default=None, sa_type=sa.Text)
    # Set by the retention job when it deleted the three images (rejected, asked to
    # resubmit or superseded long enough ago); the row and the decision stay.
    images_purged_at: datetime | None = None


class VerificationUpload(SQLModel, table=True):
    """An image received but not yet part of a submission (a draft)."""

    __tablename__ = "verification_uploads"
    __table_args__ = (sa.CheckConstraint(check_in("kind", MediaKind), "kind"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(sa_column=_user_fk(index=True))
    kind: MediaKind = Field(sa_type=sa.Text, nullable=False)
    ref: str = Field(sa_type=sa.Text, nullable=False)
    bytes: int
    width: int
    height: int
    received_at: datetime = created_at_field()


class SelfieCode(SQLModel, table=True):
    """A one-time code burned into a live selfie: bound to a user, single use, short life.

    Only a keyed hash of the code is kept.
    """

    __tablename__ = "selfie_codes"

    code_hash: str = Field(sa_type=sa.Text, primary_key=True)
    user_id: uuid.UUID = Field(sa_column=_user_fk(index=True))
    issued_at: datetime = created_at_field()
    expires_at: datetime
    used_at: datetime | None = None


class UploadAttempt(SQLModel, table=True):
    """One image upload a person tried, accepted or refused: what the hourly limit
    counts. Written before the image is looked at, so parallel requests see each
    other and a refused image costs the attempt it used."""

    __tablename__ = "upload_attempts"
    __table_args__ = (sa.Index("ix_upload_attempts_user_at", "user_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: uuid.UUID = Field(sa_column=_user_fk())
    at: datetime


class AuditEntry(SQLModel, table=True):
    """Append-only: every moderator decision and every CNIC reveal.

    Triggers (migration 0005) refuse DELETE and any UPDATE other than clearing the
    links to people (``ON DELETE SET NULL``) and the note.
    """

    __tablename__ = "audit_log"
    __table_args__ = (sa.CheckConstraint(check_in("action", AuditAction), "action"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = created_at_field()
    action: AuditAction = Field(sa_type=sa.Text, nullable=False)
    actor_id: uuid.UUID | None = Field(default=None, sa_column=_user_fk("SET NULL", True, True))
    subject_id: uuid.UUID | None = Field(default=None, sa_column=_user_fk("SET NULL", True, True))
    submission_id: uuid.UUID | None = Field(
        default=None,
        sa_column=sa.Column(
            sa.Uuid, sa.ForeignKey("verification_submissions.id", ondelete="SET NULL")
        ),
    )
    level_before: str | None = Field(default=None, sa_type=sa.Text)
    level_after: str | None = Field(default=None, sa_type=sa.Text)
    reason_code: str | None = Field(default=None, sa_type=sa.Text)
    note: str | None = Field(default=None, sa_type=sa.Text)
