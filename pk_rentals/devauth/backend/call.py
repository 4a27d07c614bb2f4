"""The request idiom: the secret key, the rate limit, a handler's own database session."""

from __future__ import annotations

import collections
import hmac
import math
import threading
import time

from fastapi import APIRouter, Depends, Request
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.server import IdentityServer, get_server
from pk_rentals.devauth.store import Account
from pk_rentals.devauth.work import in_session


def _authorized(request: Request) -> IdentityServer:
    server = get_server()
    expected = f"Bearer {server.instance.secret_key}"
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ClerkAPIError(
            401,
            "authentication_invalid",
            "Unauthorized request",
            "The secret key in the Authorization header is missing or wrong.",
        )
    return server


class InstanceRateLimit:
    """Clerk's Backend API limit: at most N requests per window for the whole instance
    (the secret key), answered 429 with ``Retry-After`` in whole seconds."""

    def __init__(self):
        self.hits: collections.deque[float] = collections.deque()
        self.lock = threading.Lock()

    def retry_after(self, limit: int, window: float) -> int | None:
        """None if this request may pass (and counts it), else seconds to wait."""
        now = time.monotonic()
        with self.lock:
            while self.hits and now - self.hits[0] >= window:
                self.hits.popleft()
            if len(self.hits) < limit:
                self.hits.append(now)
                return None
            return max(1, math.ceil(self.hits[0] + window - now))


instance_rate_limit = InstanceRateLimit()


def _rate_limited(request: Request) -> None:
    settings = get_server().settings
    if not settings.devauth_api_requests or request.url.path.endswith("/jwks"):
        return  # Clerk does not limit the JWKS either
    wait = instance_rate_limit.retry_after(
        settings.devauth_api_requests, settings.devauth_api_window_seconds
    )
    if wait is not None:
        raise ClerkAPIError(
            429,
            "too_many_requests",
            "Too many requests",
            f"Too many requests, please try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )


router = APIRouter(prefix="/v1", dependencies=[Depends(_authorized), Depends(_rate_limited)])


async def _body(request: Request) -> dict:
    if not await request.body():
        return {}
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ClerkAPIError(400, "malformed_request", "The request body must be a JSON object.")
    return body


def _account(session: Session, user_id: str) -> Account:
    account = session.get(Account, user_id)
    if account is None:
        raise not_found("user")
    return account


def _in_session(work, *args):
    """Run ``work(server, session, *args)`` in a worker thread with its own session
    (the app's exception handler turns a ``ClerkAPIError`` into Clerk's envelope)."""

    def run():
        server = get_server()
        return in_session(server, lambda session: work(server, session, *args))

    return run_in_threadpool(run)


# --- users ---------------------------------------------------------------------------
