"""Who may moderate: an operator sets ``public_metadata.role`` at Clerk.

Clerk holds the role, so it survives a lost database and shows in Clerk's
dashboard; ``users.role`` is our copy, kept by the webhook and the sign-in sync
(``ClerkUser.role``). Granting also applies Clerk's answer here at once, so the
new moderator need not wait for the webhook. No Reflex imports here.
"""

from __future__ import annotations

import dataclasses

import httpx
from clerk_backend_api.models import ClerkBaseError, ClerkErrors

from pk_rentals import db
from pk_rentals.models import Role
from pk_rentals.services.identity.accounts import ClerkUser, apply_clerk_user
from pk_rentals.services.identity.clerk_ids import USER_ID_PREFIX, check_clerk_user_id
from pk_rentals.services.identity.lockout import (
    AccountNotFound,
    ClerkUnavailable,
    find_account,
    primary_email,
)
from pk_rentals.services.identity.sessions import backend_api

__all__ = ["AccountNotFound", "ClerkUnavailable", "Granted", "grant_role"]


@dataclasses.dataclass(frozen=True)
class Granted:
    user_id: str
    email: str | None
    role: Role
    previous: Role
    applied_locally: bool  # False: the account was deleted here (a tombstone)


def grant_role(who: str, role: Role | str) -> Granted:
    """Give the account with email address or Clerk user id ``who`` this role.

    A malformed user id raises ``InvalidClerkUserId`` before Clerk is asked.
    """
    role = Role(role)
    who = who.strip()
    if not who or who.startswith(USER_ID_PREFIX):
        check_clerk_user_id(who)
    try:
        with backend_api() as clerk:
            account = find_account(clerk, who)
            previous = ClerkUser.from_json(account.model_dump(mode="json")).role
            updated = clerk.users.update_metadata(
                user_id=account.id, public_metadata={"role": role.value}
            )
    except ClerkErrors as error:
        codes = ", ".join(e.code for e in error.data.errors) or "no error code"
        raise ClerkUnavailable(f"Clerk refused the request ({codes})") from None
    except (ClerkBaseError, httpx.HTTPError) as error:
        reason = type(error).__name__
        raise ClerkUnavailable(f"Clerk's Backend API did not answer ({reason})") from None
    clerk_user = ClerkUser.from_json(updated.model_dump(mode="json"))
    with db.session() as session:
        applied = apply_clerk_user(session, clerk_user) is not None
    return Granted(
        user_id=updated.id,
        email=primary_email(updated),
        role=clerk_user.role,
        previous=previous,
        applied_locally=applied,
    )
