"""Failed attempts (sign-ins, codes, tokens, webhooks, uploads): each one is
counted (a Prometheus counter), logged as one JSON line and stored in
``security_events`` for the moderators' Security tab. No Reflex imports.

What a record may hold: the kind, a short reason code chosen by our code (never
what the person typed), the Clerk user id when the account is known, and in the
log line an email masked as ``a***@example.pk``. Never a password, code, token,
CNIC number or full email address.

Counters live in the process that counted: with several workers, scrape each one
or run prometheus_client's multiprocess mode (docs/operations.md, "Failed attempts
and monitoring").

A failure nobody signed in for (a forged token, a webhook with a bad signature)
costs an attacker one request: each would otherwise cost a row and a log line, so
a flood of them could fill the disk. Such failures are stored and logged up to
``ANONYMOUS_PER_MINUTE`` per kind per minute in each worker; the rest are counted
(the Prometheus counter sees them all) and summed up in one log line per minute.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import logging
import re
import threading
import time
from datetime import datetime, timedelta

import sqlalchemy as sa
from prometheus_client import Counter
from sqlmodel import select

from pk_rentals import db, sql
from pk_rentals.models import SecurityEvent
from pk_rentals.models.base import utcnow
from pk_rentals.services.identity.clerk_ids import clerk_user_id_problem

log = logging.getLogger("pk_rentals.security")

REASON_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")
WINDOW = timedelta(hours=24)


class Failure(enum.StrEnum):
    SIGN_IN_FAILED = "sign_in_failed"  # a wrong password
    LOCKOUT = "lockout"  # an account (or unknown email) locked after repeated failures
    EMAIL_CODE_WRONG = "email_code_wrong"
    SMS_CODE_WRONG = "sms_code_wrong"
    SELFIE_CODE_REFUSED = "selfie_code_refused"  # unknown, used or expired one-time code
    ID_SUBMISSION_REJECTED = "id_submission_rejected"  # refused by the server or a moderator
    TOKEN_FORGED = "token_forged"  # a session token whose signature, key or issuer is wrong
    WEBHOOK_SIGNATURE_BAD = "webhook_signature_bad"


FAILURES = Counter(
    "pk_security_failures",
    "Failed attempts by kind (sign-ins, lockouts, codes, ID submissions, tokens, webhooks)",
    ["kind"],
)
for _kind in Failure:  # every series exists from the start, at 0
    FAILURES.labels(kind=_kind.value)


def mask_email(email: str | None) -> str | None:
    """``ayesha@example.pk`` -> ``a***@example.pk``; anything else -> ``***``."""
    if not email:
        return None
    local, at, domain = email.strip().rpartition("@")
    if not at or not local or not domain:
        return "***"
    return f"{local[0]}***@{domain.lower()[:100]}"


ANONYMOUS_PER_MINUTE = 30


class _AnonymousBudget:
    """How many failures without an account this worker still stores this minute."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._lock = threading.Lock()
        self._minute = 0
        self._stored: dict[str, int] = {}
        self._held_back: dict[str, int] = {}

    def take(self, kind: str) -> bool:
        """True to store and log this one; False to count it only."""
        with self._lock:
            minute = int(time.monotonic() // 60)
            if minute != self._minute:
                self._report_held_back()
                self._minute, self._stored, self._held_back = minute, {}, {}
            if self._stored.get(kind, 0) < self.per_minute:
                self._stored[kind] = self._stored.get(kind, 0) + 1
                return True
            self._held_back[kind] = self._held_back.get(kind, 0) + 1
            return False

    def _report_held_back(self) -> None:
        for kind, count in sorted(self._held_back.items()):
            log.warning(
                json.dumps(
                    {"event": "security_failures_not_stored", "kind": kind, "count": count},
                    sort_keys=True,
                )
            )


_anonymous = _AnonymousBudget(ANONYMOUS_PER_MINUTE)


def record(
    kind: Failure,
    *,
    clerk_user_id: str | None = None,
    reason: str | None = None,
    email: str | None = None,
    now: datetime | None = None,
) -> None:
    """Count, log and store one failed attempt. Never raises: monitoring must not
    turn a refusal into a 500."""
    kind = Failure(kind)
    if clerk_user_id is not None and clerk_user_id_problem(clerk_user_id):
        clerk_user_id = None  # a forged token's ``sub`` is not an account of ours
    if reason is not None and not REASON_PATTERN.match(reason):
        reason = "other"
    FAILURES.labels(kind=kind.value).inc()
    if clerk_user_id is None and not _anonymous.take(kind.value):
        return
    line = {"event": "security_failure", "kind": kind.value, "reason": reason}
    if clerk_user_id:
        line["clerk_user_id"] = clerk_user_id
    if email:
        line["email"] = mask_email(email)
    log.warning(json.dumps(line, sort_keys=True))
    try:
        with db.session() as session:
            session.add(
                SecurityEvent(
                    at=now or utcnow(), kind=kind.value, clerk_user_id=clerk_user_id, reason=reason
                )
            )
            session.commit()
    except Exception:  # the database down: the counter and the log line still have it
        log.exception("could not store a security event")


# --- reading (moderators' Security tab, queue flag) -------------------------------------


@dataclasses.dataclass(frozen=True)
class AccountFailures:
    clerk_user_id: str
    display_name: str
    failures: int


@dataclasses.dataclass(frozen=True)
class SecuritySummary:
    failures_per_day: list[tuple[str, int]]  # oldest first, every day of the window
    by_kind_24h: dict[str, int]
    top_accounts_24h: list[AccountFailures]
    threshold: int


def failures_per_day(session, *, days: int, now: datetime) -> list[tuple[str, int]]:
    window = sql.pakistan_days(now, days)
    counts = session.execute(
        sa.select(*sql.count_per_day(SecurityEvent.at, window)).where(
            SecurityEvent.at >= sql.day_start(window[0])
        )
    ).one()
    return [(day.isoformat(), count) for day, count in zip(window, counts, strict=True)]


def accounts_over(threshold, since):
    """A subquery of Clerk user ids with at least ``threshold`` failures since
    ``since`` (values, or bound parameters of a statement built once)."""
    return (
        sa.select(SecurityEvent.clerk_user_id)
        .where(SecurityEvent.at >= since, SecurityEvent.clerk_user_id.is_not(None))
        .group_by(SecurityEvent.clerk_user_id)
        .having(sa.func.count() >= threshold)
    )


def summary(session, *, threshold: int, days: int = 14, now: datetime | None = None):
    """What the Security tab shows (the caller checks the moderator role)."""
    from pk_rentals.models import User  # the users table names the accounts

    now = now or utcnow()
    since = now - WINDOW
    by_kind = dict(
        session.execute(
            sa.select(SecurityEvent.kind, sa.func.count())
            .where(SecurityEvent.at >= since)
            .group_by(SecurityEvent.kind)
        ).all()
    )
    failures = sa.func.count().label("failures")
    top = session.execute(
        sa.select(SecurityEvent.clerk_user_id, sa.func.max(User.display_name), failures)
        .join(User, User.clerk_user_id == SecurityEvent.clerk_user_id, isouter=True)
        .where(SecurityEvent.at >= since, SecurityEvent.clerk_user_id.is_not(None))
        .group_by(SecurityEvent.clerk_user_id)
        .order_by(failures.desc(), SecurityEvent.clerk_user_id)
        .limit(10)
    ).all()
    return SecuritySummary(
        failures_per_day=failures_per_day(session, days=days, now=now),
        by_kind_24h={kind.value: by_kind.get(kind.value, 0) for kind in Failure},
        top_accounts_24h=[
            AccountFailures(clerk_user_id=user_id, display_name=name or "", failures=count)
            for user_id, name, count in top
        ],
        threshold=threshold,
    )


def failures_of(clerk_user_id: str, *, now: datetime | None = None) -> int:
    """One account's failures in the last 24 hours."""
    since = (now or utcnow()) - WINDOW
    with db.session() as session:
        return session.exec(
            select(sa.func.count())
            .select_from(SecurityEvent)
            .where(SecurityEvent.clerk_user_id == clerk_user_id, SecurityEvent.at >= since)
        ).one()
