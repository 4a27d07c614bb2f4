"""Users: list, count, read, create, update, metadata, delete, lock, ban, and a password check."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import Query, Request
from sqlalchemy import or_
from sqlmodel import Session, select

from pk_rentals.devauth import accounts, passwords
from pk_rentals.devauth.accounts import AccountError
from pk_rentals.devauth.backend.call import (
    _account,
    _body,
    _in_session,
    router,
)
from pk_rentals.devauth.errors import ClerkAPIError
from pk_rentals.devauth.server import IdentityServer
from pk_rentals.devauth.store import Account, Identification


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


@router.post("/users/{user_id}/verify_password")
async def verify_password(user_id: str, request: Request) -> dict:
    """Clerk's password check for a custom flow: ``{"verified": true}`` or an error.

    It does not count toward the lockout: Clerk's lockout counts failed sign-in
    attempts, and its docs say nothing of this check (the caller is the app's backend).
    """
    password = (await _body(request)).get("password")
    if not isinstance(password, str):
        raise ClerkAPIError(
            422, "form_param_missing", "password is missing", "Enter a password.", param="password"
        )

    def work(_server, session: Session):
        account = _account(session, user_id)
        if account.password_digest is None:
            raise ClerkAPIError(
                400,
                "password_not_set",
                "No password",
                "This user has no password to verify.",
            )
        if not passwords.matches(password, account.password_digest):
            raise ClerkAPIError(
                422,
                "incorrect_password",
                "Password is incorrect",
                "Password is incorrect. Try again, or use another method.",
                param="password",
            )
        return {"verified": True}

    return await _in_session(work)
