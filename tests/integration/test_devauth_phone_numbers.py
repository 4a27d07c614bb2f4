"""Phone numbers through the identity server's Frontend API, called as clerk-js 5's
``user.createPhoneNumber()``, ``phoneNumber.prepareVerification()``,
``attemptVerification({code})`` and ``destroy()`` call it."""

import httpx
import pytest
from sqlmodel import select
from svix.webhooks import Webhook

from pk_rentals import db
from pk_rentals.devauth.server import get_server
from pk_rentals.devauth.store import Message, now_ms
from tests.utils.frontend_api import FrontendClient
from tests.utils.webhook_receiver import Receiver

PASSWORD = "Multan#2026pk"
PHONE = "+923001234567"


@pytest.fixture
def webhooks(monkeypatch):
    """Where the identity server sends its webhooks in these tests (before it starts)."""
    receiver = Receiver([])
    monkeypatch.setenv("PK_DEVAUTH_WEBHOOK_URL", receiver.url)
    yield receiver
    receiver.close()


@pytest.fixture
def signed_in(webhooks, identity_server):
    """A user signed in through the Frontend API, as a browser holding its session."""
    url, config = identity_server
    httpx.post(
        f"{url}/_devauth/v1/users",
        json={"email_address": ["hina@example.pk"], "password": PASSWORD},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    ).raise_for_status()
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("hina@example.pk", PASSWORD).status_code == 200
        yield browser, url


def outbox_code(url: str, phone: str) -> str:
    # Unescaped, as a person types it into the address bar.
    messages = httpx.get(f"{url}/_devauth/outbox.json?to={phone}").json()
    assert messages, f"no code for {phone}"
    assert messages[0]["channel"] == "sms"
    return messages[0]["code"]


def add_phone(browser: FrontendClient, number: str) -> httpx.Response:
    return browser.post("/me/phone_numbers/", {"phone_number": number})


def prepare(browser: FrontendClient, phone_id: str) -> httpx.Response:
    return browser.post(
        f"/me/phone_numbers/{phone_id}/prepare_verification", {"strategy": "phone_code"}
    )


def attempt(browser: FrontendClient, phone_id: str, code: str) -> httpx.Response:
    return browser.post(f"/me/phone_numbers/{phone_id}/attempt_verification", {"code": code})


def the_error(response: httpx.Response) -> dict:
    """The one error of Clerk's envelope."""
    assert response.headers["content-type"].startswith("application/json")
    (error,) = response.json()["errors"]
    assert set(error) >= {"code", "message", "long_message", "meta"}
    return error


def test_a_pakistani_mobile_is_verified_with_the_texted_code(signed_in, webhooks):
    browser, url = signed_in
    added = add_phone(browser, "0300-1234567")
    assert added.status_code == 200
    phone = added.json()["response"]
    assert (phone["object"], phone["phone_number"]) == ("phone_number", PHONE)
    assert phone["verification"]["status"] == "unverified"
    assert [p["id"] for p in added.json()["client"]["sessions"][0]["user"]["phone_numbers"]] == [
        phone["id"]
    ]

    prepared = prepare(browser, phone["id"])
    assert prepared.status_code == 200
    verification = prepared.json()["response"]["verification"]
    assert (verification["strategy"], verification["status"]) == ("phone_code", "unverified")
    code = outbox_code(url, PHONE)

    wrong = attempt(browser, phone["id"], "000000" if code != "000000" else "111111")
    assert wrong.status_code == 422
    error = the_error(wrong)
    assert (error["code"], error["meta"]["param_name"]) == ("form_code_incorrect", "code")

    right = attempt(browser, phone["id"], code)
    assert right.status_code == 200
    assert right.json()["response"]["verification"]["status"] == "verified"

    user = browser.request("GET", "/me").json()["response"]
    assert user["primary_phone_number_id"] == phone["id"]
    assert [(p["phone_number"], p["verification"]["status"]) for p in user["phone_numbers"]] == [
        (PHONE, "verified")
    ]

    server = get_server()
    assert server.webhooks.flush(10)
    updates = [e for e in webhooks.events() if e["type"] == "user.updated"]
    assert updates, "no user.updated webhook"
    sent = updates[-1]["data"]
    assert [(p["phone_number"], p["verification"]["status"]) for p in sent["phone_numbers"]] == [
        (PHONE, "verified")
    ]
    headers, body = webhooks.requests[-1]
    secret = server.instance.webhook_secret
    Webhook(secret).verify(body, {k.lower(): v for k, v in headers.items()})


@pytest.mark.parametrize(
    "number", ["+92 42 35761234", "+44 7912 345678", "+1 415 555 0123", "0300-12345", "hello"]
)
def test_only_a_pakistani_mobile_number_is_accepted(signed_in, number):
    browser, _url = signed_in
    refused = add_phone(browser, number)
    assert refused.status_code == 422
    error = the_error(refused)
    assert (error["code"], error["meta"]["param_name"]) == (
        "form_param_format_invalid",
        "phone_number",
    )


def test_an_expired_code_is_refused_and_a_new_one_works(signed_in):
    browser, url = signed_in
    phone_id = add_phone(browser, PHONE).json()["response"]["id"]
    prepare(browser, phone_id)
    code = outbox_code(url, PHONE)
    with db.session() as session:
        message = session.exec(select(Message).where(Message.subject == phone_id)).one()
        message.expire_at = now_ms() - 1  # ten minutes later
        session.add(message)
        session.commit()

    expired = attempt(browser, phone_id, code)
    assert (expired.status_code, the_error(expired)["code"]) == (422, "verification_expired")

    prepare(browser, phone_id)
    assert attempt(browser, phone_id, outbox_code(url, PHONE)).status_code == 200


def test_after_five_wrong_codes_even_the_right_one_fails(signed_in):
    browser, url = signed_in
    phone_id = add_phone(browser, PHONE).json()["response"]["id"]
    prepare(browser, phone_id)
    code = outbox_code(url, PHONE)
    wrong = "000000" if code != "000000" else "111111"
    codes = [the_error(attempt(browser, phone_id, wrong))["code"] for _ in range(5)]
    assert codes == ["form_code_incorrect"] * 5

    failed = attempt(browser, phone_id, code)
    assert (failed.status_code, the_error(failed)["code"]) == (422, "verification_failed")
    user = browser.request("GET", "/me").json()["response"]
    assert user["phone_numbers"][0]["verification"]["status"] == "unverified"


def test_a_removed_number_is_gone_from_the_user(signed_in):
    browser, _url = signed_in
    phone_id = add_phone(browser, PHONE).json()["response"]["id"]
    removed = browser.request("DELETE", f"/me/phone_numbers/{phone_id}")
    assert removed.status_code == 200
    assert removed.json()["response"] == {"object": "phone_number", "id": phone_id, "deleted": True}
    assert browser.request("GET", "/me").json()["response"]["phone_numbers"] == []


def test_without_a_session_the_phone_endpoints_answer_401(identity_server):
    url, _config = identity_server
    with FrontendClient(f"{url}/_devauth") as browser:
        refused = add_phone(browser, PHONE)
    assert refused.status_code == 401
    assert the_error(refused)["code"] == "authentication_invalid"


def test_an_email_address_is_not_a_phone_number(signed_in, webhooks):
    browser, url = signed_in
    added = add_phone(browser, "0300-1234567")
    email_id = added.json()["client"]["sessions"][0]["user"]["email_addresses"][0]["id"]
    refused = prepare(browser, email_id)
    assert refused.status_code == 404
    assert the_error(refused)["code"] == "resource_not_found"
    assert httpx.get(f"{url}/_devauth/outbox.json?to=hina@example.pk").json() == []
