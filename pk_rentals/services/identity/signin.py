"""What happens when a session is first seen: the user's row, and a fresh copy
of the Clerk account if the webhooks have not delivered it (the sign-in is the
fallback)."""

from __future__ import annotations

import dataclasses
import logging

from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import Language, Role, User, UserPreferences, UserVerification
from pk_rentals.models.enums import Theme
from pk_rentals.services.identity.accounts import (
    ClerkUser,
    apply_clerk_user,
    email_verified_of,
    get_or_create_user,
)
from pk_rentals.services.identity.sessions import backend_api
from pk_rentals.services.profile import notification_settings, save_preferences_of

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class SignedInUser:
    clerk_user_id: str
    display_name: str
    email: str | None
    profile_complete: bool
    synced: bool  # False: Clerk's Backend API was unreachable and no webhook had come
    theme: Theme  # saved preferences, applied to the interface at sign-in
    language: Language
    is_moderator: bool  # users.role is moderator or admin (Clerk public_metadata.role)
    # ID verification and phone changes wait for a verified address.
    email_verified: bool = False
    # Notification channels -> on/off: kept in the session's state from sign-in on,
    # so the settings page needs no query ("cached in application state").
    notifications: dict[str, bool] = dataclasses.field(default_factory=dict)

    @property
    def must_set_up_profile(self) -> bool:
        """A renter is sent to profile setup until the profile is complete. Staff are
        not: a moderator or admin works on the review pages and may never rent, so a
        missing city or mobile number must not stand between them and the queue."""
        return not self.profile_complete and not self.is_moderator


def fetch_clerk_user(clerk_user_id: str) -> ClerkUser | None:
    """The account from Clerk's Backend API, or None when it is down or slow."""
    try:
        with backend_api() as clerk:
            user = clerk.users.get(user_id=clerk_user_id)
        return ClerkUser.from_json(user.model_dump(mode="json"))
    except Exception as error:  # degraded, not broken: the sign-in still works
        log.warning("Backend API unavailable for %s: %s", clerk_user_id, error)
        return None


def preferences_at_sign_in(
    user: SignedInUser, *, browser_theme: str | None, browser_language: Language
) -> tuple[Theme, Language] | None:
    """Which preferences win at sign-in. A returning person's saved theme and language
    (returned, for this browser to use); a new person keeps what they chose before
    signing up, and that is saved for them now (None: nothing to change)."""
    if user.profile_complete:
        return user.theme, user.language
    save_preferences_of(user.clerk_user_id, theme=browser_theme or None, language=browser_language)
    return None


def refresh_from_clerk(clerk_user_id: str) -> bool:
    """Our copy of the account, fetched fresh from Clerk's Backend API (the browser's
    word is not proof); False when Clerk did not answer."""
    clerk_user = fetch_clerk_user(clerk_user_id)
    if clerk_user is None:
        return False
    with db.session() as session:
        apply_clerk_user(session, clerk_user)
    return True


def email_verified(clerk_user_id: str) -> bool:
    """Whether our copy says Clerk verified the person's email address."""
    with db.session() as session:
        return email_verified_of(session, clerk_user_id)


def sign_in_user(clerk_user_id: str) -> SignedInUser:
    """Get or create the user's rows (raises ``AccountDeleted`` for a deleted one)."""
    with db.session() as session:
        user = get_or_create_user(session, clerk_user_id)
        synced = user.clerk_updated_at is not None
    if not synced:
        clerk_user = fetch_clerk_user(clerk_user_id)
        if clerk_user is not None:
            with db.session() as session:
                apply_clerk_user(session, clerk_user)
                session.commit()
            synced = True
    with db.session() as session:
        # One statement: the user, its verification flag and its preferences (the
        # companions exist: get_or_create_user made them with the user).
        user, email_verified, preferences = session.exec(
            select(User, UserVerification.email_verified, UserPreferences)
            .join(UserVerification, UserVerification.user_id == User.id)
            .join(UserPreferences, UserPreferences.clerk_user_id == User.clerk_user_id)
            .where(User.clerk_user_id == clerk_user_id)
        ).one()
        return SignedInUser(
            clerk_user_id=clerk_user_id,
            display_name=user.display_name,
            email=user.clerk_email,
            profile_complete=user.profile_completed_at is not None,
            synced=synced,
            theme=Theme(preferences.theme),
            language=Language(user.preferred_language),
            is_moderator=user.role in (Role.MODERATOR, Role.ADMIN),
            email_verified=bool(email_verified),
            notifications=notification_settings(
                user.notification_settings, preferences.notifications
            ),
        )
