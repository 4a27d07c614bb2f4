"""Sign-in attempts: first factors, email codes, passwords with lockout, resets."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from sqlmodel import Session, select

from pk_rentals.devauth import accounts, frontend_json, passwords
from pk_rentals.devauth.avatars import avatar_url
from pk_rentals.devauth.errors import ClerkAPIError
from pk_rentals.devauth.frontend.call import (
    Call,
    _client,
    _handle,
    _reply,
    router,
)
from pk_rentals.devauth.frontend.password_check import (
    check_password,
    locked_error,
    require_policy,
)
from pk_rentals.devauth.frontend.verification import (
    _check_code,
    _flow,
    _send_flow_code,
    _verification_json,
)
from pk_rentals.devauth.store import (
    Account,
    BrowserClient,
    Flow,
    Identification,
    new_id,
    now_ms,
)


@router.post("/client/sign_ins")
async def create_sign_in(request: Request) -> Response:
    return await _handle(request, _create_sign_in)


def _create_sign_in(session: Session, call: Call) -> Response:
    client = _client(session, call)
    identifier = call.form.get("identifier", "").strip().lower()
    if not identifier:
        raise ClerkAPIError(
            422,
            "form_param_missing",
            "Enter email address.",
            "Enter your email address.",
            param="identifier",
        )
    # The same answer whether or not the email has an account (no enumeration), except
    # for an account without a password, which must prove its email first.
    flow = Flow(
        id=new_id("sia"),
        kind="sign_in",
        client_id=client.id,
        state={
            "status": "needs_first_factor",
            "identifier": identifier,
            "factors": _first_factors(session, identifier),
        },
    )
    session.add(flow)
    client.sign_in_id = flow.id
    if call.form.get("strategy") == "password" and "password" in call.form:
        return _attempt_password(session, call, client, flow, call.form["password"])
    return _reply(session, call, client, frontend_json.sign_in_json(flow))


def _first_factors(session: Session, identifier: str) -> list[dict]:
    """What ``<SignIn/>`` offers: the password; or, for an account that has none (users
    imported without a digest, whose password reset is forced), only an email code, after which
    the sign-in needs a new password before it completes (``needs_new_password``)."""
    owner_id = accounts.email_owner_id(session, identifier)
    account = session.get(Account, owner_id) if owner_id else None
    if account is not None and account.password_digest is None:
        email_id = session.exec(
            select(Identification.id).where(
                Identification.user_id == account.id,
                Identification.kind == accounts.EMAIL,
                Identification.value == identifier,
            )
        ).first()
        return [
            {
                "strategy": "email_code",
                "safe_identifier": identifier,
                "email_address_id": email_id,
                "primary": True,
            }
        ]
    return [{"strategy": "password", "safe_identifier": identifier}]


def _offers(flow: Flow, strategy: str) -> bool:
    return any(f["strategy"] == strategy for f in flow.state.get("factors", []))


@router.get("/client/sign_ins/{flow_id}")
async def read_sign_in(request: Request, flow_id: str) -> Response:
    return await _handle(request, _read_flow, flow_id, "sign_in")


@router.get("/client/sign_ups/{flow_id}")
async def read_sign_up(request: Request, flow_id: str) -> Response:
    return await _handle(request, _read_flow, flow_id, "sign_up")


def _read_flow(session: Session, call: Call, flow_id: str, kind: str) -> Response:
    client = _client(session, call)
    flow = _flow(session, client, flow_id, kind)
    shape = frontend_json.sign_in_json if kind == "sign_in" else frontend_json.sign_up_json
    return _reply(session, call, client, shape(flow))


@router.post("/client/sign_ins/{flow_id}/prepare_first_factor")
async def prepare_first_factor(request: Request, flow_id: str) -> Response:
    return await _handle(request, _prepare_first_factor, flow_id)


def _prepare_first_factor(session: Session, call: Call, flow_id: str) -> Response:
    """Send the email code of an account without a password (a no-op for a password)."""
    client = _client(session, call)
    flow = _flow(session, client, flow_id, "sign_in")
    if call.form.get("strategy") != "email_code" or not _offers(flow, "email_code"):
        return _reply(session, call, client, frontend_json.sign_in_json(flow))
    _send_flow_code(session, call, flow, flow.state["identifier"], "first_factor_verification")
    return _reply(session, call, client, frontend_json.sign_in_json(flow))


@router.post("/client/sign_ins/{flow_id}/attempt_first_factor")
async def attempt_first_factor(request: Request, flow_id: str) -> Response:
    return await _handle(request, _attempt_first_factor, flow_id)


def _attempt_first_factor(session: Session, call: Call, flow_id: str) -> Response:
    client = _client(session, call)
    flow = _flow(session, client, flow_id, "sign_in")
    if call.form.get("strategy") == "email_code" and _offers(flow, "email_code"):
        return _attempt_email_code(session, call, client, flow)
    if call.form.get("strategy") != "password":
        raise ClerkAPIError(
            422,
            "strategy_for_user_invalid",
            "Strategy is not allowed",
            "Only password sign-in is enabled.",
            param="strategy",
        )
    return _attempt_password(session, call, client, flow, call.form.get("password", ""))


def _attempt_email_code(
    session: Session, call: Call, client: BrowserClient, flow: Flow
) -> Response:
    """The code proves the email of an account without a password; the sign-in then
    needs a new password (clerk-js shows its "Set new password" step)."""
    account = accounts_by_email(session, flow.state["identifier"])
    if account is not None and account.is_locked():
        raise locked_error(account.lockout_until or now_ms() + 60_000)
    code = _check_code(session, call, flow.id)
    flow.state = {
        **flow.state,
        "status": "needs_new_password",
        "first_factor_verification": _verification_json("verified", code.expire_at, None),
    }
    flow.updated_at = now_ms()
    session.add(flow)
    return _reply(session, call, client, frontend_json.sign_in_json(flow))


def accounts_by_email(session: Session, email: str) -> Account | None:
    owner_id = accounts.email_owner_id(session, email)
    return session.get(Account, owner_id) if owner_id else None


@router.post("/client/sign_ins/{flow_id}/reset_password")
async def reset_password(request: Request, flow_id: str) -> Response:
    return await _handle(request, _reset_password, flow_id)


def _reset_password(session: Session, call: Call, flow_id: str) -> Response:
    """``signIn.resetPassword``: set the password the sign-in needs, then sign in."""
    client = _client(session, call)
    flow = _flow(session, client, flow_id, "sign_in")
    account = accounts_by_email(session, flow.state["identifier"])
    if flow.state.get("status") != "needs_new_password" or account is None:
        raise ClerkAPIError(
            422,
            "sign_in_no_new_password_needed",
            "No new password is needed",
            "This sign-in has not verified a code that allows setting a password.",
        )
    password = call.form.get("password", "")
    require_policy(password)
    account.password_digest = passwords.digest(password)
    accounts.touch(account)
    response = _signed_in(session, call, client, flow, account)
    call.server.emit_user("user.updated", session, account)
    return response


def _user_data(account: Account) -> dict:
    return {
        "first_name": account.first_name,
        "last_name": account.last_name,
        "image_url": avatar_url(account),
        "has_image": bool(account.image_url),
    }


def _attempt_password(
    session: Session, call: Call, client: BrowserClient, flow: Flow, password: str
) -> Response:
    """Check a password (the lockout's rules: password_check.py); the sign-in is saved
    alike for every email."""
    identifier = flow.state["identifier"]
    account = accounts_by_email(session, identifier)
    check_password(
        session,
        call,
        account_id=account.id if account else None,
        digest=account.password_digest if account else None,
        identifier=identifier,
        password=password,
    )
    return _signed_in(session, call, client, flow, account)


def _signed_in(
    session: Session, call: Call, client: BrowserClient, flow: Flow, account: Account
) -> Response:
    clerk_session = call.server.start_session(
        session, account, client.id, user_agent=call.user_agent, ip=call.ip
    )
    client.last_active_session_id = clerk_session.id
    client.sign_in_id = None
    flow.state = {
        **flow.state,
        "status": "complete",
        "created_session_id": clerk_session.id,
        "user_data": _user_data(account),
    }
    flow.updated_at = now_ms()
    session.add(flow)
    session.flush()
    token = call.server.mint_token(clerk_session)
    return _reply(
        session, call, client, frontend_json.sign_in_json(flow), {clerk_session.id: token}
    )


# --- sign-up -----------------------------------------------------------------------
