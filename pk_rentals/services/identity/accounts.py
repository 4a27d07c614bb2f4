"""The app's side of a Clerk account: its ``users`` row and our copy of Clerk's fields.

Clerk owns the account; we link by ``clerk_user_id``. The copy is kept
fresh by webhooks and by the sign-in sync, never with data older than what we
hold, and a deleted account leaves a tombstone so nothing late can bring it back.

Transactions: each writing function works in the caller's session and ends with
one ``commit``, which also commits whatever the caller staged first (the webhook
route stages its processed-id row there, so effects and dedupe record are atomic).
Inserts that can race use SAVEPOINTs, so a lost race rolls back only that insert.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from pk_rentals.models import (
    AuditEntry,
    AuthSession,
    ClerkUserTombstone,
    Role,
    User,
    UserPreferences,
    UserVerification,
)
from pk_rentals.models.base import as_utc
from pk_rentals.services.identity import sessions
from pk_rentals.services.identity.clerk_ids import ClerkUserId, check_clerk_user_id
from pk_rentals.services.levels import apply_level
from pk_rentals.services.storage import get_media_store
from pk_rentals.settings import get_settings

E164_PATTERN = r"^\+[1-9][0-9]{1,14}$"
SESSION_END_USER_DELETED = "user_deleted"


class AccountDeleted(Exception):
    """The Clerk user was deleted; its rows must not be created again."""


# --- Clerk's user JSON -----------------------------------------------------------------


class _Verification(BaseModel):
    status: str | None = None


class _EmailAddress(BaseModel):
    id: str
    email_address: str
    verification: _Verification | None = None


class _PhoneNumber(BaseModel):
    id: str
    phone_number: str = Field(pattern=E164_PATTERN)
    verification: _Verification | None = None


class _UserJson(BaseModel):
    """The fields we read of Clerk's user object; strict, so a wrong type is refused."""

    model_config = ConfigDict(strict=True, extra="ignore")

    id: ClerkUserId
    first_name: str | None = None
    last_name: str | None = None
    primary_email_address_id: str | None = None
    email_addresses: list[_EmailAddress] = []
    primary_phone_number_id: str | None = None
    phone_numbers: list[_PhoneNumber] = []
    has_image: bool = False
    image_url: str | None = None
    public_metadata: dict | None = None
    updated_at: int  # Unix milliseconds


def _is_verified(identification: _EmailAddress | _PhoneNumber) -> bool:
    return identification.verification is not None and (
        identification.verification.status == "verified"
    )


@dataclasses.dataclass(frozen=True)
class ClerkUser:
    """What we keep of a Clerk user (Backend API ``GET /v1/users/{id}`` or webhook ``data``)."""

    id: str
    first_name: str | None
    last_name: str | None
    primary_email: str | None
    email_verified: bool
    verified_phone: str | None  # E.164, the primary (or first) number Clerk verified
    verified_phones: tuple[str, ...]  # E.164, every number Clerk verified
    image_url: str | None  # only an uploaded image, not Clerk's generated initials
    updated_at: datetime  # aware UTC
    role: Role = Role.USER  # public_metadata.role; anything unknown is a plain user

    @classmethod
    def from_json(cls, data: dict) -> ClerkUser:
        """Parse Clerk's user JSON; ``ValueError`` says which field is wrong."""
        if not isinstance(data, dict):
            raise ValueError("not a Clerk user: expected a JSON object")
        try:
            user = _UserJson.model_validate(data)
        except ValidationError as error:
            raise ValueError(f"not a Clerk user: {validation_reason(error)}") from None
        email = next(
            (e for e in user.email_addresses if e.id == user.primary_email_address_id), None
        )
        verified_phones = [p for p in user.phone_numbers if _is_verified(p)]
        phone = next(
            (p for p in verified_phones if p.id == user.primary_phone_number_id),
            verified_phones[0] if verified_phones else None,
        )
        return cls(
            id=user.id,
            first_name=user.first_name or None,
            last_name=user.last_name or None,
            primary_email=email.email_address if email else None,
            email_verified=email is not None and _is_verified(email),
            verified_phone=phone.phone_number if phone else None,
            verified_phones=tuple(p.phone_number for p in verified_phones),
            image_url=(user.image_url or None) if user.has_image else None,
            updated_at=datetime.fromtimestamp(user.updated_at / 1000, UTC),
            role=_role(user.public_metadata),
        )

    @property
    def display_name(self) -> str:
        return " ".join(name for name in (self.first_name, self.last_name) if name)


def _role(public_metadata: dict | None) -> Role:
    """``public_metadata.role`` if it names a role we know, else ``user``: a typo in
    the Clerk dashboard must never grant anything."""
    value = (public_metadata or {}).get("role")
    return Role(value) if value in tuple(Role) else Role.USER


def validation_reason(error: ValidationError) -> str:
    """One line naming each wrong field, e.g. ``id: Field required``."""
    return "; ".join(
        f"{'.'.join(str(part) for part in e['loc']) or 'value'}: {e['msg']}" for e in error.errors()
    )


# --- reading ---------------------------------------------------------------------------


def is_deleted(session: Session, clerk_user_id: str) -> bool:
    return session.get(ClerkUserTombstone, clerk_user_id) is not None


def find_user(session: Session, clerk_user_id: str) -> User | None:
    return session.exec(select(User).where(User.clerk_user_id == clerk_user_id)).first()


def email_verified_of(session: Session, clerk_user_id: str) -> bool:
    """``user_verifications.email_verified`` of a user (False when there is no row)."""
    return bool(
        session.exec(
            select(UserVerification.email_verified)
            .join(User, User.id == UserVerification.user_id)
            .where(User.clerk_user_id == clerk_user_id)
        ).first()
    )


def user_media_dir(clerk_user_id: str) -> Path:
    """Where a user's stored media live: ``PK_MEDIA_DIR/<clerk_user_id>/``.

    One folder per Clerk user, so deleting the account deletes one folder.
    """
    _check_clerk_user_id(clerk_user_id)
    return get_settings().media_dir / clerk_user_id


# --- writing ---------------------------------------------------------------------------


def get_or_create_user(
    session: Session, clerk_user_id: str, clerk_user: ClerkUser | None = None
) -> User:
    """The user's row, created with its verification and preferences rows on first sight.

    Race-safe: two requests at once make one row (unique ``clerk_user_id``; the loser's
    INSERT fails, rolls back to its savepoint and reads the winner's row). Raises
    ``AccountDeleted`` for a tombstoned id. With ``clerk_user``, applies it too.
    """
    _check_clerk_user_id(clerk_user_id)
    if clerk_user is not None and clerk_user.id != clerk_user_id:
        raise ValueError(f"Clerk user {clerk_user.id} is not {clerk_user_id}")
    _lock_clerk_user(session, clerk_user_id)
    if is_deleted(session, clerk_user_id):
        raise AccountDeleted(clerk_user_id)
    user = find_user(session, clerk_user_id) or _insert_user(session, clerk_user_id, clerk_user)
    _ensure_companions(session, user)
    if clerk_user is not None:
        _refresh_clerk_fields(session, user, clerk_user)
    session.commit()
    return user


def apply_clerk_user(session: Session, clerk_user: ClerkUser) -> User | None:
    """Refresh our copy of Clerk's fields, unless what we hold is newer.

    Creates the user when missing (``user.updated`` can arrive before
    ``user.created``). Returns None, writing nothing, for a deleted account.
    """
    try:
        return get_or_create_user(session, clerk_user.id, clerk_user)
    except AccountDeleted:
        return None


def delete_clerk_user(session: Session, clerk_user_id: str) -> None:
    """Remove what we hold for a deleted Clerk user and keep a tombstone (idempotent).

    Deletes the ``users`` row (its ``user_verifications`` row, submissions, drafts
    and selfie codes cascade; audit rows about the user lose the link and their
    note), the ``user_preferences`` row, ends the user's server-side sessions (end_reason
    ``user_deleted``) and deletes every stored image of the user (the local folder
    ``PK_MEDIA_DIR/<clerk_user_id>/``, or the Cloudinary assets under the user's
    prefix). The images go before the commit: if the commit fails the webhook is
    retried and finishes the job, whereas images left behind after a committed
    deletion would be orphans.
    """
    _check_clerk_user_id(clerk_user_id)
    _lock_clerk_user(session, clerk_user_id)
    if not is_deleted(session, clerk_user_id):
        _insert_once(session, ClerkUserTombstone(clerk_user_id=clerk_user_id))
    # The audit log keeps moderators' decisions about this person, without the person:
    # the links to them become NULL with the row (ON DELETE SET NULL), and the
    # free-text notes, which may name or describe them, are cleared here.
    user_ids = sa.select(User.id).where(User.clerk_user_id == clerk_user_id).scalar_subquery()
    session.exec(
        sa.update(AuditEntry)
        .where(AuditEntry.subject_id == user_ids, AuditEntry.note.is_not(None))
        .values(note=None)
    )
    session.exec(sa.delete(User).where(User.clerk_user_id == clerk_user_id))
    session.exec(sa.delete(UserPreferences).where(UserPreferences.clerk_user_id == clerk_user_id))
    session.exec(
        sa.update(AuthSession)
        .where(AuthSession.clerk_user_id == clerk_user_id, AuthSession.ended_at.is_(None))
        .values(
            ended_at=datetime.now(UTC), end_reason=SESSION_END_USER_DELETED, last_active_at=None
        )
    )
    get_media_store().delete_owner(clerk_user_id)
    session.commit()
    sessions.recently_seen.forget_user(clerk_user_id)


# --- helpers ---------------------------------------------------------------------------


def _check_clerk_user_id(clerk_user_id: str) -> None:
    """Refuse a malformed id before any row or folder is touched
    (``InvalidClerkUserId``, a ``ValueError``)."""
    check_clerk_user_id(clerk_user_id)


def _lock_clerk_user(session: Session, clerk_user_id: str) -> None:
    """Serialise writers of one Clerk user until the transaction ends (PostgreSQL).

    Without it a deletion and a concurrent first update could both commit: the
    deletion cannot see the update's uncommitted INSERT, so the user would come back
    beside its tombstone. SQLite needs nothing: it has one writer at a time, and the
    tombstone is read again after our INSERT holds that write lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.exec(
            sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtextextended(clerk_user_id, 0)))
        )


def _insert_user(session: Session, clerk_user_id: str, clerk_user: ClerkUser | None) -> User:
    user = User(
        clerk_user_id=clerk_user_id,
        display_name=clerk_user.display_name if clerk_user else "",
        city="",  # the profile setup wizard fills city and province
        province="",
    )
    try:
        with session.begin_nested():
            session.add(user)
            session.flush()
            if is_deleted(session, clerk_user_id):  # deleted while we looked
                raise AccountDeleted(clerk_user_id)
    except IntegrityError:
        user = find_user(session, clerk_user_id)
        if user is None:
            raise
    return user


def _ensure_companions(session: Session, user: User) -> None:
    """One verification record and one preferences record per user."""
    verification = select(UserVerification).where(UserVerification.user_id == user.id)
    if session.exec(verification).first() is None:
        _insert_once(session, UserVerification(user_id=user.id))
    preferences = select(UserPreferences).where(UserPreferences.clerk_user_id == user.clerk_user_id)
    if session.exec(preferences).first() is None:
        _insert_once(session, UserPreferences(clerk_user_id=user.clerk_user_id))


def _insert_once(session: Session, row: SQLModel) -> bool:
    """Insert ``row`` unless a concurrent transaction inserted its unique key first."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


def _refresh_clerk_fields(session: Session, user: User, clerk_user: ClerkUser) -> None:
    held = user.clerk_updated_at
    if held is not None and as_utc(held) > clerk_user.updated_at:
        return  # a late delivery of older data
    user.clerk_email = clerk_user.primary_email
    user.clerk_image_url = clerk_user.image_url
    if not user.phone and clerk_user.verified_phone:
        user.phone = clerk_user.verified_phone  # prefills the profile form
    user.clerk_verified_phone = (
        user.phone if user.phone in clerk_user.verified_phones else clerk_user.verified_phone
    )
    user.clerk_updated_at = clerk_user.updated_at
    user.role = clerk_user.role
    if not user.display_name:  # never overwrite a name the user chose in the profile
        user.display_name = clerk_user.display_name
    session.add(user)
    verification = session.exec(
        select(UserVerification).where(UserVerification.user_id == user.id)
    ).one()
    verification.email_verified = clerk_user.email_verified
    apply_phone_rule(user, verification)
    session.add(verification)


def apply_phone_rule(user: User, verification: UserVerification) -> None:
    """``phone_verified`` (and with it the ``basic`` level) holds only while the
    profile's number is one Clerk verified; moderator levels are never touched."""
    verification.phone_verified = bool(user.phone) and user.phone == user.clerk_verified_phone
    apply_level(user, verification)
