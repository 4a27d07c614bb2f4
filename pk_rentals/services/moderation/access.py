"""Who may moderate, and the refusals every moderation call can raise.

Every function takes the acting Clerk user id first and checks the role itself
(``users.role``, copied from Clerk ``public_metadata.role``), so no caller can forget it.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from pk_rentals import db
from pk_rentals.models import (
    Role,
    User,
)

MODERATOR_ROLES = frozenset({Role.MODERATOR, Role.ADMIN})


class NotModerator(Exception):
    """The caller is not a moderator (HTTP 403)."""


class NotFound(Exception):
    """No such submission."""


class DecisionInvalid(ValueError):
    """``reason_required``, ``reason_unknown``, ``note_too_long`` or ``own_submission``."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


class AlreadyDecided(Exception):
    def __init__(self, status: str, by: str | None, at: datetime | None):
        self.status, self.by, self.at = status, by, at
        super().__init__(f"already {status} by {by or 'someone'}")


# --- who may moderate ------------------------------------------------------------------


_USERS = User.__table__
_MODERATOR = sa.select(_USERS.c.id, _USERS.c.role).where(
    _USERS.c.clerk_user_id == sa.bindparam("clerk_user_id")
)


def require_moderator(
    session: Session | sa.Connection, clerk_user_id: str, *, admin: bool = False
) -> sa.Row:
    """The moderator's ``id`` and ``role``, as plain columns: every moderation read
    asks this first, and the whole user row is not needed."""
    found = (
        session.execute(_MODERATOR, {"clerk_user_id": clerk_user_id}).first()
        if clerk_user_id
        else None
    )
    allowed = {Role.ADMIN} if admin else MODERATOR_ROLES
    if found is None or Role(found.role) not in allowed:
        raise NotModerator(clerk_user_id)
    return found


def is_moderator(clerk_user_id: str) -> bool:
    with db.reading() as connection:
        try:
            require_moderator(connection, clerk_user_id)
        except NotModerator:
            return False
        return True
