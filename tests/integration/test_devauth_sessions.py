"""A session of the built-in identity server ends as Clerk's do: at its expiry, and
for every session of a banned user, who then cannot start a new one until unbanned.
Through the Frontend API as clerk-js calls it and the Backend API as the SDK does."""

import httpx
import pytest
from sqlmodel import Session

from pk_rentals import db
from pk_rentals.devauth import store
from tests.utils.accounts import create_clerk_user
from tests.utils.frontend_api import FrontendClient

EMAIL, PASSWORD = "rabia@example.pk", "Quetta#2026pk"


@pytest.fixture
def account(identity_server) -> tuple[str, dict, str]:
    url, config = identity_server
    headers = {"Authorization": f"Bearer {config.secret_key}"}
    created = create_clerk_user(f"{url}/_devauth", config.secret_key, EMAIL, PASSWORD)
    return url, headers, created["id"]


def _token(browser: FrontendClient) -> httpx.Response:
    return browser.post(f"/client/sessions/{browser.session_id}/tokens")


def test_a_session_past_its_expiry_mints_no_token_and_leaves_the_client(account):
    url, headers, _user_id = account
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in(EMAIL, PASSWORD).status_code == 200
        assert _token(browser).status_code == 200
        with Session(db.get_engine()) as session:
            session.get(store.ClerkSession, browser.session_id).expire_at = store.now_ms() - 1
            session.commit()

        refused = _token(browser)
        assert refused.status_code == 401
        assert refused.json()["errors"][0]["code"] == "authentication_invalid"
        assert browser.request("GET", "/client").json()["response"]["sessions"] == []
        assert browser.request("GET", "/me").status_code == 401

    read = httpx.get(f"{url}/_devauth/v1/sessions/{browser.session_id}", headers=headers)
    assert read.json()["status"] == "expired"
    backend = httpx.post(f"{url}/_devauth/v1/sessions/{browser.session_id}/tokens", headers=headers)
    assert backend.status_code == 401


def test_a_ban_ends_every_session_and_refuses_new_ones_until_unbanned(account):
    url, headers, user_id = account
    with FrontendClient(f"{url}/_devauth") as phone, FrontendClient(f"{url}/_devauth") as laptop:
        assert phone.sign_in(EMAIL, PASSWORD).status_code == 200
        assert laptop.sign_in(EMAIL, PASSWORD).status_code == 200

        banned = httpx.post(f"{url}/_devauth/v1/users/{user_id}/ban", headers=headers)
        assert banned.json()["banned"] is True
        assert _token(phone).status_code == 401
        assert _token(laptop).status_code == 401

        again = phone.sign_in(EMAIL, PASSWORD)
        assert (again.status_code, again.json()["errors"][0]["code"]) == (403, "user_banned")
        testing = httpx.post(
            f"{url}/_devauth/v1/sessions", json={"user_id": user_id}, headers=headers
        )
        assert testing.status_code == 403

        unbanned = httpx.post(f"{url}/_devauth/v1/users/{user_id}/unban", headers=headers)
        assert unbanned.json()["banned"] is False
        assert phone.sign_in(EMAIL, PASSWORD).status_code == 200
        assert _token(phone).status_code == 200
