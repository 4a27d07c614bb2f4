"""Shared by the flows: a client's own sign-in or sign-up, and checking a typed code."""

from __future__ import annotations

from sqlmodel import Session

from pk_rentals.devauth import codes, outbox
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.frontend.call import (
    CODE_TTL_SECONDS,
    Call,
    _throttle,
)
from pk_rentals.devauth.store import (
    Account,
    BrowserClient,
    Flow,
    Message,
    now_ms,
)
from pk_rentals.services.security_events import Failure


def _flow(session: Session, client: BrowserClient, flow_id: str, kind: str) -> Flow:
    flow = session.get(Flow, flow_id)
    if flow is None or flow.client_id != client.id or flow.kind != kind:
        raise not_found(kind.replace("_", " "))
    return flow


def _verification_json(status: str, expire_at: int | None, attempts_left: int | None) -> dict:
    return {
        "object": "verification_otp",
        "status": status,
        "strategy": "email_code",
        "attempts": attempts_left,
        "expire_at": expire_at,
        "next_action": "needs_attempt" if status == "unverified" else "",
        "supported_strategies": ["email_code"],
    }


def _send_flow_code(session: Session, call: Call, flow: Flow, to: str, state_key: str) -> Message:
    """Email a code for a sign-in or sign-up, throttled per network like every code (a
    form must not become a way to flood someone's inbox), and note in the flow the
    verification it now waits for."""
    _throttle(session, call)
    message = outbox.deliver_code(
        session, channel="email", to=to, subject=flow.id, ttl_seconds=CODE_TTL_SECONDS
    )
    flow.state = {
        **flow.state,
        state_key: _verification_json("unverified", message.expire_at, codes.CODE_ATTEMPTS),
    }
    flow.updated_at = now_ms()
    session.add(flow)
    return message


def _check_code(
    session: Session, call: Call, subject: str, account: Account | None = None
) -> Message:
    """The newest code for ``subject``, used now, if the typed code matches it."""
    _throttle(session, call)
    message = codes.newest_code(session, subject)
    outcome = codes.CodeCheck.SPENT
    if message is not None:
        outcome = codes.check_code(session, message, call.form.get("code", "").strip())
    if outcome is codes.CodeCheck.SPENT:
        raise ClerkAPIError(
            422,
            "verification_failed",
            "Too many failed attempts",
            "This code can no longer be used. Request a new code.",
            param="code",
        )
    if outcome is codes.CodeCheck.EXPIRED:
        raise ClerkAPIError(
            422,
            "verification_expired",
            "expired",
            "This verification code has expired. Request a new one.",
            param="code",
        )
    if outcome is codes.CodeCheck.WRONG:
        call.failed(
            Failure.SMS_CODE_WRONG if message.channel == "sms" else Failure.EMAIL_CODE_WRONG,
            clerk_user_id=account.id if account else None,
            email=message.to if message.channel == "email" else None,
            reason="form_code_incorrect",
        )
        raise ClerkAPIError(
            422, "form_code_incorrect", "is incorrect", "Incorrect code", param="code"
        )
    return message
