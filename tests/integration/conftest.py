"""Fixtures the integration suites share."""

from dataclasses import dataclass

import httpx
import pytest
from reflex.state import State

from pk_rentals.api import create_api
from pk_rentals.devauth import server as devauth_server
from pk_rentals.services.identity.config import clerk_config
from pk_rentals.settings import get_settings
from tests.utils.frontend_api import FrontendClient
from tests.utils.http_server import serve


@pytest.fixture
def identity_server(use_database, monkeypatch, dns_server):
    """The app's HTTP routes (with /_devauth) on a real port; webhooks go back to it
    unless the test sets ``PK_DEVAUTH_WEBHOOK_URL`` first. Sign-up emails are checked
    against the test DNS zone."""
    # Tests sign in many times from 127.0.0.1: keep the per-IP limit out of the way.
    monkeypatch.setenv("PK_SIGN_IN_ATTEMPTS_PER_MINUTE", "10000")
    monkeypatch.setenv("PK_DNS_RESOLVER", dns_server.resolver_setting)
    get_settings.cache_clear()
    devauth_server.get_server.cache_clear()
    with serve(create_api()) as url:
        monkeypatch.setenv("PK_BACKEND_URL", url)
        monkeypatch.setenv("PK_PUBLIC_URL", url)
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
    of a new account from the identity server."""

    root: State
    token: str
    user_id: str

    def state(self, state_class):
        return self.root.get_substate(state_class.get_full_name().split(".")[1:])


@pytest.fixture
def signed_in_tab(identity_server) -> Tab:
    import pk_rentals.pk_rentals  # noqa: F401 - registers every state of the app

    url, config = identity_server
    email, password = "asma@example.pk", "Sialkot#2026pk"
    created = httpx.post(
        f"{url}/_devauth/v1/users",
        json={"email_address": [email], "password": password},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    )
    created.raise_for_status()
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in(email, password).status_code == 200
        token = browser.post(f"/client/sessions/{browser.session_id}/tokens").json()["jwt"]
    return Tab(State(_reflex_internal_init=True), token, created.json()["id"])
