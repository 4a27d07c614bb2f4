"""The built-in identity server against Clerk's published OpenAPI specs: one person's
whole life through every operation the server implements (as clerk-js and Clerk's SDKs
call them, wrong inputs included), each answer checked against its operation's schema
(tests/utils/clerk_openapi.py; every other test's answers are checked as well)."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.utils.clerk_openapi import ANSWERS, Answer, spec, webhook_problems
from tests.utils.frontend_api import FrontendClient
from tests.utils.journeys import code_from_outbox
from tests.utils.people import photo
from tests.utils.webhook_receiver import Receiver

PASSWORD, NEW_PASSWORD = "Multan#2026pk", "Sukkur#2026pk"
EMAIL, IMPORTED = "zainab@example.pk", "imported-zainab@example.pk"
SECOND_EMAIL = "zainab.qureshi@example.pk"
PHONE = "+923001234567"

# What the server implements, named as the specs name the operations.
FRONTEND = [
    "POST /v1/dev_browser",
    "GET /v1/environment",
    "GET /v1/client",
    "POST /v1/client/sign_ups",
    "PATCH /v1/client/sign_ups/{sign_up_id}",
    "GET /v1/client/sign_ups/{sign_up_id}",
    "POST /v1/client/sign_ups/{sign_up_id}/prepare_verification",
    "POST /v1/client/sign_ups/{sign_up_id}/attempt_verification",
    "POST /v1/client/sign_ins",
    "GET /v1/client/sign_ins/{sign_in_id}",
    "POST /v1/client/sign_ins/{sign_in_id}/prepare_first_factor",
    "POST /v1/client/sign_ins/{sign_in_id}/attempt_first_factor",
    "POST /v1/client/sign_ins/{sign_in_id}/reset_password",
    "POST /v1/client/sessions/{session_id}/touch",
    "POST /v1/client/sessions/{session_id}/tokens",
    "POST /v1/client/sessions/{session_id}/tokens/{template_name}",
    "POST /v1/client/sessions/{session_id}/end",
    "POST /v1/client/sessions/{session_id}/remove",
    "DELETE /v1/client/sessions",
    "GET /v1/me",
    "PATCH /v1/me",
    "POST /v1/me/phone_numbers",
    "PATCH /v1/me/phone_numbers/{phone_number_id}",
    "DELETE /v1/me/phone_numbers/{phone_number_id}",
    "POST /v1/me/phone_numbers/{phone_number_id}/prepare_verification",
    "POST /v1/me/phone_numbers/{phone_number_id}/attempt_verification",
    "GET /v1/me/email_addresses",
    "POST /v1/me/email_addresses",
    "GET /v1/me/email_addresses/{email_id}",
    "DELETE /v1/me/email_addresses/{email_id}",
    "GET /v1/me/phone_numbers",
    "GET /v1/me/phone_numbers/{phone_number_id}",
    "GET /v1/me/sessions/active",
    "POST /v1/me/sessions/{session_id}/revoke",
    "POST /v1/me/change_password",
    "POST /v1/me/profile_image",
    "DELETE /v1/me/profile_image",
    "DELETE /v1/me",
    "GET /v1/client/sessions/{session_id}",
    "POST /v1/me/email_addresses/{email_id}/prepare_verification",
    "POST /v1/me/email_addresses/{email_id}/attempt_verification",
]
BACKEND = [
    "GET /users",
    "GET /users/count",
    "POST /users",
    "GET /users/{user_id}",
    "PATCH /users/{user_id}",
    "PATCH /users/{user_id}/metadata",
    "POST /users/{user_id}/lock",
    "POST /users/{user_id}/unlock",
    "POST /users/{user_id}/ban",
    "POST /users/{user_id}/unban",
    "POST /users/{user_id}/verify_password",
    "DELETE /users/{user_id}",
    "GET /instance",
    "PATCH /instance",
    "GET /jwks",
    "GET /sessions",
    "POST /sessions",
    "GET /sessions/{session_id}",
    "POST /sessions/{session_id}/tokens",
    "POST /sessions/{session_id}/tokens/{template_name}",
    "POST /sessions/{session_id}/revoke",
]
IMPLEMENTED = [f"fapi {op}" for op in FRONTEND] + [f"bapi {op}" for op in BACKEND]

# Where the server still answers otherwise than the spec says (the specs' field named
# in each answer's problems). Each entry must still fail: fixing one removes it here.
KNOWN_GAPS: set[str] = set()


def _code(url: str, to: str) -> str:
    return code_from_outbox(f"{url}/_devauth", to)


def _sign_up(url: str, browser: FrontendClient) -> str:
    created = browser.post("/client/sign_ups", {"email_address": EMAIL, "password": "short"})
    assert created.status_code == 422
    created = browser.post("/client/sign_ups", {"email_address": EMAIL, "password": PASSWORD})
    flow = created.json()["response"]["id"]
    browser.request("PATCH", f"/client/sign_ups/{flow}", {"first_name": "Zainab"})
    browser.request("GET", f"/client/sign_ups/{flow}")
    browser.post(f"/client/sign_ups/{flow}/prepare_verification", {"strategy": "email_code"})
    wrong = browser.post(f"/client/sign_ups/{flow}/attempt_verification", {"code": "000000"})
    assert wrong.status_code == 422
    done = browser.post(
        f"/client/sign_ups/{flow}/attempt_verification", {"code": _code(url, EMAIL)}
    )
    browser.session_id = done.json()["response"]["created_session_id"]
    return browser.session_id


def _own_account(url: str, browser: FrontendClient, session_id: str) -> None:
    browser.post(f"/client/sessions/{session_id}/touch")
    browser.post(f"/client/sessions/{session_id}/tokens")
    browser.post(f"/client/sessions/{session_id}/tokens/supabase")
    me = browser.request("GET", "/me").json()["response"]
    browser.request("PATCH", "/me", {"last_name": "Qureshi"})
    email_id = me["email_addresses"][0]["id"]
    browser.request("GET", f"/me/email_addresses/{email_id}")
    browser.post(f"/me/email_addresses/{email_id}/prepare_verification", {"strategy": "email_code"})
    browser.post(f"/me/email_addresses/{email_id}/attempt_verification", {"code": "000000"})
    added = browser.post("/me/phone_numbers", {"phone_number": PHONE}).json()["response"]
    phone = f"/me/phone_numbers/{added['id']}"
    browser.post(f"{phone}/prepare_verification", {"strategy": "phone_code"})
    assert browser.post(f"{phone}/attempt_verification", {"code": "000000"}).status_code == 422
    browser.post(f"{phone}/attempt_verification", {"code": _code(url, PHONE)})
    browser.request("PATCH", phone, {"reserved_for_second_factor": "false"})
    browser.request("GET", phone)
    browser.request("GET", "/me/phone_numbers")
    browser.request("DELETE", phone)
    _manage_account(url, browser, session_id, email_id)
    browser.post(f"/client/sessions/{session_id}/end")
    assert browser.post(f"/client/sessions/{session_id}/tokens").status_code == 401


def _manage_account(url: str, browser: FrontendClient, session_id: str, email_id: str) -> None:
    """What Clerk's "Manage account" calls: devices, a second email, the password, the
    picture; and the account deletion it does not offer."""
    browser.request("GET", f"/client/sessions/{session_id}")
    with FrontendClient(f"{url}/_devauth") as phone:
        assert phone.sign_in(EMAIL, PASSWORD).status_code == 200
        devices = browser.request("GET", "/me/sessions/active").json()
        assert {d["id"] for d in devices} == {session_id, phone.session_id}
        browser.post(f"/me/sessions/{phone.session_id}/revoke")
        assert phone.post(f"/client/sessions/{phone.session_id}/tokens").status_code == 401
    refused = browser.post("/me/email_addresses", {"email_address": "zainab@mailinator.com"})
    assert refused.status_code == 422
    added = browser.post("/me/email_addresses", {"email_address": SECOND_EMAIL}).json()
    browser.request("GET", "/me/email_addresses")
    assert browser.request("DELETE", f"/me/email_addresses/{email_id}").status_code == 403
    browser.request("DELETE", f"/me/email_addresses/{added['response']['id']}")
    wrong = browser.post(
        "/me/change_password", {"current_password": "x", "new_password": NEW_PASSWORD}
    )
    assert wrong.status_code == 422
    for old, new in ((PASSWORD, NEW_PASSWORD), (NEW_PASSWORD, PASSWORD)):
        changed = browser.post(
            "/me/change_password", {"current_password": old, "new_password": new}
        )
        assert changed.status_code == 200, changed.text
    assert browser.upload("/me/profile_image", b"not a picture").status_code == 422
    assert browser.upload("/me/profile_image", photo(300, 300)).status_code == 200
    browser.request("DELETE", "/me/profile_image")
    assert browser.request("DELETE", "/me").status_code == 403


def _sign_in(browser: FrontendClient) -> str:
    flow = browser.post("/client/sign_ins", {"identifier": EMAIL}).json()["response"]["id"]
    browser.request("GET", f"/client/sign_ins/{flow}")
    wrong = browser.post(
        f"/client/sign_ins/{flow}/attempt_first_factor", {"strategy": "password", "password": "x"}
    )
    assert wrong.status_code == 422
    assert browser.sign_in(EMAIL, PASSWORD).status_code == 200
    browser.post(f"/client/sessions/{browser.session_id}/remove")
    assert browser.sign_in(EMAIL, PASSWORD).status_code == 200
    browser.request("GET", "/client")
    browser.request("DELETE", "/client/sessions")
    return browser.session_id


def _imported_sets_a_password(url: str, browser: FrontendClient) -> None:
    """An imported account without a password: an emailed code, then a new password."""
    flow = browser.post("/client/sign_ins", {"identifier": IMPORTED}).json()["response"]["id"]
    browser.post(f"/client/sign_ins/{flow}/prepare_first_factor", {"strategy": "email_code"})
    browser.post(
        f"/client/sign_ins/{flow}/attempt_first_factor",
        {"strategy": "email_code", "code": _code(url, IMPORTED)},
    )
    browser.post(f"/client/sign_ins/{flow}/reset_password", {"password": NEW_PASSWORD})


def _backend(url: str, secret: str, user_id: str) -> None:
    api = httpx.Client(
        base_url=f"{url}/_devauth/v1", headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    with api:
        api.get("/users", params={"email_address": EMAIL})
        api.get("/users/count")
        api.get(f"/users/{user_id}")
        api.get("/users/user_2doesnotexist000000000000")
        api.patch(f"/users/{user_id}", json={"first_name": "Zainab"})
        api.patch(f"/users/{user_id}/metadata", json={"public_metadata": {"role": "user"}})
        for action in ("lock", "unlock", "ban", "unban"):
            api.post(f"/users/{user_id}/{action}")
        for password, status in ((NEW_PASSWORD, 200), (PASSWORD, 422)):
            checked = api.post(f"/users/{user_id}/verify_password", json={"password": password})
            assert checked.status_code == status
        nobody = api.post(
            "/users/user_2doesnotexist000000000000/verify_password", json={"password": PASSWORD}
        )
        assert nobody.status_code == 404
        api.get("/instance")
        api.patch("/instance", json={"verify_email_at_sign_up": True})
        api.get("/jwks")
        session = api.post("/sessions", json={"user_id": user_id}).json()
        api.get("/sessions", params={"user_id": user_id})
        api.get(f"/sessions/{session['id']}")
        api.post(f"/sessions/{session['id']}/tokens")
        api.post(f"/sessions/{session['id']}/tokens/supabase")
        api.post(f"/sessions/{session['id']}/revoke")
        api.post(f"/sessions/{session['id']}/tokens")  # revoked: an error answer
        api.delete(f"/users/{user_id}")
        bad = httpx.get(
            f"{url}/_devauth/v1/users", headers={"Authorization": "Bearer sk_test_wrong"}
        )
        assert bad.status_code == 401


@pytest.fixture
def webhooks(monkeypatch):
    """Where the identity server sends its webhooks here (before it starts)."""
    receiver = Receiver([])
    monkeypatch.setenv("PK_DEVAUTH_WEBHOOK_URL", receiver.url)
    yield receiver
    receiver.close()


@pytest.fixture
def answers(webhooks, identity_server) -> list[Answer]:
    url, config = identity_server
    start = len(ANSWERS)
    imported = httpx.post(
        f"{url}/_devauth/v1/users",
        json={"email_address": [IMPORTED], "skip_password_requirement": True},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    )
    assert imported.status_code == 200, imported.text
    with FrontendClient(f"{url}/_devauth") as browser:
        browser.request("GET", "/environment")
        browser.request("GET", "/client")
        _own_account(url, browser, _sign_up(url, browser))
        _sign_in(browser)
        _imported_sets_a_password(url, browser)
    _backend(url, config.secret_key, imported.json()["id"])
    return ANSWERS[start:]


def test_every_implemented_operation_is_called_and_nothing_outside_the_specs(answers):
    called = {answer.operation for answer in answers}
    assert sorted(set(IMPLEMENTED) - called) == []
    assert sorted(op for op in called if op.startswith("unknown route")) == []


def test_every_answer_matches_clerks_spec(answers):
    problems = {}
    for answer in answers:
        if answer.problems:
            problems.setdefault(answer.operation, set()).update(answer.problems)
    unexpected = {op: sorted(found)[:5] for op, found in problems.items() if op not in KNOWN_GAPS}
    assert unexpected == {}
    assert sorted(KNOWN_GAPS - set(problems)) == []  # fixed: take it off the list


def test_every_webhook_matches_clerks_spec(answers, webhooks):
    deadline = time.monotonic() + 10
    while {"user.created", "user.updated", "user.deleted"} - {e["type"] for e in webhooks.events()}:
        assert time.monotonic() < deadline, [e["type"] for e in webhooks.events()]
        time.sleep(0.1)
    problems = {event["type"]: webhook_problems(event) for event in webhooks.events()}
    assert {kind: found for kind, found in problems.items() if found} == {}


def _clerk_error(api: str, answer: httpx.Response) -> str:
    """The error's code, after checking the body is Clerk's error envelope."""
    assert spec(api).schema_problems("/components/schemas/ClerkErrors", answer.json()) == []
    assert "detail" not in answer.json()
    return answer.json()["errors"][0]["code"]


def test_verify_password_answers_verified_or_clerks_error_and_never_locks(identity_server):
    url, config = identity_server
    api = httpx.Client(
        base_url=f"{url}/_devauth/v1",
        headers={"Authorization": f"Bearer {config.secret_key}"},
        timeout=10,
    )
    with api, FrontendClient(f"{url}/_devauth") as browser:
        user = api.post("/users", json={"email_address": [EMAIL], "password": PASSWORD}).json()
        no_password = api.post(
            "/users", json={"email_address": [IMPORTED], "skip_password_requirement": True}
        ).json()
        check = f"/users/{user['id']}/verify_password"

        right = api.post(check, json={"password": PASSWORD})
        assert (right.status_code, right.json()) == (200, {"verified": True})
        for _ in range(8):  # more than the lockout's attempts: this check is not a sign-in
            wrong = api.post(check, json={"password": NEW_PASSWORD})
            assert wrong.status_code == 422
            assert _clerk_error("bapi", wrong) == "incorrect_password"
        assert browser.sign_in(EMAIL, PASSWORD).status_code == 200

        unset = api.post(f"/users/{no_password['id']}/verify_password", json={"password": "x"})
        assert (unset.status_code, _clerk_error("bapi", unset)) == (400, "password_not_set")
        unknown = api.post("/users/user_2nobody/verify_password", json={"password": PASSWORD})
        assert (unknown.status_code, _clerk_error("bapi", unknown)) == (404, "resource_not_found")
        empty = api.post(check, json={})
        assert (empty.status_code, _clerk_error("bapi", empty)) == (422, "form_param_missing")


def test_unknown_routes_answer_clerks_not_found_error(identity_server):
    url, config = identity_server
    frontend = httpx.get(f"{url}/_devauth/v1/nope")
    backend = httpx.get(
        f"{url}/_devauth/v1/nope", headers={"Authorization": f"Bearer {config.secret_key}"}
    )
    for api, answer in (("fapi", frontend), ("bapi", backend)):
        assert answer.status_code == 404
        assert _clerk_error(api, answer) == "resource_not_found"
        assert answer.json()["errors"][0]["long_message"]
    wrong_method = httpx.delete(f"{url}/_devauth/v1/environment")
    assert wrong_method.status_code == 405
    assert _clerk_error("fapi", wrong_method) == "method_not_allowed"
    # The app's own routes keep their own answers.
    assert "errors" not in httpx.get(f"{url}/api/nope").json()
