"""The signed-in user: /me, email addresses and phone numbers."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from sqlmodel import Session, select

from pk_rentals.devauth import accounts, outbox
from pk_rentals.devauth.accounts import PHONE
from pk_rentals.devauth.codes import CODE_ATTEMPTS
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.frontend.call import (
    CODE_TTL_SECONDS,
    Call,
    _client,
    _handle,
    _reply,
    _throttle,
    router,
)
from pk_rentals.devauth.frontend.sessions import (
    _signed_out,
)
from pk_rentals.devauth.frontend.verification import (
    _check_code,
    _verification_json,
)
from pk_rentals.devauth.store import (
    Account,
    BrowserClient,
    ClerkSession,
    Identification,
    now_ms,
)
from pk_rentals.services.profile import normalize_mobile


def _me(session: Session, call: Call) -> tuple[BrowserClient, Account]:
    client = _client(session, call)
    session_id = call.query.get("_clerk_session_id") or client.last_active_session_id
    clerk_session = session.get(ClerkSession, session_id) if session_id else None
    if clerk_session is None or clerk_session.client_id != client.id:
        raise _signed_out()
    if clerk_session.settle().status != "active":
        raise _signed_out()
    account = session.get(Account, clerk_session.user_id)
    if account is None:
        raise _signed_out()
    return client, account


@router.api_route("/me", methods=["GET", "POST"])
async def me(request: Request) -> Response:
    return await _handle(request, _me_resource)


def _me_resource(session: Session, call: Call) -> Response:
    client, account = _me(session, call)
    if call.method == "PATCH":
        for name in ("first_name", "last_name"):
            if name in call.form:
                setattr(account, name, call.form[name].strip() or None)
        accounts.touch(account)
        session.add(account)
        session.flush()
        response = _reply(session, call, client, accounts.user_json(session, account))
        call.server.emit_user("user.updated", session, account)
        return response
    return _reply(session, call, client, accounts.user_json(session, account))


def _e164(raw: str) -> str:
    """A Pakistani mobile number as typed, in E.164 (the app's one rule,
    ``normalize_mobile``); anything else is refused with Clerk's error naming the field."""
    try:
        return normalize_mobile(raw)
    except ValueError:
        raise ClerkAPIError(
            422,
            "form_param_format_invalid",
            "is invalid",
            "Enter a mobile number like +92 300 1234567.",
            param="phone_number",
        ) from None


@router.post("/me/phone_numbers")
@router.post("/me/phone_numbers/")  # clerk-js's user.createPhoneNumber() posts here
async def create_phone_number(request: Request) -> Response:
    return await _handle(request, _create_phone_number)


def _create_phone_number(session: Session, call: Call) -> Response:
    client, account = _me(session, call)
    number = _e164(call.form.get("phone_number", ""))
    mine = session.exec(
        select(Identification).where(
            Identification.kind == PHONE,
            Identification.value == number,
            Identification.user_id == account.id,
        )
    ).first()
    identification = mine or accounts.add_identification(session, account, PHONE, number)
    session.flush()
    return _reply(session, call, client, accounts.identification_json(identification))


def _my_identification(
    session: Session, account: Account, identification_id: str, kind: str
) -> Identification:
    """One of the signed-in user's own phone numbers or email addresses, else 404."""
    identification = session.get(Identification, identification_id)
    noun = "phone number" if kind == accounts.PHONE else "email address"
    if identification is None or identification.user_id != account.id:
        raise not_found(noun)
    if identification.kind != kind:
        raise not_found(noun)
    return identification


def _my_phone(session: Session, account: Account, phone_id: str) -> Identification:
    return _my_identification(session, account, phone_id, accounts.PHONE)


@router.post("/me/phone_numbers/{phone_id}")
async def change_phone_number(request: Request, phone_id: str) -> Response:
    return await _handle(request, _change_phone_number, phone_id)


def _change_phone_number(session: Session, call: Call, phone_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_phone(session, account, phone_id)
    if call.method != "DELETE":
        return _reply(session, call, client, accounts.identification_json(identification))
    if account.primary_phone_number_id == identification.id:
        account.primary_phone_number_id = None
    session.delete(identification)
    accounts.touch(account)
    session.add(account)
    session.flush()
    response = _reply(
        session, call, client, {"object": "phone_number", "id": phone_id, "deleted": True}
    )
    call.server.emit_user("user.updated", session, account)
    return response


@router.post("/me/phone_numbers/{phone_id}/prepare_verification")
async def prepare_phone_verification(request: Request, phone_id: str) -> Response:
    return await _handle(request, _prepare_phone_verification, phone_id)


def _prepare_phone_verification(session: Session, call: Call, phone_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_phone(session, account, phone_id)
    return _reply(session, call, client, _send_code(session, call, identification, "phone_code"))


@router.post("/me/phone_numbers/{phone_id}/attempt_verification")
async def attempt_phone_verification(request: Request, phone_id: str) -> Response:
    return await _handle(request, _attempt_phone_verification, phone_id)


def _attempt_phone_verification(session: Session, call: Call, phone_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_phone(session, account, phone_id)
    _check_code(session, call, identification.id, account)
    if account.primary_phone_number_id is None:
        account.primary_phone_number_id = identification.id
    return _verified(session, call, client, account, identification, "phone_code")


# --- the signed-in user's email address (verified after sign-up) ----------------------


def _my_email(session: Session, account: Account, email_id: str) -> Identification:
    return _my_identification(session, account, email_id, accounts.EMAIL)


@router.api_route("/me/email_addresses/{email_id}", methods=["GET", "POST"])
async def read_email_address(request: Request, email_id: str) -> Response:
    return await _handle(request, _read_email_address, email_id)


def _read_email_address(session: Session, call: Call, email_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_email(session, account, email_id)
    return _reply(session, call, client, accounts.identification_json(identification))


@router.post("/me/email_addresses/{email_id}/prepare_verification")
async def prepare_email_verification(request: Request, email_id: str) -> Response:
    return await _handle(request, _prepare_email_verification, email_id)


def _prepare_email_verification(session: Session, call: Call, email_id: str) -> Response:
    """clerk-js ``emailAddress.prepareVerification({strategy: 'email_code'})``."""
    client, account = _me(session, call)
    identification = _my_email(session, account, email_id)
    if call.form.get("strategy", "email_code") != "email_code":
        raise ClerkAPIError(
            422,
            "verification_strategy_invalid",
            "is invalid",
            "Only email codes can verify an email address here.",
            param="strategy",
        )
    if identification.verified:
        return _reply(session, call, client, accounts.identification_json(identification))
    return _reply(session, call, client, _send_code(session, call, identification, "email_code"))


@router.post("/me/email_addresses/{email_id}/attempt_verification")
async def attempt_email_verification(request: Request, email_id: str) -> Response:
    return await _handle(request, _attempt_email_verification, email_id)


def _attempt_email_verification(session: Session, call: Call, email_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_email(session, account, email_id)
    _check_code(session, call, identification.id, account)
    return _verified(session, call, client, account, identification, "email_code")


def _send_code(session: Session, call: Call, identification: Identification, strategy: str) -> dict:
    """A new code to a phone number or email address, throttled per network like every
    code (so nobody can flood a number with texts), and the address's shape with the
    verification it now waits for."""
    _throttle(session, call)
    message = outbox.deliver_code(
        session,
        channel="sms" if strategy == "phone_code" else "email",
        to=identification.value,
        subject=identification.id,
        ttl_seconds=CODE_TTL_SECONDS,
    )
    shape = accounts.identification_json(identification)
    shape["verification"] = {
        **_verification_json("unverified", message.expire_at, CODE_ATTEMPTS),
        "strategy": strategy,
        "supported_strategies": [strategy],
    }
    return shape


def _verified(
    session: Session,
    call: Call,
    client: BrowserClient,
    account: Account,
    identification: Identification,
    strategy: str,
) -> Response:
    """Mark a phone number or email address verified by its code, answer with it, and
    tell the app (``user.updated``)."""
    identification.verified = True
    identification.verification_strategy = strategy
    identification.updated_at = now_ms()
    accounts.touch(account)
    session.add_all([identification, account])
    session.flush()
    response = _reply(session, call, client, accounts.identification_json(identification))
    call.server.emit_user("user.updated", session, account)
    return response
