"""Every HTTP route, called without a token and with another user's valid one.

Zara is the victim: she holds an unsent CNIC photo, a live selfie code and a
session. Omar, the attacker, has an account, a session token and a signed URL for
a photo of his own, and has learnt the ref of Zara's photo. The routes: the
verification API, the signed ``/media`` URLs (tampered every way that keeps the
shape), ``/metrics``, and the identity server's Backend API (``/_devauth/v1``),
whose secret key no session token or publishable key replaces. There is no HTTP
route for submitting or moderating: those are Reflex events (test_attack_events.py).

Each must refuse with a 4xx and leave Zara's photo unread, her code unused, her
session and account as they were. PostgreSQL (tests/adversarial/conftest.py).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlmodel import select

from pk_rentals import db
from pk_rentals.devauth.instance import PUBLISHABLE_KEY
from pk_rentals.models import SelfieCode, VerificationSubmission, VerificationUpload
from pk_rentals.services import verification
from pk_rentals.services.storage import LocalMediaStore
from pk_rentals.settings import get_settings
from tests.utils.attacks import Person, Target, card_photo, count_rows, user_id_of, user_row

SIGNATURE_REFUSALS = {"invalid_signature", "expired"}


@dataclasses.dataclass
class Scene:
    target: Target
    zara: Person
    omar: Person
    zara_url: str  # her photo's signed URL, as her own page holds it
    omar_url: str
    zara_code: str  # the code her camera will burn into her selfie

    def parts(self, url: str) -> tuple[str, dict[str, str]]:
        split = urlsplit(url)
        return split.path, {name: values[0] for name, values in parse_qs(split.query).items()}


@pytest.fixture(scope="module")
def scene(target) -> Scene:
    zara, omar = target.person("zara"), target.person("omar")
    urls = []
    for person in (zara, omar):
        answer = target.http.post(
            "/api/verification/uploads/cnic_front",
            headers=person.bearer(),
            files={"image": ("card.jpg", card_photo(), "image/jpeg")},
        )
        assert answer.status_code == 201, answer.text
        urls.append(answer.json()["preview_url"])
    code = verification.issue_selfie_code(zara.clerk_id).code
    return Scene(target, zara, omar, urls[0], urls[1], code)


def zaras_world(scene: Scene) -> tuple:
    """What an attack on Zara could change: her account and session at the identity
    server, her role, her drafts, codes and submissions, and how many accounts exist."""
    target, zara = scene.target, scene.zara
    account = target.backend("GET", f"/users/{zara.clerk_id}").json()
    session = target.backend("GET", f"/sessions/{zara.session_id}").json()
    total = target.backend("GET", "/users/count").json()["total_count"]
    user_id = user_id_of(zara.clerk_id)
    with db.session() as session_db:
        codes = [
            (code.code_hash, code.used_at)
            for code in session_db.exec(select(SelfieCode).where(SelfieCode.user_id == user_id))
        ]
    return (
        account.get("public_metadata"),
        account.get("locked"),
        session.get("status"),
        total,
        user_row(zara.clerk_id).role,
        count_rows(VerificationUpload, VerificationUpload.user_id == user_id),
        count_rows(VerificationSubmission, VerificationSubmission.user_id == user_id),
        sorted(codes, key=str),
        get_settings().devauth_verify_email_at_sign_up,
    )


def photo(code: str | None = None) -> dict:
    options = {"files": {"image": ("selfie.jpg", card_photo(960, 1280), "image/jpeg")}}
    if code:
        options["data"] = {"code": code}
    return options


# (method, path with {zara}/{zara_session}, request options made from the scene)
Options = Callable[[Scene], dict]
ROUTES: dict[str, tuple[str, str, Options]] = {
    "status": ("GET", "/api/verification/status", lambda s: {}),
    "upload_cnic_front": ("POST", "/api/verification/uploads/cnic_front", lambda s: photo()),
    "upload_cnic_back": ("POST", "/api/verification/uploads/cnic_back", lambda s: photo()),
    "upload_selfie_with_zaras_code": (
        "POST",
        "/api/verification/uploads/selfie",
        lambda s: photo(s.zara_code),
    ),
    "selfie_api_with_zaras_code": (
        "POST",
        "/api/verification/selfie",
        lambda s: photo(s.zara_code),
    ),
    "submit_over_http": ("POST", "/api/verification/submit", lambda s: {"json": {"cnic": "x"}}),
    "moderation_queue_over_http": ("GET", "/api/moderation/queue", lambda s: {}),
    "moderation_decision_over_http": (
        "POST",
        "/api/moderation/decide",
        lambda s: {"json": {"decision": "approve"}},
    ),
    "zaras_photo_without_signature": ("GET", "{zara_ref}", lambda s: {}),
    "metrics": ("GET", "/metrics", lambda s: {}),
    "backend_list_users": ("GET", "/_devauth/v1/users", lambda s: {}),
    "backend_read_zara": ("GET", "/_devauth/v1/users/{zara}", lambda s: {}),
    "backend_create_user": (
        "POST",
        "/_devauth/v1/users",
        lambda s: {"json": {"email_address": ["mallory@example.pk"]}},
    ),
    "backend_make_zara_admin": (
        "PATCH",
        "/_devauth/v1/users/{zara}/metadata",
        lambda s: {"json": {"public_metadata": {"role": "admin"}}},
    ),
    "backend_lock_zara": ("POST", "/_devauth/v1/users/{zara}/lock", lambda s: {}),
    "backend_ban_zara": ("POST", "/_devauth/v1/users/{zara}/ban", lambda s: {}),
    "backend_unban_zara": ("POST", "/_devauth/v1/users/{zara}/unban", lambda s: {}),
    "backend_delete_zara": ("DELETE", "/_devauth/v1/users/{zara}", lambda s: {}),
    "backend_list_zaras_sessions": ("GET", "/_devauth/v1/sessions?user_id={zara}", lambda s: {}),
    "backend_open_a_session_as_zara": (
        "POST",
        "/_devauth/v1/sessions",
        lambda s: {"json": {"user_id": s.zara.clerk_id}},
    ),
    "backend_mint_zaras_token": (
        "POST",
        "/_devauth/v1/sessions/{zara_session}/tokens",
        lambda s: {},
    ),
    "backend_revoke_zaras_session": (
        "POST",
        "/_devauth/v1/sessions/{zara_session}/revoke",
        lambda s: {},
    ),
    "backend_change_the_instance": (
        "PATCH",
        "/_devauth/v1/instance",
        lambda s: {"json": {"verify_email_at_sign_up": False}},
    ),
}

# How the attacker authenticates (or not).
CREDENTIALS: dict[str, Callable[[Scene], dict[str, str]]] = {
    "no_token": lambda s: {},
    "omars_session_token": lambda s: s.omar.bearer(),
}
EXTRA = {  # the Backend API's secret key is not the publishable key either
    "backend_list_users": {
        "publishable_key": lambda s: {"Authorization": f"Bearer {PUBLISHABLE_KEY}"}
    },
    "backend_make_zara_admin": {
        "publishable_key": lambda s: {"Authorization": f"Bearer {PUBLISHABLE_KEY}"}
    },
}

# With his own token the verification API serves Omar: he may succeed, as himself.
OWN_DATA = {"status", "upload_cnic_front", "upload_cnic_back"}


def requests() -> list[tuple[str, str]]:
    pairs = [(route, who) for route in ROUTES for who in CREDENTIALS]
    pairs += [(route, who) for route, extra in EXTRA.items() for who in extra]
    return pairs


@pytest.mark.parametrize(("route", "who"), requests())
def test_a_route_gives_nothing_of_zaras_without_her_token(case, scene, route, who):
    method, path, options = ROUTES[route]
    credentials = {**CREDENTIALS, **EXTRA.get(route, {})}[who](scene)
    path = path.format(
        zara=scene.zara.clerk_id,
        zara_session=scene.zara.session_id,
        zara_ref=scene.parts(scene.zara_url)[0],
    )
    before = zaras_world(scene)
    answer = scene.target.http.request(method, path, headers=credentials, **options(scene))
    changed = zaras_world(scene) != before
    leaked = scene.zara.clerk_id in answer.text or answer.headers.get("content-type") == (
        "image/jpeg"
    )
    as_himself = who == "omars_session_token" and route in OWN_DATA and answer.status_code < 300
    case.http(
        answer,
        accepted_wrongly=changed or leaked or (answer.status_code < 400 and not as_himself),
        what=f"{route} with {who}",
    )
    if not as_himself:
        assert 400 <= answer.status_code < 500, answer.text
    if route.startswith("backend_"):
        assert answer.status_code == 401, answer.text


def signed_by_the_server(ref: str, expires_at: int) -> str:
    """A URL signed with the server's own key (as it minted them), for old URLs."""
    settings = get_settings()
    store = LocalMediaStore(settings.media_dir, secret_key=settings.secret_key.get_secret_value())
    return f"/media/{ref}?exp={expires_at}&sig={store._signature(ref, expires_at)}"


def tampered(change: Callable[[Scene, str, dict], tuple[str, dict]]):
    """Zara's photo through Omar's (or her own, altered) signed URL."""

    def url(scene: Scene) -> tuple[str, dict]:
        zara_path, zara_query = scene.parts(scene.zara_url)
        return change(scene, zara_path, zara_query)

    return url


def far_future(scene: Scene, path: str, query: dict) -> tuple[str, dict]:
    return path, {**query, "exp": str(int(query["exp"]) + 3600)}


MEDIA: dict[str, Callable[[Scene], tuple[str, dict]]] = {
    "zaras_ref_with_omars_signature": tampered(lambda s, path, q: (path, s.parts(s.omar_url)[1])),
    "zaras_url_with_a_stretched_expiry": tampered(far_future),
    "zaras_url_without_expiry": tampered(lambda s, path, q: (path, {"sig": q["sig"]})),
    "expiry_in_exponent_notation": tampered(lambda s, path, q: (path, {**q, "exp": "1e12"})),
    "expiry_a_superscript_digit": tampered(lambda s, path, q: (path, {**q, "exp": "²"})),
    "expiry_of_5000_digits": tampered(lambda s, path, q: (path, {**q, "exp": "9" * 5000})),
    "expiry_negative": tampered(lambda s, path, q: (path, {**q, "exp": "-1"})),
    "signature_empty": tampered(lambda s, path, q: (path, {**q, "sig": ""})),
    "signature_upper_case": tampered(lambda s, path, q: (path, {**q, "sig": q["sig"].upper()})),
    "signature_truncated": tampered(lambda s, path, q: (path, {**q, "sig": q["sig"][:32]})),
    "signature_of_10_kb": tampered(lambda s, path, q: (path, {**q, "sig": "a" * 10_240})),
    "ref_moved_to_the_selfie_folder": tampered(
        lambda s, path, q: (path.replace("/cnic/", "/verification-selfies/"), q)
    ),
    "ref_of_another_owner": tampered(
        lambda s, path, q: (path.replace(s.zara.clerk_id, s.omar.clerk_id), q)
    ),
    "path_traversal": tampered(lambda s, path, q: ("/media/%2e%2e/%2e%2e/etc/passwd", q)),
    "traversal_from_omars_signed_ref": tampered(
        lambda s, path, q: (
            s.parts(s.omar_url)[0] + "/%2e%2e/%2e%2e/%2e%2e/" + path.removeprefix("/media/"),
            s.parts(s.omar_url)[1],
        )
    ),
    "validly_signed_but_expired": tampered(
        lambda s, path, q: s.parts(
            signed_by_the_server(path.removeprefix("/media/"), int(time.time()) - 5)
        )
    ),
}


@pytest.mark.parametrize("name", list(MEDIA))
def test_a_tampered_media_url_shows_no_photo(case, scene, name):
    path, query = MEDIA[name](scene)
    answer = scene.target.http.get(path, params=query)
    is_photo = answer.headers.get("content-type") == "image/jpeg"
    case.http(answer, accepted_wrongly=answer.status_code < 400 or is_photo, what=name)
    assert answer.status_code in {403, 404}, answer.text
    if answer.status_code == 403:
        assert answer.json()["error"] in SIGNATURE_REFUSALS


def test_a_signed_url_of_a_deleted_photo_is_a_404(case, scene):
    """A URL minted before the photo was deleted (a new draft, account deletion)."""
    ref = verification.receive_upload(scene.zara.clerk_id, "cnic_back", card_photo()).preview_url
    path, query = scene.parts(ref)
    LocalMediaStore(
        get_settings().media_dir, secret_key=get_settings().secret_key.get_secret_value()
    ).delete(path.removeprefix("/media/"))
    answer = scene.target.http.get(path, params=query)
    case.http(answer, accepted_wrongly=answer.status_code < 400, what="deleted photo")
    assert answer.status_code == 404


def test_zaras_own_url_shows_her_photo(scene):
    """The control: the untouched URL works, so each refusal above is the tampering."""
    answer = scene.target.http.get(scene.zara_url)
    assert (answer.status_code, answer.headers["content-type"]) == (200, "image/jpeg")
