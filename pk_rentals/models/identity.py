"""What the app keeps about Clerk identities: processed webhooks, tombstones of
deleted accounts, and the server's own record of each session's last activity."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import created_at_field
from pk_rentals.models.enums import clerk_user_id_check


class ProcessedWebhook(SQLModel, table=True):
    """One row per delivered ``svix-id``: a redelivery is answered 200 and ignored."""

    __tablename__ = "processed_webhooks"

    svix_id: str = Field(sa_type=sa.Text, primary_key=True)
    event_type: str = Field(sa_type=sa.Text, nullable=False)
    received_at: datetime = created_at_field()


class ClerkUserTombstone(SQLModel, table=True):
    """A Clerk user that was deleted: a late ``user.updated`` must not bring it back."""

    __tablename__ = "clerk_user_tombstones"

    __table_args__ = (sa.CheckConstraint(clerk_user_id_check(), "clerk_user_id"),)

    clerk_user_id: str = Field(sa_type=sa.Text, primary_key=True)
    deleted_at: datetime = created_at_field()


class AuthSession(SQLModel, table=True):
    """The server's view of a Clerk session, shared by every tab and worker.

    ``last_active_at`` drives the idle timeout and is the only activity
    we keep; it is cleared (NULL) when the session ends. ``ended_at`` is set when the
    session ended, so later tokens for it are refused.
    """

    __tablename__ = "auth_sessions"

    session_id: str = Field(sa_type=sa.Text, primary_key=True)
    __table_args__ = (sa.CheckConstraint(clerk_user_id_check(), "clerk_user_id"),)

    clerk_user_id: str = Field(sa_type=sa.Text, index=True, nullable=False)
    last_active_at: datetime | None = None  # None once the session ended
    ended_at: datetime | None = None
    end_reason: str | None = Field(default=None, sa_type=sa.Text)
    created_at: datetime = created_at_field()
