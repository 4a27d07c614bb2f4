"""The instance's settings and its signing keys (JWKS)."""

from __future__ import annotations

from fastapi import Request, Response
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
    """Clerk's instance object (a development instance on this machine), with the
    dashboard switch the app's tests turn."""
    return {
        "object": "instance",
        "id": server.instance.signing_key.kid,  # ins_…: public, stable per instance
        "environment_type": "development",
        "allowed_origins": [server.settings.public_url.rstrip("/")],
        "workspace_id": None,
        "verify_email_at_sign_up": server.verify_email_at_sign_up(session),
    }


@router.get("/instance")
async def read_instance() -> dict:
    return await _in_session(_instance_json)


@router.patch("/instance", status_code=204)
async def update_instance(request: Request) -> Response:
    """What the Clerk dashboard's switches do (Clerk's own ``PATCH /v1/instance`` takes
    other fields); unknown fields or a non-boolean value are refused. Answers 204 with
    no body, as Clerk does."""
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

    def work(_server: IdentityServer, session: Session) -> None:
        for name, value in body.items():
            store.set_instance_setting(session, name, value)
        session.commit()

    await _in_session(work)
    return Response(status_code=204)


# --- keys and sessions ----------------------------------------------------------------


@router.get("/jwks")
async def jwks() -> dict:
    return get_server().instance.signing_key.jwks()
