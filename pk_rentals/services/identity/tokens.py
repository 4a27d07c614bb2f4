"""Verify Clerk session tokens without a network call per request.

Keys come from a PEM (``CLERK_JWT_KEY``: no network at all) or a JWKS URL, fetched
once, cached, and fetched again only for an unknown ``kid`` (key rotation).
Only RS256 is accepted: ``alg: none`` and HS256-with-the-public-key are refused.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import time
from collections.abc import Iterable

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from pk_rentals.services.identity.clerk_ids import clerk_user_id_problem

ALGORITHM = "RS256"
REQUIRED_CLAIMS = ("sub", "sid", "iss", "iat", "nbf", "exp")
DEFAULT_LEEWAY = 5  # seconds of clock skew tolerated on exp/nbf
SESSION_ID = re.compile(r"sess_[A-Za-z0-9]{1,59}")  # Clerk's ``sess_`` + base62, ≤ 64 chars


class TokenProblem(enum.StrEnum):
    MALFORMED = "malformed"
    UNSUPPORTED_ALGORITHM = "unsupported_algorithm"
    UNKNOWN_KEY = "unknown_key"
    KEYS_UNAVAILABLE = "keys_unavailable"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    WRONG_ISSUER = "wrong_issuer"
    WRONG_PARTY = "wrong_party"
    MISSING_CLAIM = "missing_claim"
    BAD_SUBJECT = "bad_subject"  # ``sub`` is not a Clerk user id


class TokenError(Exception):
    def __init__(self, problem: TokenProblem, detail: str = ""):
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem


@dataclasses.dataclass(frozen=True)
class SessionClaims:
    user_id: str
    session_id: str
    issuer: str
    authorized_party: str | None
    issued_at: int
    expires_at: int


class SessionTokenVerifier:
    """Checks signature, ``exp``/``nbf``, ``iss`` and ``azp`` of a session token."""

    def __init__(
        self,
        *,
        issuer: str,
        authorized_parties: Iterable[str] = (),
        jwks_url: str | None = None,
        pem_key: str | None = None,
        leeway: int = DEFAULT_LEEWAY,
        jwks_timeout: float = 3.0,
        refetch_cooldown: float = 5.0,
    ):
        """``refetch_cooldown``: minimum seconds between JWKS fetches forced by an
        unknown ``kid``, so tokens with made-up key ids cannot flood the JWKS URL."""
        if not (jwks_url or pem_key):
            raise ValueError("a JWKS URL or a PEM public key is required")
        self.issuer = issuer
        self.authorized_parties = frozenset(authorized_parties)
        self.leeway = leeway
        self._pem_key = _load_public_key(pem_key) if pem_key else None
        self._jwks = (
            _JwksClient(
                jwks_url,
                cache_jwk_set=True,
                lifespan=3600,
                timeout=jwks_timeout,
                cooldown_duration=refetch_cooldown,
            )
            if not pem_key
            else None
        )

    def verify(self, token: str) -> SessionClaims:
        header = self._header(token)
        key = self._pem_key or self._key_for(token, header)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": list(REQUIRED_CLAIMS), "verify_aud": False},
            )
        except jwt.ExpiredSignatureError as error:
            raise TokenError(TokenProblem.EXPIRED) from error
        except jwt.ImmatureSignatureError as error:
            raise TokenError(TokenProblem.NOT_YET_VALID) from error
        except jwt.InvalidIssuerError as error:
            raise TokenError(TokenProblem.WRONG_ISSUER) from error
        except jwt.MissingRequiredClaimError as error:
            raise TokenError(TokenProblem.MISSING_CLAIM, error.claim) from error
        except jwt.InvalidSignatureError as error:
            raise TokenError(TokenProblem.BAD_SIGNATURE) from error
        except jwt.InvalidTokenError as error:
            raise TokenError(TokenProblem.MALFORMED, str(error)) from error
        party = claims.get("azp")
        # Claims are compared and stored as strings: any other JSON type in a signed
        # token is malformed (a list in ``azp`` cannot even be looked up in a set).
        if party is not None and not isinstance(party, str):
            raise TokenError(TokenProblem.MALFORMED, "azp: not a string")
        if party is not None and self.authorized_parties and party not in self.authorized_parties:
            raise TokenError(TokenProblem.WRONG_PARTY, str(party))
        # Even a correctly signed token names a user only by a well-formed id: the id
        # becomes a database key and a folder name downstream.
        problem = clerk_user_id_problem(claims["sub"])
        if problem:
            raise TokenError(TokenProblem.BAD_SUBJECT, f"sub: {problem}")
        # The session id is the key of the server's own session record: Clerk's shape
        # only, as bounded as a user id.
        if not isinstance(claims["sid"], str) or not SESSION_ID.fullmatch(claims["sid"]):
            raise TokenError(TokenProblem.MALFORMED, "sid: not a Clerk session id")
        return SessionClaims(
            user_id=claims["sub"],
            session_id=claims["sid"],
            issuer=claims["iss"],
            authorized_party=party,
            issued_at=claims["iat"],
            expires_at=claims["exp"],
        )

    @staticmethod
    def _header(token: str) -> dict:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as error:
            raise TokenError(TokenProblem.MALFORMED, str(error)) from error
        if header.get("alg") != ALGORITHM:
            raise TokenError(TokenProblem.UNSUPPORTED_ALGORITHM, str(header.get("alg")))
        return header

    def _key_for(self, token: str, header: dict):
        try:
            return self._jwks.get_signing_key_from_jwt(token).key
        except jwt.PyJWKClientConnectionError as error:
            raise TokenError(TokenProblem.KEYS_UNAVAILABLE, str(error)) from error
        except jwt.PyJWKClientError as error:
            raise TokenError(TokenProblem.UNKNOWN_KEY, str(header.get("kid"))) from error


class _JwksClient(jwt.PyJWKClient):
    """PyJWT's JWKS client, whose refetch cooldown also follows a failed fetch. PyJWT
    starts it only after a success: while the JWKS URL was down, every token asked
    again and waited the whole timeout under the client's lock."""

    _failed_at: float | None = None

    def fetch_data(self):
        failed_at = self._failed_at
        if failed_at is not None and time.monotonic() - failed_at < self.cooldown_duration:
            raise jwt.PyJWKClientConnectionError("the JWKS URL failed moments ago")
        try:
            return super().fetch_data()
        except jwt.PyJWKClientConnectionError:
            self._failed_at = time.monotonic()
            raise


def _load_public_key(pem: str) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(pem.encode())
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("the PEM key must be an RSA public key")
    return key
