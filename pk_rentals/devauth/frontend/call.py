"""The request idiom: a call's dev-browser client, the reply envelope, throttling."""

from __future__ import annotations

import dataclasses

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool

from pk_rentals.devauth import frontend_json, store
from pk_rentals.devauth.errors import ClerkAPIError
from pk_rentals.devauth.server import IdentityServer, get_server_for_route
from pk_rentals.devauth.store import (
    BrowserClient,
    new_id,
    now_ms,
)
from pk_rentals.devauth.work import in_session
from pk_rentals.services import security_events
from pk_rentals.services.security_events import Failure

router = APIRouter(prefix="/v1")

DEV_BROWSER_HEADER = "Clerk-Db-Jwt"
THE_CLIENT = object()  # as a reply's resource: the client itself
CODE_TTL_SECONDS = 600


# --- one request ---------------------------------------------------------------------


@dataclasses.dataclass
class Call:
    server: IdentityServer
    form: dict[str, str]
    query: dict[str, str]
    method: str
    ip: str
    dev_browser: str
    user_agent: str = ""
    # Failed attempts seen while handling it, recorded after its transaction ends
    # (services/security_events.py writes in its own session).
    failures: list[tuple[Failure, dict]] = dataclasses.field(default_factory=list)

    def failed(self, kind: Failure, **details) -> None:
        self.failures.append((kind, details))

    @classmethod
    async def read(cls, request: Request) -> Call:
        form = {}
        if request.method == "POST":
            form = {k: str(v) for k, v in (await request.form()).items()}
        query = dict(request.query_params)
        return cls(
            server=await get_server_for_route(),
            form=form,
            query=query,
            method=query.get("_method", request.method).upper(),
            ip=request.client.host if request.client else "unknown",
            dev_browser=query.get("__clerk_db_jwt", "")
            or request.headers.get(DEV_BROWSER_HEADER, ""),
            user_agent=request.headers.get("user-agent", ""),
        )


def _client(session: Session, call: Call) -> BrowserClient:
    """The browser's client, created on first sight of its dev-browser token."""
    if not call.dev_browser:
        raise ClerkAPIError(
            401,
            "dev_browser_unauthenticated",
            "Unable to authenticate the dev browser",
            "The request carries no dev browser token.",
        )
    client = session.exec(
        select(BrowserClient).where(BrowserClient.dev_browser_token == call.dev_browser)
    ).first()
    if client is None:
        client = BrowserClient(id=new_id("client"), dev_browser_token=call.dev_browser)
        session.add(client)
        session.flush()
    return client


def _reply(
    session: Session,
    call: Call,
    client: BrowserClient,
    resource,
    tokens: dict[str, str] | None = None,
) -> JSONResponse:
    client.updated_at = now_ms()
    session.add(client)
    session.commit()
    # Every active session carries a fresh token: clerk-react derives its claims
    # from it, and reports an "invalid state" without them.
    tokens = {
        s.id: call.server.mint_token(s) for s in frontend_json.active_sessions(session, client)
    } | (tokens or {})
    client_shape = frontend_json.client_json(session, client, tokens)
    body = {
        "response": client_shape if resource is THE_CLIENT else resource,
        "client": client_shape,
    }
    return JSONResponse(body, headers={DEV_BROWSER_HEADER: call.dev_browser})


def _run(handler, call: Call, *args) -> Response:
    """Run a handler in its own database session; refusals become Clerk's envelope,
    which keeps the browser's dev-browser token."""
    try:
        return in_session(call.server, handler, call, *args)
    except ClerkAPIError as error:
        return error.response({DEV_BROWSER_HEADER: call.dev_browser})
    finally:
        for kind, details in call.failures:
            security_events.record(kind, **details)


async def _handle(request: Request, handler, *args) -> Response:
    call = await Call.read(request)
    return await run_in_threadpool(_run, handler, call, *args)


def _throttle(session: Session, call: Call) -> None:
    """The per-IP limit on sign-in attempts and codes, counted in the database so every
    worker shares it. Commits the request's work so far with the hit."""
    limit = call.server.settings.sign_in_attempts_per_minute
    if not store.take_rate_hit(session, f"sign_in_ip:{call.ip}", limit):
        raise ClerkAPIError(
            429,
            "too_many_requests",
            "Too many requests",
            "Too many attempts from your network. Please wait a minute and try again.",
        )


# --- dev browser, environment, client ----------------------------------------------
