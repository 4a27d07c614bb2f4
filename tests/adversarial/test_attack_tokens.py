"""Session tokens an attacker can make or replay, against the routes that need one.

Every token claims the victim (her ``sub`` and ``sid``) unless the row is about
the subject itself. Rows that test a single claim are signed with the identity
server's real key, so that claim is the only thing wrong; rows about signatures use
an attacker's key or none. Each is sent to ``GET /api/verification/status`` (the
victim's data) and to an upload (a write in her name): both must answer 4xx with a
JSON error, hand out no status, and write no upload row or upload attempt.

PostgreSQL (tests/adversarial/conftest.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from datetime import timedelta

import jwt
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import RSAAlgorithm

from pk_rentals import db
from pk_rentals.devauth import server as devauth_server
from pk_rentals.devauth.instance import Instance
from pk_rentals.models import AuthSession, UploadAttempt, VerificationUpload
from pk_rentals.models.base import utcnow
from pk_rentals.services.identity import sessions
from pk_rentals.settings import get_settings
from tests.utils.attacks import Person, Target, card_photo, count_rows, user_row

ATTACKER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ATTACKER_EC_KEY = ec.generate_private_key(ec.SECP256R1())
DROP = object()  # a claim or header left out
YEAR = 365 * 24 * 3600


def b64(data: bytes | str) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def assemble(header: dict, claims: dict, signature: bytes = b"") -> str:
    return f"{b64(json.dumps(header))}.{b64(json.dumps(claims))}.{b64(signature)}"


class Forge:
    """Makes tokens that claim ``victim``; ``claims()`` is what the identity server
    would sign for her session now, with ``changes`` (``DROP`` removes a claim)."""

    def __init__(self, target: Target, victim: Person, bystander: Person):
        self.target, self.victim, self.bystander = target, victim, bystander
        self.key = Instance.load_or_create(get_settings().devauth_dir).signing_key

    def claims(self, **changes) -> dict:
        now = int(time.time())
        claims = {
            "sub": self.victim.clerk_id,
            "sid": self.victim.session_id,
            "iss": self.target.config.issuer,
            "azp": self.target.url,
            "iat": now,
            "nbf": now - 10,
            "exp": now + 60,
            "v": 2,
        }
        for name, value in changes.items():
            if value is DROP:
                claims.pop(name)
            else:
                claims[name] = value
        return claims

    def signed(self, claims: dict | None = None, *, key=None, alg="RS256", **headers) -> str:
        """Signed with the real key unless ``key``; the real ``kid`` unless changed."""
        header = {"kid": self.key.kid, **headers}
        header = {name: value for name, value in header.items() if value is not DROP}
        private = key if key is not None else self.key.private_key
        return jwt.encode(claims or self.claims(), private, algorithm=alg, headers=header)

    def attacker(self, claims: dict | None = None, **headers) -> str:
        return self.signed(claims, key=ATTACKER_KEY, **headers)

    def hs256(self, secret: bytes) -> str:
        header = {"alg": "HS256", "typ": "JWT", "kid": self.key.kid}
        unsigned = assemble(header, self.claims()).rsplit(".", 1)[0]
        signature = hmac.new(secret, unsigned.encode(), hashlib.sha256).digest()
        return f"{unsigned}.{b64(signature)}"

    def victim_token(self) -> str:
        return self.victim.token()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


ATTACKER_JWK = RSAAlgorithm.to_jwk(ATTACKER_KEY.public_key(), as_dict=True)

# name -> the request's headers, made by a Forge. Every one must be refused.
TOKENS: dict[str, Callable[[Forge], dict]] = {
    # Algorithms: only RS256 with the server's key.
    "alg_none": lambda f: bearer(assemble({"alg": "none", "typ": "JWT"}, f.claims())),
    "alg_None_capitalised": lambda f: bearer(assemble({"alg": "None"}, f.claims())),
    "alg_missing": lambda f: bearer(assemble({"typ": "JWT", "kid": f.key.kid}, f.claims())),
    "hs256_keyed_with_the_public_pem": lambda f: bearer(f.hs256(f.key.public_pem().encode())),
    "hs256_with_an_empty_secret": lambda f: bearer(f.hs256(b"")),
    "rs512_with_the_real_key": lambda f: bearer(f.signed(alg="RS512")),
    "ps256_with_the_real_key": lambda f: bearer(f.signed(alg="PS256")),
    "es256_with_an_attacker_key": lambda f: bearer(f.signed(key=ATTACKER_EC_KEY, alg="ES256")),
    # Keys: the right kid proves nothing without the right signature.
    "unknown_kid_attacker_key": lambda f: bearer(f.attacker(kid="ins_2attackerKeyId000000000")),
    "known_kid_attacker_key": lambda f: bearer(f.attacker()),
    "no_kid_attacker_key": lambda f: bearer(f.attacker(kid=DROP)),
    "kid_path_traversal": lambda f: bearer(f.attacker(kid="../../../../dev/null")),
    "kid_sql": lambda f: bearer(f.attacker(kid="' OR '1'='1' --")),
    "jku_to_an_attacker_jwks": lambda f: bearer(f.attacker(jku="http://127.0.0.1:9/jwks.json")),
    "attacker_jwk_embedded": lambda f: bearer(f.attacker(jwk=ATTACKER_JWK)),
    "x5u_to_an_attacker": lambda f: bearer(f.attacker(x5u="http://127.0.0.1:9/cert.pem")),
    # One wrong claim, the real signature.
    "wrong_issuer": lambda f: bearer(f.signed(f.claims(iss="https://evil.example"))),
    "issuer_with_a_suffix": lambda f: bearer(f.signed(f.claims(iss=f.claims()["iss"] + ".evil"))),
    "issuer_missing": lambda f: bearer(f.signed(f.claims(iss=DROP))),
    "wrong_azp": lambda f: bearer(f.signed(f.claims(azp="https://evil.example"))),
    "azp_a_list": lambda f: bearer(f.signed(f.claims(azp=[f.target.url]))),
    "expired_beyond_leeway": lambda f: bearer(
        f.signed(f.claims(exp=int(time.time()) - 30, iat=int(time.time()) - 90))
    ),
    "expired_a_year_ago": lambda f: bearer(
        f.signed(f.claims(exp=int(time.time()) - YEAR, iat=int(time.time()) - YEAR - 60))
    ),
    "nbf_in_the_future": lambda f: bearer(f.signed(f.claims(nbf=int(time.time()) + 300))),
    "iat_far_in_the_future": lambda f: bearer(f.signed(f.claims(iat=int(time.time()) + 10 * YEAR))),
    "exp_not_a_number": lambda f: bearer(f.signed(f.claims(exp="tomorrow"))),
    "missing_sub": lambda f: bearer(f.signed(f.claims(sub=DROP))),
    "missing_sid": lambda f: bearer(f.signed(f.claims(sid=DROP))),
    "missing_exp": lambda f: bearer(f.signed(f.claims(exp=DROP))),
    "missing_iat": lambda f: bearer(f.signed(f.claims(iat=DROP))),
    "missing_nbf": lambda f: bearer(f.signed(f.claims(nbf=DROP))),
    # Subjects: a well-formed Clerk user id, or nothing.
    "sub_empty": lambda f: bearer(f.signed(f.claims(sub=""))),
    "sub_path_traversal": lambda f: bearer(f.signed(f.claims(sub="../../etc/passwd"))),
    "sub_prefixed_traversal": lambda f: bearer(f.signed(f.claims(sub="user_../../media"))),
    "sub_sql": lambda f: bearer(f.signed(f.claims(sub="user_1' OR '1'='1"))),
    "sub_unicode_lookalike": lambda f: bearer(
        f.signed(f.claims(sub="user_\uff41\uff44\uff4d\uff49\uff4e"))
    ),
    "sub_10_kb": lambda f: bearer(f.signed(f.claims(sub="user_" + "a" * 10_240))),
    "sub_nul_byte": lambda f: bearer(f.signed(f.claims(sub="user_abc\x00def"))),
    "sub_a_number": lambda f: bearer(f.signed(f.claims(sub=12345))),
    "sub_null": lambda f: bearer(f.signed(f.claims(sub=None))),
    "sub_another_user_forged": lambda f: bearer(
        f.attacker(f.claims(sub=f.bystander.clerk_id, sid=f.bystander.session_id))
    ),
    "sid_10_kb": lambda f: bearer(f.signed(f.claims(sid="sess_" + "a" * 10_240))),
    "sid_a_number": lambda f: bearer(f.signed(f.claims(sid=7))),
    # Broken tokens.
    "truncated": lambda f: bearer(f.victim_token()[:-6]),
    "signature_stripped": lambda f: bearer(f.victim_token().rsplit(".", 1)[0] + "."),
    "payload_of_another_user": lambda f: bearer(
        ".".join(
            [
                f.victim_token().split(".")[0],
                f.bystander.token().split(".")[1],
                f.victim_token().split(".")[2],
            ]
        )
    ),
    "four_segments": lambda f: bearer(f.victim_token() + ".AAAA"),
    "garbage_word": lambda f: bearer("hello"),
    "three_dots": lambda f: bearer("..."),
    "header_not_json": lambda f: bearer(f"{b64('{not json')}.e30.c2ln"),
    "header_a_json_array": lambda f: bearer(f"{b64('[1]')}.e30.c2ln"),
    "non_ascii_bytes": lambda f: {"Authorization": b"Bearer \xff\xfe\xfd"},
    "token_of_12_kb": lambda f: bearer("eyJ" + "A" * 12_000),
    # The victim's own valid token, in the wrong place or shape.
    "no_authorization": lambda f: {},
    "scheme_missing": lambda f: {"Authorization": f.victim_token()},
    "bearer_doubled": lambda f: {"Authorization": f"Bearer Bearer {f.victim_token()}"},
    "two_tokens": lambda f: {"Authorization": f"Bearer {f.victim_token()} {f.victim_token()}"},
    "bearer_alone": lambda f: {"Authorization": "Bearer"},
    "basic_scheme": lambda f: {"Authorization": "Basic " + b64("zara@example.pk:Quetta#2026pk")},
    "token_scheme": lambda f: {"Authorization": f"Token {f.victim_token()}"},
    # A cookie is sent by the browser to any site that links here (CSRF): not proof.
    "session_cookie_only": lambda f: {"Cookie": f"__session={f.victim_token()}"},
}


# Valid tokens whose session the server no longer honours; each makes a fresh victim.
def signed_out(target: Target, person: Person) -> None:
    """The user signed out: Clerk revoked the session, and the page's next (empty)
    token made the server end its record (AuthState.receive_token)."""
    target.backend("POST", f"/sessions/{person.session_id}/revoke").raise_for_status()
    claims = sessions.verify_token(person.token())
    assert sessions.end_if_ended_at_clerk(claims)


def gone_idle(target: Target, person: Person) -> None:
    """No activity for longer than the idle timeout."""
    stale = utcnow() - timedelta(seconds=get_settings().idle_timeout_seconds + 60)
    with db.get_engine().begin() as connection:
        connection.execute(
            sa.update(AuthSession.__table__)
            .where(AuthSession.__table__.c.session_id == person.session_id)
            .values(last_active_at=stale)
        )
    sessions.recently_seen.forget(person.session_id)


def deleted(target: Target, person: Person) -> None:
    """The account was deleted at Clerk; the user.deleted webhook has landed."""
    target.backend("DELETE", f"/users/{person.clerk_id}").raise_for_status()
    devauth_server.get_server().webhooks.flush(10)
    assert user_row(person.clerk_id) is None


ENDED_SESSIONS = {
    "after_sign_out": signed_out,
    "after_idle_timeout": gone_idle,
    "of_a_deleted_user": deleted,
}


ROUTES = ("status", "upload")


def send(target: Target, route: str, headers: dict):
    """The victim's status (her data), or a photo uploaded in her name (a write)."""
    if route == "status":
        return target.http.get("/api/verification/status", headers=headers)
    return target.http.post(
        "/api/verification/uploads/cnic_front",
        headers=headers,
        files={"image": ("card.jpg", card_photo(), "image/jpeg")},
    )


@pytest.fixture(scope="module")
def forge(target) -> Forge:
    return Forge(target, target.person("zara"), target.person("omar"))


def judge(case, target: Target, route: str, headers: dict, name: str) -> None:
    uploads, attempts = count_rows(VerificationUpload), count_rows(UploadAttempt)
    answer = send(target, route, headers)
    body = answer.json() if answer.headers.get("content-type") == "application/json" else {}
    wrote = (count_rows(VerificationUpload), count_rows(UploadAttempt)) != (uploads, attempts)
    case.http(
        answer,
        accepted_wrongly=answer.status_code < 400 or "level" in body or wrote,
        what=f"{name} on {route}",
    )
    assert answer.status_code == 401, answer.text
    assert body["error"] in {"token_missing", "token_invalid", "session_ended"}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", list(TOKENS))
def test_a_made_up_or_misplaced_token_is_refused(case, target, forge, route, name):
    judge(case, target, route, TOKENS[name](forge), name)


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("name", list(ENDED_SESSIONS))
def test_a_valid_token_of_an_ended_session_is_refused(case, target, route, name):
    person = target.person(f"victim{name.replace('_', '')}")
    assert send(target, "status", person.bearer()).status_code == 200  # live until now
    ENDED_SESSIONS[name](target, person)
    judge(case, target, route, person.bearer(), name)


def test_the_victims_own_token_opens_both_routes(target, forge):
    """The control: with her real token the same requests succeed, so every refusal
    above is about the token."""
    headers = bearer(forge.victim_token())
    assert send(target, "status", headers).status_code == 200
    assert send(target, "upload", headers).status_code == 201
