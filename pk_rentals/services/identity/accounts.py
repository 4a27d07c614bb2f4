"""The app's side of a Clerk account: its ``users`` row and the copy of Clerk's fields.

Clerk owns the account; we link by ``clerk_user_id`` (seed 000). The copy is
refreshed by webhooks and by the sign-in sync, never with older data than we hold,
and a deleted account leaves a tombstone so nothing late can bring it back.
Stored media of a user live under ``PK_MEDIA_DIR/<clerk_user_id>/`` and go with it.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from pk_rentals.models import (
    AuthSession,
    ClerkUserTombstone,
    User,
    UserPreferences,
    UserVerification,
    VerificationLevel,
)
from pk_rentals.settings import get_settings


class AccountDeleted(Exception):
    """The Clerk user was deleted; its rows must not be created again."""


@dataclasses.dataclass(frozen=True)
class ClerkUser:
    """What we keep of a Clerk user object (Backend API or webhook ``data``)."""

    id: str
    first_name: str | None
    last_name: str | None
    primary_email: str | None
    email_verified: bool
    verified_phone: str | None
    image_url: str | None
    updated_at: datetime

    @classmethod
    def from_json(cls, data: dict) -> ClerkUser:
        if not isinstance(data, dict):
            raise ValueError("the user is not a JSON object")
        user_id = data.get("id")
        if not isinstance(user_id, str) or not user_id.startswith("user_"):
            raise ValueError("the user has no Clerk id (user_...)")
        updated = data.get("updated_at")
        if not isinstance(updated, int):
            raise ValueError("the user has no updated_at in milliseconds")
        emails = _list(data, "email_addresses")
        primary = next(
            (e for e in emails if e.get("id") == data.get("primary_email_address_id")), None
        )
        phones = _list(data, "phone_numbers")
        verified_phones = [p for p in phones if _verified(p)]
        phone = next(
            (p for p in verified_phones if p.get("id") == data.get("primary_phone_number_id")),
            verified_phones[0] if verified_phones else None,
        )
        return cls(
            id=user_id,
            first_name=data.get("first_name") or None,
            last_name=data.get("last_name") or None,
            primary_email=primary.get("email_address") if primary else None,
            email_verified=bool(primary and _verified(primary)),
            verified_phone=phone.get("phone_number") if phone else None,
            image_url=(data.get("image_url") or None) if data.get("has_image") else None,
            updated_at=datetime.fromtimestamp(updated / 1000, UTC),
        )

    @property
    def display_name(self) -> str:
        return " ".join(n for n in (self.first_name, self.last_name) if n)


def _list(data: dict, key: str) -> list[dict]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{key} must be a list of objects")
    return value


def _verified(identification: dict) -> bool:
    return (identification.get("verification") or {}).get("status") == "verified"


def is_deleted(session: Session, clerk_user_id: str) -> bool:
    return session.get(ClerkUserTombstone, clerk_user_id) is not None


def find_user(session: Session, clerk_user_id: str) -> User | None:
    return session.exec(select(User).where(User.clerk_user_id == clerk_user_id)).first()


def get_or_create_user(
    session: Session, clerk_user_id: str, clerk_user: ClerkUser | None = None
) -> User:
    """The user's row, created with its verification and preferences rows on first
    sight. Race-safe: two tabs at once make one row (unique clerk_user_id + retry)."""
    if is_deleted(session, clerk_user_id):
        raise AccountDeleted(clerk_user_id)
    user = find_user(session, clerk_user_id)
    if user is None:
        user = User(
            clerk_user_id=clerk_user_id,
            display_name=clerk_user.display_name if clerk_user else "",
            city="",
            province="",
        )
        session.add(user)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            user = find_user(session, clerk_user_id)
            if user is None:
                raise
    _ensure_companions(session, user)
    if clerk_user is not None:
        apply_clerk_user(session, clerk_user)
    return user


def _ensure_companions(session: Session, user: User) -> None:
    """One verification record and one preferences record per user (seed 000/004)."""
    for model, match, make in (
        (
            UserVerification,
            UserVerification.user_id == user.id,
            lambda: UserVerification(user_id=user.id),
        ),
        (
            UserPreferences,
            UserPreferences.clerk_user_id == user.clerk_user_id,
            lambda: UserPreferences(clerk_user_id=user.clerk_user_id),
        ),
    ):
        if session.exec(select(model).where(match)).first() is None:
            session.add(make())
            try:
                session.commit()
            except IntegrityError:  # created meanwhile by another request
                session.rollback()


def apply_clerk_user(session: Session, clerk_user: ClerkUser) -> User | None:
    """Refresh the copy of Clerk's fields, unless what we hold is newer.

    Returns None (and writes nothing) for a deleted account. A verified phone
    raises the level from unverified to basic; losing it lowers basic back.
    """
    if is_deleted(session, clerk_user.id):
        return None
    user = find_user(session, clerk_user.id)
    if user is None:
        return get_or_create_user(session, clerk_user.id, clerk_user)
    held = user.clerk_updated_at
    if held is not None and _aware(held) > clerk_user.updated_at:
        return user
    user.clerk_email = clerk_user.primary_email
    user.clerk_image_url = clerk_user.image_url
    user.clerk_verified_phone = clerk_user.verified_phone
    user.clerk_updated_at = clerk_user.updated_at
    if not user.display_name and clerk_user.display_name:
        user.display_name = clerk_user.display_name
    session.add(user)
    verification = session.exec(
        select(UserVerification).where(UserVerification.user_id == user.id)
    ).first()
    if verification is not None:
        verification.email_verified = clerk_user.email_verified
        verification.phone_verified = clerk_user.verified_phone is not None
        level = verification.verification_level
        if verification.phone_verified and level == VerificationLevel.UNVERIFIED:
            verification.verification_level = VerificationLevel.BASIC
        elif not verification.phone_verified and level == VerificationLevel.BASIC:
            verification.verification_level = VerificationLevel.UNVERIFIED
        session.add(verification)
    session.commit()
    session.refresh(user)
    return user


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def delete_clerk_user(session: Session, clerk_user_id: str) -> None:
    """Remove everything we hold for a deleted Clerk user and keep a tombstone."""
    user = find_user(session, clerk_user_id)
    if user is not None:
        session.delete(user)  # user_verifications go with it (ON DELETE CASCADE)
    preferences = session.exec(
        select(UserPreferences).where(UserPreferences.clerk_user_id == clerk_user_id)
    ).first()
    if preferences is not None:
        session.delete(preferences)
    now = datetime.now(UTC)
    for row in session.exec(
        select(AuthSession).where(
            AuthSession.clerk_user_id == clerk_user_id, AuthSession.ended_at.is_(None)
        )
    ):
        row.ended_at, row.end_reason = now, "user_deleted"
        session.add(row)
    if not is_deleted(session, clerk_user_id):
        session.add(ClerkUserTombstone(clerk_user_id=clerk_user_id))
    session.commit()
    shutil.rmtree(get_settings().media_dir / clerk_user_id, ignore_errors=True)
