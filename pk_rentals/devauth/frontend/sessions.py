"""The client's sessions: touch, tokens, end and remove."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from sqlmodel import Session

from pk_rentals.devauth import frontend_json
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.frontend.call import (
    DEV_BROWSER_HEADER,
    THE_CLIENT,
    Call,
    _client,
    _handle,
    _reply,
    router,
)
from pk_rentals.devauth.frontend.client import (
    _end_sessions,
)
from pk_rentals.devauth.store import (
    BrowserClient,
    ClerkSession,
    now_ms,
)


def _own_session(session: Session, client: BrowserClient, session_id: str) -> ClerkSession:
    clerk_session = session.get(ClerkSession, session_id)
    if clerk_session is None or clerk_session.client_id != client.id:
        raise not_found("session")
    return clerk_session.settle()


def _signed_out() -> ClerkAPIError:
    return ClerkAPIError(
        401,
        "authentication_invalid",
        "Unauthenticated",
        "The session is no longer active. Please sign in again.",
    )


@router.get("/client/sessions/{session_id}")
async def read_session(request: Request, session_id: str) -> Response:
    return await _handle(request, _read_session, session_id)


def _read_session(session: Session, call: Call, session_id: str) -> Response:
    client = _client(session, call)
    clerk_session = _own_session(session, client, session_id)
    return _reply(session, call, client, frontend_json.session_json(session, clerk_session, None))


@router.post("/client/sessions/{session_id}/touch")
async def touch_session(request: Request, session_id: str) -> Response:
    return await _handle(request, _touch_session, session_id)


def _touch_session(session: Session, call: Call, session_id: str) -> Response:
    client = _client(session, call)
    clerk_session = _own_session(session, client, session_id)
    if clerk_session.status != "active":
        raise _signed_out()
    clerk_session.last_active_at = clerk_session.updated_at = now_ms()
    client.last_active_session_id = clerk_session.id
    session.add(clerk_session)
    token = call.server.mint_token(clerk_session)
    return _reply(
        session,
        call,
        client,
        frontend_json.session_json(session, clerk_session, token),
        {clerk_session.id: token},
    )


@router.post("/client/sessions/{session_id}/tokens")
@router.post("/client/sessions/{session_id}/tokens/{template}")
async def session_token(request: Request, session_id: str, template: str = "") -> Response:
    return await _handle(request, _session_token, session_id)


def _session_token(session: Session, call: Call, session_id: str) -> Response:
    client = _client(session, call)
    clerk_session = _own_session(session, client, session_id)
    if clerk_session.status != "active":
        raise _signed_out()
    # The token resource comes bare, without the response/client envelope.
    return JSONResponse(
        {"object": "token", "jwt": call.server.mint_token(clerk_session)},
        headers={DEV_BROWSER_HEADER: call.dev_browser},
    )


@router.post("/client/sessions/{session_id}/end")
@router.post("/client/sessions/{session_id}/remove")
async def end_session(request: Request, session_id: str) -> Response:
    return await _handle(request, _end_session, session_id)


def _end_session(session: Session, call: Call, session_id: str) -> Response:
    client = _client(session, call)
    clerk_session = _own_session(session, client, session_id)
    clerk_session.end("ended")
    session.add(clerk_session)
    session.flush()
    return _reply(session, call, client, frontend_json.session_json(session, clerk_session, None))


@router.post("/client/sessions")
async def remove_sessions(request: Request) -> Response:
    return await _handle(request, _remove_sessions)


def _remove_sessions(session: Session, call: Call) -> Response:
    client = _client(session, call)
    if call.method != "DELETE":
        raise not_found("endpoint")
    _end_sessions(session, client, "removed")
    session.flush()
    return _reply(session, call, client, THE_CLIENT)


# --- the signed-in user: /me and phone numbers -------------------------------------
