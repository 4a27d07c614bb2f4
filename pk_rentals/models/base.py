"""Shared column helpers and the metadata naming convention.

The naming convention gives every constraint a stable name, so Alembic's batch
mode on SQLite can find and drop them, and PostgreSQL and SQLite agree.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# JSONB on PostgreSQL (queried and indexed there), JSON text elsewhere.
JSONB = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def created_at_field() -> datetime:
    return Field(
        default_factory=utcnow,
        sa_column_kwargs={"server_default": sa.func.now(), "nullable": False},
    )


def updated_at_field() -> datetime:
    """A timestamp the ORM refreshes on every UPDATE of the row."""
    return Field(
        default_factory=utcnow,
        sa_column_kwargs={"server_default": sa.func.now(), "onupdate": utcnow, "nullable": False},
    )
