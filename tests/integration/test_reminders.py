"""The sign-in reminder job (after a long absence), with the clock moved by
the ``now`` it is given; messages land in the development outbox. Both databases."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from pk_rentals.devauth import store
from pk_rentals.devauth.store import Notice
from pk_rentals.jobs import reminders
from pk_rentals.models import AuthSession, Language, UserPreferences
from pk_rentals.settings import get_settings
from tests.utils.factories import make_preferences, make_user

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def app_db(use_database, engine, session):
    get_settings.cache_clear()
    store.create_tables(engine)  # the outbox, as the identity server makes it
    return session


def person(
    session: Session,
    *,
    seen_days_ago: float | None,
    email: str | None = "absent@example.com",
    phone: str | None = None,
    channels: dict | None = None,
    language: Language = Language.URDU,
    created_days_ago: float = 400,
):
    user = make_user(
        session,
        clerk_email=email,
        clerk_verified_phone=phone,
        phone=phone,
        notification_settings=channels or {},
        preferred_language=language,
        created_at=NOW - timedelta(days=created_days_ago),
    )
    make_preferences(session, user.clerk_user_id, notifications=(channels or {}).get("email", True))
    if seen_days_ago is not None:
        session.add(
            AuthSession(
                session_id=f"sess_{user.clerk_user_id}",
                clerk_user_id=user.clerk_user_id,
                last_active_at=NOW - timedelta(days=seen_days_ago),
            )
        )
        session.commit()
    return user


def sent(session: Session) -> list[Notice]:
    session.expire_all()
    return list(session.exec(select(Notice).order_by(Notice.created_at)))


def reminded_at(session: Session, clerk_user_id: str):
    session.expire_all()
    return session.exec(
        select(UserPreferences.last_login_reminder).where(
            UserPreferences.clerk_user_id == clerk_user_id
        )
    ).one()


def test_someone_away_a_month_is_reminded_once_per_period_while_away(app_db):
    user = person(app_db, seen_days_ago=31)

    first = reminders.run(NOW)
    again_tomorrow = reminders.run(NOW + timedelta(days=1))
    a_month_later = reminders.run(NOW + timedelta(days=31))

    assert (first["reminded"], first["email"]) == (1, 1)
    assert again_tomorrow["due"] == 0
    assert a_month_later["reminded"] == 1
    notices = sent(app_db)
    assert [n.to for n in notices] == ["absent@example.com"] * 2
    assert "31 دن" in notices[0].body  # Urdu, the default language
    assert reminded_at(app_db, user.clerk_user_id) is not None


def test_someone_seen_recently_is_not_reminded_until_the_clock_passes_the_setting(app_db):
    person(app_db, seen_days_ago=5, language=Language.ENGLISH)

    assert reminders.run(NOW)["due"] == 0
    later = reminders.run(NOW + timedelta(days=26))

    assert later["reminded"] == 1
    assert "you have not signed in for 31 days" in sent(app_db)[0].body


def test_an_imported_account_that_never_signed_in_counts_from_its_creation(app_db):
    person(app_db, seen_days_ago=None, created_days_ago=40)
    person(app_db, seen_days_ago=None, created_days_ago=3, email="new@example.com")

    counts = reminders.run(NOW)

    assert counts["reminded"] == 1
    assert [n.to for n in sent(app_db)] == ["absent@example.com"]


def test_only_the_channels_the_user_allows_are_used(app_db):
    sms_only = person(
        app_db,
        seen_days_ago=60,
        email="sms.only@example.com",
        phone="+923001234567",
        channels={"email": False, "sms": True},
    )
    nothing = person(
        app_db, seen_days_ago=60, email="quiet@example.com", channels={"email": False, "sms": False}
    )
    # SMS allowed, but no number Clerk verified: only email.
    person(app_db, seen_days_ago=60, email="both@example.com", channels={"sms": True})

    counts = reminders.run(NOW)

    assert counts == {
        "due": 3,
        "reminded": 2,
        "email": 1,
        "sms": 1,
        "no_channel": 1,
        "failed": 0,
    }
    assert sorted((n.channel, n.to) for n in sent(app_db)) == [
        ("email", "both@example.com"),
        ("sms", "+923001234567"),
    ]
    assert reminded_at(app_db, sms_only.clerk_user_id) is not None
    assert reminded_at(app_db, nothing.clerk_user_id) is None  # tried again next run


def test_a_dry_run_counts_what_it_would_send_and_sends_nothing(app_db):
    user = person(app_db, seen_days_ago=45)

    counts = reminders.run(NOW, dry_run=True)

    assert (counts["due"], counts["reminded"], counts["email"]) == (1, 1, 1)
    assert sent(app_db) == []
    assert reminded_at(app_db, user.clerk_user_id) is None


def test_without_a_provider_the_reminder_fails_and_is_tried_again_later(app_db, monkeypatch):
    """With real Clerk and no email/SMS provider plugged in, nothing is marked sent."""
    user = person(app_db, seen_days_ago=45)
    monkeypatch.setenv("PK_IDENTITY_PROVIDER", "clerk")
    get_settings.cache_clear()

    counts = reminders.run(NOW)

    assert (counts["reminded"], counts["failed"]) == (0, 1)
    assert reminded_at(app_db, user.clerk_user_id) is None
