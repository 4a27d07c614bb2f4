"""A verified email before sensitive features (a CNIC, a new phone): Clerk's "verify at
sign-up" switch in the identity server, clerk-js's email-code verification of an
existing address, and the features that wait for ``user_verifications.email_verified``.
Runs on SQLite and PostgreSQL against the app's real HTTP routes."""

import time

import httpx
import pytest
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import SecurityEvent, User, UserVerification
from pk_rentals.models.base import utcnow
from pk_rentals.services import verification
from pk_rentals.services.identity.accounts import email_verified_of, get_or_create_user
from pk_rentals.services.identity.signin import sign_in_user
from pk_rentals.services.profile import ProfileInvalid, parse_profile, save_profile
from tests.utils.frontend_api import FrontendClient

PASSWORD = "Quetta#2026pk"
FORM = {
    "display_name": "Nadia Baloch",
    "phone": "0300-1234567",
    "province": "Balochistan",
    "city": "Quetta",
    "preferred_language": "english",
}


def instance(url: str, secret: str, **switches) -> dict:
    headers = {"Authorization": f"Bearer {secret}"}
    if switches:
        answer = httpx.patch(f"{url}/_devauth/v1/instance", json=switches, headers=headers)
        assert answer.status_code == 204, answer.text  # Clerk's answer: no body
    answer = httpx.get(f"{url}/_devauth/v1/instance", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def outbox_code(url: str, email: str) -> str:
    return httpx.get(f"{url}/_devauth/outbox.json", params={"to": email}).json()[0]["code"]


def wait_for(condition, seconds: float = 10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def sign_up_without_code(url: str, email: str):
    browser = FrontendClient(f"{url}/_devauth")
    answer = browser.post("/client/sign_ups", {"email_address": email, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return browser, answer.json()


def test_the_switch_is_on_by_default_and_a_sign_up_needs_the_code(identity_server):
    url, config = identity_server
    found = instance(url, config.secret_key)
    assert found["object"] == "instance"
    assert found["environment_type"] == "development"
    assert found["allowed_origins"] == [url]
    assert found["verify_email_at_sign_up"] is True
    browser, body = sign_up_without_code(url, "sana@example.pk")
    browser.close()
    assert body["response"]["status"] == "missing_requirements"
    assert body["response"]["unverified_fields"] == ["email_address"]


def test_with_the_switch_off_a_new_user_is_in_at_once_unverified(identity_server):
    url, config = identity_server
    environment = httpx.post(f"{url}/_devauth/v1/environment").json()
    attributes = environment["user_settings"]["attributes"]["email_address"]
    assert attributes["verify_at_sign_up"] is True
    instance(url, config.secret_key, verify_email_at_sign_up=False)
    environment = httpx.post(f"{url}/_devauth/v1/environment").json()
    assert environment["user_settings"]["attributes"]["email_address"]["verify_at_sign_up"] is False

    browser, body = sign_up_without_code(url, "nadia@example.pk")
    sign_up = body["response"]
    assert sign_up["status"] == "complete"
    assert sign_up["created_session_id"]
    user_id = sign_up["created_user_id"]
    # The user.created webhook brings the account; the address is not verified.
    assert wait_for(lambda: _user_exists(user_id))
    signed_in = sign_in_user(user_id)
    assert signed_in.email_verified is False
    with db.session() as session:
        assert email_verified_of(session, user_id) is False

    # clerk-js: user.primaryEmailAddress.prepareVerification / attemptVerification.
    browser.session_id = sign_up["created_session_id"]
    me = browser.request("GET", "/me").json()["response"]
    email_id = me["primary_email_address_id"]
    assert me["email_addresses"][0]["verification"]["status"] == "unverified"
    prepared = browser.post(
        f"/me/email_addresses/{email_id}/prepare_verification", {"strategy": "email_code"}
    )
    assert prepared.status_code == 200, prepared.text
    assert prepared.json()["response"]["verification"]["status"] == "unverified"
    code = outbox_code(url, "nadia@example.pk")
    wrong = "000000" if code != "000000" else "111111"
    refused = browser.post(f"/me/email_addresses/{email_id}/attempt_verification", {"code": wrong})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["code"] == "form_code_incorrect"
    done = browser.post(f"/me/email_addresses/{email_id}/attempt_verification", {"code": code})
    assert done.status_code == 200, done.text
    assert done.json()["response"]["verification"]["status"] == "verified"
    browser.close()
    # The user.updated webhook stores it in user_verifications.
    assert wait_for(lambda: _verified(user_id))
    with db.session() as session:
        failures = session.exec(
            select(SecurityEvent).where(SecurityEvent.clerk_user_id == user_id)
        ).all()
    assert [(f.kind, f.reason) for f in failures] == [("email_code_wrong", "form_code_incorrect")]


def test_the_instance_switch_refuses_unknown_or_non_boolean_values(identity_server):
    url, config = identity_server
    headers = {"Authorization": f"Bearer {config.secret_key}"}
    for body in ({"verify_email_at_sign_up": "no"}, {"allow_everything": True}):
        answer = httpx.patch(f"{url}/_devauth/v1/instance", json=body, headers=headers)
        assert answer.status_code == 422
        assert answer.json()["errors"][0]["long_message"]
    assert instance(url, config.secret_key)["verify_email_at_sign_up"] is True
    assert httpx.patch(f"{url}/_devauth/v1/instance", json={}).status_code == 401


def _user_exists(user_id: str) -> bool:
    with db.session() as session:
        return session.exec(select(User).where(User.clerk_user_id == user_id)).first() is not None


def _verified(user_id: str) -> bool:
    with db.session() as session:
        return email_verified_of(session, user_id)


# --- what waits for the verified address ----------------------------------------------

USER = "user_2gateTEST000000000000000"


@pytest.fixture
def unverified(use_database, tmp_path, monkeypatch):
    monkeypatch.setenv("PK_MEDIA_DIR", str(tmp_path / "media"))
    with db.session() as session:
        user = get_or_create_user(session, USER)
        user.display_name, user.city, user.province = "Nadia", "Quetta", "Balochistan"
        user.phone = "+923001234567"
        user.profile_completed_at = utcnow()
        session.add(user)
        session.commit()
    return USER


def _set_email_verified(value: bool) -> None:
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == USER)).one()
        row = session.exec(
            select(UserVerification).where(UserVerification.user_id == user.id)
        ).one()
        row.email_verified = value
        session.add(row)
        session.commit()


def test_id_images_codes_and_submission_wait_for_a_verified_email(unverified):
    for attempt in (
        lambda: verification.issue_selfie_code(USER),
        lambda: verification.receive_upload(USER, "cnic_front", b"not even read"),
        lambda: verification.submit(USER, "35202-1234567-3"),
    ):
        with pytest.raises(verification.VerificationError) as refused:
            attempt()
        assert (refused.value.code, refused.value.http_status) == ("email_unverified", 403)
    status = verification.status_of(USER)
    assert status.email_verified is False
    assert status.as_json()["email_verified"] is False
    _set_email_verified(True)
    assert verification.issue_selfie_code(USER).code
    assert verification.status_of(USER).email_verified is True


def test_changing_the_phone_waits_for_a_verified_email_but_the_profile_does_not(unverified):
    with db.session() as session:  # the same number, other fields changed: allowed
        save_profile(USER, parse_profile(FORM | {"display_name": "Nadia B."}), session=session)
    with db.session() as session, pytest.raises(ProfileInvalid) as refused:
        save_profile(USER, parse_profile(FORM | {"phone": "0321-7654321"}), session=session)
    assert refused.value.problems == {"phone": "form.phone.email_unverified"}
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == USER)).one()
        assert (user.phone, user.display_name) == ("+923001234567", "Nadia B.")
    _set_email_verified(True)
    with db.session() as session:
        save_profile(USER, parse_profile(FORM | {"phone": "0321-7654321"}), session=session)
        user = session.exec(select(User).where(User.clerk_user_id == USER)).one()
        assert user.phone == "+923217654321"


def test_the_api_refuses_id_images_with_403_and_a_sentence(identity_server):
    url, config = identity_server
    instance(url, config.secret_key, verify_email_at_sign_up=False)
    browser, body = sign_up_without_code(url, "omar@example.pk")
    user_id = body["response"]["created_user_id"]
    assert wait_for(lambda: _user_exists(user_id))
    token = browser.post(f"/client/sessions/{body['response']['created_session_id']}/tokens")
    jwt = token.json()["jwt"]
    browser.close()
    for path in ("/api/verification/uploads/cnic_front", "/api/verification/selfie"):
        answer = httpx.post(
            f"{url}{path}",
            headers={"Authorization": f"Bearer {jwt}"},
            files={"image": ("a.jpg", b"\xff\xd8\xff", "image/jpeg")},
            data={"code": "ABCDEF"},
        )
        assert answer.status_code == 403, answer.text
        refusal = answer.json()
        assert refusal["error"] == "email_unverified"
        assert "Verify your email" in refusal["message"] and refusal["message_ur"]
