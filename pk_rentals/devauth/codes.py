"""Checking a one-time code: each attempt is claimed in the database before the code
is compared, so parallel guesses on any worker count one each and no more than
``CODE_ATTEMPTS`` codes are ever compared; a right code is used exactly once."""

from __future__ import annotations

import hmac
from enum import Enum

import sqlalchemy as sa
from sqlmodel import Session, select

from pk_rentals.devauth.store import Message, now_ms

# Clerk allows a few tries per code, then the person asks for a new one.
CODE_ATTEMPTS = 5


class CodeCheck(Enum):
    RIGHT = "right"
    WRONG = "wrong"
    SPENT = "spent"  # used, or out of attempts: a new code is needed
    EXPIRED = "expired"


def newest_code(session: Session, subject: str) -> Message | None:
    """The code sent last for ``subject`` (a flow or an identification)."""
    return session.exec(
        select(Message).where(Message.subject == subject).order_by(Message.created_at.desc())  # type: ignore[union-attr]
    ).first()


def check_code(session: Session, message: Message, typed: str) -> CodeCheck:
    """Claim one attempt on ``message`` (committed at once, so it counts whatever
    happens next), then compare; the right code is marked used by the one attempt
    that claims it. ``message`` is reloaded afterwards."""
    if message.used or message.attempts >= CODE_ATTEMPTS:
        return CodeCheck.SPENT
    if message.expire_at < now_ms():
        return CodeCheck.EXPIRED
    attempt = {"attempts": Message.attempts + 1}
    if not _claim(session, message, attempt, Message.attempts < CODE_ATTEMPTS):
        return CodeCheck.SPENT
    session.commit()
    if not hmac.compare_digest(typed.encode(), message.code.encode()):
        return CodeCheck.WRONG
    # Not committed here: the code is used together with what it proves, or not at all.
    return CodeCheck.RIGHT if _claim(session, message, {"used": True}) else CodeCheck.SPENT


def _claim(session: Session, message: Message, values: dict, *where) -> bool:
    """One atomic update of ``message`` while unused; True when this call made it."""
    statement = (
        sa.update(Message)
        .where(Message.id == message.id, Message.used.is_(False), *where)  # type: ignore[attr-defined]
        .values(**values)
    )
    return session.execute(statement).rowcount == 1  # type: ignore[attr-defined]
