"""The signed-in user: /me, email addresses and phone numbers."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from sqlmodel import Session, select

from pk_rentals.devauth import accounts, outbox
from pk_rentals.devauth.accounts import EMAIL, PHONE
from pk_rentals.devauth.codes import CODE_ATTEMPTS
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.frontend.call import (
    CODE_TTL_SECONDS,
    DEV_BROWSER_HEADER,
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
from pk_rentals.devauth.frontend.sign_ups import email_refused, handle_checking_email
from pk_rentals.devauth.frontend.verification import (
    _check_code,
    _verification_json,
)
from pk_rentals.devauth.store import (
    Account,
    BrowserClient,
    ClerkSession,
    Identification,
    identifications,
    now_ms,
)
from pk_rentals.services.identity.email_rules import EmailCheck
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
    if call.method == "DELETE":
        # Clerk's own "Delete account" is switched off (delete_self_enabled false):
        # the app's deletion page says what is removed (the CNIC, the selfie, the
        # badges) and what the law makes it keep, which Clerk's screen cannot.
        raise ClerkAPIError(
            403,
            "delete_self_not_enabled",
            "not allowed",
            "Delete your account from the app's own account page, which explains what is removed.",
        )
    if call.method == "PATCH":
        for name in ("first_name", "last_name"):
            if name in call.form:
                setattr(account, name, call.form[name].strip() or None)
        for name, kind in (
            ("primary_email_address_id", EMAIL),
            ("primary_phone_number_id", PHONE),
        ):
            if name in call.form:
                chosen = _my_identification(session, account, call.form[name], kind)
                if not chosen.verified:
                    raise ClerkAPIError(
                        422,
                        "form_identifier_not_verified",
                        "is not verified",
                        "Verify it with its code before making it your primary one.",
                        param=name,
                    )
                setattr(account, name, chosen.id)
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


@router.api_route("/me/phone_numbers", methods=["GET", "POST"])
@router.post("/me/phone_numbers/")  # clerk-js's user.createPhoneNumber() posts here
async def create_phone_number(request: Request) -> Response:
    return await _handle(request, _create_phone_number)


def _listed(session: Session, call: Call, account: Account, kind: str) -> Response:
    """The user's phone numbers or email addresses: a bare list, as Clerk answers."""
    owned = [i for i in identifications(session, account.id) if i.kind == kind]
    return JSONResponse(
        [accounts.identification_json(i) for i in owned],
        headers={DEV_BROWSER_HEADER: call.dev_browser},
    )


def _create_phone_number(session: Session, call: Call) -> Response:
    client, account = _me(session, call)
    if call.method == "GET":
        return _listed(session, call, account, PHONE)
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


@router.api_route("/me/phone_numbers/{phone_id}", methods=["GET", "POST"])
async def change_phone_number(request: Request, phone_id: str) -> Response:
    return await _handle(request, _change_phone_number, phone_id)


def _change_phone_number(session: Session, call: Call, phone_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_phone(session, account, phone_id)
    if call.method != "DELETE":
        return _reply(session, call, client, accounts.identification_json(identification))
    if account.primary_phone_number_id == identification.id:
        account.primary_phone_number_id = None
    return _removed(session, call, client, account, identification)


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


@router.api_route("/me/email_addresses", methods=["GET", "POST"])
async def add_email_address(request: Request) -> Response:
    return await handle_checking_email(request, _add_email_address)


def _add_email_address(session: Session, call: Call, check: EmailCheck | None) -> Response:
    """A second address, unverified until its code is typed (clerk-js asks at once).
    Refused like a sign-up address: malformed, disposable or undeliverable; one
    another account uses is refused by name, as Clerk does for a signed-in user."""
    client, account = _me(session, call)
    if call.method == "GET":
        return _listed(session, call, account, EMAIL)
    if check is None or not check.accepted:
        raise email_refused(check)
    try:
        identification = accounts.add_identification(
            session, account, EMAIL, call.form["email_address"]
        )
    except accounts.AccountError as error:
        raise ClerkAPIError.from_account_error(error) from None
    session.flush()
    response = _reply(session, call, client, accounts.identification_json(identification))
    call.server.emit_user("user.updated", session, account)
    return response


@router.api_route("/me/email_addresses/{email_id}", methods=["GET", "POST"])
async def read_email_address(request: Request, email_id: str) -> Response:
    return await _handle(request, _read_email_address, email_id)


def _read_email_address(session: Session, call: Call, email_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_email(session, account, email_id)
    if call.method != "DELETE":
        return _reply(session, call, client, accounts.identification_json(identification))
    if account.primary_email_address_id == identification.id:
        # The primary address is how the person signs in and how the app reaches
        # them: another one becomes primary first.
        raise ClerkAPIError(
            403,
            "primary_identification_not_removable",
            "cannot be removed",
            "This is your primary email address. Make another address primary first.",
            param="email_address",
        )
    return _removed(session, call, client, account, identification)


def _removed(
    session: Session,
    call: Call,
    client: BrowserClient,
    account: Account,
    identification: Identification,
) -> Response:
    """Delete one of the user's phone numbers or email addresses, answer Clerk's
    deleted object, and tell the app (``user.updated``)."""
    deleted = {"object": identification.kind, "id": identification.id, "deleted": True}
    session.delete(identification)
    accounts.touch(account)
    session.add(account)
    session.flush()
    response = _reply(session, call, client, deleted)
    call.server.emit_user("user.updated", session, account)
    return response


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
