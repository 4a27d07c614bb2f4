"""``user_preferences``: per-user UI and notification choices."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from pk_rentals.models.base import created_at_field, updated_at_field
from pk_rentals.models.enums import Theme, check_in, clerk_user_id_check


class UserPreferences(SQLModel, table=True):
    __tablename__ = "user_preferences"
    __table_args__ = (
        sa.CheckConstraint(check_in("theme", Theme), "theme"),
        sa.CheckConstraint(clerk_user_id_check(), "clerk_user_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    # No foreign key: Clerk owns the account; orphans are removed by a cleanup job.
    clerk_user_id: str = Field(sa_type=sa.Text, unique=True, index=True, nullable=False)
    theme: Theme = Field(
        default=Theme.SYSTEM, sa_type=sa.Text, sa_column_kwargs={"server_default": "system"}
    )
    notifications: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    last_login_reminder: datetime | None = None
    verification_prompted: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa.false()}
    )
    created_at: datetime = created_at_field()
    updated_at: datetime = updated_at_field()
