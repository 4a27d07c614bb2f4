"""Preferences at registration and at sign-in: the ``user_preferences`` row is
made with the user (webhook or first sign-in, whichever comes first, exactly once),
loaded into the session's state at sign-in and reused from there: a page that shows
theme, language or notifications asks the database nothing about them.

The states are the app's own Reflex states driven in-process with a real session
token from the identity server; the statements are counted at the engine."""

import asyncio

import pytest
from sqlmodel import func, select

import pk_rentals.pk_rentals  # noqa: F401 - registers every state of the app
from pk_rentals import db
from pk_rentals.models import UserPreferences
from pk_rentals.services.identity.accounts import ClerkUser, apply_clerk_user
from pk_rentals.services.identity.signin import sign_in_user
from pk_rentals.services.profile import save_preferences_of
from pk_rentals.state.auth import AuthState
from pk_rentals.state.preferences import PreferencesState
from tests.utils.clerk_payloads import clerk_user_json
from tests.utils.statements import StatementCounter

USER = "user_2prefTEST0000000000000"


def preference_rows(clerk_user_id: str) -> int:
    with db.session() as session:
        return session.exec(
            select(func.count())
            .select_from(UserPreferences)
            .where(UserPreferences.clerk_user_id == clerk_user_id)
        ).one()


def test_the_webhook_first_makes_one_row_and_sign_in_reuses_it(use_database):
    with db.session() as session:
        apply_clerk_user(session, ClerkUser.from_json(clerk_user_json(USER)))
    assert preference_rows(USER) == 1
    sign_in_user(USER)
    sign_in_user(USER)
    assert preference_rows(USER) == 1


def test_the_first_sign_in_makes_one_row_and_the_late_webhook_reuses_it(use_database):
    sign_in_user(USER)  # Clerk's Backend API is unreachable here: no sync, still a row
    assert preference_rows(USER) == 1
    with db.session() as session:
        apply_clerk_user(session, ClerkUser.from_json(clerk_user_json(USER)))
    assert preference_rows(USER) == 1


def test_sign_in_reads_user_verification_and_preferences_in_one_statement(use_database):
    with db.session() as session:
        apply_clerk_user(session, ClerkUser.from_json(clerk_user_json(USER)))
    save_preferences_of(USER, theme="dark", notifications={"sms": False})
    with StatementCounter(db.get_engine()) as counter:
        signed_in = sign_in_user(USER)
    assert signed_in.notifications == {"email": True, "sms": False, "in_app": True}
    assert signed_in.theme == "dark"
    # get_or_create_user's check that the row exists, then one read of all three.
    assert len(counter.touching("user_preferences")) == 2
    [read] = counter.touching("JOIN user_preferences")
    assert "JOIN user_verifications" in read


@pytest.mark.parametrize(
    "choices",
    [
        {"notifications": {"sms": False}},  # users only: autocommit
        {"theme": "dark"},  # user_preferences only: autocommit
        {"language": "english"},  # users only: autocommit
        {"notifications": {"email": False}},  # both tables: one transaction
        {"theme": "light", "language": "english"},  # both tables: one transaction
    ],
)
def test_every_kind_of_handler_save_is_stored(use_database, choices):
    with db.session() as session:
        apply_clerk_user(session, ClerkUser.from_json(clerk_user_json(USER)))
    save_preferences_of(USER, **choices)
    stored = sign_in_user(USER)
    assert stored.theme == choices.get("theme", "system")
    assert stored.language == choices.get("language", stored.language)
    for channel, on in choices.get("notifications", {}).items():
        assert stored.notifications[channel] is on
    assert sum(stored.notifications.values()) == 3 - len(choices.get("notifications", {}))


def test_preferences_are_loaded_at_sign_in_and_a_page_load_does_not_ask_again(signed_in_tab):
    auth, preferences = signed_in_tab.state(AuthState), signed_in_tab.state(PreferencesState)
    token, user_id = signed_in_tab.token, signed_in_tab.user_id
    save_preferences_of(user_id, notifications={"in_app": False})

    asyncio.run(AuthState.receive_token.fn(auth, token))
    assert auth.signed_in and auth.clerk_user_id == user_id
    assert preferences.loaded
    assert (preferences.notify_email, preferences.notify_sms, preferences.notify_in_app) == (
        True,
        True,
        False,
    )

    # Every later page load (the settings page's on-mount load here): only the
    # session check of the idle rule touches the database.
    for _ in range(3):
        with StatementCounter(db.get_engine()) as counter:
            asyncio.run(PreferencesState.load.fn(preferences))
        assert counter.touching("user_preferences") == []
        assert counter.touching("FROM users") == []
        assert all("auth_sessions" in s for s in counter.statements), counter.statements
        assert len(counter.statements) <= 2  # SELECT the session; UPDATE last_active_at


def test_a_tab_that_lost_its_state_reads_the_preferences_once(signed_in_tab):
    auth, preferences = signed_in_tab.state(AuthState), signed_in_tab.state(PreferencesState)
    token = signed_in_tab.token
    asyncio.run(AuthState.receive_token.fn(auth, token))
    preferences.loaded = False  # as after a worker restart: the cache is gone
    with StatementCounter(db.get_engine()) as counter:
        asyncio.run(PreferencesState.load.fn(preferences))
    assert counter.touching("user_preferences")
    assert preferences.loaded
    with StatementCounter(db.get_engine()) as counter:
        asyncio.run(PreferencesState.load.fn(preferences))
    assert counter.touching("user_preferences") == []
