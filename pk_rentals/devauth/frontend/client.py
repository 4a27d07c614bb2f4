"""The dev browser, the environment and the client resource."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from pk_rentals.devauth import frontend_json
from pk_rentals.devauth.environment import environment_json
from pk_rentals.devauth.frontend.call import (
    DEV_BROWSER_HEADER,
    THE_CLIENT,
    Call,
    _client,
    _handle,
    _reply,
    router,
)
from pk_rentals.devauth.server import get_server_for_route
from pk_rentals.devauth.store import (
    BrowserClient,
    new_id,
)


@router.post("/dev_browser")
async def dev_browser() -> JSONResponse:
    token = "dvb_" + new_id("db").split("_", 1)[1]
    return JSONResponse(
        {"object": "dev_browser", "id": token, "token": token},
        headers={DEV_BROWSER_HEADER: token},
    )


@router.api_route("/environment", methods=["GET", "POST"])
async def environment() -> JSONResponse:
    server = await get_server_for_route()

    def verify_at_sign_up() -> bool:
        with server.session() as session:
            return server.verify_email_at_sign_up(session)

    settings = server.settings
    return JSONResponse(
        environment_json(
            settings.lockout_attempts,
            settings.lockout_seconds,
            await run_in_threadpool(verify_at_sign_up),
        )
    )


@router.api_route("/client", methods=["GET", "POST"])
async def client_resource(request: Request) -> Response:
    return await _handle(request, _client_resource)


def _client_resource(session: Session, call: Call) -> Response:
    client = _client(session, call)
    if call.method == "DELETE":  # sign out of every session on this browser
        _end_sessions(session, client, "ended")
        client.sign_in_id = client.sign_up_id = None
    session.flush()
    return _reply(session, call, client, THE_CLIENT)


def _end_sessions(session: Session, client: BrowserClient, status: str) -> None:
    for clerk_session in frontend_json.active_sessions(session, client):
        clerk_session.end(status)
        session.add(clerk_session)


# --- sign-in -----------------------------------------------------------------------
