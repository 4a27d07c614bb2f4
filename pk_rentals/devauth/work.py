"""The one way both APIs of the identity server do a request's work.

A handler runs in its own database session (a worker thread's, never the event
loop's). Anything it refuses rolls the whole request back, and a refusal from the
account rules (``AccountError``) becomes Clerk's error envelope, so the Frontend and
the Backend API answer the same refusal the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pk_rentals.devauth.accounts import AccountError
from pk_rentals.devauth.errors import ClerkAPIError
from pk_rentals.devauth.server import IdentityServer

Result = TypeVar("Result")


def in_session(server: IdentityServer, work: Callable[..., Result], *args: object) -> Result:
    """``work(session, *args)`` in a new session of ``server``'s database; raises
    ``ClerkAPIError`` for any refusal, after rolling back what the request wrote."""
    with server.session() as session:
        try:
            return work(session, *args)
        except AccountError as error:
            session.rollback()
            raise ClerkAPIError.from_account_error(error) from None
        except ClerkAPIError:
            session.rollback()
            raise
