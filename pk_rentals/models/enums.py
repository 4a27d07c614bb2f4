"""Enumerations stored in the database, defined once and imported everywhere.

The values are the strings the database and Clerk's metadata hold (levels,
``'urdu'``, themes). CHECK constraints in models and migrations are built from these classes.
"""

import enum


class VerificationLevel(enum.StrEnum):
    """The trust ladder; only server code moves a user along it."""

    UNVERIFIED = "unverified"
    BASIC = "basic"  # phone verified
    VERIFIED = "verified"  # CNIC + live selfie approved by a moderator
    TRUSTED = "trusted"


class Role(enum.StrEnum):
    """Who may moderate: Clerk ``public_metadata.role``, copied by the sync."""

    USER = "user"
    MODERATOR = "moderator"
    ADMIN = "admin"


class SubmissionStatus(enum.StrEnum):
    """A CNIC + selfie submission's life: pending until a moderator decides."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    RESUBMISSION_REQUESTED = "resubmission_requested"


class MediaKind(enum.StrEnum):
    """The three images of a submission."""

    CNIC_FRONT = "cnic_front"
    CNIC_BACK = "cnic_back"
    SELFIE = "selfie"


class AuditAction(enum.StrEnum):
    """What the append-only audit log records."""

    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_RESUBMISSION = "request_resubmission"
    REVEAL_CNIC = "reveal_cnic"
    DUPLICATE_CNIC = "duplicate_cnic"
    GRANT_TRUSTED = "grant_trusted"
    REVOKE_TRUSTED = "revoke_trusted"
    LEVEL_CHANGE = "level_change"


class Theme(enum.StrEnum):
    LIGHT = "light"
    DARK = "dark"
    SYSTEM = "system"


class Language(enum.StrEnum):
    URDU = "urdu"
    ENGLISH = "english"


class Province(enum.StrEnum):
    """Provinces and territories of Pakistan, as users pick them on their profile."""

    PUNJAB = "Punjab"
    SINDH = "Sindh"
    KHYBER_PAKHTUNKHWA = "Khyber Pakhtunkhwa"
    BALOCHISTAN = "Balochistan"
    ISLAMABAD = "Islamabad Capital Territory"
    GILGIT_BALTISTAN = "Gilgit-Baltistan"
    AZAD_KASHMIR = "Azad Jammu and Kashmir"


def clerk_user_id_check(column: str = "clerk_user_id") -> str:
    """The database's CHECK for Clerk user ids (services/identity/clerk_ids.py has the
    full rule; this is the part both SQLite and PostgreSQL can enforce)."""
    from pk_rentals.services.identity.clerk_ids import clerk_user_id_check_sql

    return clerk_user_id_check_sql(column)


def check_in(column: str, enumeration: type[enum.StrEnum]) -> str:
    """SQL for ``column IN (...)`` over an enumeration's values."""
    values = ", ".join(f"'{member.value}'" for member in enumeration)
    return f"{column} IN ({values})"


class FaceCheckStatus(enum.StrEnum):
    """Whether a submission's face checks ran."""

    DONE = "done"
    UNAVAILABLE = "unavailable"  # failed or timed out; the backfill tries again


class FaceBand(enum.StrEnum):
    """Selfie↔CNIC face distance as moderators read it (bands are settings)."""

    LIKELY_SAME = "likely_same"
    LOOK_CLOSELY = "look_closely"
    LIKELY_DIFFERENT = "likely_different"
