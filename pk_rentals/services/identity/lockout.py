"""Unlocking an account that too many failed sign-ins locked.

Clerk owns the lockout, so an operator lifts it at Clerk, through its Backend API
and the official SDK: the same call works against real Clerk and the built-in
identity server. No Reflex imports here.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator

import httpx
from clerk_backend_api.models import ClerkBaseError, ClerkErrors

from pk_rentals.services.identity.clerk_ids import USER_ID_PREFIX, check_clerk_user_id
from pk_rentals.services.identity.sessions import backend_api


class AccountNotFound(Exception):
    """No Clerk account has that email address or id."""


class ClerkUnavailable(Exception):
    """The Backend API could not be reached, or refused the request."""


@dataclasses.dataclass(frozen=True)
class Unlocked:
    user_id: str
    email: str | None
    was_locked: bool


def operator_target(who: str) -> str:
    """An operator's "email address or user id", trimmed; a malformed user id raises
    ``InvalidClerkUserId`` before Clerk is asked."""
    who = who.strip()
    if not who or who.startswith(USER_ID_PREFIX):
        check_clerk_user_id(who)
    return who


@contextlib.contextmanager
def clerk_for_operator() -> Iterator:
    """The Backend API client for an operator command; Clerk refusing or not answering
    becomes ``ClerkUnavailable`` saying which."""
    try:
        with backend_api() as clerk:
            yield clerk
    except ClerkErrors as error:
        codes = ", ".join(e.code for e in error.data.errors) or "no error code"
        raise ClerkUnavailable(f"Clerk refused the request ({codes})") from None
    except (ClerkBaseError, httpx.HTTPError) as error:
        reason = type(error).__name__
        raise ClerkUnavailable(f"Clerk's Backend API did not answer ({reason})") from None


def unlock_account(who: str) -> Unlocked:
    """Unlock the account with email address or Clerk user id ``who``.

    A malformed user id raises ``InvalidClerkUserId`` before Clerk is asked.
    """
    who = operator_target(who)
    with clerk_for_operator() as clerk:
        user = find_account(clerk, who)
        unlocked = clerk.users.unlock(user_id=user.id)
    return Unlocked(user_id=unlocked.id, email=primary_email(unlocked), was_locked=user.locked)


def find_account(clerk, who: str):
    """The Clerk user with email address or id ``who`` (raises ``AccountNotFound``)."""
    if who.startswith(USER_ID_PREFIX):
        try:
            return clerk.users.get(user_id=who)
        except ClerkErrors as error:
            if any(e.code == "resource_not_found" for e in error.data.errors):
                raise AccountNotFound(f"no account has the id {who}") from None
            raise
    if "@" not in who:
        raise AccountNotFound(f"{who!r} is neither an email address nor a user_… id")
    found = clerk.users.list(request={"email_address": [who.lower()]})
    if not found:
        raise AccountNotFound(f"no account has the email address {who}")
    return found[0]


def primary_email(user) -> str | None:
    for address in user.email_addresses or []:
        if address.id == user.primary_email_address_id:
            return address.email_address
    return None
