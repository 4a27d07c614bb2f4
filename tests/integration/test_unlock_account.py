"""An operator unlocks an account that wrong passwords locked, with the CLI, which
talks to the identity server through Clerk's Backend API SDK."""

import subprocess

import httpx
import pytest

from pk_rentals.cli import EXIT_IDENTITY, EXIT_INVALID_ARGUMENT, EXIT_NOT_FOUND
from tests.utils.accounts import create_clerk_user
from tests.utils.cli import run_cli
from tests.utils.frontend_api import FrontendClient
from tests.utils.servers import free_port

PASSWORD = "Quetta#2026pk"


def unlock_cli(who: str, **env) -> subprocess.CompletedProcess:
    return run_cli("unlock-account", who, **env)


def create_user(url: str, secret: str, email: str) -> dict:
    return create_clerk_user(f"{url}/_devauth", secret, email, PASSWORD)


def lock_with_wrong_passwords(url: str, email: str) -> None:
    with FrontendClient(f"{url}/_devauth") as browser:
        answers = [browser.sign_in(email, f"Wrong#{n}pass") for n in range(5)]
    assert [a.status_code for a in answers] == [422] * 4 + [403]
    assert answers[-1].json()["errors"][0]["code"] == "user_locked"


def test_an_operator_unlocks_by_email_and_the_right_password_works_again(identity_server):
    url, config = identity_server
    user = create_user(url, config.secret_key, "nadia@example.pk")
    lock_with_wrong_passwords(url, "nadia@example.pk")
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("nadia@example.pk", PASSWORD).status_code == 403

    result = unlock_cli("Nadia@Example.pk")

    assert result.returncode == 0, result.stderr
    assert f"Account {user['id']} (nadia@example.pk) unlocked" in result.stdout
    read = httpx.get(
        f"{url}/_devauth/v1/users/{user['id']}",
        headers={"Authorization": f"Bearer {config.secret_key}"},
    ).json()
    assert read["locked"] is False
    with FrontendClient(f"{url}/_devauth") as browser:
        signed_in = browser.sign_in("nadia@example.pk", PASSWORD)
    assert signed_in.status_code == 200
    assert signed_in.json()["response"]["status"] == "complete"


def test_an_operator_unlocks_an_admin_lock_by_user_id(identity_server):
    url, config = identity_server
    user = create_user(url, config.secret_key, "omar@example.pk")
    httpx.post(
        f"{url}/_devauth/v1/users/{user['id']}/lock",
        headers={"Authorization": f"Bearer {config.secret_key}"},
    ).raise_for_status()

    result = unlock_cli(user["id"])

    assert result.returncode == 0, result.stderr
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("omar@example.pk", PASSWORD).status_code == 200


def test_an_unknown_account_is_one_clear_sentence(identity_server):
    for who in ("nobody@example.pk", "user_doesnotexist"):
        result = unlock_cli(who)
        assert result.returncode == EXIT_NOT_FOUND
        assert result.stderr.startswith("pk_rentals: no account has")
        assert "Traceback" not in result.stderr


def test_an_unreachable_identity_server_is_one_clear_sentence(use_database):
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = unlock_cli("nadia@example.pk", PK_BACKEND_URL=nowhere, PK_PUBLIC_URL=nowhere)
    assert result.returncode == EXIT_IDENTITY, result.stderr
    assert result.stderr.startswith("pk_rentals: Clerk's Backend API did not answer")
    assert "PK_BACKEND_URL" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("user_2abc-DEF", "only letters and digits after user_"),
        ("user_" + "a" * 10_240, "at most 64 characters"),
        ("", "empty"),
    ],
    ids=["other-characters", "10kb", "empty"],
)
def test_a_malformed_user_id_is_refused_before_clerk_is_asked(who, reason):
    nowhere = f"http://127.0.0.1:{free_port()}"  # asking Clerk would fail differently
    result = unlock_cli(who, PK_BACKEND_URL=nowhere, PK_PUBLIC_URL=nowhere)
    assert result.returncode == EXIT_INVALID_ARGUMENT, result.stderr
    assert result.stderr.startswith("pk_rentals: ")
    assert reason in result.stderr
    assert len(result.stderr) < 300
    assert "Traceback" not in result.stderr
