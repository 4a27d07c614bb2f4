"""Who may moderate: an operator sets ``public_metadata.role`` at Clerk.

Clerk holds the role, so it survives a lost database and shows in Clerk's
dashboard; ``users.role`` is our copy, kept by the webhook and the sign-in sync
(``ClerkUser.role``). Granting also applies Clerk's answer here at once, so the
new moderator need not wait for the webhook. No Reflex imports here.
"""

from __future__ import annotations

import dataclasses

from pk_rentals import db
from pk_rentals.models import Role
from pk_rentals.services.identity.accounts import ClerkUser, apply_clerk_user
from pk_rentals.services.identity.lockout import (
    AccountNotFound,
    ClerkUnavailable,
    clerk_for_operator,
    find_account,
    operator_target,
    primary_email,
)

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
    who = operator_target(who)
    with clerk_for_operator() as clerk:
        account = find_account(clerk, who)
        previous = ClerkUser.from_json(account.model_dump(mode="json")).role
        updated = clerk.users.update_metadata(
            user_id=account.id, public_metadata={"role": role.value}
        )
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
