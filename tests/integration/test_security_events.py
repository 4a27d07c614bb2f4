"""Failed verification attempts are monitored: each kind of failure is counted
(Prometheus), logged as one JSON line without secrets, stored for the Security tab,
and flags the account in the moderation queue over the threshold. ``/metrics`` is
closed without its token. Runs on SQLite and PostgreSQL."""

import json
import logging
from datetime import timedelta

import httpx
import pytest
from prometheus_client import REGISTRY
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import Role, SecurityEvent
from pk_rentals.models.base import utcnow
from pk_rentals.services import moderation, security_events, verification
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.services.moderation import Flag
from pk_rentals.services.security_events import Failure, mask_email
from pk_rentals.settings import get_settings
from tests.utils.accounts import email_verified_at_clerk
from tests.utils.clerk_payloads import svix_headers
from tests.utils.frontend_api import FrontendClient
from tests.utils.verification import make_submission

PASSWORD = "Lahore#2026pk"
ALI = "user_2secALI0000000000000000"
MOD = "user_2secMOD0000000000000000"
METRICS_TOKEN = "metrics-token-" + "x" * 32


def counted(kind: str) -> float:
    return REGISTRY.get_sample_value("pk_security_failures_total", {"kind": kind}) or 0.0


def events(**where) -> list[SecurityEvent]:
    with db.session() as session:
        statement = select(SecurityEvent).order_by(SecurityEvent.id)
        for name, value in where.items():
            statement = statement.where(getattr(SecurityEvent, name) == value)
        return list(session.exec(statement).all())


def test_emails_are_masked():
    assert mask_email("ayesha.khan@Example.PK") == "a***@example.pk"
    assert mask_email("not-an-email") == "***"
    assert mask_email(None) is None


def test_a_failure_is_counted_logged_as_json_and_stored(use_database, caplog):
    before = counted("sign_in_failed")
    with caplog.at_level(logging.INFO, logger="pk_rentals.security"):
        security_events.record(
            Failure.SIGN_IN_FAILED,
            clerk_user_id=ALI,
            email="ayesha@example.pk",
            reason="form_password_incorrect",
        )
    assert counted("sign_in_failed") == before + 1
    line = json.loads(caplog.records[-1].getMessage())
    assert line == {
        "event": "security_failure",
        "kind": "sign_in_failed",
        "reason": "form_password_incorrect",
        "clerk_user_id": ALI,
        "email": "a***@example.pk",
    }
    [row] = events()
    assert (row.kind, row.clerk_user_id, row.reason) == (
        "sign_in_failed",
        ALI,
        "form_password_incorrect",
    )


def test_a_flood_of_failures_without_an_account_stores_a_bounded_number(
    use_database, caplog, monkeypatch
):
    """Forged tokens cost an attacker one request each: past the budget they are counted,
    not stored or logged one by one."""
    monkeypatch.setattr(security_events, "_anonymous", security_events._AnonymousBudget(5))
    before = counted("token_forged")
    with caplog.at_level(logging.INFO, logger="pk_rentals.security"):
        for _ in range(200):
            security_events.record(Failure.TOKEN_FORGED, reason="bad_signature")
        security_events.record(Failure.SIGN_IN_FAILED, clerk_user_id=ALI, reason="x")
    assert counted("token_forged") == before + 200
    assert len(events(kind="token_forged")) == 5
    assert len(events(kind="sign_in_failed")) == 1  # an account's failures are all kept
    assert len(caplog.records) == 6


def test_what_a_caller_passes_cannot_smuggle_text_into_the_record(use_database, caplog):
    with caplog.at_level(logging.INFO, logger="pk_rentals.security"):
        security_events.record(Failure.TOKEN_FORGED, clerk_user_id="user_<script>", reason="a b\n")
    [row] = events()
    assert (row.clerk_user_id, row.reason) == (None, "other")
    assert "<script>" not in caplog.text


@pytest.fixture
def browser_user(identity_server):
    url, config = identity_server
    created = httpx.post(
        f"{url}/_devauth/v1/users",
        json={"email_address": ["zara@example.pk"], "password": PASSWORD},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    )
    created.raise_for_status()
    return url, config, created.json()["id"]


def test_wrong_passwords_then_the_lockout_are_recorded_without_the_password(
    browser_user, monkeypatch, caplog
):
    url, _config, user_id = browser_user
    attempts = get_settings().lockout_attempts
    with caplog.at_level(logging.INFO), FrontendClient(f"{url}/_devauth") as browser:
        for _ in range(attempts):
            browser.sign_in("zara@example.pk", "Wrong#pass1")
        browser.sign_in("nobody@example.pk", "Wrong#pass1")
    kinds = [(e.kind, e.clerk_user_id) for e in events()]
    assert kinds == [("sign_in_failed", user_id)] * (attempts - 1) + [
        ("lockout", user_id),
        ("sign_in_failed", None),
    ]
    assert "Wrong#pass1" not in caplog.text
    assert "zara@example.pk" not in caplog.text and "z***@example.pk" in caplog.text


def test_a_wrong_sms_code_is_recorded(browser_user):
    url, _config, user_id = browser_user
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("zara@example.pk", PASSWORD).status_code == 200
        phone = browser.post("/me/phone_numbers/", {"phone_number": "+923001234567"}).json()
        phone_id = phone["response"]["id"]
        browser.post(f"/me/phone_numbers/{phone_id}/prepare_verification", {})
        code = httpx.get(f"{url}/_devauth/outbox.json", params={"to": "+923001234567"}).json()
        wrong = "000000" if code[0]["code"] != "000000" else "111111"
        answer = browser.post(f"/me/phone_numbers/{phone_id}/attempt_verification", {"code": wrong})
        assert answer.status_code == 422
    assert [(e.kind, e.clerk_user_id) for e in events()] == [("sms_code_wrong", user_id)]


def test_a_forged_token_and_a_bad_webhook_signature_are_recorded(browser_user):
    url, _config, _user_id = browser_user
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("zara@example.pk", PASSWORD).status_code == 200
        jwt = browser.post(f"/client/sessions/{browser.session_id}/tokens").json()["jwt"]
    header, payload, signature = jwt.split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"  # the signature of nothing
    answer = httpx.get(
        f"{url}/api/verification/status", headers={"Authorization": f"Bearer {forged}"}
    )
    assert answer.status_code == 401
    body = json.dumps({"object": "event", "type": "user.created", "data": {}, "timestamp": 1})
    headers = svix_headers("whsec_" + "A" * 32, body)  # signed with someone else's secret
    answer = httpx.post(f"{url}/webhooks/clerk", content=body, headers=headers)
    assert answer.status_code == 400
    kinds = [(e.kind, e.clerk_user_id) for e in events()]
    assert kinds == [("token_forged", None), ("webhook_signature_bad", None)]


def test_a_webhook_with_a_bad_id_is_a_clear_400_and_nothing_is_written(identity_server):
    url, _config = identity_server
    body = json.dumps({"object": "event", "type": "user.created", "data": {}, "timestamp": 1})
    for svix_id in ("", "msg_" + "a" * 10_000, "msg_../../etc", "not-a-message-id"):
        headers = {"svix-id": svix_id, "svix-timestamp": "1", "svix-signature": "v1,abc"}
        answer = httpx.post(f"{url}/webhooks/clerk", content=body, headers=headers)
        assert answer.status_code == 400
        assert "svix-id" in answer.json()["error"]
    with db.session() as session:
        from pk_rentals.models import ProcessedWebhook

        assert session.exec(select(ProcessedWebhook)).all() == []


@pytest.fixture
def people(use_database, tmp_path, monkeypatch):
    monkeypatch.setenv("PK_MEDIA_DIR", str(tmp_path / "media"))
    monkeypatch.setenv("PK_SECURITY_FLAG_THRESHOLD", "3")
    get_settings.cache_clear()
    with db.session() as session:
        for clerk_id, name, role in ((ALI, "Ali Raza", Role.USER), (MOD, "Hina", Role.MODERATOR)):
            user = get_or_create_user(session, clerk_id)
            user.display_name, user.city, user.province = name, "Lahore", "Punjab"
            user.role, user.profile_completed_at = role, utcnow()
            email_verified_at_clerk(session, user)
            session.add(user)
            session.commit()


def test_refused_selfie_codes_and_rejected_ids_are_recorded(people):
    with pytest.raises(verification.UploadRefused):
        verification.receive_upload(ALI, "selfie", b"x", code="NOPE12")
    with pytest.raises(verification.SubmissionRefused):
        verification.submit(ALI, "12345")
    assert [(e.kind, e.reason) for e in events()] == [
        ("selfie_code_refused", "code_invalid"),
        ("id_submission_rejected", "cnic_invalid"),
    ]


def test_an_account_over_the_threshold_is_flagged_in_the_queue_and_the_security_tab(people):
    with db.session() as session:
        from pk_rentals.services.identity.accounts import find_user

        make_submission(session, find_user(session, ALI), store_images=False)
        session.commit()
    page = moderation.queue(MOD)
    assert Flag.SECURITY.value not in page.items[0].flags
    assert moderation.queue(MOD, flag=Flag.SECURITY.value).items == []
    old = utcnow() - timedelta(hours=30)
    security_events.record(Failure.SIGN_IN_FAILED, clerk_user_id=ALI, now=old)  # too old
    for _ in range(3):
        security_events.record(Failure.SELFIE_CODE_REFUSED, clerk_user_id=ALI, reason="code_used")
    page = moderation.queue(MOD)
    assert Flag.SECURITY.value in page.items[0].flags
    assert [i.id for i in moderation.queue(MOD, flag=Flag.SECURITY.value).items] == [
        page.items[0].id
    ]
    assert Flag.SECURITY.value in moderation.detail(MOD, page.items[0].id).flags
    shown = moderation.security(MOD)
    assert shown.threshold == 3
    assert [(a.clerk_user_id, a.display_name, a.failures) for a in shown.top_accounts_24h] == [
        (ALI, "Ali Raza", 3)
    ]
    assert shown.by_kind_24h["selfie_code_refused"] == 3
    assert shown.by_kind_24h["sign_in_failed"] == 0
    assert sum(n for _, n in shown.failures_per_day) == 4
    with pytest.raises(moderation.NotModerator):
        moderation.security(ALI)


def test_metrics_are_closed_without_the_token(identity_server, monkeypatch):
    url, _config = identity_server
    assert httpx.get(f"{url}/metrics").status_code == 401
    answer = httpx.get(f"{url}/metrics", headers={"Authorization": "Bearer guess"})
    assert answer.status_code == 403  # no token configured: closed to everyone
    assert answer.json()["error"] == "token_invalid"
    monkeypatch.setenv("PK_METRICS_TOKEN", METRICS_TOKEN)
    get_settings.cache_clear()
    assert httpx.get(f"{url}/metrics").json()["error"] == "token_missing"
    wrong = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}x"})
    assert wrong.status_code == 403
    security_events.record(Failure.LOCKOUT, reason="password_attempts")
    scraped = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain")
    assert 'pk_security_failures_total{kind="lockout"}' in scraped.text
    assert 'pk_security_failures_total{kind="webhook_signature_bad"}' in scraped.text
    monkeypatch.setenv("PK_METRICS_ENABLED", "false")
    get_settings.cache_clear()
    off = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert off.status_code == 404
