"""``user_verifications``: the CNIC + live selfie trust record (seed 000)."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import created_at_field, updated_at_field
from pk_rentals.models.enums import VerificationLevel, check_in


class UserVerification(SQLModel, table=True):
    __tablename__ = "user_verifications"
    __table_args__ = (
        sa.CheckConstraint(check_in("verification_level", VerificationLevel), "level"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    # One record per user (seed 000 fetches it with findUnique on user_id).
    user_id: uuid.UUID = Field(
        sa_column=sa.Column(
            sa.Uuid, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )

    cnic_number: str | None = Field(default=None, sa_type=sa.Text, unique=True)
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

    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
