"""Importing users from an older system : Clerk users with external ids
through the Backend API, local profiles, a report of refused rows, re-runs that
finish what is left, and Clerk's rate limit waited out. Both databases."""

import csv
import time
from pathlib import Path

import httpx
import pytest
from clerk_backend_api import Clerk
from sqlmodel import select

from pk_rentals import db
from pk_rentals.cli import EXIT_IDENTITY, EXIT_INVALID_ARGUMENT, EXIT_ROWS_FAILED, main
from pk_rentals.devauth import backend
from pk_rentals.devauth import server as devauth_server
from pk_rentals.devauth.store import Account
from pk_rentals.models import Language, User, UserPreferences
from pk_rentals.services import user_import
from pk_rentals.services.identity.sessions import backend_api as clerk_client
from pk_rentals.settings import get_settings
from tests.utils.cli import run_cli
from tests.utils.frontend_api import FrontendClient
from tests.utils.servers import free_port

DATA = Path(__file__).parent.parent / "samples"
SAMPLE_CSV = DATA / "users_import.csv"
SAMPLE_JSONL = DATA / "users_import.jsonl"


def failures(path: Path) -> dict[str, str]:
    """external_id (or line) -> reason, from the report the import wrote."""
    with path.open(encoding="utf-8") as handle:
        return {
            row["external_id"] or f"line {row['line']}": row["reason"]
            for row in csv.DictReader(handle)
        }


def clerk_users(config) -> dict[str, object]:
    with Clerk(bearer_auth=config.secret_key, server_url=config.api_url) as clerk:
        return {u.external_id: u for u in clerk.users.list(request={"limit": 500}) if u.external_id}


def local_users() -> dict[str, User]:
    with db.session() as session:
        return {u.clerk_email: u for u in session.exec(select(User))}


@pytest.fixture
def report_path(tmp_path) -> Path:
    return tmp_path / "failures.csv"


def test_the_sample_csv_creates_clerk_users_with_their_profiles_and_reports_bad_rows(
    identity_server, report_path, capsys
):
    _url, config = identity_server

    code = main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])

    assert code == EXIT_ROWS_FAILED
    out = capsys.readouterr()
    assert "9 rows: 4 created, 0 already in Clerk" in out.out
    assert "importing 9/9 rows" in out.err  # the progress line
    assert failures(report_path) == {
        "old-1004": "bad_email",
        "old-1005": "unknown_province",
        "old-1006": "unknown_hasher",
        "old-1007": "duplicate",
        "old-1008": "bad_phone",
    }
    clerk = clerk_users(config)
    assert set(clerk) == {"old-1001", "old-1002", "old-1003", "old-1009"}
    assert clerk["old-1001"].password_enabled and clerk["old-1002"].password_enabled
    assert not clerk["old-1003"].password_enabled  # no hash: a reset at first sign-in
    assert clerk["old-1001"].phone_numbers == []  # never marked verified by the import

    users = local_users()
    ayesha = users["ayesha.khan@example.com"]
    assert ayesha.clerk_user_id == clerk["old-1001"].id
    assert (ayesha.display_name, ayesha.phone) == ("Ayesha Khan", "+923001234567")
    assert (ayesha.city, ayesha.province) == ("Karachi", "Sindh")
    assert ayesha.preferred_language == Language.URDU
    assert ayesha.profile_completed_at is not None
    bilal = users["bilal.ahmed@example.com"]
    assert (bilal.city, bilal.province, bilal.preferred_language) == (
        "Lahore",
        "Punjab",
        Language.ENGLISH,
    )
    assert users["sana.malik@example.com"].city == "Chakwal"  # unlisted: kept as typed
    usman = users["usman.tariq@example.com"]
    assert usman.profile_completed_at is None  # no phone or city: the wizard asks
    with db.session() as session:
        preferences = session.exec(select(UserPreferences)).all()
    assert {p.clerk_user_id for p in preferences} >= {u.clerk_user_id for u in users.values()}


def test_a_second_run_creates_nothing_twice_and_reports_the_same_rows(
    identity_server, report_path, capsys
):
    _url, config = identity_server
    main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])
    first = {k: u.id for k, u in clerk_users(config).items()}

    code = main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])

    assert code == EXIT_ROWS_FAILED
    assert "9 rows: 0 created, 4 already in Clerk" in capsys.readouterr().out
    assert {k: u.id for k, u in clerk_users(config).items()} == first
    assert len(local_users()) == 4


def test_a_profile_the_user_completed_is_not_overwritten_by_a_re_run(identity_server, report_path):
    main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])
    with db.session() as session:
        ayesha = session.exec(
            select(User).where(User.clerk_email == "ayesha.khan@example.com")
        ).one()
        ayesha.city = "Hyderabad"
        session.add(ayesha)
        session.commit()

    main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])

    assert local_users()["ayesha.khan@example.com"].city == "Hyderabad"


def test_json_lines_with_broken_lines_and_a_hasher_this_server_cannot_check(
    identity_server, report_path
):
    code = main(["import-users", str(SAMPLE_JSONL), "--report", str(report_path)])

    assert code == EXIT_ROWS_FAILED
    assert failures(report_path) == {
        "line 3": "malformed_line",
        "line 4": "malformed_line",
        "j-5": "clerk_refused",
    }
    with report_path.open(encoding="utf-8") as handle:
        refused = next(r for r in csv.DictReader(handle) if r["external_id"] == "j-5")
    assert refused["detail"].startswith("form_param_value_invalid")
    assert set(local_users()) == {"fatima.noor@example.com", "kamran.ali@example.com"}


def test_imported_bcrypt_and_argon2id_passwords_sign_in_and_are_rehashed(
    identity_server, report_path
):
    url, _config = identity_server
    main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])

    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("ayesha.khan@example.com", "Wrong#pass1").status_code == 422
        assert browser.sign_in("ayesha.khan@example.com", "Karachi#2024").status_code == 200
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("bilal.ahmed@example.com", "Lahore#2024").status_code == 200
    with db.session() as session:
        digests = [a.password_digest for a in session.exec(select(Account))]
    assert all(d is None or d.startswith("$argon2id$v=19$m=65536") for d in digests)
    with FrontendClient(f"{url}/_devauth") as browser:  # the new digest still works
        assert browser.sign_in("ayesha.khan@example.com", "Karachi#2024").status_code == 200


def _latest_code(url: str, email: str) -> str:
    return httpx.get(f"{url}/_devauth/outbox.json", params={"to": email}).json()[0]["code"]


def test_a_user_imported_without_a_password_proves_the_email_then_must_set_one(
    identity_server, report_path
):
    url, _config = identity_server
    main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])
    email = "sana.malik@example.com"

    with FrontendClient(f"{url}/_devauth") as browser:
        sign_in = browser.post("/client/sign_ins", {"identifier": email}).json()["response"]
        assert [f["strategy"] for f in sign_in["supported_first_factors"]] == ["email_code"]
        factor = sign_in["supported_first_factors"][0]
        path = f"/client/sign_ins/{sign_in['id']}"
        # No password works: there is none.
        refused = browser.post(
            f"{path}/attempt_first_factor", {"strategy": "password", "password": "Guess#1234"}
        )
        assert refused.status_code == 422
        prepared = browser.post(
            f"{path}/prepare_first_factor",
            {"strategy": "email_code", "email_address_id": factor["email_address_id"]},
        ).json()["response"]
        assert prepared["first_factor_verification"]["status"] == "unverified"
        wrong = browser.post(
            f"{path}/attempt_first_factor", {"strategy": "email_code", "code": "000000"}
        )
        assert wrong.json()["errors"][0]["code"] == "form_code_incorrect"
        verified = browser.post(
            f"{path}/attempt_first_factor",
            {"strategy": "email_code", "code": _latest_code(url, email)},
        ).json()
        assert verified["response"]["status"] == "needs_new_password"
        assert verified["client"]["sessions"] == []  # not signed in yet
        weak = browser.post(f"{path}/reset_password", {"password": "short"})
        assert weak.json()["errors"][0]["code"] == "form_password_length_too_short"
        done = browser.post(
            f"{path}/reset_password",
            {"password": "Chakwal#2026", "sign_out_of_other_sessions": "true"},
        ).json()["response"]
        assert done["status"] == "complete" and done["created_session_id"]

    with FrontendClient(f"{url}/_devauth") as browser:  # from now on, a password sign-in
        assert browser.sign_in(email, "Chakwal#2026").status_code == 200


def test_a_sign_in_that_proved_no_code_cannot_set_a_password(identity_server, report_path):
    url, _config = identity_server
    main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])
    with FrontendClient(f"{url}/_devauth") as browser:
        sign_in = browser.post("/client/sign_ins", {"identifier": "sana.malik@example.com"})
        flow_id = sign_in.json()["response"]["id"]
        answer = browser.post(
            f"/client/sign_ins/{flow_id}/reset_password", {"password": "Take#over12"}
        )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["code"] == "sign_in_no_new_password_needed"


@pytest.mark.parametrize(
    ("digest", "hasher", "code", "param"),
    [
        (
            "5f4dcc3b5aa765d61d8327deb882cf99",
            "rot13",
            "form_param_value_invalid",
            "password_hasher",
        ),
        ("5f4dcc3b5aa765d61d8327deb882cf99", "md5", "form_param_value_invalid", "password_hasher"),
        ("$2b$10$tooshort", "bcrypt", "form_password_digest_invalid", "password_digest"),
        (
            "$2b$10$lg8YuAISLPQfH1XTEMbAKuFyCML18661a47Pd4LYNlptLOAlfgTU6",
            None,
            "form_param_missing",
            "password_hasher",
        ),
    ],
)
def test_digests_this_server_cannot_verify_are_refused_in_clerks_shape(
    identity_server, digest, hasher, code, param
):
    url, config = identity_server
    body = {"email_address": ["refused@example.com"], "password_digest": digest}
    if hasher:
        body["password_hasher"] = hasher
    answer = httpx.post(
        f"{url}/_devauth/v1/users",
        json=body,
        headers={"Authorization": f"Bearer {config.secret_key}"},
    )
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert (error["code"], error["meta"]["param_name"]) == (code, param)


def test_the_official_sdk_sends_external_id_and_the_digest(identity_server):
    _url, config = identity_server
    digest = "$2b$10$lg8YuAISLPQfH1XTEMbAKuFyCML18661a47Pd4LYNlptLOAlfgTU6"
    with Clerk(bearer_auth=config.secret_key, server_url=config.api_url) as clerk:
        created = clerk.users.create(
            external_id="legacy-77",
            email_address=["sdk.import@example.com"],
            password_digest=digest,
            password_hasher="bcrypt",
        )
        found = clerk.users.list(request={"external_id": ["legacy-77"]})
        with pytest.raises(Exception) as taken:
            clerk.users.create(external_id="legacy-77", email_address=["other@example.com"])
    assert created.external_id == "legacy-77" and created.password_enabled
    assert [u.id for u in found] == [created.id]
    assert taken.value.data.errors[0].code == "form_identifier_exists"
    with db.session() as session:
        assert session.get(Account, created.id).password_digest == digest


@pytest.fixture
def rate_limited_server(identity_server, monkeypatch):
    """The identity server with a Backend API limit of 3 requests per 2 seconds (it is
    rebuilt from the settings on its next request)."""
    monkeypatch.setenv("PK_DEVAUTH_API_REQUESTS", "3")
    monkeypatch.setenv("PK_DEVAUTH_API_WINDOW_SECONDS", "2")
    get_settings.cache_clear()
    devauth_server.get_server.cache_clear()
    backend.instance_rate_limit.hits.clear()
    yield identity_server
    backend.instance_rate_limit.hits.clear()


def test_the_rate_limit_answers_clerks_429_with_retry_after(rate_limited_server):
    url, config = rate_limited_server
    headers = {"Authorization": f"Bearer {config.secret_key}"}
    answers = [httpx.get(f"{url}/_devauth/v1/users", headers=headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[-1].headers["retry-after"] in {"1", "2"}
    assert answers[-1].json()["errors"][0]["code"] == "too_many_requests"
    assert httpx.get(f"{url}/_devauth/v1/jwks", headers=headers).status_code == 200


def test_the_import_waits_out_the_rate_limit_and_completes(rate_limited_server, report_path):
    _url, config = rate_limited_server
    rows = list(user_import.read_rows(SAMPLE_CSV))
    started = time.monotonic()
    with clerk_client() as clerk:
        report = user_import.Importer(clerk).run(rows)
    elapsed = time.monotonic() - started

    assert report.counts["created"] == 4
    assert report.rate_limited >= 1  # 6 Backend API calls against 3 per 2 s
    assert elapsed >= 1.0
    backend.instance_rate_limit.hits.clear()  # the check below is not the import's
    assert len(clerk_users(config)) == 4


def test_an_import_with_clerk_down_stops_and_a_re_run_finishes_it(
    identity_server, report_path, monkeypatch, capsys
):
    url, config = identity_server
    # The identity server's Backend API URL is PK_BACKEND_URL's: point it nowhere.
    monkeypatch.setenv("PK_BACKEND_URL", f"http://127.0.0.1:{free_port()}")
    from pk_rentals.services.identity.config import clerk_config

    get_settings.cache_clear()
    clerk_config.cache_clear()
    monkeypatch.setattr(user_import.clerk, "TRANSIENT_RETRIES", (0.01, 0.01))

    code = main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)])

    assert code == EXIT_IDENTITY
    assert "the import stopped" in capsys.readouterr().err
    assert set(failures(report_path).values()) >= {"not_attempted"}
    monkeypatch.setenv("PK_BACKEND_URL", url)
    get_settings.cache_clear()
    clerk_config.cache_clear()
    assert main(["import-users", str(SAMPLE_CSV), "--report", str(report_path)]) == EXIT_ROWS_FAILED
    assert len(clerk_users(config)) == 4 and len(local_users()) == 4


def test_the_command_line_refuses_a_file_that_is_not_an_import(identity_server, tmp_path):
    bad = tmp_path / "people.csv"
    bad.write_text("name,city\nAli,Lahore\n", encoding="utf-8")
    result = run_cli("import-users", str(bad))
    assert result.returncode == EXIT_INVALID_ARGUMENT
    assert "has no email column" in result.stderr and "nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_command_line_imports_in_its_own_process(identity_server, tmp_path):
    report = tmp_path / "report.csv"
    result = run_cli("import-users", str(SAMPLE_JSONL), "--report", str(report))
    assert result.returncode == EXIT_ROWS_FAILED, result.stderr
    assert "5 rows: 2 created" in result.stdout
    assert "2 malformed_line, 1 clerk_refused" in result.stdout
