"""Passwords as seed 004 wants them, checked the way Clerk reports problems.

Policy: at least 8 characters with letters, numbers and symbols. Digests are
argon2id (argon2-cffi). An unknown email is checked against a dummy digest, so a
wrong email and a wrong password take the same time and look the same.
"""

from __future__ import annotations

import dataclasses

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 72

_hasher = PasswordHasher()
_DUMMY_DIGEST = _hasher.hash("not-a-real-password-only-for-timing")


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
    try:
        return _hasher.verify(stored_digest or _DUMMY_DIGEST, password) and bool(stored_digest)
    except (VerificationError, InvalidHashError):
        return False
