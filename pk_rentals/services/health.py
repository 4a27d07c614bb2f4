"""Is the service able to do its work? Used by ``GET /healthz`` and the operator CLI."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError


@dataclasses.dataclass(frozen=True)
class HealthReport:
    database_ok: bool
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.database_ok


def check_database(engine: Engine) -> HealthReport:
    """Run ``SELECT 1``; a failure becomes a short reason without credentials."""
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as error:
        cause = type(error.orig).__name__ if getattr(error, "orig", None) else type(error).__name__
        return HealthReport(database_ok=False, reason=f"database unreachable ({cause})")
    return HealthReport(database_ok=True)
