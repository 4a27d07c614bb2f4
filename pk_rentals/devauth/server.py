"""The identity server as one object, and its HTTP app mounted at ``/_devauth``.

Built on first use (not at import), so the app's import stays cheap and tests
can point settings elsewhere first. It refuses to exist in production.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from pk_rentals.db import get_engine
from pk_rentals.devauth import activity, instance, store
from pk_rentals.devauth.accounts import AccountError, user_json
from pk_rentals.devauth.errors import ClerkAPIError, routing_error
from pk_rentals.devauth.store import Account, ClerkSession, new_id, now_ms
from pk_rentals.devauth.webhooks import WebhookSender
from pk_rentals.lazy import built_once
from pk_rentals.settings import Settings, get_settings

log = logging.getLogger(__name__)

SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000  # Clerk's default maximum session lifetime


class IdentityServer:
    def __init__(self, settings: Settings):
        if settings.is_production and not settings.local_trial:
            raise RuntimeError(
                "the built-in identity server never runs in production (outside PK_LOCAL_TRIAL)"
            )
        self.settings = settings
        self.instance = instance.Instance.load_or_create(settings.devauth_dir)
        self.engine = get_engine()
        store.create_tables(self.engine)
        self.issuer = settings.public_url.rstrip("/") + instance.MOUNT
        webhook_url = settings.devauth_webhook_url or (
            settings.backend_url.rstrip("/") + "/webhooks/clerk"
        )
        self.webhooks = WebhookSender(webhook_url, self.instance.webhook_secret)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def verify_email_at_sign_up(self, session: Session) -> bool:
        """Clerk's "verify at sign-up" switch: PK_DEVAUTH_VERIFY_EMAIL_AT_SIGN_UP, unless
        the Backend API's ``PATCH /v1/instance`` changed it since."""
        return bool(
            store.instance_setting(
                session, "verify_email_at_sign_up", self.settings.devauth_verify_email_at_sign_up
            )
        )

    def emit_user(self, event_type: str, session: Session, account: Account) -> None:
        """Send ``user.created``/``user.updated`` with the account as committed."""
        self.webhooks.send(event_type, user_json(session, account))

    def start_session(
        self,
        session: Session,
        account: Account,
        client_id: str | None,
        *,
        user_agent: str = "",
        ip: str = "",
    ) -> ClerkSession:
        """A new active session; a browser's (``user_agent``, ``ip``) is kept for the
        user's list of active devices."""
        if account.banned:
            raise ClerkAPIError(
                403,
                "user_banned",
                "Banned",
                "This account is not allowed to sign in. Please contact support.",
            )
        now = now_ms()
        clerk_session = ClerkSession(
            id=new_id("sess"),
            client_id=client_id,
            user_id=account.id,
            last_active_at=now,
            expire_at=now + SESSION_LIFETIME_MS,
            abandon_at=now + SESSION_LIFETIME_MS,
        )
        account.last_sign_in_at = now
        session.add(clerk_session)
        session.add(account)
        if client_id is not None:
            session.flush()
            activity.record(session, clerk_session, user_agent, ip)
        return clerk_session

    def mint_token(self, clerk_session: ClerkSession, authorized_party: str | None = None) -> str:
        return self.instance.signing_key.session_token(
            user_id=clerk_session.user_id,
            session_id=clerk_session.id,
            issuer=self.issuer,
            authorized_party=authorized_party or self.settings.public_url.rstrip("/"),
            lifetime=self.settings.session_token_lifetime,
        )


@built_once
def get_server() -> IdentityServer:
    return IdentityServer(get_settings())


async def get_server_for_route() -> IdentityServer:
    """``get_server()`` for ``async def`` routes: the first build creates the tables
    and reads the keys, so it runs in a worker thread, never on the event loop."""
    if get_server.is_built():
        return get_server()
    return await run_in_threadpool(get_server)


def create_devauth_app() -> FastAPI:
    """The ``/_devauth`` sub-application: JWKS, clerk-js, Backend and Frontend API."""
    from pk_rentals.devauth import avatars, backend, clerk_js, frontend, outbox

    app = FastAPI(title="pk_rentals identity server", docs_url=None, redoc_url=None)

    @app.exception_handler(ClerkAPIError)
    async def clerk_error(_request: Request, error: ClerkAPIError) -> JSONResponse:
        return error.response()

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return routing_error(error.status_code).response(error.headers)

    @app.exception_handler(AccountError)
    async def account_error(_request: Request, error: AccountError) -> JSONResponse:
        return ClerkAPIError.from_account_error(error).response()

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        param = str(first.get("loc", ["", "request"])[-1])
        return ClerkAPIError(
            422,
            "form_param_format_invalid",
            "is invalid",
            f"{param}: {first.get('msg')}",
            param=param,
        ).response()

    @app.get("/.well-known/jwks.json")
    def jwks() -> dict:
        return get_server().instance.signing_key.jwks()

    app.include_router(backend.router)
    app.include_router(frontend.router)
    app.include_router(outbox.router)
    app.include_router(avatars.router)
    app.include_router(clerk_js.router)
    if not clerk_js.DIST.is_dir():
        log.warning("clerk-js is not installed in %s: run make run or make test", clerk_js.DIST)
    return app
