"""Profiles: what a user may type, the one-query profile fetch, and saving.

Reflex-free, so the pages, the API and the tests share it. Problems are message ids
of pk_rentals.i18n keyed by form field, so the page shows them in the user's
language next to the field they concern.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

import phonenumbers
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import Language, Province, User, UserPreferences, UserVerification
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.models.enums import Theme, VerificationLevel
from pk_rentals.places import OTHER_CITY, city_names
from pk_rentals.services.identity.accounts import apply_phone_rule
from pk_rentals.services.identity.clerk_ids import check_clerk_user_id

NAME_LENGTH = (2, 50)
CITY_LENGTH = (2, 50)
AREA_MAX = 100
BIO_MAX = 500
PHONE_INPUT_MAX = 32  # longer input is not a phone number, whatever it holds
NOTIFICATION_CHANNELS = ("email", "sms", "in_app")
# Every problem parse_profile can report (message ids of pk_rentals.i18n).
PROBLEMS = (
    "form.name.required",
    "form.name.length",
    "form.name.markup",
    "form.name.letters",
    "form.phone.required",
    "form.phone.invalid",
    "form.province.required",
    "form.city.required",
    "form.city_other.invalid",
    "form.area.invalid",
    "form.bio.length",
    "form.language.invalid",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_MARKUP = re.compile(r"[<>]")
_PHONE_CHARACTERS = re.compile(r"[\d\s()+.-]+")  # \d: any script's digits (Urdu too)


class ProfileInvalid(ValueError):
    """Some fields are wrong: ``problems`` maps each field to a message id."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(", ".join(f"{field}: {key}" for field, key in problems.items()))
        self.problems = problems


@dataclasses.dataclass(frozen=True)
class ProfileInput:
    """A checked profile form, ready to store."""

    display_name: str
    phone: str  # E.164, +923XXXXXXXXX
    province: str
    city: str
    area: str | None
    bio: str | None
    preferred_language: Language


# --- checking what people type ---------------------------------------------------------


def clean_text(value: object, *, multiline: bool = False) -> str:
    """Text as stored: NFC, no control or direction-override characters, trimmed;
    single-line text has its runs of spaces collapsed."""
    text = unicodedata.normalize("NFC", str(value or ""))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL.sub("", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = _CONTROL.sub(" ", text.replace("\n", " "))
        text = re.sub(r"\s+", " ", text)
    return text.strip()


def normalize_mobile(raw: object) -> str:
    """A Pakistani mobile number in E.164 (``+923001234567``) from the forms people
    type: ``03001234567``, ``0300-1234567``, ``+92 300 1234567``, ``923001234567``.
    Raises ``ValueError`` for anything else, landlines included."""
    text = str(raw or "").strip()
    if not text or len(text) > PHONE_INPUT_MAX or not _PHONE_CHARACTERS.fullmatch(text):
        raise ValueError("not a phone number")
    if text.startswith("92"):
        text = "+" + text
    try:
        number = phonenumbers.parse(text, "PK")
    except phonenumbers.NumberParseException as error:
        raise ValueError("not a phone number") from error
    if number.country_code != 92 or not phonenumbers.is_valid_number(number):
        raise ValueError("not a Pakistani phone number")
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        raise ValueError("not a mobile number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@functools.lru_cache(maxsize=4096)  # every profile page load formats its owner's number
def display_mobile(e164: str | None) -> str:
    """``+92 300 1234567`` for an E.164 number; "" for none."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def initials(name: str) -> str:
    """Up to two initials for an avatar without an image (any script)."""
    words = [word for word in name.split() if word[:1].isalpha()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def parse_profile(form: Mapping[str, object]) -> ProfileInput:
    """Check a submitted profile form; raises ``ProfileInvalid`` naming every bad field.

    Fields: display_name, phone, province, city, city_other (when city is "other"),
    area, bio, preferred_language.
    """
    problems: dict[str, str] = {}

    name = clean_text(form.get("display_name"))
    if not name:
        problems["display_name"] = "form.name.required"
    elif not NAME_LENGTH[0] <= len(name) <= NAME_LENGTH[1]:
        problems["display_name"] = "form.name.length"
    elif _MARKUP.search(name):
        problems["display_name"] = "form.name.markup"
    elif not any(character.isalpha() for character in name):
        problems["display_name"] = "form.name.letters"

    phone = clean_text(form.get("phone"))
    if not phone:
        problems["phone"] = "form.phone.required"
    else:
        try:
            phone = normalize_mobile(phone)
        except ValueError:
            problems["phone"] = "form.phone.invalid"

    province = clean_text(form.get("province"))
    if province not in {p.value for p in Province}:
        problems["province"] = "form.province.required"

    city = clean_text(form.get("city"))
    if "province" in problems:
        pass  # the city list depends on the province
    elif city == OTHER_CITY:
        city = clean_text(form.get("city_other"))
        if not CITY_LENGTH[0] <= len(city) <= CITY_LENGTH[1] or _MARKUP.search(city):
            problems["city_other"] = "form.city_other.invalid"
    elif city not in city_names(province):
        problems["city"] = "form.city.required"

    area = clean_text(form.get("area")) or None
    if area and (len(area) > AREA_MAX or _MARKUP.search(area)):
        problems["area"] = "form.area.invalid"

    bio = clean_text(form.get("bio"), multiline=True) or None
    if bio and len(bio) > BIO_MAX:
        problems["bio"] = "form.bio.length"

    try:
        language = Language(clean_text(form.get("preferred_language")) or Language.URDU.value)
    except ValueError:
        problems["preferred_language"] = "form.language.invalid"
        language = Language.URDU

    if problems:
        raise ProfileInvalid(problems)
    return ProfileInput(name, phone, province, city, area, bio, language)


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


def own_profile(session: Session | sa.Connection, clerk_user_id: str) -> OwnProfile | None:
    """The signed-in user's profile in one SQL statement (no Backend API call: Clerk's
    fields come from the copy webhooks and the sign-in sync keep fresh). A session or
    a connection (``db.reading()``: no transaction round trips)."""
    row = _profile_row(session, _BY_CLERK_USER_ID, clerk_user_id)
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


def public_profile(session: Session | sa.Connection, user_id: str) -> PublicProfile | None:
    """Anybody's public profile by the app's user id, in one SQL statement; None for
    an unknown id or a profile that was never completed."""
    try:
        key = uuid.UUID(str(user_id))
    except ValueError:
        return None
    row = _profile_row(session, _BY_USER_ID, key)
    if row is None or row.profile_completed_at is None:
        return None
    return _public(row)


# --- writing ---------------------------------------------------------------------------


class ProfileMissing(LookupError):
    """The signed-in user has no row (deleted meanwhile)."""


def save_profile(session: Session, clerk_user_id: str, data: ProfileInput) -> User:
    """Store a checked profile and mark the setup complete (idempotent: saving the same
    form twice leaves the same row). The phone counts as verified only while it is the
    number Clerk verified."""
    check_clerk_user_id(clerk_user_id)
    row = session.exec(
        select(User, UserVerification)
        .outerjoin(UserVerification, UserVerification.user_id == User.id)
        .where(User.clerk_user_id == clerk_user_id)
    ).first()
    if row is None:
        raise ProfileMissing(clerk_user_id)
    user, verification = row
    changing_phone = bool(user.phone) and user.phone != data.phone
    if changing_phone and not (verification is not None and verification.email_verified):
        # Seed 004: a sensitive change waits for a verified email address.
        raise ProfileInvalid({"phone": "form.phone.email_unverified"})
    user.display_name = data.display_name
    user.phone = data.phone
    user.province = data.province
    user.city = data.city
    user.area = data.area
    user.bio = data.bio
    user.preferred_language = data.preferred_language
    user.profile_completed_at = user.profile_completed_at or utcnow()
    session.add(user)
    if verification is not None:
        apply_phone_rule(user, verification)
        session.add(verification)
    session.commit()
    return user


def save_preferences(
    session: Session | sa.Connection,
    clerk_user_id: str,
    *,
    theme: str | None = None,
    language: str | None = None,
    notifications: Mapping[str, bool] | None = None,
) -> None:
    """Store the settings page's choices; an unknown value raises ``ValueError``
    before anything is written. No read first: one UPDATE per table that changes,
    with switches merged into the stored JSON by the database, so two tabs flipping
    different switches at once both keep theirs."""
    check_clerk_user_id(clerk_user_id)
    changes = _preference_changes(theme, language, notifications)
    _store_preferences(session, clerk_user_id, *changes)


def save_preferences_of(clerk_user_id: str, **choices) -> None:
    """``save_preferences`` on its own connection (for event handlers).

    A choice that changes one table (the SMS or in-app switch, the theme, the
    language; not the email switch, nor the header's theme-and-language save) is one
    UPDATE, atomic by itself, so it runs in autocommit: no BEGIN and COMMIT round trips
    around it."""
    check_clerk_user_id(clerk_user_id)
    user_values, preference_values = changes = _preference_changes(**choices)
    with db.get_engine().connect() as connection:
        if not (user_values and preference_values):
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        _store_preferences(connection, clerk_user_id, *changes)


def _preference_changes(
    theme: str | None = None,
    language: str | None = None,
    notifications: Mapping[str, bool] | None = None,
) -> tuple[dict, dict]:
    """The new values for ``users`` and for ``user_preferences``; ``ValueError`` for
    an unknown value."""
    user_values, preference_values = {}, {}
    if theme is not None:
        preference_values["theme"] = Theme(theme).value
    if language is not None:
        user_values["preferred_language"] = Language(language).value
    if notifications is not None:
        unknown = set(notifications) - set(NOTIFICATION_CHANNELS)
        if unknown:
            raise ValueError(f"unknown notification channels: {sorted(unknown)}")
        switches = {channel: bool(on) for channel, on in notifications.items()}
        user_values["notification_settings"] = switches  # merged, see _update_statement
        if "email" in switches:  # user_preferences.notifications is email's switch
            preference_values["notifications"] = switches["email"]
    return user_values, preference_values


def _store_preferences(
    session: Session | sa.Connection,
    clerk_user_id: str,
    user_values: dict,
    preference_values: dict,
) -> None:
    user_exists = bool(user_values) and _update(session, _USERS, user_values, clerk_user_id)
    if user_values and not user_exists:
        raise ProfileMissing(clerk_user_id)
    if preference_values and not _update(session, _PREFERENCES, preference_values, clerk_user_id):
        # The row is made with the user; write it if it is missing, for a user only.
        if (
            not user_exists
            and not session.execute(
                sa.select(_USERS.c.id).where(_USERS.c.clerk_user_id == clerk_user_id)
            ).first()
        ):
            raise ProfileMissing(clerk_user_id)
        session.execute(
            sa.insert(_PREFERENCES).values(
                id=uuid.uuid4(), clerk_user_id=clerk_user_id, **preference_values
            )
        )
    session.commit()


def _update(
    session: Session | sa.Connection, table: sa.Table, values: dict, clerk_user_id: str
) -> bool:
    """UPDATE the row of ``clerk_user_id``; False when there is none."""
    bind = session if isinstance(session, sa.Connection) else session.get_bind()
    statement = _update_statement(table, tuple(sorted(values)), bind.dialect.name)
    parameters = {f"new_{name}": value for name, value in values.items()}
    return session.execute(statement, {"key": clerk_user_id, **parameters}).rowcount > 0


@functools.cache
def _update_statement(table: sa.Table, columns: tuple[str, ...], dialect: str) -> sa.Update:
    """An UPDATE of one user's row, its values bound as ``new_<column>``; built once
    per shape, so SQLAlchemy finds it compiled. ``notification_settings`` is merged
    into what is stored by the database (JSONB ``||`` on PostgreSQL, ``json_patch``
    on SQLite): a read-modify-write in one statement."""
    values = {}
    for name in columns:
        if name == "notification_settings":
            stored = sa.func.coalesce(table.c[name], sa.literal_column("'{}'"))
            if dialect == "postgresql":
                changes = sa.bindparam(f"new_{name}", type_=postgresql.JSONB)
                values[name] = stored.op("||")(changes)
            else:
                values[name] = sa.func.json_patch(
                    stored, sa.bindparam(f"new_{name}", type_=sa.JSON)
                )
        else:
            values[name] = sa.bindparam(f"new_{name}")
    return sa.update(table).where(table.c.clerk_user_id == sa.bindparam("key")).values(values)
