"""An operator makes someone a moderator with the CLI: the role goes to Clerk's
``public_metadata`` through the Backend API SDK, and into ``users.role`` at once."""

import subprocess
import time

import httpx
import pytest
from sqlmodel import select

from pk_rentals import db
from pk_rentals.cli import EXIT_IDENTITY, EXIT_NOT_FOUND
from pk_rentals.models import User
from pk_rentals.services.moderation import is_moderator
from tests.utils.accounts import create_clerk_user
from tests.utils.cli import run_cli
from tests.utils.servers import free_port


def create_user(url: str, secret: str, email: str) -> dict:
    return create_clerk_user(f"{url}/_devauth", secret, email, "Quetta#2026pk")


def grant_cli(who: str, role: str, **env) -> subprocess.CompletedProcess:
    return run_cli("grant-role", who, role, **env)


def clerk_metadata(url: str, secret: str, user_id: str) -> dict:
    return httpx.get(
        f"{url}/_devauth/v1/users/{user_id}", headers={"Authorization": f"Bearer {secret}"}
    ).json()["public_metadata"]


def local_role(clerk_user_id: str) -> str | None:
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == clerk_user_id)).first()
        return user.role if user else None


@pytest.fixture
def no_webhooks(monkeypatch):
    """Webhooks go nowhere: what the CLI applies itself is all the app gets."""
    monkeypatch.setenv("PK_DEVAUTH_WEBHOOK_URL", f"http://127.0.0.1:{free_port()}/webhooks/clerk")


def test_granted_moderator_is_one_at_clerk_and_here_without_waiting(no_webhooks, identity_server):
    url, config = identity_server
    user = create_clerk_user(
        f"{url}/_devauth", config.secret_key, "sana@example.pk", "Quetta#2026pk"
    )

    result = grant_cli("Sana@Example.pk", "moderator")

    assert result.returncode == 0, result.stderr
    assert f"Account {user['id']} (sana@example.pk) is now moderator (was user)" in result.stdout
    assert clerk_metadata(url, config.secret_key, user["id"]) == {"role": "moderator"}
    assert local_role(user["id"]) == "moderator"
    assert is_moderator(user["id"])


def test_an_admin_made_a_plain_user_again_moderates_no_more(identity_server):
    url, config = identity_server
    user = create_user(url, config.secret_key, "bilal@example.pk")
    assert grant_cli(user["id"], "admin").returncode == 0
    assert is_moderator(user["id"])

    result = grant_cli(user["id"], "user")

    assert result.returncode == 0, result.stderr
    assert "is now user (was admin)" in result.stdout
    assert clerk_metadata(url, config.secret_key, user["id"])["role"] == "user"
    assert local_role(user["id"]) == "user"
    assert not is_moderator(user["id"])


def test_other_metadata_is_kept(identity_server):
    url, config = identity_server
    user = create_user(url, config.secret_key, "hina@example.pk")
    httpx.patch(
        f"{url}/_devauth/v1/users/{user['id']}/metadata",
        json={"public_metadata": {"team": "lahore"}},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    ).raise_for_status()

    assert grant_cli("hina@example.pk", "moderator").returncode == 0

    assert clerk_metadata(url, config.secret_key, user["id"]) == {
        "team": "lahore",
        "role": "moderator",
    }


def test_the_webhook_alone_brings_a_role_set_in_clerks_dashboard(identity_server):
    url, config = identity_server
    user = create_user(url, config.secret_key, "zara@example.pk")
    httpx.patch(
        f"{url}/_devauth/v1/users/{user['id']}/metadata",
        json={"public_metadata": {"role": "moderator"}},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    ).raise_for_status()
    for _ in range(100):
        if local_role(user["id"]) == "moderator":
            break
        time.sleep(0.05)
    assert local_role(user["id"]) == "moderator"


def test_an_unknown_account_or_role_is_one_clear_sentence(identity_server):
    result = grant_cli("nobody@example.pk", "moderator")
    assert result.returncode == EXIT_NOT_FOUND
    assert result.stderr.startswith("pk_rentals: no account has")
    wrong = grant_cli("nobody@example.pk", "superuser")
    assert wrong.returncode == 2
    assert "invalid choice" in wrong.stderr
    assert "Traceback" not in result.stderr + wrong.stderr


def test_an_unreachable_identity_server_is_one_clear_sentence(use_database):
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = grant_cli(
        "sana@example.pk", "moderator", PK_BACKEND_URL=nowhere, PK_PUBLIC_URL=nowhere
    )
    assert result.returncode == EXIT_IDENTITY, result.stderr
    assert result.stderr.startswith("pk_rentals: Clerk's Backend API did not answer")
    assert "Traceback" not in result.stderr
