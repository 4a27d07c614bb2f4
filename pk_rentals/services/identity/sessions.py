"""Who is signed in, and for how long: token checks, the server's idle deadline,
and signing a session out at Clerk.

A session token proves a Clerk session for 60 seconds. The browser hands the
server each fresh one (components/clerk.py), so a handler always holds claims that
are at most a minute old: a session revoked or signed out elsewhere loses access
when its last token expires. On top of that the server keeps its own record per
session (``auth_sessions``): the idle deadline of seed 004 and whether the server
itself ended the session. No Reflex imports here.
"""

from __future__ import annotations

import enum
import functools
import logging
import threading
from datetime import datetime, timedelta

from clerk_backend_api import Clerk
from sqlalchemy.exc import IntegrityError

from pk_rentals import db
from pk_rentals.models import AuthSession
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services.identity.config import ClerkConfig, clerk_config
from pk_rentals.services.identity.tokens import SessionClaims, SessionTokenVerifier
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


def verify_token(token: str) -> SessionClaims:
    """Check a session token (raises ``TokenError``); networkless after the first JWKS."""
    return _verifier(clerk_config()).verify(token)


def _idle_limit() -> timedelta:
    return timedelta(seconds=get_settings().idle_timeout_seconds)


def admit(claims: SessionClaims, *, touch: bool = False, now: datetime | None = None) -> Verdict:
    """May this session act now? Records it on first sight; ``touch`` counts as activity.

    An idle session is ended here, so every later token for it is refused too.
    """
    now = now or utcnow()
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
            return Verdict.ACTIVE if row.ended_at is None else Verdict.ENDED
        if row.ended_at is not None:
            return Verdict.ENDED
        if now - as_utc(row.last_active_at) > _idle_limit():
            row.ended_at, row.end_reason = now, Verdict.IDLE.value
            session.add(row)
            session.commit()
            revoke_at_clerk(claims.session_id)
            return Verdict.IDLE
        if touch:
            row.last_active_at = now
            session.add(row)
            session.commit()
        return Verdict.ACTIVE


def end_session(claims: SessionClaims, reason: str) -> None:
    """Sign a session out: refuse it from now on here, and revoke it at Clerk."""
    with db.session() as session:
        row = session.get(AuthSession, claims.session_id)
        if row is None:
            row = AuthSession(
                session_id=claims.session_id,
                clerk_user_id=claims.user_id,
                last_active_at=utcnow(),
            )
        if row.ended_at is None:
            row.ended_at, row.end_reason = utcnow(), reason
        session.add(row)
        session.commit()
    revoke_at_clerk(claims.session_id)


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
