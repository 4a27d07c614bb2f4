"""The verification upload API over real HTTP with real session tokens from the
built-in identity server: the happy path, and every wrong case an attacker or a
broken client can produce (forged tokens, huge, renamed and fake images, replayed
codes, someone else's images)."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image

from pk_rentals import db
from pk_rentals.models.base import utcnow
from pk_rentals.services import verification
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.settings import get_settings
from tests.utils import fake_cnic
from tests.utils.accounts import email_verified_at_clerk
from tests.utils.frontend_api import FrontendClient

PASSWORD = "Quetta#2026pk"


def jpeg(width=1024, height=768) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 160, 90)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def api(identity_server, tmp_path, monkeypatch):
    monkeypatch.setenv("PK_MEDIA_DIR", str(tmp_path / "media"))
    get_settings.cache_clear()
    url, config = identity_server
    people = {}
    for name in ("zara", "omar"):
        created = httpx.post(
            f"{url}/_devauth/v1/users",
            json={"email_address": [f"{name}@example.pk"], "password": PASSWORD},
            headers={"Authorization": f"Bearer {config.secret_key}"},
        )
        created.raise_for_status()
        clerk_id = created.json()["id"]
        with db.session() as session:
            user = get_or_create_user(session, clerk_id)
            user.display_name, user.city, user.province = name.title(), "Quetta", "Balochistan"
            user.profile_completed_at = utcnow()
            email_verified_at_clerk(session, user)
            session.add(user)
            session.commit()
        browser = FrontendClient(f"{url}/_devauth")
        assert browser.sign_in(f"{name}@example.pk", PASSWORD).status_code == 200
        people[name] = (clerk_id, browser)
    http = httpx.Client(base_url=url, timeout=20)
    yield http, people
    http.close()
    for _, browser in people.values():
        browser.close()


def token_of(people, name: str) -> str:
    _, browser = people[name]
    answer = browser.post(f"/client/sessions/{browser.session_id}/tokens")
    answer.raise_for_status()
    return answer.json()["jwt"]


def upload(http, token, kind, data, code=None, filename="photo.jpg", content_type="image/jpeg"):
    fields = {"code": code} if code is not None else None
    return http.post(
        f"/api/verification/uploads/{kind}",
        headers={"Authorization": f"Bearer {token}"} if token else {},
        files={"image": (filename, data, content_type)},
        data=fields,
    )


def error_of(response: httpx.Response) -> str:
    body = response.json()
    assert body["message"] and body["message_ur"]
    return body["error"]


def test_an_image_is_accepted_and_only_its_owner_gets_its_url(api):
    http, people = api
    answer = upload(http, token_of(people, "zara"), "cnic_front", jpeg())
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["kind"], body["width"], body["height"]) == ("cnic_front", 1024, 768)
    picture = http.get(body["preview_url"])
    assert picture.status_code == 200
    assert picture.headers["content-type"] == "image/jpeg"
    assert picture.headers["cache-control"] == "private, no-store"
    # The URL is a capability for that one image: another ref with it is refused.
    omar_answer = upload(http, token_of(people, "omar"), "cnic_front", jpeg())
    omar_ref = urlsplit(omar_answer.json()["preview_url"]).path
    zara_query = urlsplit(body["preview_url"]).query
    assert http.get(f"{omar_ref}?{zara_query}").status_code == 403
    assert http.get(omar_ref).status_code == 403  # no signature at all
    # Omar's status lists only Omar's drafts.
    omar_id, _ = people["omar"]
    drafts = verification.status_of(omar_id).drafts
    assert [d.preview_url.split("?")[0] for d in drafts.values()] == [omar_ref]


def test_an_image_url_with_a_stretched_expiry_is_refused(api):
    http, people = api
    body = upload(http, token_of(people, "zara"), "cnic_back", jpeg()).json()
    parts = urlsplit(body["preview_url"])
    expiry = int(parse_qs(parts.query)["exp"][0])
    forged = body["preview_url"].replace(f"exp={expiry}", f"exp={expiry + 3600}")
    assert http.get(forged).json()["error"] == "invalid_signature"


@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "token_missing"),
        ("Basic emFyYTpwdw==", "token_missing"),
        ("Bearer not.a.jwt", "token_invalid"),
        ("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyXzEifQ.", "token_invalid"),
    ],
)
def test_no_or_forged_token_is_401(api, authorization, code):
    http, _ = api
    answer = http.post(
        "/api/verification/uploads/cnic_front",
        headers={"Authorization": authorization} if authorization else {},
        files={"image": ("a.jpg", jpeg(), "image/jpeg")},
    )
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert error_of(answer) == code


def test_a_token_signed_by_another_key_is_401(api):
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa

    http, people = api
    real = token_of(people, "zara")
    claims = jwt.decode(real, options={"verify_signature": False})
    header = jwt.get_unverified_header(real)
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(claims, other_key, algorithm="RS256", headers={"kid": header["kid"]})
    assert error_of(upload(http, forged, "cnic_front", jpeg())) == "token_invalid"


@pytest.mark.parametrize(
    ("data", "filename", "content_type", "status", "code"),
    [
        (b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF", "cnic.jpg", "image/jpeg", 415, "not_an_image"),
        (b"GIF89a" + b"\0" * 100, "cnic.jpg", "image/jpeg", 415, "not_an_image"),
        (jpeg()[:2000], "cnic.jpg", "image/jpeg", 422, "corrupt"),
        (jpeg(200, 120), "cnic.jpg", "image/jpeg", 422, "too_small"),
    ],
)
def test_fake_and_broken_images_are_refused(api, data, filename, content_type, status, code):
    http, people = api
    answer = upload(
        http, token_of(people, "zara"), "cnic_front", data, None, filename, content_type
    )
    assert (answer.status_code, error_of(answer)) == (status, code)


def test_a_huge_upload_is_refused_before_it_is_read(api, monkeypatch):
    http, people = api
    monkeypatch.setenv("PK_MAX_IMAGE_BYTES", "100000")
    get_settings.cache_clear()
    answer = upload(http, token_of(people, "zara"), "cnic_front", b"\xff\xd8\xff" + b"0" * 300_000)
    assert (answer.status_code, error_of(answer)) == (413, "too_large")


def test_a_selfie_code_cannot_be_replayed(api):
    http, people = api
    zara_id, _ = people["zara"]
    code = verification.issue_selfie_code(zara_id).code
    token = token_of(people, "zara")
    first = http.post(
        "/api/verification/selfie",
        headers={"Authorization": f"Bearer {token}"},
        files={"image": ("s.jpg", jpeg(960, 1280), "image/jpeg")},
        data={"code": code},
    )
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["upload"]["kind"] == "selfie" and body["status"]["state"] == "none"
    assert set(body["status"]["drafts"]) == {"selfie"}
    replay = upload(http, token, "selfie", jpeg(960, 1280), code=code)
    assert (replay.status_code, error_of(replay)) == (422, "code_used")
    omar = upload(http, token_of(people, "omar"), "selfie", jpeg(960, 1280), code=code)
    assert error_of(omar) == "code_invalid"
    assert error_of(upload(http, token, "selfie", jpeg(960, 1280))) == "code_invalid"


def test_unknown_kind_and_missing_image(api):
    http, people = api
    token = token_of(people, "zara")
    assert error_of(upload(http, token, "passport", jpeg())) == "unknown_kind"
    answer = http.post(
        "/api/verification/uploads/cnic_front",
        headers={"Authorization": f"Bearer {token}"},
        files={"other": ("a.jpg", jpeg(), "image/jpeg")},
    )
    assert (answer.status_code, error_of(answer)) == (422, "image_missing")
    not_form = http.post(
        "/api/verification/uploads/cnic_front",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        content=b"{}",
    )
    assert (not_form.status_code, error_of(not_form)) == (415, "not_multipart")


def test_status_for_api_clients(api):
    http, people = api
    token = token_of(people, "omar")
    answer = http.get("/api/verification/status", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    assert answer.json()["state"] == "none" and answer.json()["can_submit"] is True


def card_upload(http, token, front: bytes, typed: str | None):
    return http.post(
        "/api/verification/uploads/cnic_front",
        headers={"Authorization": f"Bearer {token}"},
        files={"image": ("front.jpg", front, "image/jpeg")},
        data={"cnic": typed} if typed is not None else None,
    )


CARD_NUMBER = "35202-1234567-3"


def slow_machine(monkeypatch) -> None:
    """A test run shares two cores with others: give the read time (what it says is
    under test here, not how fast it is, which bench/document_reading.py measures)."""
    monkeypatch.setenv("PK_DOCUMENT_QUICK_READ_SECONDS", "60")
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("typed", "problems"),
    [
        (CARD_NUMBER, []),
        ("3520212345673", []),  # typed without dashes: the same number
        ("42101-7654321-9", ["card_number_differs"]),
        (None, []),  # nothing typed yet: only whether the card reads
    ],
)
def test_the_card_front_is_read_at_once_and_compared_with_the_typed_number(
    api, typed, problems, monkeypatch
):
    pytest.importorskip("pytesseract")
    slow_machine(monkeypatch)
    http, people = api
    front = fake_cnic.photo(CARD_NUMBER, "clear")  # as a phone sends it
    answer = card_upload(http, token_of(people, "zara"), front, typed)
    assert answer.status_code == 201, answer.text
    check = answer.json()["document_check"]
    assert check["available"], check
    assert check["problems"] == problems
    assert "1234567" not in answer.text  # the number read never leaves the server


def test_a_picture_that_is_not_a_card_front_is_said_so(api, monkeypatch):
    pytest.importorskip("pytesseract")
    slow_machine(monkeypatch)
    http, people = api
    answer = card_upload(http, token_of(people, "zara"), jpeg(), CARD_NUMBER)
    check = answer.json()["document_check"]
    assert check["available"], check
    assert check["problems"] in (["card_not_cnic"], ["card_unreadable"])


def test_a_read_slower_than_the_person_waits_says_nothing(api, monkeypatch):
    monkeypatch.setenv("PK_DOCUMENT_QUICK_READ_SECONDS", "0.001")
    get_settings.cache_clear()
    http, people = api
    front = fake_cnic.photo(CARD_NUMBER, "clear")  # as a phone sends it
    answer = card_upload(http, token_of(people, "zara"), front, "42101-7654321-9")
    assert answer.status_code == 201
    assert answer.json()["document_check"] == {"available": False, "problems": []}
