"""Clerk's Backend API, the subset the app and its tools use (``/_devauth/v1``).

Bearer-authenticated with the instance's secret key; Clerk's JSON shapes and
error envelope, so Clerk's own SDK (clerk-backend-api) works against it. Every
change to a user sends Clerk's webhook event after it is committed.
"""

from __future__ import annotations

import collections
import hmac
import math
import threading
import time

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import or_
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool

from pk_rentals.devauth import accounts, passwords, store
from pk_rentals.devauth.accounts import AccountError
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.server import IdentityServer, get_server
from pk_rentals.devauth.store import Account, ClerkSession, Identification, now_ms


def _authorized(request: Request) -> IdentityServer:
    server = get_server()
    expected = f"Bearer {server.instance.secret_key}"
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ClerkAPIError(
            401,
            "authentication_invalid",
            "Unauthorized request",
            "The secret key in the Authorization header is missing or wrong.",
        )
    return server


class InstanceRateLimit:
    """Clerk's Backend API limit: at most N requests per window for the whole instance
    (the secret key), answered 429 with ``Retry-After`` in whole seconds."""

    def __init__(self):
        self.hits: collections.deque[float] = collections.deque()
        self.lock = threading.Lock()

    def retry_after(self, limit: int, window: float) -> int | None:
        """None if this request may pass (and counts it), else seconds to wait."""
        now = time.monotonic()
        with self.lock:
            while self.hits and now - self.hits[0] >= window:
                self.hits.popleft()
            if len(self.hits) < limit:
                self.hits.append(now)
                return None
            return max(1, math.ceil(self.hits[0] + window - now))


instance_rate_limit = InstanceRateLimit()


def _rate_limited(request: Request) -> None:
    settings = get_server().settings
    if not settings.devauth_api_requests or request.url.path.endswith("/jwks"):
        return  # Clerk does not limit the JWKS either
    wait = instance_rate_limit.retry_after(
        settings.devauth_api_requests, settings.devauth_api_window_seconds
    )
    if wait is not None:
        raise ClerkAPIError(
            429,
            "too_many_requests",
            "Too many requests",
            f"Too many requests, please try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )


router = APIRouter(prefix="/v1", dependencies=[Depends(_authorized), Depends(_rate_limited)])


async def _body(request: Request) -> dict:
    if not await request.body():
        return {}
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ClerkAPIError(400, "malformed_request", "The request body must be a JSON object.")
    return body


def _account(session: Session, user_id: str) -> Account:
    account = session.get(Account, user_id)
    if account is None:
        raise not_found("user")
    return account


def _in_session(work, *args):
    """Run ``work(server, session, *args)`` in a worker thread with its own session."""

    def run():
        server = get_server()
        with server.session() as session:
            try:
                return work(server, session, *args)
            except AccountError as error:
                session.rollback()
                raise ClerkAPIError.from_account_error(error) from None

    return run_in_threadpool(run)


# --- users ---------------------------------------------------------------------------


@router.get("/users")
async def list_users(
    limit: int = Query(10, ge=1, le=500),
    offset: int = Query(0, ge=0),
    email_address: list[str] = Query(default=[]),  # noqa: B008 - FastAPI's idiom
    external_id: list[str] = Query(default=[]),  # noqa: B008
    query: str | None = None,
    user_id: list[str] = Query(default=[], max_length=100),  # noqa: B008 - as Clerk: ≤ 100
) -> list[dict]:
    def work(_server, session: Session):
        statement = select(Account).order_by(Account.created_at.desc(), Account.id)
        if user_id:
            statement = statement.where(Account.id.in_(user_id))
        if external_id:
            statement = statement.where(Account.external_id.in_(external_id))
        if email_address:
            owners = select(Identification.user_id).where(
                Identification.kind == accounts.EMAIL,
                Identification.value.in_([e.strip().lower() for e in email_address]),
            )
            statement = statement.where(Account.id.in_(owners))
        if query:
            pattern = f"%{query.strip().lower()}%"
            matching = select(Identification.user_id).where(Identification.value.like(pattern))
            statement = statement.where(
                or_(
                    Account.id.like(pattern),
                    Account.first_name.ilike(pattern),
                    Account.last_name.ilike(pattern),
                    Account.id.in_(matching),
                )
            )
        found = session.exec(statement.offset(offset).limit(limit))
        return [accounts.user_json(session, account) for account in found]

    return await _in_session(work)


@router.get("/users/count")
async def count_users(
    user_id: list[str] = Query(default=[], max_length=100),  # noqa: B008 - as Clerk: ≤ 100
) -> dict:
    """Clerk's ``GET /v1/users/count``; ids that do not exist are not counted."""

    def work(_server, session: Session):
        statement = select(sa.func.count()).select_from(Account)
        if user_id:
            statement = statement.where(Account.id.in_(user_id))
        return {"object": "total_count", "total_count": session.exec(statement).one()}

    return await _in_session(work)


@router.get("/users/{user_id}")
async def get_user(user_id: str) -> dict:
    return await _in_session(
        lambda _s, session: accounts.user_json(session, _account(session, user_id))
    )


@router.post("/users")
async def create_user(request: Request) -> dict:
    body = await _body(request)

    digest = _imported_digest(body)

    def work(server: IdentityServer, session: Session):
        emails = body.get("email_address") or []
        phones = body.get("phone_number") or []
        _refuse_taken_external_id(session, body.get("external_id"))
        account = accounts.create_account(
            session,
            email=emails[0] if emails else None,
            password=body.get("password"),
            phone=phones[0] if phones else None,
            first_name=body.get("first_name"),
            last_name=body.get("last_name"),
            external_id=body.get("external_id"),
            public_metadata=body.get("public_metadata"),
            private_metadata=body.get("private_metadata"),
            unsafe_metadata=body.get("unsafe_metadata"),
            skip_password_checks=bool(body.get("skip_password_checks")),
        )
        if digest:
            account.password_digest = digest
        for extra in emails[1:]:
            accounts.add_identification(session, account, accounts.EMAIL, extra, verified=True)
        session.commit()
        server.emit_user("user.created", session, account)
        return accounts.user_json(session, account)

    return await _in_session(work)


def _imported_digest(body: dict) -> str | None:
    """``password_digest`` + ``password_hasher`` (Clerk's migration import), checked."""
    given, hasher = body.get("password_digest"), body.get("password_hasher")
    if not given and not hasher:
        return None
    if not given or not hasher or not isinstance(given, str) or not isinstance(hasher, str):
        missing = "password_hasher" if given else "password_digest"
        raise ClerkAPIError(
            422,
            "form_param_missing",
            f"{missing} is missing",
            "password_digest and password_hasher must be given together.",
            param=missing,
        )
    try:
        return passwords.imported_digest(given, hasher)
    except passwords.DigestRefused as refused:
        raise ClerkAPIError(
            422, refused.code, "is invalid", str(refused), param=refused.param
        ) from None


def _refuse_taken_external_id(session: Session, external_id: object) -> None:
    """Clerk: ``external_id`` "must be unique across your instance"."""
    if (
        external_id
        and session.exec(select(Account.id).where(Account.external_id == str(external_id))).first()
    ):
        raise ClerkAPIError(
            422,
            "form_identifier_exists",
            "That external ID is taken.",
            "Another user already has this external_id.",
            param="external_id",
        )


UPDATABLE = ("first_name", "last_name", "external_id", "username")
METADATA = ("public_metadata", "private_metadata", "unsafe_metadata")


@router.patch("/users/{user_id}")
async def update_user(user_id: str, request: Request) -> dict:
    body = await _body(request)

    def work(server: IdentityServer, session: Session):
        account = _account(session, user_id)
        for name in UPDATABLE + METADATA:
            if name in body and body[name] is not None:
                setattr(account, name, body[name])
        if body.get("password"):
            problem = (
                None
                if body.get("skip_password_checks")
                else passwords.policy_problem(body["password"])
            )
            if problem:
                raise AccountError(problem.code, problem.message, problem.long_message)
            account.password_digest = passwords.digest(body["password"])
        for key in ("primary_email_address_id", "primary_phone_number_id"):
            if body.get(key):
                setattr(account, key, body[key])
        return _save(server, session, account)

    return await _in_session(work)


def _save(server: IdentityServer, session: Session, account: Account) -> dict:
    accounts.touch(account)
    session.add(account)
    session.commit()
    server.emit_user("user.updated", session, account)
    return accounts.user_json(session, account)


def _merge(current: dict, change: dict) -> dict:
    """Clerk's metadata merge: nested objects merge, a null value removes the key."""
    merged = dict(current)
    for key, value in change.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@router.patch("/users/{user_id}/metadata")
async def update_metadata(user_id: str, request: Request) -> dict:
    body = await _body(request)

    def work(server: IdentityServer, session: Session):
        account = _account(session, user_id)
        for name in METADATA:
            if isinstance(body.get(name), dict):
                setattr(account, name, _merge(getattr(account, name) or {}, body[name]))
        return _save(server, session, account)

    return await _in_session(work)


@router.delete("/users/{user_id}")
async def delete_user(user_id: str) -> dict:
    def work(server: IdentityServer, session: Session):
        session.delete(_account(session, user_id))
        session.commit()
        server.webhooks.send("user.deleted", accounts.deleted_user_json(user_id))
        return accounts.deleted_user_json(user_id)

    return await _in_session(work)


@router.post("/users/{user_id}/lock")
async def lock_user(user_id: str) -> dict:
    def work(server: IdentityServer, session: Session):
        account = _account(session, user_id)
        account.locked = True
        accounts.revoke_sessions(session, user_id)
        return _save(server, session, account)

    return await _in_session(work)


@router.post("/users/{user_id}/unlock")
async def unlock_user(user_id: str) -> dict:
    def work(server: IdentityServer, session: Session):
        account = _account(session, user_id)
        account.locked = False
        account.lockout_until = None
        account.failed_attempts = 0
        return _save(server, session, account)

    return await _in_session(work)


@router.post("/users/{user_id}/ban")
async def ban_user(user_id: str) -> dict:
    """Clerk's ban: every session of the user is revoked and no new one starts."""
    return await _in_session(_set_banned, user_id, True)


@router.post("/users/{user_id}/unban")
async def unban_user(user_id: str) -> dict:
    return await _in_session(_set_banned, user_id, False)


def _set_banned(server: IdentityServer, session: Session, user_id: str, banned: bool) -> dict:
    account = _account(session, user_id)
    account.banned = banned
    if banned:
        accounts.revoke_sessions(session, user_id)
    return _save(server, session, account)


# --- the instance ---------------------------------------------------------------------

INSTANCE_SWITCHES = ("verify_email_at_sign_up",)


def _instance_json(server: IdentityServer, session: Session) -> dict:
    return {
        "object": "instance",
        "verify_email_at_sign_up": server.verify_email_at_sign_up(session),
    }


@router.get("/instance")
async def read_instance() -> dict:
    return await _in_session(_instance_json)


@router.patch("/instance")
async def update_instance(request: Request) -> dict:
    """What the Clerk dashboard's switches do (Clerk's own ``PATCH /v1/instance`` takes
    other fields); unknown fields or a non-boolean value are refused."""
    body = await _body(request)
    for name, value in body.items():
        if name not in INSTANCE_SWITCHES or not isinstance(value, bool):
            raise ClerkAPIError(
                422,
                "form_param_unknown"
                if name not in INSTANCE_SWITCHES
                else "form_param_format_invalid",
                "is invalid",
                f"{name[:60]}: expected one of {', '.join(INSTANCE_SWITCHES)} with true or false.",
                param=name[:60],
            )

    def work(server: IdentityServer, session: Session):
        for name, value in body.items():
            store.set_instance_setting(session, name, value)
        session.commit()
        return _instance_json(server, session)

    return await _in_session(work)


# --- keys and sessions ----------------------------------------------------------------


@router.get("/jwks")
async def jwks() -> dict:
    return get_server().instance.signing_key.jwks()


def session_resource(clerk_session: ClerkSession) -> dict:
    return {
        "object": "session",
        "id": clerk_session.id,
        "client_id": clerk_session.client_id or "",
        "user_id": clerk_session.user_id,
        "status": clerk_session.status,
        "last_active_at": clerk_session.last_active_at,
        "last_active_organization_id": None,
        "actor": None,
        "expire_at": clerk_session.expire_at,
        "abandon_at": clerk_session.abandon_at,
        "created_at": clerk_session.created_at,
        "updated_at": clerk_session.updated_at,
    }


def _clerk_session(session: Session, session_id: str) -> ClerkSession:
    clerk_session = session.get(ClerkSession, session_id)
    if clerk_session is None:
        raise not_found("session")
    return clerk_session.settle()


@router.get("/sessions")
async def list_sessions(user_id: str | None = None, status: str | None = None) -> list[dict]:
    def work(_server, session: Session):
        statement = select(ClerkSession).order_by(ClerkSession.created_at.desc())
        if user_id:
            statement = statement.where(ClerkSession.user_id == user_id)
        if status:
            statement = statement.where(ClerkSession.status == status)
        return [session_resource(s.settle()) for s in session.exec(statement)]

    return await _in_session(work)


@router.post("/sessions")
async def create_session(request: Request) -> dict:
    """Clerk's testing endpoint: a session for a user without a browser sign-in."""
    body = await _body(request)

    def work(server: IdentityServer, session: Session):
        account = _account(session, str(body.get("user_id", "")))
        if account.is_locked():
            raise ClerkAPIError(403, "user_locked", "Account locked", "The user is locked.")
        clerk_session = server.start_session(session, account, client_id=None)
        session.commit()
        return session_resource(clerk_session)

    return await _in_session(work)


@router.get("/sessions/{session_id}")
async def get_session(session_id: str) -> dict:
    return await _in_session(
        lambda _s, session: session_resource(_clerk_session(session, session_id))
    )


@router.post("/sessions/{session_id}/tokens")
@router.post("/sessions/{session_id}/tokens/{template}")
async def session_token(session_id: str, template: str = "") -> JSONResponse:
    def work(server: IdentityServer, session: Session):
        clerk_session = _clerk_session(session, session_id)
        if clerk_session.status != "active":
            raise ClerkAPIError(
                401,
                "session_not_active",
                "Session is not active",
                f"Session is {clerk_session.status}.",
            )
        return {"object": "token", "jwt": server.mint_token(clerk_session)}

    return JSONResponse(await _in_session(work))


@router.post("/sessions/{session_id}/revoke")
async def revoke_session(session_id: str) -> dict:
    def work(_server, session: Session):
        clerk_session = _clerk_session(session, session_id)
        if clerk_session.status == "active":
            clerk_session.status = "revoked"
            clerk_session.updated_at = now_ms()
            session.add(clerk_session)
            session.commit()
        return session_resource(clerk_session)

    return await _in_session(work)
