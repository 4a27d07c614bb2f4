"""Trust levels, computed only here, only on the server (a client could claim any).

- ``basic``: the profile's phone number is one Clerk verified;
- ``verified``: a moderator approved a CNIC + live selfie (``verified_at`` set);
- ``trusted``: verified, and either an admin's grant or every criterion in
  settings (completed bookings, rating, days since verification).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pk_rentals.models import User, UserVerification, VerificationLevel
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.settings import get_settings


def meets_trust_criteria(user: User, verification: UserVerification, now: datetime) -> bool:
    settings = get_settings()
    if verification.verified_at is None:
        return False
    verified_for = now - as_utc(verification.verified_at)
    return (
        user.completed_bookings >= settings.trusted_min_bookings
        and float(user.average_rating) >= settings.trusted_min_rating
        and verified_for >= timedelta(days=settings.trusted_min_verified_days)
    )


def level_for(
    user: User, verification: UserVerification, now: datetime | None = None
) -> VerificationLevel:
    now = now or utcnow()
    id_verified = verification.verified_at is not None and verification.verification_selfie_verified
    if not id_verified and verification.phone_verified:
        return VerificationLevel.BASIC
    if not id_verified:
        return VerificationLevel.UNVERIFIED
    if verification.trust_granted or meets_trust_criteria(user, verification, now):
        return VerificationLevel.TRUSTED
    return VerificationLevel.VERIFIED


def apply_level(
    user: User, verification: UserVerification, now: datetime | None = None
) -> tuple[VerificationLevel, VerificationLevel]:
    """Store the computed level; returns ``(before, after)``."""
    before = VerificationLevel(verification.verification_level)
    after = level_for(user, verification, now)
    verification.verification_level = after
    return before, after
