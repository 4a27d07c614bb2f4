"""Passwords as the product requires them, checked the way Clerk reports problems.

Policy: at least 8 characters with letters, numbers and symbols. Digests are
argon2id (argon2-cffi). An unknown email is checked against a dummy digest, so a
wrong email and a wrong password take the same time and look the same.

Imported digests (Backend API ``password_digest`` + ``password_hasher``, as Clerk
takes them when users migrate): bcrypt, argon2i and argon2id are verified at
sign-in and, like Clerk does for its weaker hashers, replaced by a fresh argon2id
digest after the first successful sign-in. Clerk accepts more hashers (md5,
pbkdf2, scrypt_firebase...); this server refuses those in Clerk's error shape
rather than store a digest it could never check.
"""

from __future__ import annotations

import dataclasses
import functools
import re

import bcrypt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pk_rentals.services.user_import import CLERK_HASHERS

MIN_LENGTH = 8
MAX_LENGTH = 72

_hasher = PasswordHasher()


@functools.cache
def _dummy_digest() -> str:
    """What an unknown email is checked against; made on first use, not at import, so a
    restarted worker does not spend a hash (~0.1-0.3 s) before it can serve."""
    return _hasher.hash("not-a-real-password-only-for-timing")


@dataclasses.dataclass(frozen=True)
class PolicyProblem:
    """A password the policy refuses, with Clerk's error code and message."""

    code: str
    message: str
    long_message: str


def policy_problem(password: str) -> PolicyProblem | None:
    if len(password) < MIN_LENGTH:
        return PolicyProblem(
            "form_password_length_too_short",
            "is too short",
            f"Passwords must be {MIN_LENGTH} characters or more.",
        )
    if len(password) > MAX_LENGTH:
        return PolicyProblem(
            "form_password_length_too_long",
            "is too long",
            f"Passwords must be less than {MAX_LENGTH} characters.",
        )
    missing = [
        name
        for name, present in (
            ("a letter", any(c.isalpha() for c in password)),
            ("a number", any(c.isdigit() for c in password)),
            ("a special character", any(not c.isalnum() and not c.isspace() for c in password)),
        )
        if not present
    ]
    if missing:
        return PolicyProblem(
            "form_password_validation_failed",
            "does not meet the requirements",
            "Your password must contain " + " and ".join(missing) + ".",
        )
    return None


def digest(password: str) -> str:
    return _hasher.hash(password)


def matches(password: str, stored_digest: str | None) -> bool:
    """Check a password; with no digest (unknown email) burn the same time and fail."""
    if stored_digest and stored_digest.startswith("$2"):
        try:
            return bcrypt.checkpw(password.encode(), stored_digest.encode())
        except ValueError:  # over bcrypt's 72 bytes, or a damaged digest
            return False
    try:
        return _hasher.verify(stored_digest or _dummy_digest(), password) and bool(stored_digest)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_digest: str) -> bool:
    """True for an imported digest (bcrypt, argon2i, other argon2 parameters): after a
    successful sign-in it is replaced by this server's own argon2id digest."""
    if not stored_digest.startswith("$argon2id$"):
        return True
    try:
        return _hasher.check_needs_rehash(stored_digest)
    except InvalidHashError:
        return True


# The hashers this server verifies, with their digest's form (Clerk takes more:
# CLERK_HASHERS in services/user_import.py, the one list of them).
_ARGON2_REST = r"\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$"
VERIFIED_HASHERS = {
    "bcrypt": re.compile(r"^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$"),
    "argon2i": re.compile(r"^\$argon2i" + _ARGON2_REST),
    "argon2id": re.compile(r"^\$argon2id" + _ARGON2_REST),
}


class DigestRefused(ValueError):
    """An imported digest this server will not store; ``code``/``param`` as Clerk's."""

    def __init__(self, code: str, param: str, message: str):
        super().__init__(message)
        self.code = code
        self.param = param


def imported_digest(password_digest: str, password_hasher: str) -> str:
    """The digest to store for a Backend API import, or ``DigestRefused``."""
    if password_hasher not in CLERK_HASHERS:
        raise DigestRefused(
            "form_param_value_invalid",
            "password_hasher",
            f"password_hasher {password_hasher[:40]!r} is not one of the hashers Clerk supports.",
        )
    pattern = VERIFIED_HASHERS.get(password_hasher)
    if pattern is None:
        raise DigestRefused(
            "form_param_value_invalid",
            "password_hasher",
            f"The built-in identity server verifies only {', '.join(sorted(VERIFIED_HASHERS))} "
            f"digests, not {password_hasher}.",
        )
    if not pattern.match(password_digest):
        raise DigestRefused(
            "form_password_digest_invalid",
            "password_digest",
            f"The password digest is not a well-formed {password_hasher} digest.",
        )
    return password_digest
