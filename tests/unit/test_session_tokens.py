"""Session tokens: what the server accepts and every way it refuses one.

Real keys, real PyJWT, and a real JWKS document served on 127.0.0.1.
"""

import base64
import contextlib
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest

from pk_rentals.devauth.keys import SigningKey
from pk_rentals.services.identity.tokens import SessionTokenVerifier, TokenError, TokenProblem

ISSUER = "http://localhost:3000/_devauth"
ORIGIN = "http://localhost:3000"


@pytest.fixture(scope="module")
def key():
    return SigningKey.generate()


@pytest.fixture(scope="module")
def other_key():
    return SigningKey.generate()


class JwksServer:
    """Serves ``document`` at /jwks and counts how often it was fetched."""

    def __init__(self, document: dict):
        self.document = document
        self.fetches = 0
        self.failing = False  # answer 503, as a JWKS URL that is down
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.fetches += 1
                if server.failing:
                    self.send_error(503)
                    return
                body = json.dumps(server.document).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/jwks"

    @contextlib.contextmanager
    def running(self):
        thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.httpd.shutdown()
            self.httpd.server_close()


@pytest.fixture
def jwks(key):
    with JwksServer(key.jwks()).running() as server:
        yield server


def token(signing_key, **overrides):
    fields = {
        "user_id": "user_2abcDEF",
        "session_id": "sess_2xyz",
        "issuer": ISSUER,
        "authorized_party": ORIGIN,
    }
    return signing_key.session_token(**{**fields, **overrides})


def verifier(jwks_server=None, **options):
    return SessionTokenVerifier(
        issuer=ISSUER,
        authorized_parties=[ORIGIN],
        jwks_url=jwks_server.url if jwks_server else None,
        **options,
    )


def refused(check, bad_token) -> TokenProblem:
    with pytest.raises(TokenError) as error:
        check.verify(bad_token)
    return error.value.problem


def test_valid_token_gives_user_and_session(key, jwks):
    claims = verifier(jwks).verify(token(key))
    assert (claims.user_id, claims.session_id) == ("user_2abcDEF", "sess_2xyz")
    assert claims.authorized_party == ORIGIN
    assert claims.expires_at - claims.issued_at == 60


def test_token_carries_clerks_v2_claims(key):
    claims = jwt.decode(token(key), options={"verify_signature": False})
    assert set(claims) == {"sub", "sid", "iss", "azp", "iat", "nbf", "exp", "v", "fva"}
    assert claims["v"] == 2
    assert jwt.get_unverified_header(token(key))["kid"] == key.kid


def test_jwks_is_fetched_once_for_many_tokens(key, jwks):
    check = verifier(jwks)
    for _ in range(50):
        check.verify(token(key))
    assert jwks.fetches == 1


def test_pem_key_needs_no_network(key):
    check = verifier(pem_key=key.public_pem())
    assert check.verify(token(key)).user_id == "user_2abcDEF"


def test_expired_token_is_refused(key, jwks):
    old = token(key, now=time.time() - 120)
    assert refused(verifier(jwks), old) is TokenProblem.EXPIRED


def test_token_from_the_future_is_refused(key, jwks):
    future = token(key, now=time.time() + 300)
    assert refused(verifier(jwks), future) is TokenProblem.NOT_YET_VALID


def test_small_clock_skew_is_tolerated(key, jwks):
    just_expired = token(key, now=time.time() - 62)
    assert verifier(jwks, leeway=5).verify(just_expired)


def test_other_issuer_is_refused(key, jwks):
    forged = token(key, issuer="https://evil.example")
    assert refused(verifier(jwks), forged) is TokenProblem.WRONG_ISSUER


def test_unlisted_authorized_party_is_refused(key, jwks):
    forged = token(key, authorized_party="https://evil.example")
    assert refused(verifier(jwks), forged) is TokenProblem.WRONG_PARTY


def test_tampered_payload_is_refused(key, jwks):
    header, payload, signature = token(key).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["sub"] = "user_victim"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    forged = f"{header}.{forged_payload}.{signature}"
    assert refused(verifier(jwks), forged) is TokenProblem.BAD_SIGNATURE


def test_token_signed_by_an_unknown_key_is_refused_after_one_refetch(key, other_key, jwks):
    check = verifier(jwks, refetch_cooldown=0)
    check.verify(token(key))
    assert refused(check, token(other_key)) is TokenProblem.UNKNOWN_KEY
    assert jwks.fetches == 2  # the unknown kid caused exactly one refetch


def test_rotated_key_is_picked_up_from_the_jwks(key, other_key, jwks):
    check = verifier(jwks, refetch_cooldown=0)
    check.verify(token(key))
    jwks.document = {"keys": key.jwks()["keys"] + other_key.jwks()["keys"]}
    assert check.verify(token(other_key)).user_id == "user_2abcDEF"


def test_made_up_key_ids_cannot_flood_the_jwks_url(key, other_key, jwks):
    check = verifier(jwks, refetch_cooldown=60)
    check.verify(token(key))
    for _ in range(20):
        assert refused(check, token(other_key)) is TokenProblem.UNKNOWN_KEY
    assert jwks.fetches == 1


def test_wrong_key_under_a_known_kid_is_refused(key, other_key, jwks):
    claims = jwt.decode(token(key), options={"verify_signature": False})
    forged = jwt.encode(claims, other_key.private_key, "RS256", headers={"kid": key.kid})
    assert refused(verifier(jwks), forged) is TokenProblem.BAD_SIGNATURE


def test_alg_none_is_refused(key, jwks):
    claims = jwt.decode(token(key), options={"verify_signature": False})
    unsigned = jwt.encode(claims, None, algorithm="none")
    assert refused(verifier(jwks), unsigned) is TokenProblem.UNSUPPORTED_ALGORITHM


def test_hs256_signed_with_the_public_key_is_refused(key):
    claims = jwt.decode(token(key), options={"verify_signature": False})
    header = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').rstrip(b"=")
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=")
    mac = hmac.new(key.public_pem().encode(), header + b"." + body, hashlib.sha256).digest()
    forged = b".".join([header, body, base64.urlsafe_b64encode(mac).rstrip(b"=")]).decode()
    check = verifier(pem_key=key.public_pem())
    assert refused(check, forged) is TokenProblem.UNSUPPORTED_ALGORITHM


def test_token_without_a_session_id_is_refused(key, jwks):
    claims = jwt.decode(token(key), options={"verify_signature": False})
    del claims["sid"]
    forged = jwt.encode(claims, key.private_key, "RS256", headers={"kid": key.kid})
    assert refused(verifier(jwks), forged) is TokenProblem.MISSING_CLAIM


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "Bearer x.y.z"])
def test_garbage_is_malformed(jwks, garbage):
    assert refused(verifier(jwks), garbage) is TokenProblem.MALFORMED


def test_unreachable_jwks_is_reported_as_such(key):
    from tests.utils.servers import free_port

    check = SessionTokenVerifier(
        issuer=ISSUER, jwks_url=f"http://127.0.0.1:{free_port()}/jwks", jwks_timeout=1
    )
    assert refused(check, token(key)) is TokenProblem.KEYS_UNAVAILABLE


def test_a_jwks_url_that_is_down_is_asked_once_per_cooldown_not_once_per_token(key, jwks):
    """Otherwise each token waits the whole fetch timeout under the client's lock."""
    jwks.failing = True
    check = verifier(jwks, refetch_cooldown=60)
    for _ in range(20):
        assert refused(check, token(key)) is TokenProblem.KEYS_UNAVAILABLE
    assert jwks.fetches == 1


def test_keys_are_fetched_again_once_the_cooldown_after_a_failure_is_over(key, jwks):
    jwks.failing = True
    check = verifier(jwks, refetch_cooldown=0)
    assert refused(check, token(key)) is TokenProblem.KEYS_UNAVAILABLE
    jwks.failing = False
    assert check.verify(token(key)).user_id == "user_2abcDEF"


def test_signing_key_is_kept_across_restarts(tmp_path):
    path = tmp_path / "devauth" / "signing-key.pem"
    first = SigningKey.load_or_create(path)
    second = SigningKey.load_or_create(path)
    assert first.kid == second.kid
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "subject",
    ["user_2abc-DEF", "user_" + "a" * 10_240, "", "usr_2abcDEF", "user_../../media"],
    ids=["other-characters", "10kb", "empty", "wrong-prefix", "path"],
)
def test_a_well_signed_token_for_a_malformed_user_id_is_refused(key, subject):
    bad = token(key, user_id=subject)
    with pytest.raises(TokenError) as error:
        verifier(pem_key=key.public_pem()).verify(bad)
    assert error.value.problem is TokenProblem.BAD_SUBJECT
    assert "Clerk user id" in str(error.value)
    assert len(str(error.value)) < 200
