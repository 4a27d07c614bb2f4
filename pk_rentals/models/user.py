"""``users``: platform identity and reputation, linked to Clerk by id."""

import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import JSONB, created_at_field, updated_at_field
from pk_rentals.models.enums import Language, Role, check_in, clerk_user_id_check


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint(check_in("preferred_language", Language), "language"),
        sa.CheckConstraint(check_in("role", Role), "role"),
        sa.CheckConstraint(clerk_user_id_check(), "clerk_user_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    clerk_user_id: str = Field(sa_type=sa.Text, unique=True, index=True, nullable=False)

    display_name: str = Field(sa_type=sa.Text, nullable=False)
    phone: str | None = Field(default=None, sa_type=sa.Text)
    bio: str | None = Field(default=None, sa_type=sa.Text)
    city: str = Field(sa_type=sa.Text, nullable=False)
    province: str = Field(sa_type=sa.Text, nullable=False)
    area: str | None = Field(default=None, sa_type=sa.Text)

    average_rating: Decimal = Field(
        default=Decimal("0.0"), sa_type=sa.Numeric(3, 2), sa_column_kwargs={"server_default": "0.0"}
    )
    total_reviews: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    response_rate: Decimal = Field(
        default=Decimal("0.0"), sa_type=sa.Numeric(5, 2), sa_column_kwargs={"server_default": "0.0"}
    )
    completed_bookings: int = Field(default=0, sa_column_kwargs={"server_default": "0"})

    preferred_language: Language = Field(
        default=Language.URDU,
        sa_type=sa.Text,
        sa_column_kwargs={"server_default": Language.URDU.value},
    )
    notification_settings: dict = Field(
        default_factory=dict, sa_type=JSONB, sa_column_kwargs={"server_default": "{}"}
    )

    # A copy of Clerk's fields, kept fresh by webhooks and the sign-in sync, so a
    # profile page needs no Backend API call. Clerk stays the source of truth.
    clerk_email: str | None = Field(default=None, sa_type=sa.Text)
    clerk_image_url: str | None = Field(default=None, sa_type=sa.Text)
    clerk_verified_phone: str | None = Field(default=None, sa_type=sa.Text)  # E.164
    clerk_updated_at: datetime | None = None
    # Clerk ``public_metadata.role``, copied by the sync; moderation checks it.
    role: Role = Field(
        default=Role.USER, sa_type=sa.Text, sa_column_kwargs={"server_default": Role.USER.value}
    )
    # Set when the profile setup wizard is finished; until then sign-in leads there.
    profile_completed_at: datetime | None = None

    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
