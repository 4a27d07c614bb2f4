"""Sending a user a message by email or SMS (reminders after a long absence).

In development and tests every message goes to the built-in identity server's
outbox (``/_devauth/outbox``, table ``devauth_notices``), beside its sign-in codes:
nothing leaves the machine and tests read what was "sent". A production
deployment has no outbox: plug an email provider and an SMS gateway into
``_production_send`` (e.g. SMTP or a transactional-mail API for ``email``, and
a Pakistani SMS aggregator's HTTP API for ``sms``), configured by settings of
their own. Until then ``send`` raises ``NotificationsNotConfigured`` in
production, so a job reports its messages as failed instead of losing them
silently. No Reflex imports here.
"""

from __future__ import annotations

import dataclasses
import enum

from sqlmodel import Session

from pk_rentals.db import get_engine
from pk_rentals.settings import get_settings


class Channel(enum.StrEnum):
    EMAIL = "email"
    SMS = "sms"


@dataclasses.dataclass(frozen=True)
class Notification:
    channel: Channel
    to: str  # an email address, or an E.164 number
    subject: str
    body: str


class NotificationError(Exception):
    """The message could not be handed to its channel."""


class NotificationsNotConfigured(NotificationError):
    """Production without an email or SMS provider."""


def send(notification: Notification) -> None:
    """Hand one message to its channel, or raise ``NotificationError``."""
    settings = get_settings()
    if settings.uses_devauth and not settings.is_production:
        _outbox_send(notification)
    else:
        _production_send(notification)


def _outbox_send(notification: Notification) -> None:
    from pk_rentals.devauth import outbox, store  # development and tests only

    engine = get_engine()
    store.create_tables(engine)  # a job may run before the identity server ever started
    with Session(engine) as session:
        outbox.deliver_notice(
            session,
            channel=notification.channel.value,
            to=notification.to,
            subject=notification.subject,
            body=notification.body,
        )
        session.commit()


def _production_send(notification: Notification) -> None:
    """Where a production provider plugs in (one per channel)."""
    raise NotificationsNotConfigured(
        f"no {notification.channel.value} provider is configured: "
        "implement services/notifications.py _production_send for this deployment"
    )
