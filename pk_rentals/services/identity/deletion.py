"""A person deletes their own account.

Clerk owns the account, so it is deleted there first, through the Backend API;
only when Clerk has confirmed do we remove our rows and images (``delete_clerk_user``,
idempotent). The ``user.deleted`` webhook that Clerk then sends does the same
again, harmlessly, and if the process dies between the two steps the webhook, or
failing that the reconciliation job, finishes the work. If Clerk refuses or does
not answer nothing is deleted anywhere and the person can try again.
No Reflex imports here.
"""

from __future__ import annotations

import logging

import httpx
from clerk_backend_api.models import ClerkBaseError, ClerkErrors

from pk_rentals import db
from pk_rentals.services.identity.accounts import delete_clerk_user
from pk_rentals.services.identity.clerk_ids import check_clerk_user_id
from pk_rentals.services.identity.sessions import backend_api

log = logging.getLogger(__name__)

# What the person types to confirm, in either language (compared without case).
CONFIRMATION_WORDS = ("DELETE", "حذف")


class DeletionFailed(Exception):
    """Clerk did not delete the account; nothing was deleted here either."""


def is_confirmation(typed: str) -> bool:
    return typed.strip().casefold() in {word.casefold() for word in CONFIRMATION_WORDS}


def delete_own_account(clerk_user_id: str) -> None:
    """Delete the Clerk user, then everything we hold of them (raises DeletionFailed)."""
    check_clerk_user_id(clerk_user_id)
    try:
        with backend_api() as clerk:
            clerk.users.delete(user_id=clerk_user_id)
    except ClerkErrors as error:
        if not any(e.code == "resource_not_found" for e in error.data.errors):
            codes = ", ".join(e.code for e in error.data.errors)
            raise DeletionFailed(f"Clerk refused the deletion ({codes})") from None
        # Already gone at Clerk (a second click, another tab): finish here.
    except (ClerkBaseError, httpx.HTTPError) as error:
        raise DeletionFailed(f"Clerk did not answer ({type(error).__name__})") from None
    with db.session() as session:
        delete_clerk_user(session, clerk_user_id)
    log.info("account %s deleted by its owner", clerk_user_id)
