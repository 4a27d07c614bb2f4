"""Saving a profile and preferences."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import Language, User, UserPreferences, UserVerification
from pk_rentals.models.base import utcnow
from pk_rentals.models.enums import Theme
from pk_rentals.services.identity.accounts import apply_phone_rule
from pk_rentals.services.identity.clerk_ids import check_clerk_user_id
from pk_rentals.services.profile.form import NOTIFICATION_CHANNELS, ProfileInput, ProfileInvalid

_USERS = User.__table__
_PREFERENCES = UserPreferences.__table__

# --- writing ---------------------------------------------------------------------------


class ProfileMissing(LookupError):
    """The signed-in user has no row (deleted meanwhile)."""


def save_profile(clerk_user_id: str, data: ProfileInput, *, session: Session | None = None) -> User:
    """Store a checked profile and mark the setup complete (idempotent: saving the same
    form twice leaves the same row), committed in its own session unless the caller's
    ``session`` is given. The phone counts as verified only while it is the number
    Clerk verified."""
    if session is None:
        with db.session() as own:
            return save_profile(clerk_user_id, data, session=own)
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
        # A sensitive change waits for a verified email address: it is how we reach
        # the person if someone else took over the account.
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
