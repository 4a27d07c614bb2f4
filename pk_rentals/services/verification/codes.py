"""One-time selfie codes: issued to the page, burned into the live selfie, used once."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import (
    SelfieCode,
    User,
)
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services.verification.common import (
    CODE_ALPHABET,
    CODE_LENGTH,
    IssuedCode,
    UploadRefused,
    _check_email_verified,
    _user,
)
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)

# --- one-time selfie codes -------------------------------------------------------------


def _code_hash(code: str) -> str:
    key = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(key, b"selfie-code:" + code.upper().encode(), hashlib.sha256).hexdigest()


def issue_selfie_code(clerk_user_id: str, *, now: datetime | None = None) -> IssuedCode:
    """A fresh code for this user's next selfie (single use, short life)."""
    now = now or utcnow()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires_at = now + timedelta(seconds=get_settings().selfie_code_seconds)
    with db.session() as session:
        user = _user(session, clerk_user_id)
        _check_email_verified(session, user, UploadRefused)
        _make_room_for_a_code(session, user, now)
        session.add(
            SelfieCode(
                code_hash=_code_hash(code), user_id=user.id, issued_at=now, expires_at=expires_at
            )
        )
        session.commit()
    return IssuedCode(code=code, expires_at=expires_at)


# Unused codes one person may hold at once (a few tabs, a few camera restarts). Any
# client may ask for codes in a loop: beyond this the oldest unused one goes, so the
# table never grows with the asking.
LIVE_CODES_PER_USER = 5


def _make_room_for_a_code(session: Session, user: User, now: datetime) -> None:
    """Delete the person's expired codes, and unused ones beyond the newest few."""
    session.execute(
        sa.delete(SelfieCode).where(SelfieCode.user_id == user.id, SelfieCode.expires_at < now)
    )
    keep = (
        select(SelfieCode.code_hash)
        .where(SelfieCode.user_id == user.id, SelfieCode.used_at.is_(None))
        .order_by(SelfieCode.issued_at.desc())
        .limit(LIVE_CODES_PER_USER - 1)
    )
    session.execute(
        sa.delete(SelfieCode).where(
            SelfieCode.user_id == user.id,
            SelfieCode.used_at.is_(None),
            SelfieCode.code_hash.not_in(keep.scalar_subquery()),
        )
    )


def _consume_code(session: Session, user: User, code: str, now: datetime) -> None:
    """Use the code once, or raise: another user's code is as unknown as a made-up one."""
    code_hash = _code_hash((code or "").strip())
    row = session.get(SelfieCode, code_hash)
    if row is None or row.user_id != user.id:
        raise UploadRefused("code_invalid")
    if row.used_at is not None:
        raise UploadRefused("code_used")
    if as_utc(row.expires_at) < now:
        raise UploadRefused("code_expired")
    used = session.execute(
        sa.update(SelfieCode)
        .where(SelfieCode.code_hash == code_hash, SelfieCode.used_at.is_(None))
        .values(used_at=now)
    )
    if used.rowcount != 1:  # a concurrent request used it first
        raise UploadRefused("code_used")
