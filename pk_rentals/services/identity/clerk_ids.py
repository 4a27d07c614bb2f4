"""Clerk user ids: the one definition every boundary checks against
(webhooks, tokens, the CLI, the database's CHECK).

A Clerk user id is ``user_`` followed by Clerk's id alphabet, base62 (ASCII letters
and digits), e.g. ``user_2NNEqL2nrIRdJ194ndJqAHwEfxC`` (27 characters after the
prefix today). We accept any length from 1 to 59 after the prefix, so an id is at
most 64 characters: Clerk may lengthen its ids, and nothing longer ever reaches a
log line, a folder name or the database. No ``/``, ``.`` or ``-``, so an id is
always a safe folder name.

Used by token verification (``sub``), the webhook route, the operator CLI and the
account services; ``clerk_user_id_check_sql`` is the database's version of it.
"""

from __future__ import annotations

import re
import secrets
import string
from typing import Annotated

from pydantic import AfterValidator

USER_ID_PREFIX = "user_"
ID_ALPHABET = string.ascii_letters + string.digits  # Clerk's base62
ID_BODY_LENGTH = 27  # what Clerk issues after the prefix
MAX_USER_ID_LENGTH = 64
_MAX_BODY = MAX_USER_ID_LENGTH - len(USER_ID_PREFIX)

CLERK_USER_ID_PATTERN = rf"^{USER_ID_PREFIX}[A-Za-z0-9]{{1,{_MAX_BODY}}}$"
_USER_ID = re.compile(rf"{USER_ID_PREFIX}[A-Za-z0-9]{{1,{_MAX_BODY}}}")
_SHOWN = 24  # characters of a refused value quoted in an error message


class InvalidClerkUserId(ValueError):
    """Not a Clerk user id; the message says why, without echoing a huge value."""


def new_clerk_id(prefix: str) -> str:
    """A Clerk-shaped id: ``prefix_`` + 27 random base62 characters."""
    body = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_BODY_LENGTH))
    return f"{prefix}_{body}"


def is_clerk_user_id(value: object) -> bool:
    return isinstance(value, str) and _USER_ID.fullmatch(value) is not None


def clerk_user_id_problem(value: object) -> str | None:
    """Why ``value`` is not a Clerk user id, as a sentence; None when it is one."""
    if is_clerk_user_id(value):
        return None
    if not isinstance(value, str):
        return f"a Clerk user id must be a string, not {type(value).__name__}"
    if not value:
        return "the Clerk user id is empty"
    if len(value) > MAX_USER_ID_LENGTH:
        return (
            f"a Clerk user id has at most {MAX_USER_ID_LENGTH} characters; "
            f"this one has {len(value)}"
        )
    shown = value[:_SHOWN] + ("…" if len(value) > _SHOWN else "")
    if not value.startswith(USER_ID_PREFIX) or value == USER_ID_PREFIX:
        return f"a Clerk user id is user_ followed by letters and digits, not {shown!r}"
    return f"a Clerk user id has only letters and digits after user_: {shown!r}"


def check_clerk_user_id(value: object) -> str:
    """``value`` if it is a Clerk user id; else ``InvalidClerkUserId`` saying why."""
    problem = clerk_user_id_problem(value)
    if problem:
        raise InvalidClerkUserId(problem)
    return value  # type: ignore[return-value]


# A pydantic field type: ``id: ClerkUserId`` refuses a bad id with the sentence above.
ClerkUserId = Annotated[str, AfterValidator(check_clerk_user_id)]


def clerk_user_id_check_sql(column: str = "clerk_user_id") -> str:
    """The database CHECK for a column of Clerk user ids, one text for SQLite and
    PostgreSQL. Neither has a regular expression the other accepts (SQLite has no
    REGEXP by default, PostgreSQL no GLOB), so the database checks the prefix and the
    length bounds; the alphabet is checked by ``check_clerk_user_id`` at every door.
    """
    return (
        f"length({column}) BETWEEN {len(USER_ID_PREFIX) + 1} AND {MAX_USER_ID_LENGTH} "
        f"AND substr({column}, 1, {len(USER_ID_PREFIX)}) = '{USER_ID_PREFIX}'"
    )
