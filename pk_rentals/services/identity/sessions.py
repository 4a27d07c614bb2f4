"""Who is signed in, and for how long: token checks, the server's idle deadline,
and signing a session out at Clerk.

A session token proves a Clerk session for 60 seconds. The browser hands the
server each fresh one (components/clerk.py), so a handler always holds claims that
are at most a minute old: a session revoked or signed out elsewhere loses access
when its last token expires. On top of that the server keeps its own record per
session (``auth_sessions``): the idle deadline and whether the server
itself ended the session. No Reflex imports here.
"""

from __future__ import annotations

import enum
import functools
import logging
import threading
import time
import weakref
from datetime import datetime, timedelta

import sqlalchemy as sa
from clerk_backend_api import Clerk
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import AuthSession
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services import security_events
from pk_rentals.services.identity.config import ClerkConfig, clerk_config
from pk_rentals.services.identity.tokens import (
    SessionClaims,
    SessionTokenVerifier,
    TokenError,
    TokenProblem,
)
from pk_rentals.services.security_events import Failure
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)


class Verdict(enum.StrEnum):
    ACTIVE = "active"
    IDLE = "idle"  # no activity for IDLE_TIMEOUT_SECONDS: signed out
    ENDED = "ended"  # the server ended it before (idle, user deleted, signed out)


@functools.cache
def _verifier(config: ClerkConfig) -> SessionTokenVerifier:
    return SessionTokenVerifier(
        issuer=config.issuer,
        authorized_parties=config.authorized_parties,
        jwks_url=config.jwks_url or None,
        pem_key=config.jwt_key or None,
    )


# Token problems that mean someone made or altered the token (not an old or early one).
FORGED = frozenset(TokenProblem) - {
    TokenProblem.EXPIRED,
    TokenProblem.NOT_YET_VALID,
    TokenProblem.KEYS_UNAVAILABLE,
}


def verify_token(token: str) -> SessionClaims:
    """Check a session token (raises ``TokenError``); networkless after the first JWKS.

    A forged one is a failed attempt for the Security tab, recorded without the
    ``sub`` it claims: that could name anyone.
    """
    try:
        return _verifier(clerk_config()).verify(token)
    except TokenError as error:
        if error.problem in FORGED:
            security_events.record(Failure.TOKEN_FORGED, reason=error.problem.value)
        raise


def _idle_limit() -> timedelta:
    return timedelta(seconds=get_settings().idle_timeout_seconds)


def activity_resolution() -> timedelta:
    """How stale the stored last activity may be: a sixtieth of the idle limit
    (30 s of 30 min), between 1 and 30 s. Recording every click would be a database
    write per event; the idle rule only needs to know the minute."""
    return timedelta(seconds=min(30.0, max(1.0, get_settings().idle_timeout_seconds / 60)))


_SESSIONS = AuthSession.__table__
# A tab's events come every second or two; at 200 tabs per worker a 1 s memory
# missed half of them (make load: 5 s cut the worker's CPU per event by a quarter).
RECHECK_SECONDS = 5.0


class _RecentlySeen:
    """The last activity of each live session as this process last read or wrote it,
    trusted for ``RECHECK_SECONDS`` (per engine, so a test's new database starts
    empty). Most events come within seconds of the tab's last one; they skip the
    read. A session this process ends is forgotten at once; one another worker ends
    is refused here within those seconds, far inside the minute a session revoked
    at Clerk keeps its last token. Going idle is never decided from memory alone."""

    LIMIT = 10_000  # sessions; past it, entries too old to be trusted are dropped

    def __init__(self) -> None:
        self._by_engine: weakref.WeakKeyDictionary[sa.Engine, dict] = weakref.WeakKeyDictionary()

    def _entries(self) -> dict[str, tuple[float, datetime, str]]:
        return self._by_engine.setdefault(db.get_engine(), {})

    def last_active(self, session_id: str) -> datetime | None:
        seen = self._entries().get(session_id)
        if seen is None or time.monotonic() - seen[0] >= RECHECK_SECONDS:
            return None
        return seen[1]

    def remember(self, session_id: str, last_active: datetime, clerk_user_id: str) -> None:
        entries = self._entries()
        read_at = time.monotonic()
        if len(entries) >= self.LIMIT:
            for key, seen in list(entries.items()):
                if read_at - seen[0] >= RECHECK_SECONDS:
                    entries.pop(key, None)
        entries[session_id] = (read_at, last_active, clerk_user_id)

    def forget(self, session_id: str) -> None:
        self._entries().pop(session_id, None)

    def forget_user(self, clerk_user_id: str) -> None:
        entries = self._entries()
        for key, seen in list(entries.items()):
            if seen[2] == clerk_user_id:
                entries.pop(key, None)


recently_seen = _RecentlySeen()


def admit(claims: SessionClaims, *, touch: bool = False, now: datetime | None = None) -> Verdict:
    """May this session act now? Records it on first sight; ``touch`` counts as activity.

    An idle session is ended here, so every later token for it is refused too. This
    runs before every privileged event, so the usual case (a live session) costs no
    query within ``RECHECK_SECONDS`` of the last read, else one primary-key SELECT; plus one
    UPDATE per ``activity_resolution``.
    """
    now = now or utcnow()
    last_active = recently_seen.last_active(claims.session_id) or _read_live(claims)
    if _live(last_active, now) and (
        not _touch_due(last_active, now, touch) or _touch(claims, now)  # False: ended
    ):
        return Verdict.ACTIVE
    return _admit_rarely(claims, now)


def admit_if_recent(
    claims: SessionClaims, *, touch: bool = False, now: datetime | None = None
) -> Verdict | None:
    """``admit`` from this process's memory alone (no database: safe on an event loop):
    ACTIVE when the session was seen live within ``RECHECK_SECONDS`` and needs no
    activity write; None when ``admit`` must ask the database."""
    now = now or utcnow()
    last_active = recently_seen.last_active(claims.session_id)
    if _live(last_active, now) and not _touch_due(last_active, now, touch):
        return Verdict.ACTIVE
    return None


def _live(last_active: datetime | None, now: datetime) -> bool:
    return last_active is not None and now - last_active <= _idle_limit()


def _touch_due(last_active: datetime, now: datetime, touch: bool) -> bool:
    return touch and now - last_active >= activity_resolution()


def _read_live(claims: SessionClaims) -> datetime | None:
    """The stored last activity of a live session; None when it is new or ended."""
    with db.reading() as connection:
        found = connection.execute(
            sa.select(_SESSIONS.c.last_active_at).where(
                _SESSIONS.c.session_id == claims.session_id, _SESSIONS.c.ended_at.is_(None)
            )
        ).scalar()
    if found is None:
        return None
    recently_seen.remember(claims.session_id, as_utc(found), claims.user_id)
    return as_utc(found)


def _touch(claims: SessionClaims, now: datetime) -> bool:
    """Record activity; False when the session was ended meanwhile."""
    with db.get_engine().begin() as connection:
        touched = connection.execute(
            sa.update(_SESSIONS)
            .where(_SESSIONS.c.session_id == claims.session_id, _SESSIONS.c.ended_at.is_(None))
            .values(last_active_at=now)
        ).rowcount
    if touched:
        recently_seen.remember(claims.session_id, now, claims.user_id)
    else:
        recently_seen.forget(claims.session_id)
    return bool(touched)


def _admit_rarely(claims: SessionClaims, now: datetime) -> Verdict:
    """First sight of a session, an ended one, or one gone idle."""
    with db.session() as session:
        row = session.get(AuthSession, claims.session_id)
        if row is None:
            row = AuthSession(
                session_id=claims.session_id, clerk_user_id=claims.user_id, last_active_at=now
            )
            session.add(row)
            try:
                session.commit()
            except IntegrityError:  # another tab recorded it first
                session.rollback()
                row = session.get(AuthSession, claims.session_id)
            if row.ended_at is not None:
                return Verdict.ENDED
            recently_seen.remember(claims.session_id, as_utc(row.last_active_at), claims.user_id)
            return Verdict.ACTIVE
        if row.ended_at is not None:
            return Verdict.ENDED
        if row.last_active_at is None or now - as_utc(row.last_active_at) > _idle_limit():
            _end(row, now, Verdict.IDLE.value)
            session.add(row)
            session.commit()
            revoke_at_clerk(claims.session_id)
            return Verdict.IDLE
        return Verdict.ACTIVE  # it came back to life meanwhile (another worker)


def _end(row: AuthSession, now: datetime, reason: str) -> None:
    """End a session's record: later tokens are refused (``ended_at``), and its last
    activity time, the only activity we keep, is forgotten."""
    recently_seen.forget(row.session_id)
    if row.ended_at is None:
        row.ended_at, row.end_reason = now, reason
    row.last_active_at = None


def end_session(claims: SessionClaims, reason: str, *, revoke: bool = True) -> None:
    """Sign a session out: refuse it from now on here, and revoke it at Clerk
    (``revoke=False`` when Clerk itself ended it)."""
    with db.session() as session:
        row = session.get(AuthSession, claims.session_id)
        if row is None:
            row = AuthSession(session_id=claims.session_id, clerk_user_id=claims.user_id)
        _end(row, utcnow(), reason)
        session.add(row)
        session.commit()
    if revoke:
        revoke_at_clerk(claims.session_id)


def end_if_ended_at_clerk(claims: SessionClaims) -> bool:
    """The page says "signed out": if Clerk confirms the session is over, end our
    record too (forgetting its activity time). An empty token alone proves nothing:
    a failed token refresh looks the same. Clerk unreachable: the idle rule ends it."""
    try:
        with backend_api() as clerk:
            status = clerk.sessions.get(session_id=claims.session_id).status
    except Exception as error:
        log.info("could not ask Clerk about session %s: %s", claims.session_id, error)
        return False
    if str(getattr(status, "value", status)) == "active":
        return False
    end_session(claims, "signed_out", revoke=False)
    return True


def end_idle_sessions(now: datetime | None = None, *, dry_run: bool = False) -> int:
    """End every session idle past the limit (a closed tab never comes back to be
    refused), forgetting its activity time; returns how many (``dry_run``: how many
    it would end, ending none). For the retention job."""
    now = now or utcnow()
    with db.session() as session:
        rows = session.exec(
            select(AuthSession).where(
                AuthSession.ended_at.is_(None), AuthSession.last_active_at < now - _idle_limit()
            )
        ).all()
        if dry_run:
            return len(rows)
        for row in rows:
            _end(row, now, Verdict.IDLE.value)
            session.add(row)
        session.commit()
    return len(rows)


def backend_api() -> Clerk:
    config = clerk_config()
    return Clerk(
        bearer_auth=config.secret_key,
        server_url=config.api_url,
        timeout_ms=int(get_settings().clerk_api_timeout * 1000),
        retry_config=None,  # the SDK would retry a 5xx for up to an hour by default
    )


def revoke_at_clerk(session_id: str) -> threading.Thread:
    """Revoke at Clerk in the background (best effort: the server refuses the session
    anyway, Clerk just learns sooner). A thread, because with the built-in identity
    server the call goes to this very process, whose event loop may be the caller's."""
    thread = threading.Thread(target=_revoke, args=(session_id,), daemon=True)
    thread.start()
    return thread


def _revoke(session_id: str) -> None:
    try:
        with backend_api() as clerk:
            clerk.sessions.revoke(session_id=session_id)
    except Exception as error:  # Clerk down must not break sign-out
        log.warning("could not revoke session %s at Clerk: %s", session_id, error)
