"""The stats panel, the opening overview and the Security tab."""

from __future__ import annotations

import dataclasses
import statistics
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from pk_rentals import db, sql
from pk_rentals.models import (
    SubmissionStatus,
    VerificationSubmission,
)
from pk_rentals.models.base import utcnow
from pk_rentals.services import security_events
from pk_rentals.services.moderation.access import require_moderator
from pk_rentals.services.moderation.queue_pages import PAGE_SIZE, QueuePage, queue_page
from pk_rentals.settings import get_settings


@dataclasses.dataclass(frozen=True)
class Stats:
    pending: int
    median_decision_seconds: float | None  # over the decisions of the last 30 days
    decisions_per_day: list[tuple[str, int]]  # oldest first, every day of the window


def stats(moderator_clerk_id: str, *, days: int = 14, now: datetime | None = None) -> Stats:
    with db.reading() as connection:
        require_moderator(connection, moderator_clerk_id)
        return stats_of(connection, days, now)


_PENDING = (
    sa.select(sa.func.count())
    .select_from(VerificationSubmission)
    .where(VerificationSubmission.status == SubmissionStatus.PENDING)
)
_WAIT = sql.seconds_between(
    VerificationSubmission.submitted_at, VerificationSubmission.decided_at
).label("wait")
# The middle one or two waits of the decisions since ``since`` (ordered in the database).
_MIDDLE_WAITS = (
    sa.select(_WAIT)
    .where(VerificationSubmission.decided_at >= sa.bindparam("since"))
    .order_by(_WAIT)
    .limit(sa.bindparam("count"))
    .offset(sa.bindparam("skip"))
)


def stats_of(
    session: Session | sa.Connection, days: int = 14, now: datetime | None = None
) -> Stats:
    """Three one-row reads: pending, decisions per day (and in 30 days), the median."""
    now = (now or utcnow()).astimezone(UTC)
    since = now - timedelta(days=30)
    window = sql.pakistan_days(now, days)  # days as moderators live them
    pending = session.execute(_PENDING).scalar_one()
    decided_at = VerificationSubmission.decided_at
    decided, *per_day = session.execute(
        sa.select(sa.func.count(), *sql.count_per_day(decided_at, window)).where(
            decided_at >= since
        )
    ).one()
    median = None
    if decided:
        middle = session.execute(
            _MIDDLE_WAITS,
            {"since": since, "count": 2 - decided % 2, "skip": (decided - 1) // 2},
        ).scalars()
        median = statistics.fmean(middle)
    return Stats(
        pending=pending,
        median_decision_seconds=median,
        decisions_per_day=[
            (day.isoformat(), count) for day, count in zip(window, per_day, strict=True)
        ],
    )


@dataclasses.dataclass(frozen=True)
class Overview:
    page: QueuePage
    stats: Stats


def overview(
    moderator_clerk_id: str,
    *,
    status: str = SubmissionStatus.PENDING.value,
    flag: str | None = None,
) -> Overview:
    """What /moderation opens with, in one session: the moderator check once, the
    first page of the queue and the stats."""
    with db.reading() as connection:
        require_moderator(connection, moderator_clerk_id)
        return Overview(queue_page(connection, status, flag, None, PAGE_SIZE), stats_of(connection))


def security(moderator_clerk_id: str, *, days: int = 14, now: datetime | None = None):
    """The Security tab: failed attempts per day, and the accounts with the most in 24 h."""
    with db.session() as session:
        require_moderator(session, moderator_clerk_id)
        return security_events.summary(
            session, threshold=get_settings().security_flag_threshold, days=days, now=now
        )


def security_flagged(failures: int, threshold: int) -> bool:
    """An account is flagged once its failed attempts in 24 h reach the threshold."""
    return failures >= threshold
