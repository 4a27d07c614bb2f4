"""The instance's settings and its signing keys (JWKS)."""

from __future__ import annotations

from fastapi import Request
from sqlmodel import Session

from pk_rentals.devauth import store
from pk_rentals.devauth.backend.call import (
    _body,
    _in_session,
    router,
)
from pk_rentals.devauth.errors import ClerkAPIError
from pk_rentals.devauth.server import IdentityServer, get_server

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
