"""The identity server's RS256 key pair, its JWKS, and Clerk-shaped session tokens.

The key is created on first start and kept in a private file, so tokens stay
valid across restarts, as Clerk's instance keys do.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import json
import os
import time
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

SESSION_TOKEN_LIFETIME = 60  # seconds; Clerk's default


@dataclasses.dataclass(frozen=True)
class SigningKey:
    private_key: rsa.RSAPrivateKey

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(rsa.generate_private_key(public_exponent=65537, key_size=2048))

    @classmethod
    def load_or_create(cls, path: Path) -> SigningKey:
        """Read the PEM at ``path``, or create it (mode 0600) on first start."""
        if path.exists():
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(key, rsa.RSAPrivateKey):
                raise ValueError(f"{path} does not hold an RSA private key")
            return cls(key)
        signing_key = cls.generate()
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = signing_key.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(pem)
        return signing_key

    @functools.cached_property
    def public_jwk(self) -> dict[str, str]:
        jwk = RSAAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        return {name: jwk[name] for name in ("kty", "n", "e")}

    @functools.cached_property  # computed once: every minted token carries it
    def kid(self) -> str:
        """RFC 7638 thumbprint, shaped like Clerk's instance key ids (``ins_...``)."""
        canonical = json.dumps(self.public_jwk, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(canonical.encode()).digest()
        return "ins_" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()[:27]

    def jwks(self) -> dict:
        """The JSON Web Key Set document Clerk serves at ``/.well-known/jwks.json``."""
        return {"keys": [{**self.public_jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def public_pem(self) -> str:
        return (
            self.private_key.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )

    def session_token(
        self,
        *,
        user_id: str,
        session_id: str,
        issuer: str,
        authorized_party: str,
        lifetime: int = SESSION_TOKEN_LIFETIME,
        now: float | None = None,
    ) -> str:
        """A session JWT with Clerk's v2 claims."""
        issued = int(now if now is not None else time.time())
        claims = {
            "sub": user_id,
            "sid": session_id,
            "iss": issuer,
            "azp": authorized_party,
            "iat": issued,
            "nbf": issued - 10,  # Clerk back-dates nbf to absorb clock skew
            "exp": issued + lifetime,
            "v": 2,
            "fva": [0, -1],
        }
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid})
