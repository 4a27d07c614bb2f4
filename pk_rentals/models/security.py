"""Failed attempts worth a moderator's eye (sign-ins, codes, tokens, webhooks,
uploads): one row per failure, no secrets, no CNIC, no email address."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import created_at_field
from pk_rentals.models.enums import clerk_user_id_check


class SecurityEvent(SQLModel, table=True):
    """``kind`` is a ``services.security_events.Failure``; ``reason`` a short code
    (an error code, never user input); ``clerk_user_id`` when the account is known."""

    __tablename__ = "security_events"
    __table_args__ = (
        sa.CheckConstraint(clerk_user_id_check(), "clerk_user_id"),
        # The Security tab reads failures by day, and by account over 24 hours.
        sa.Index("ix_security_events_at", "at"),
        sa.Index("ix_security_events_account", "clerk_user_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = created_at_field()
    kind: str = Field(sa_type=sa.Text, nullable=False)
    clerk_user_id: str | None = Field(default=None, sa_type=sa.Text)
    reason: str | None = Field(default=None, sa_type=sa.Text)
