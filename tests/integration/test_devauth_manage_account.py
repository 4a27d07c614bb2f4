"""The rules behind Clerk's "Manage account" on the built-in identity server: a
password change is no side door around the lockout, signing out other devices ends
only them, nobody touches another person's session or address, and a profile picture
is checked and stored without what the phone wrote into it."""

import io

import httpx
import pytest
from PIL import Image

from pk_rentals.settings import get_settings
from tests.utils.accounts import create_clerk_user
from tests.utils.frontend_api import FrontendClient
from tests.utils.journeys import code_from_outbox
from tests.utils.people import photo

EMAIL, PASSWORD, NEW_PASSWORD = "sana@example.pk", "Quetta#2026pk", "Gilgit#2026pk"
OTHER = "bilal@example.pk"


@pytest.fixture
def url(identity_server) -> str:
    url, config = identity_server
    create_clerk_user(f"{url}/_devauth", config.secret_key, EMAIL, PASSWORD)
    create_clerk_user(f"{url}/_devauth", config.secret_key, OTHER, PASSWORD)
    return url


def _signed_in(url: str, email: str = EMAIL) -> FrontendClient:
    browser = FrontendClient(f"{url}/_devauth")
    assert browser.sign_in(email, PASSWORD).status_code == 200
    return browser


def _code(answer: httpx.Response) -> tuple[int, str]:
    return answer.status_code, answer.json()["errors"][0]["code"]


def _change(browser: FrontendClient, current: str, new: str, **more) -> httpx.Response:
    body = {"current_password": current, "new_password": new, **more}
    return browser.post("/me/change_password", body)


def test_wrong_current_passwords_lock_the_account_like_sign_ins(url):
    limit = get_settings().lockout_attempts
    with _signed_in(url) as browser:
        answers = [_code(_change(browser, f"Wrong#{n}pk2026", NEW_PASSWORD)) for n in range(limit)]
        assert answers[:-1] == [(422, "form_password_incorrect")] * (limit - 1)
        assert answers[-1] == (403, "user_locked")
        # Locked: even the right current password changes nothing now.
        assert _code(_change(browser, PASSWORD, NEW_PASSWORD)) == (403, "user_locked")
    with FrontendClient(f"{url}/_devauth") as elsewhere:
        assert _code(elsewhere.sign_in(EMAIL, PASSWORD)) == (403, "user_locked")


def test_the_new_password_meets_the_policy_and_differs_from_the_old(url):
    with _signed_in(url) as browser:
        weak = _change(browser, PASSWORD, "short")
        assert weak.status_code == 422
        assert weak.json()["errors"][0]["meta"]["param_name"] == "new_password"
        assert _code(_change(browser, PASSWORD, PASSWORD)) == (
            422,
            "form_new_password_matches_current",
        )
        assert _code(browser.post("/me/change_password", {"new_password": NEW_PASSWORD})) == (
            422,
            "form_param_missing",
        )


def test_signing_out_other_devices_ends_them_and_keeps_this_one(url):
    with _signed_in(url) as laptop, _signed_in(url) as phone, _signed_in(url, OTHER) as other:
        changed = _change(laptop, PASSWORD, NEW_PASSWORD, sign_out_of_other_sessions="true")
        assert changed.status_code == 200, changed.text
        assert laptop.post(f"/client/sessions/{laptop.session_id}/tokens").status_code == 200
        assert phone.post(f"/client/sessions/{phone.session_id}/tokens").status_code == 401
        assert other.post(f"/client/sessions/{other.session_id}/tokens").status_code == 200
        devices = laptop.request("GET", "/me/sessions/active").json()
        assert [device["id"] for device in devices] == [laptop.session_id]


def test_nobody_signs_out_or_reads_what_is_someone_elses(url):
    with _signed_in(url) as mine, _signed_in(url, OTHER) as theirs:
        revoke = mine.post(f"/me/sessions/{theirs.session_id}/revoke")
        assert _code(revoke) == (404, "resource_not_found")
        assert theirs.post(f"/client/sessions/{theirs.session_id}/tokens").status_code == 200
        their_email = theirs.request("GET", "/me").json()["response"]["email_addresses"][0]
        for method in ("GET", "DELETE"):
            answer = mine.request(method, f"/me/email_addresses/{their_email['id']}")
            assert _code(answer) == (404, "resource_not_found")
        taken = mine.post("/me/email_addresses", {"email_address": OTHER.upper()})
        assert _code(taken) == (422, "form_identifier_exists")
    with FrontendClient(f"{url}/_devauth") as signed_out:
        assert signed_out.request("GET", "/me/sessions/active").status_code == 401
        assert signed_out.upload("/me/profile_image", photo(300, 300)).status_code == 401


def test_an_address_becomes_primary_only_once_verified(url):
    with _signed_in(url) as browser:
        added = browser.post("/me/email_addresses", {"email_address": "sana.work@example.pk"})
        second = added.json()["response"]["id"]
        early = browser.request("PATCH", "/me", {"primary_email_address_id": second})
        assert _code(early) == (422, "form_identifier_not_verified")
        browser.post(f"/me/email_addresses/{second}/prepare_verification")
        code = code_from_outbox(f"{url}/_devauth", "sana.work@example.pk")
        browser.post(f"/me/email_addresses/{second}/attempt_verification", {"code": code})
        first = browser.request("GET", "/me").json()["response"]["primary_email_address_id"]
        assert _code(browser.request("DELETE", f"/me/email_addresses/{first}")) == (
            403,
            "primary_identification_not_removable",
        )
        made = browser.request("PATCH", "/me", {"primary_email_address_id": second})
        assert made.json()["response"]["primary_email_address_id"] == second
        assert browser.request("DELETE", f"/me/email_addresses/{first}").status_code == 200
    # The address now signs in; the removed one no longer does.
    with FrontendClient(f"{url}/_devauth") as browser:
        assert _code(browser.sign_in(EMAIL, PASSWORD)) == (422, "form_password_incorrect")
        assert browser.sign_in("sana.work@example.pk", PASSWORD).status_code == 200


def _with_location(width: int, height: int) -> bytes:
    """A phone photo carrying a camera model and GPS position in its EXIF."""
    image = Image.open(io.BytesIO(photo(width, height)))
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7"  # Model
    exif[0x8825] = {1: "N", 2: (33.0, 41.0, 0.0), 3: "E", 4: (73.0, 3.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_a_profile_picture_is_checked_shrunk_and_stored_without_its_metadata(url):
    with _signed_in(url) as browser:
        fake = browser.upload("/me/profile_image", b"%PDF-1.7 not a picture", "me.jpg")
        assert _code(fake) == (422, "image_not_an_image")
        assert "JPEG, PNG or WebP" in fake.json()["errors"][0]["long_message"]
        tiny = browser.upload("/me/profile_image", photo(20, 20))
        assert _code(tiny) == (422, "image_too_small")

        uploaded = browser.upload("/me/profile_image", _with_location(1600, 1200))
        assert uploaded.status_code == 200, uploaded.text
        public_url = uploaded.json()["response"]["public_url"]
        user = browser.request("GET", "/me").json()["response"]
        assert (user["image_url"], user["has_image"]) == (public_url, True)

        served = httpx.get(f"{url}{public_url}")
        assert served.headers["content-type"] == "image/jpeg"
        stored = Image.open(io.BytesIO(served.content))
        assert max(stored.size) <= 400
        assert not stored.getexif() and "exif" not in stored.info

        assert browser.request("DELETE", "/me/profile_image").status_code == 200
        user = browser.request("GET", "/me").json()["response"]
        assert user["has_image"] is False and user["image_url"].endswith(".svg")
        assert httpx.get(f"{url}{public_url}").status_code == 404
