"""Sessions: list, create, read, tokens and revoke."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlmodel import Session, select

from pk_rentals.devauth.backend.call import (
    _account,
    _body,
    _in_session,
    router,
)
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.server import IdentityServer
from pk_rentals.devauth.store import ClerkSession


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
            clerk_session.end("revoked")
            session.add(clerk_session)
            session.commit()
        return session_resource(clerk_session)

    return await _in_session(work)
