"""The signed-in user's security screen in Clerk's "Manage account": the devices
signed in (and signing one out), and changing the password."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from sqlmodel import Session, select

from pk_rentals.devauth import accounts, activity, frontend_json, passwords
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.frontend.call import DEV_BROWSER_HEADER, Call, _handle, _reply, router
from pk_rentals.devauth.frontend.me import _me
from pk_rentals.devauth.frontend.password_check import check_password, require_policy
from pk_rentals.devauth.store import ClerkSession, SessionActivity, primary_email


def _live_sessions(session: Session, user_id: str) -> list[ClerkSession]:
    rows = session.exec(
        select(ClerkSession)
        .where(ClerkSession.user_id == user_id, ClerkSession.status == "active")
        .order_by(ClerkSession.last_active_at.desc())
    )
    return [row for row in rows if row.settle().status == "active"]


@router.get("/me/sessions/active")
async def active_sessions(request: Request) -> Response:
    return await _handle(request, _active_sessions)


def _active_sessions(session: Session, call: Call) -> Response:
    """Every device the user is signed in on, newest activity first. Clerk answers a
    bare list here, without the client beside it."""
    _client, account = _me(session, call)
    listed = [
        {
            **frontend_json.session_base_json(row),
            "latest_activity": activity.activity_json(session.get(SessionActivity, row.id), row),
        }
        for row in _live_sessions(session, account.id)
    ]
    return JSONResponse(listed, headers={DEV_BROWSER_HEADER: call.dev_browser})


@router.post("/me/sessions/{session_id}/revoke")
async def revoke_session(request: Request, session_id: str) -> Response:
    return await _handle(request, _revoke_session, session_id)


def _revoke_session(session: Session, call: Call, session_id: str) -> Response:
    """ "Sign out of device": any of the user's own sessions, on any browser; its
    tokens stop at the next check, since a revoked session mints none."""
    client, account = _me(session, call)
    target = session.get(ClerkSession, session_id)
    if target is None or target.user_id != account.id:
        raise not_found("session")
    if target.settle().status == "active":
        target.end("revoked")
        session.add(target)
        session.flush()
    return _reply(session, call, client, frontend_json.session_json(session, target, None))


@router.post("/me/change_password")
async def change_password(request: Request) -> Response:
    return await _handle(request, _change_password)


def _change_password(session: Session, call: Call) -> Response:
    """A new password under the sign-up policy. The current one is asked for when the
    account has one, and a wrong one counts toward the lockout like a sign-in."""
    client, account = _me(session, call)
    new_password = call.form.get("new_password", "")
    current = call.form.get("current_password", "")
    if not new_password:
        raise ClerkAPIError(
            422, "form_param_missing", "is missing", "Enter a new password.", param="new_password"
        )
    if account.password_digest is not None:
        if not current:
            raise ClerkAPIError(
                422,
                "form_param_missing",
                "is missing",
                "Enter your current password.",
                param="current_password",
            )
        check_password(
            session,
            call,
            account_id=account.id,
            digest=account.password_digest,
            identifier=primary_email(session, account) or account.id,
            password=current,
            param="current_password",
        )
        session.refresh(account)
        if passwords.matches(new_password, account.password_digest):
            raise ClerkAPIError(
                422,
                "form_new_password_matches_current",
                "matches the current password",
                "The new password must be different from the current one.",
                param="new_password",
            )
    require_policy(new_password, "new_password")
    account.password_digest = passwords.digest(new_password)
    accounts.touch(account)
    session.add(account)
    if call.form.get("sign_out_of_other_sessions", "").lower() == "true":
        current_id = call.query.get("_clerk_session_id") or client.last_active_session_id
        for other in _live_sessions(session, account.id):
            if other.id != current_id:
                other.end("revoked")
                session.add(other)
    session.flush()
    response = _reply(session, call, client, accounts.user_json(session, account))
    call.server.emit_user("user.updated", session, account)
    return response
