"""No tracking of what people do beyond what sessions need: the only
activity kept is a live session's last activity time (the idle rule's input); it is
forgotten when the session ends, and the record left refuses later tokens."""

from datetime import timedelta

from pk_rentals import db
from pk_rentals.models import AuthSession
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services.identity import sessions
from pk_rentals.services.identity.accounts import delete_clerk_user, get_or_create_user
from pk_rentals.services.identity.sessions import Verdict
from pk_rentals.services.identity.tokens import SessionClaims
from pk_rentals.settings import get_settings

USER = "user_2sessTEST0000000000000"


def claims(session_id: str = "sess_2activeTEST00000000000") -> SessionClaims:
    now = int(utcnow().timestamp())
    return SessionClaims(
        user_id=USER,
        session_id=session_id,
        issuer="http://localhost",
        authorized_party=None,
        issued_at=now,
        expires_at=now + 60,
    )


def row(session_id: str) -> AuthSession:
    with db.session() as session:
        return session.get(AuthSession, session_id)


def test_a_live_session_keeps_its_last_activity_and_nothing_else(use_database):
    first = utcnow()
    assert sessions.admit(claims(), now=first) is Verdict.ACTIVE
    later = first + timedelta(seconds=30)
    assert sessions.admit(claims(), touch=True, now=later) is Verdict.ACTIVE
    kept = row(claims().session_id)
    assert kept.last_active_at is not None and kept.ended_at is None


def test_activity_is_written_once_per_resolution_not_per_event(use_database):
    first = utcnow()
    sessions.admit(claims(), now=first)
    step = sessions.activity_resolution()
    assert sessions.admit(claims(), touch=True, now=first + step / 2) is Verdict.ACTIVE
    assert as_utc(row(claims().session_id).last_active_at) == first
    assert sessions.admit(claims(), touch=True, now=first + step) is Verdict.ACTIVE
    assert as_utc(row(claims().session_id).last_active_at) == first + step


def test_signing_out_forgets_the_activity_and_refuses_the_session_after(use_database):
    sessions.admit(claims())
    sessions.end_session(claims(), "signed_out", revoke=False)
    ended = row(claims().session_id)
    assert ended.last_active_at is None
    assert (ended.end_reason, ended.ended_at is not None) == ("signed_out", True)
    assert sessions.admit(claims(), touch=True) is Verdict.ENDED
    assert row(claims().session_id).last_active_at is None


def test_an_idle_session_ends_and_forgets_its_activity(use_database):
    start = utcnow()
    sessions.admit(claims(), now=start)
    too_late = start + timedelta(seconds=get_settings().idle_timeout_seconds + 1)
    assert sessions.admit(claims(), touch=True, now=too_late) is Verdict.IDLE
    assert row(claims().session_id).last_active_at is None


def test_abandoned_sessions_are_ended_by_the_sweep(use_database):
    start = utcnow()
    sessions.admit(claims("sess_2oldTEST000000000000000"), now=start)
    sessions.admit(claims("sess_2newTEST000000000000000"), now=start + timedelta(hours=2))
    idle = timedelta(seconds=get_settings().idle_timeout_seconds + 1)
    assert sessions.end_idle_sessions(now=start + idle) == 1
    assert row("sess_2oldTEST000000000000000").last_active_at is None
    assert row("sess_2newTEST000000000000000").last_active_at is not None


def test_a_deleted_account_leaves_no_activity_time(use_database):
    with db.session() as session:
        get_or_create_user(session, USER)
    sessions.admit(claims())
    with db.session() as session:
        delete_clerk_user(session, USER)
    ended = row(claims().session_id)
    assert ended.last_active_at is None and ended.end_reason == "user_deleted"


def test_a_sign_out_confirmed_by_clerk_ends_the_record_an_empty_token_alone_does_not(
    identity_server,
):
    import httpx

    from pk_rentals.services.identity.sessions import verify_token
    from tests.utils.frontend_api import FrontendClient

    url, config = identity_server
    httpx.post(
        f"{url}/_devauth/v1/users",
        json={"email_address": ["rabia@example.pk"], "password": "Multan#2026pk"},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    ).raise_for_status()
    with FrontendClient(f"{url}/_devauth") as browser:
        assert browser.sign_in("rabia@example.pk", "Multan#2026pk").status_code == 200
        jwt = browser.post(f"/client/sessions/{browser.session_id}/tokens").json()["jwt"]
        held = verify_token(jwt)
        sessions.admit(held)
        assert sessions.end_if_ended_at_clerk(held) is False  # still active at Clerk
        assert row(held.session_id).last_active_at is not None
        browser.request("DELETE", "/client/sessions")  # clerk-js signOut()
    assert sessions.end_if_ended_at_clerk(held) is True
    ended = row(held.session_id)
    assert ended.last_active_at is None and ended.end_reason == "signed_out"


def test_a_live_session_is_trusted_from_memory_for_a_few_seconds_then_read_again(
    use_database, monkeypatch
):
    """Most events come within seconds of the last: the check asks the database
    nothing. An end in this process is seen at once; one written by another worker
    within ``RECHECK_SECONDS``."""
    import time

    import sqlalchemy as sa

    from tests.utils.statements import StatementCounter

    monkeypatch.setattr(sessions, "RECHECK_SECONDS", 0.3)
    assert sessions.admit(claims()) is Verdict.ACTIVE
    with StatementCounter(db.get_engine()) as counter:
        assert sessions.admit(claims(), touch=True) is Verdict.ACTIVE
        assert sessions.admit_if_recent(claims(), touch=True) is Verdict.ACTIVE
    assert counter.statements == []

    with db.get_engine().begin() as connection:  # another worker ends it
        connection.execute(
            sa.update(AuthSession).values(ended_at=utcnow(), end_reason="idle", last_active_at=None)
        )
    time.sleep(0.35)
    assert sessions.admit_if_recent(claims()) is None
    assert sessions.admit(claims(), touch=True) is Verdict.ENDED

    other = claims("sess_2otherTEST0000000000000")
    assert sessions.admit(other) is Verdict.ACTIVE
    sessions.end_session(other, "signed_out", revoke=False)  # this process: at once
    assert sessions.admit_if_recent(other) is None
    assert sessions.admit(other) is Verdict.ENDED


def test_a_due_activity_write_is_not_skipped_by_the_memory(use_database):
    first = utcnow()
    sessions.admit(claims(), now=first)
    due = first + sessions.activity_resolution()
    assert sessions.admit_if_recent(claims(), touch=True, now=due) is None
    assert sessions.admit_if_recent(claims(), touch=False, now=due) is Verdict.ACTIVE
