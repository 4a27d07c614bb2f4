"""A moderator's revealed CNIC leaves the page's state after a minute: the state
lives in the server's state store (Redis in production) for as long as the tab is
open, and the full number must not sit there. Driven in-process through the app's
own Reflex states with a real session token."""

from __future__ import annotations

import asyncio

from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import Role, User
from pk_rentals.services import moderation
from pk_rentals.state.auth import AuthState
from pk_rentals.state.moderation import ModerationState
from tests.utils.factories import make_user, make_verification
from tests.utils.verification import make_submission, unique_cnic


def run(handler, state, *args):
    """Call an event handler's function as the app would: a coroutine is awaited, an
    async generator is run to its end; the last thing it returned or yielded."""

    async def call():
        result = handler.fn(state, *args)
        if hasattr(result, "__anext__"):
            last = None
            async for last in result:  # noqa: B007 - the last update is the answer
                pass
            return last
        return await result

    return asyncio.run(call())


def test_a_revealed_cnic_is_hidden_again_after_the_reveal_time(signed_in_tab, monkeypatch):
    auth, queue = signed_in_tab.state(AuthState), signed_in_tab.state(ModerationState)
    run(AuthState.receive_token, auth, signed_in_tab.token)
    cnic = unique_cnic()
    with db.session() as session:
        me = session.exec(select(User).where(User.clerk_user_id == signed_in_tab.user_id)).one()
        me.role = Role.MODERATOR
        session.add(me)
        session.commit()
        applicant = make_user(session, display_name="Ayesha Khan")
        make_verification(session, applicant)
        submission_id = str(make_submission(session, applicant, cnic=cnic).id)
    run(ModerationState.open, queue, submission_id)
    hide = run(ModerationState.reveal, queue)
    assert queue.revealed_cnic == cnic
    assert hide is ModerationState.hide_revealed_cnic  # the page starts the countdown

    monkeypatch.setattr(moderation, "REVEAL_SECONDS", 0)
    run(ModerationState.hide_revealed_cnic, queue)
    assert queue.revealed_cnic == ""
