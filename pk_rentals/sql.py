"""SQL that PostgreSQL and SQLite both run, for the moderators' statistics: counts
per day and a median worked out by the database, so a page open reads one row or
two, not every decision or failure of the last month."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

from pk_rentals.places import PAKISTAN_TIME


class seconds_between(GenericFunction):
    """``seconds_between(start, end)``: the seconds from one timestamp to another."""

    type = sa.Float()
    inherit_cache = True


@compiles(seconds_between, "postgresql")
def _seconds_between_postgresql(element, compiler, **kw) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) AS DOUBLE PRECISION)"


@compiles(seconds_between, "sqlite")
def _seconds_between_sqlite(element, compiler, **kw) -> str:
    # SQLite keeps timestamps as ISO text; julianday() reads them (to ~20 µs).
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"((julianday({end}) - julianday({start})) * 86400.0)"


def pakistan_days(now: datetime, days: int) -> list[date]:
    """The last ``days`` calendar days in Pakistan, oldest first, today last."""
    today = now.astimezone(PAKISTAN_TIME).date()
    return [today - timedelta(days=n) for n in range(days - 1, -1, -1)]


def day_start(day: date) -> datetime:
    """Midnight in Pakistan, in UTC (as timestamps are stored; SQLite compares text)."""
    return datetime.combine(day, time(), PAKISTAN_TIME).astimezone(UTC)


def count_per_day(column: sa.ColumnElement[datetime], days: list[date]) -> list:
    """One ``count(*) FILTER (WHERE ...)`` per day: the rows whose ``column`` falls in
    that day, midnight to midnight in Pakistan. Select them together for one row."""
    bounds = [day_start(day) for day in days] + [day_start(days[-1] + timedelta(days=1))]
    return [
        sa.func.count().filter(column >= start, column < end)
        for start, end in itertools.pairwise(bounds)
    ]
