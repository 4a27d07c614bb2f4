"""Engine and sessions for services (Reflex-free), built from the one settings URL."""

from __future__ import annotations

import functools

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from pk_rentals.settings import get_settings


def create_engine(url: str, *, connect_timeout: int = 3) -> Engine:
    """An engine with the connection options this project relies on.

    SQLite enforces foreign keys only when asked per connection, and the
    ``ON DELETE CASCADE`` rules of the seed depend on them.
    """
    # hide_parameters: SQL in logs and errors never shows values (emails, codes, CNICs).
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 15}, hide_parameters=True
        )
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": connect_timeout},
        hide_parameters=True,
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@functools.cache
def get_engine() -> Engine:
    settings = get_settings()
    return create_engine(settings.db_url, connect_timeout=settings.db_connect_timeout)


def session() -> Session:
    """A new ORM session on the configured database (use as a context manager)."""
    return Session(get_engine())
