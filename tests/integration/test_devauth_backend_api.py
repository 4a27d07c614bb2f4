"""The identity server's Backend API, driven by Clerk's own Python SDK over HTTP."""

import httpx
import pytest
from clerk_backend_api import Clerk
from clerk_backend_api.models import ClerkErrors

from pk_rentals.services.identity.tokens import SessionTokenVerifier, TokenError

PASSWORD = "Karachi#2026pk"


def sdk(url: str, secret: str) -> Clerk:
    return Clerk(bearer_auth=secret, server_url=f"{url}/_devauth/v1", retry_config=None)


def test_the_official_sdk_lists_creates_reads_updates_locks_and_deletes(identity_server):
    url, config = identity_server
    with sdk(url, config.secret_key) as clerk:
        created = clerk.users.create(
            email_address=["sana@example.pk"], password=PASSWORD, first_name="Sana"
        )
        assert created.id.startswith("user_")
        assert created.email_addresses[0].email_address == "sana@example.pk"
        assert created.password_enabled

        listed = clerk.users.list(request={"email_address": ["sana@example.pk"]})
        assert [user.id for user in listed] == [created.id]

        read = clerk.users.get(user_id=created.id)
        assert read.first_name == "Sana"

        updated = clerk.users.update(user_id=created.id, last_name="Baloch")
        assert updated.last_name == "Baloch"

        with_metadata = clerk.users.update_metadata(
            user_id=created.id, public_metadata={"role": "moderator"}
        )
        assert with_metadata.public_metadata == {"role": "moderator"}

        assert clerk.users.lock(user_id=created.id).locked is True
        assert clerk.users.unlock(user_id=created.id).locked is False

        deleted = clerk.users.delete(user_id=created.id)
        assert deleted.deleted is True
        with pytest.raises(ClerkErrors) as missing:
            clerk.users.get(user_id=created.id)
        assert missing.value.data.errors[0].code == "resource_not_found"


def test_a_weak_password_is_refused_with_clerks_code(identity_server):
    url, config = identity_server
    with sdk(url, config.secret_key) as clerk, pytest.raises(ClerkErrors) as refused:
        clerk.users.create(email_address=["weak@example.pk"], password="password")
    assert refused.value.data.errors[0].code == "form_password_validation_failed"


def test_a_wrong_secret_key_gets_clerks_401_envelope(identity_server):
    url, _config = identity_server
    response = httpx.get(
        f"{url}/_devauth/v1/users", headers={"Authorization": "Bearer sk_test_wrong"}
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "authentication_invalid"


def test_sessions_mint_tokens_the_app_verifies_until_revoked(identity_server):
    url, config = identity_server
    headers = {"Authorization": f"Bearer {config.secret_key}"}
    with sdk(url, config.secret_key) as clerk:
        user = clerk.users.create(email_address=["imran@example.pk"], password=PASSWORD)
    session = httpx.post(f"{url}/_devauth/v1/sessions", json={"user_id": user.id}, headers=headers)
    session_id = session.json()["id"]
    token = httpx.post(f"{url}/_devauth/v1/sessions/{session_id}/tokens", headers=headers)

    verifier = SessionTokenVerifier(
        issuer=config.issuer, authorized_parties=config.authorized_parties, pem_key=config.jwt_key
    )
    claims = verifier.verify(token.json()["jwt"])
    assert (claims.user_id, claims.session_id) == (user.id, session_id)

    httpx.post(f"{url}/_devauth/v1/sessions/{session_id}/revoke", headers=headers)
    refused = httpx.post(f"{url}/_devauth/v1/sessions/{session_id}/tokens", headers=headers)
    assert refused.status_code == 401
    listed = httpx.get(f"{url}/_devauth/v1/sessions", params={"user_id": user.id}, headers=headers)
    assert [s["status"] for s in listed.json()] == ["revoked"]
    with pytest.raises(TokenError):
        verifier.verify(token.json()["jwt"] + "x")
