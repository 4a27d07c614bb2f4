"""Operator commands fail with one clear sentence and a non-zero exit, never a traceback."""

import json
import socket

from pk_rentals.cli import EXIT_DATABASE, EXIT_PORT, EXIT_SETTINGS
from pk_rentals.migrations import head_revision
from tests.utils.cli import run_cli
from tests.utils.servers import free_port


def assert_one_clear_failure(result, exit_code, *phrases):
    assert result.returncode == exit_code, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("pk_rentals: ")
    for phrase in phrases:
        assert phrase in result.stderr


def test_invalid_setting_names_the_variable():
    result = run_cli("check-settings", PK_ENV="staging")
    assert_one_clear_failure(result, EXIT_SETTINGS, "PK_ENV")


def test_production_with_embedded_defaults_is_refused():
    result = run_cli("check-settings", PK_ENV="production")
    assert_one_clear_failure(result, EXIT_SETTINGS, "REFLEX_DB_URL", "PK_SECRET_KEY")


def test_unreachable_database_says_so_without_the_password():
    url = f"postgresql+psycopg://app:hunter2@127.0.0.1:{free_port()}/pk"
    result = run_cli("migrate", REFLEX_DB_URL=url)
    assert_one_clear_failure(result, EXIT_DATABASE, "cannot reach the database", "REFLEX_DB_URL")
    assert "hunter2" not in result.stderr


def test_port_in_use_is_reported(tmp_path):
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli(
            "preflight", "--ports", str(port), REFLEX_DB_URL=f"sqlite:///{tmp_path}/x.db"
        )
    assert_one_clear_failure(result, EXIT_PORT, f"port {port} is already in use")


def test_preflight_migrates_a_new_database(tmp_path):
    result = run_cli("preflight", REFLEX_DB_URL=f"sqlite:///{tmp_path}/new/pk.db")
    assert result.returncode == 0, result.stderr
    assert f"migrated empty -> {head_revision()}" in result.stdout
    again = run_cli("migrate", REFLEX_DB_URL=f"sqlite:///{tmp_path}/new/pk.db")
    assert "up to date" in again.stdout


def test_devauth_info_tells_tools_where_the_identity_server_is(tmp_path):
    result = run_cli("devauth-info", PK_DEVAUTH_DIR=str(tmp_path / "devauth"))
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["api_url"].endswith("/_devauth/v1")
    assert info["secret_key"].startswith("sk_test_")
    assert info["jwks_url"].endswith("/_devauth/.well-known/jwks.json")
    assert info["issuer"].endswith("/_devauth")
    assert info["publishable_key"].startswith("pk_test_")
    assert info["outbox_url"].endswith("/_devauth/outbox")
    again = run_cli("devauth-info", PK_DEVAUTH_DIR=str(tmp_path / "devauth"))
    assert json.loads(again.stdout)["secret_key"] == info["secret_key"]  # kept, not regenerated


def test_devauth_info_is_refused_when_real_clerk_is_configured():
    result = run_cli("devauth-info", PK_IDENTITY_PROVIDER="clerk")
    assert_one_clear_failure(result, EXIT_SETTINGS, "built-in identity server")
