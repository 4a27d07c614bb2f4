"""Job: remind users who have not signed in for a while.

"Last seen" is the newest ``auth_sessions.last_active_at`` of the user, else the
``users`` row's creation (an imported account that never signed in). That table
is the app's own record of every session, touched by each page's activity, so
it says more than Clerk's ``last_sign_in_at`` (a user who keeps one session
open for weeks is active, not absent) and needs no Backend API call per user.

A user gets at most one reminder per ``PK_REMINDER_EVERY_DAYS``
(``user_preferences.last_login_reminder``), only through the channels their
notification settings allow: email to Clerk's primary address when ``email`` is
on, SMS to the number Clerk verified when ``sms`` is on (``in_app`` has nowhere
to appear for someone who is away). The reminder is claimed with a conditional
UPDATE before it is sent, so two workers never both send it; if no channel
accepts it, the claim is given back and the next run tries again.
"""

from __future__ import annotations

import collections
import dataclasses
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.i18n import text
from pk_rentals.models import AuthSession, Language, User, UserPreferences
from pk_rentals.models.base import as_utc
from pk_rentals.services import notifications
from pk_rentals.services.notifications import Channel, Notification
from pk_rentals.services.profile import notification_settings
from pk_rentals.settings import get_settings


@dataclasses.dataclass(frozen=True)
class Absentee:
    clerk_user_id: str
    name: str
    language: Language
    email: str | None
    verified_phone: str | None
    channels: dict[str, bool]
    last_seen: datetime
    last_reminder: datetime | None


def absentees(now: datetime) -> list[Absentee]:
    """Users not seen since the cutoff whose last reminder is older than the period."""
    settings = get_settings()
    unseen_since = now - timedelta(days=settings.reminder_after_days)
    reminded_before = now - timedelta(days=settings.reminder_every_days)
    last_active = (
        select(AuthSession.clerk_user_id, sa.func.max(AuthSession.last_active_at).label("at"))
        .group_by(AuthSession.clerk_user_id)
        .subquery()
    )
    last_seen = sa.func.coalesce(last_active.c.at, User.created_at)
    statement = (
        select(User, UserPreferences, last_seen)
        .join(UserPreferences, UserPreferences.clerk_user_id == User.clerk_user_id)
        .outerjoin(last_active, last_active.c.clerk_user_id == User.clerk_user_id)
        .where(last_seen < unseen_since)
        .where(
            sa.or_(
                UserPreferences.last_login_reminder.is_(None),
                UserPreferences.last_login_reminder < reminded_before,
            )
        )
        .order_by(User.clerk_user_id)
    )
    with db.session() as session:
        return [
            Absentee(
                clerk_user_id=user.clerk_user_id,
                name=user.display_name,
                language=Language(user.preferred_language),
                email=user.clerk_email,
                verified_phone=user.clerk_verified_phone,
                channels=notification_settings(
                    user.notification_settings, preferences.notifications
                ),
                last_seen=as_utc(seen),
                last_reminder=preferences.last_login_reminder,
            )
            for user, preferences, seen in session.exec(statement)
        ]


def messages_for(person: Absentee, now: datetime) -> list[Notification]:
    """The reminder in the person's language, once per channel they allow."""
    code = "ur" if person.language == Language.URDU else "en"
    days = (now - person.last_seen).days
    url = get_settings().public_url.rstrip("/") + "/sign-in"
    found = []
    if person.channels.get("email") and person.email:
        body = text("reminder.body", code).format(name=person.name or "", days=days, url=url)
        subject = text("reminder.subject", code)
        found.append(Notification(Channel.EMAIL, person.email, subject, body))
    if person.channels.get("sms") and person.verified_phone:
        body = text("reminder.sms", code).format(days=days, url=url)
        found.append(Notification(Channel.SMS, person.verified_phone, "", body))
    return found


def _claim(clerk_user_id: str, now: datetime, previous: datetime | None) -> bool:
    """Mark the reminder as sent unless another run did since we looked."""
    held = (
        UserPreferences.last_login_reminder.is_(None)
        if previous is None
        else UserPreferences.last_login_reminder == previous
    )
    with db.session() as session:
        result = session.exec(
            sa.update(UserPreferences)
            .where(UserPreferences.clerk_user_id == clerk_user_id, held)
            .values(last_login_reminder=now)
        )
        session.commit()
        return result.rowcount == 1


def _give_back(clerk_user_id: str, now: datetime, previous: datetime | None) -> None:
    with db.session() as session:
        session.exec(
            sa.update(UserPreferences)
            .where(
                UserPreferences.clerk_user_id == clerk_user_id,
                UserPreferences.last_login_reminder == now,
            )
            .values(last_login_reminder=previous)
        )
        session.commit()


def run(now: datetime, *, dry_run: bool = False) -> dict[str, int]:
    """Send the reminders due at ``now``; counts of what was (or would be) done."""
    counts = collections.Counter(
        {"due": 0, "reminded": 0, "email": 0, "sms": 0, "no_channel": 0, "failed": 0}
    )
    for person in absentees(now):
        counts["due"] += 1
        messages = messages_for(person, now)
        if not messages:
            counts["no_channel"] += 1
            continue
        if dry_run:
            counts["reminded"] += 1
            for message in messages:
                counts[message.channel.value] += 1
            continue
        if not _claim(person.clerk_user_id, now, person.last_reminder):
            counts["claimed_elsewhere"] += 1
            continue
        delivered = 0
        for message in messages:
            try:
                notifications.send(message)
            except notifications.NotificationError:
                counts["failed"] += 1
                continue
            counts[message.channel.value] += 1
            delivered += 1
        if delivered:
            counts["reminded"] += 1
        else:
            _give_back(person.clerk_user_id, now, person.last_reminder)
    return dict(counts)
