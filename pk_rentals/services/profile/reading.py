"""The whole profile in one query (no N+1): the person's own, and the public one."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session

from pk_rentals import db
from pk_rentals.models import Language, User, UserPreferences, UserVerification
from pk_rentals.models.base import as_utc
from pk_rentals.models.enums import Theme, VerificationLevel
from pk_rentals.services.profile.form import NOTIFICATION_CHANNELS

# --- reading: one query for the whole profile (no N+1) --------------------------------------


@dataclasses.dataclass(frozen=True)
class PublicProfile:
    """What anybody may see of a person. It has no email, phone, CNIC or selfie
    field at all, so a public page cannot show them by mistake."""

    user_id: str
    display_name: str
    avatar_url: str | None  # Clerk's image (the social avatar); initials when None
    level: VerificationLevel
    city: str
    province: str
    member_since: datetime
    average_rating: Decimal
    total_reviews: int
    response_rate: Decimal
    completed_bookings: int


@dataclasses.dataclass(frozen=True)
class OwnProfile:
    """The signed-in owner's full profile: the public part and the private fields."""

    public: PublicProfile
    clerk_user_id: str
    email: str | None
    email_verified: bool
    phone: str | None  # E.164
    phone_verified: bool
    verified_phone: str | None  # the number Clerk verified, E.164
    area: str | None
    bio: str | None
    preferred_language: Language
    theme: Theme
    notification_settings: dict[str, bool]
    verification_selfie_url: str | None  # never public: only the person and moderators see it
    complete: bool


_USERS = User.__table__
_VERIFICATIONS = UserVerification.__table__
_PREFERENCES = UserPreferences.__table__
# The profile's columns only, read as plain rows: every page load and preference save
# reads one, and building three ORM objects of every column cost more than the query.
_PROFILE_COLUMNS = (
    _USERS.c.id,
    _USERS.c.clerk_user_id,
    _USERS.c.display_name,
    _USERS.c.clerk_image_url,
    _USERS.c.city,
    _USERS.c.province,
    _USERS.c.created_at,
    _USERS.c.average_rating,
    _USERS.c.total_reviews,
    _USERS.c.response_rate,
    _USERS.c.completed_bookings,
    _USERS.c.clerk_email,
    _USERS.c.phone,
    _USERS.c.clerk_verified_phone,
    _USERS.c.area,
    _USERS.c.bio,
    _USERS.c.preferred_language,
    _USERS.c.notification_settings,
    _USERS.c.profile_completed_at,
    _VERIFICATIONS.c.verification_level,
    _VERIFICATIONS.c.email_verified,
    _VERIFICATIONS.c.phone_verified,
    _VERIFICATIONS.c.verification_selfie_url,
    _PREFERENCES.c.id.label("preferences_id"),
    _PREFERENCES.c.theme,
    _PREFERENCES.c.notifications.label("email_notifications"),
)


def _profile_select(condition) -> sa.Select:
    return (
        sa.select(*_PROFILE_COLUMNS)
        .select_from(_USERS)
        .outerjoin(_VERIFICATIONS, _VERIFICATIONS.c.user_id == _USERS.c.id)
        .outerjoin(_PREFERENCES, _PREFERENCES.c.clerk_user_id == _USERS.c.clerk_user_id)
        .where(condition)
    )


# Built once: SQLAlchemy then finds their compiled form without building a cache key.
_BY_CLERK_USER_ID = _profile_select(_USERS.c.clerk_user_id == sa.bindparam("key"))
_BY_USER_ID = _profile_select(_USERS.c.id == sa.bindparam("key", type_=sa.Uuid))


def _profile_row(db_connection: Session | sa.Connection, statement, key) -> sa.Row | None:
    return db_connection.execute(statement, {"key": key}).first()


def _read_row(connection: Session | sa.Connection | None, statement, key) -> sa.Row | None:
    """The row on the caller's connection, else on a new autocommit one (a read needs
    no transaction round trips)."""
    if connection is not None:
        return _profile_row(connection, statement, key)
    with db.reading() as own:
        return _profile_row(own, statement, key)


def _public(row: sa.Row) -> PublicProfile:
    return PublicProfile(
        user_id=str(row.id),
        display_name=row.display_name,
        avatar_url=row.clerk_image_url,
        level=VerificationLevel(row.verification_level or VerificationLevel.UNVERIFIED),
        city=row.city,
        province=row.province,
        member_since=as_utc(row.created_at),
        average_rating=Decimal(row.average_rating),
        total_reviews=row.total_reviews,
        response_rate=Decimal(row.response_rate),
        completed_bookings=row.completed_bookings,
    )


def notification_settings(stored: object, email: bool | None) -> dict[str, bool]:
    """Every channel with its switch, from ``users.notification_settings`` and
    ``user_preferences.notifications`` (the email preference; None: no row)."""
    stored = stored if isinstance(stored, dict) else {}
    settings = {channel: bool(stored.get(channel, True)) for channel in NOTIFICATION_CHANNELS}
    if email is not None:
        settings["email"] = bool(email)
    return settings


def own_profile(
    clerk_user_id: str, *, connection: Session | sa.Connection | None = None
) -> OwnProfile | None:
    """The signed-in user's profile in one SQL statement (no Backend API call: Clerk's
    fields come from the copy webhooks and the sign-in sync keep fresh). Read on its
    own autocommit connection unless the caller's ``connection`` is given."""
    row = _read_row(connection, _BY_CLERK_USER_ID, clerk_user_id)
    if row is None:
        return None
    return OwnProfile(
        public=_public(row),
        clerk_user_id=row.clerk_user_id,
        email=row.clerk_email,
        email_verified=bool(row.email_verified),
        phone=row.phone,
        phone_verified=bool(row.phone_verified),
        verified_phone=row.clerk_verified_phone,
        area=row.area,
        bio=row.bio,
        preferred_language=Language(row.preferred_language),
        theme=Theme(row.theme) if row.theme else Theme.SYSTEM,
        notification_settings=notification_settings(
            row.notification_settings, row.email_notifications
        ),
        verification_selfie_url=row.verification_selfie_url,
        complete=row.profile_completed_at is not None,
    )


def public_profile(
    user_id: str, *, connection: Session | sa.Connection | None = None
) -> PublicProfile | None:
    """Anybody's public profile by the app's user id, in one SQL statement; None for
    an unknown id or a profile that was never completed."""
    try:
        key = uuid.UUID(str(user_id))
    except ValueError:
        return None
    row = _read_row(connection, _BY_USER_ID, key)
    if row is None or row.profile_completed_at is None:
        return None
    return _public(row)
