"""An event that arrives while the tab's last session token is old (a phone waking
up, a reload whose page load runs before clerk-js sends a token, a busy tab) is not
dropped: the backend asks the page for a fresh token and the same event runs again
behind it. A token that does not verify signs out instead, so this cannot loop.

The app's own states, driven in-process with a real token from the identity server,
on SQLite and PostgreSQL; the browser's part (run the callback: the token, then the
retried event) is done by hand, as its queue would."""

import asyncio
import time

import pytest
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import Language, User
from pk_rentals.state.auth import AuthState
from pk_rentals.state.preferences import PreferencesState
from pk_rentals.state.ui import UiState


def run(handler, state, *args):
    return asyncio.run(handler.fn(state, *args))


def as_list(events) -> list:
    if events is None:
        return []
    return events if isinstance(events, list) else [events]


def script_args(event) -> dict:
    return {str(name): value for name, value in event.args}


def fresh_token_request(events) -> str:
    """The JS callback of the one "fetch a fresh token" script among ``events``."""
    [script] = [
        event
        for event in as_list(events)
        if "__pkFreshToken" in str(script_args(event).get("javascript_code"))
    ]
    return script_args(script)["callback"]._var_value


def saved_language(user_id: str) -> str:
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == user_id)).one()
        return Language(user.preferred_language).value


@pytest.fixture
def tab(signed_in_tab):
    auth = signed_in_tab.state(AuthState)
    run(AuthState.receive_token, auth, signed_in_tab.token)
    assert auth.signed_in
    return signed_in_tab


def grow_old(auth: AuthState) -> None:
    """As a tab whose token refreshes stopped for over a minute."""
    auth._expires_at = int(time.time()) - 60


def test_a_language_switch_with_an_old_token_is_saved_once_a_fresh_one_arrives(tab):
    auth, ui = tab.state(AuthState), tab.state(UiState)
    preferences = tab.state(PreferencesState)
    assert saved_language(tab.user_id) == Language.URDU.value
    grow_old(auth)

    events = run(PreferencesState.toggle_language, preferences)

    assert not ui.is_urdu  # the page switches at once
    assert saved_language(tab.user_id) == Language.URDU.value  # not saved on an old token
    callback = fresh_token_request(events)
    # The browser runs the callback: the fresh token first, then the save.
    assert callback.index("receive_token") < callback.index("save_choices")
    assert '"english"' in callback
    run(AuthState.receive_token, auth, tab.token)
    assert run(PreferencesState.save_choices, preferences, {"language": "english"}) is None
    assert saved_language(tab.user_id) == Language.ENGLISH.value


def test_a_page_load_refused_for_an_old_token_runs_again_behind_a_fresh_one(tab):
    auth, preferences = tab.state(AuthState), tab.state(PreferencesState)
    preferences.loaded = False  # a tab whose state was lost, loading the settings page
    grow_old(auth)

    events = run(PreferencesState.load, preferences)

    assert not preferences.loaded
    callback = fresh_token_request(events)
    assert callback.index("receive_token") < callback.index("preferences_state.load")
    run(AuthState.receive_token, auth, tab.token)
    assert run(PreferencesState.load, preferences) is None
    assert preferences.loaded


def test_a_fresh_token_that_does_not_verify_signs_out_rather_than_asking_again(tab):
    auth, preferences = tab.state(AuthState), tab.state(PreferencesState)
    grow_old(auth)
    fresh_token_request(run(PreferencesState.load, preferences))

    run(AuthState.receive_token, auth, tab.token[:-4] + "AAAA")  # a tampered token
    assert not auth.signed_in
    again = as_list(run(PreferencesState.load, preferences))
    assert again and all("__pkFreshToken" not in str(event.args) for event in again)
    assert "sign-in" in str(again)


def test_a_heartbeat_with_an_old_token_is_sent_again(tab):
    auth = tab.state(AuthState)
    grow_old(auth)
    callback = fresh_token_request(run(AuthState.heartbeat, auth))
    assert callback.index("receive_token") < callback.index("heartbeat")
