"""The app's HTTP routes (with the built-in identity server at /_devauth) on a real
127.0.0.1 port, and Reflex tabs signed in with that server's tokens.

Shared by the integration suite (one server per test, its fixtures in
tests/integration/conftest.py) and the adversarial suite (one per module).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from reflex.state import State

from pk_rentals.api import create_api
from pk_rentals.devauth import server as devauth_server
from pk_rentals.services.identity.config import ClerkConfig, clerk_config
from pk_rentals.settings import get_settings
from tests.utils.accounts import create_clerk_user
from tests.utils.clerk_openapi import ANSWERS, ConformanceRecorder
from tests.utils.frontend_api import FrontendClient
from tests.utils.http_server import serve


@contextlib.contextmanager
def identity_server(
    env: pytest.MonkeyPatch, dns_resolver: str
) -> Iterator[tuple[str, ClerkConfig]]:
    """Serve ``create_api()`` on the database the settings name now; yields its URL and
    the identity server's configuration. Webhooks go back to it unless
    ``PK_DEVAUTH_WEBHOOK_URL`` is set first; sign-up emails are checked against
    ``dns_resolver`` (the test DNS zone)."""
    # Tests sign in many times from 127.0.0.1: keep the per-IP limit out of the way.
    env.setenv("PK_SIGN_IN_ATTEMPTS_PER_MINUTE", "10000")
    env.setenv("PK_DNS_RESOLVER", dns_resolver)
    get_settings.cache_clear()
    devauth_server.get_server.cache_clear()
    with serve(ConformanceRecorder(create_api(), ANSWERS)) as url:
        env.setenv("PK_BACKEND_URL", url)
        env.setenv("PK_PUBLIC_URL", url)
        # The identity server is built on its first request, from these settings.
        get_settings.cache_clear()
        devauth_server.get_server.cache_clear()
        clerk_config.cache_clear()
        yield url, clerk_config()
    server = devauth_server.get_server()
    server.webhooks.close() if hasattr(server.webhooks, "close") else None
    devauth_server.get_server.cache_clear()


@dataclass
class Tab:
    """One browser tab's Reflex states, driven in-process, and a real session token
    of an account from the identity server."""

    root: State
    token: str
    user_id: str

    def state(self, state_class):
        return self.root.get_substate(state_class.get_full_name().split(".")[1:])


def new_tab(token: str, user_id: str) -> Tab:
    import pk_rentals.pk_rentals  # noqa: F401 - registers every state of the app

    return Tab(State(_reflex_internal_init=True), token, user_id)


def signed_in_tab(url: str, config: ClerkConfig, email: str, password: str) -> Tab:
    """A new account made through the Backend API, signed in as clerk-js signs in."""
    created = create_clerk_user(f"{url}/_devauth", config.secret_key, email, password)
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in(email, password).status_code == 200
        token = browser.post(f"/client/sessions/{browser.session_id}/tokens").json()["jwt"]
    return new_tab(token, created["id"])


def run_handler(handler, state, *args, **kwargs):
    """Call an event handler's function as the app would: a coroutine is awaited, an
    async generator is run to its end; the last thing it returned or yielded."""

    async def call():
        result = handler.fn(state, *args, **kwargs)
        if hasattr(result, "__anext__"):
            last = None
            async for last in result:  # noqa: B007 - the last update is the answer
                pass
            return last
        return await result if asyncio.iscoroutine(result) else result

    return asyncio.run(call())
