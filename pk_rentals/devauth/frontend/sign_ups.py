"""Sign-ups: the email deliverability check, fields, the email code."""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.responses import Response
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from pk_rentals.devauth import accounts, frontend_json, passwords
from pk_rentals.devauth.errors import ClerkAPIError
from pk_rentals.devauth.frontend.call import (
    Call,
    _client,
    _handle,
    _reply,
    _run,
    router,
)
from pk_rentals.devauth.frontend.password_check import require_policy
from pk_rentals.devauth.frontend.verification import (
    _check_code,
    _flow,
    _send_flow_code,
    _verification_json,
)
from pk_rentals.devauth.store import (
    BrowserClient,
    Flow,
    new_id,
    now_ms,
)
from pk_rentals.services.identity import email_rules
from pk_rentals.services.identity.email_rules import EmailCheck, Refusal

log = logging.getLogger(__name__)


@router.post("/client/sign_ups")
async def create_sign_up(request: Request) -> Response:
    return await handle_checking_email(request, _create_sign_up)


@router.post("/client/sign_ups/{flow_id}")
async def update_sign_up(request: Request, flow_id: str) -> Response:
    return await handle_checking_email(request, _update_sign_up, flow_id)


async def handle_checking_email(request: Request, handler, *args) -> Response:
    """Check a new email address's deliverability (DNS, up to the timeout) before
    the handler opens its transaction, so no database lock waits on DNS; the handler
    gets the check (None when the call names no address)."""
    call = await Call.read(request)
    check = None
    if "email_address" in call.form:
        dns_config = email_rules.DnsConfig.from_settings(call.server.settings)
        address = call.form["email_address"].strip()
        check = await run_in_threadpool(email_rules.check_email, address, dns_config)
    return await run_in_threadpool(_run, handler, call, check, *args)


def _create_sign_up(session: Session, call: Call, check: EmailCheck | None) -> Response:
    client = _client(session, call)
    flow = Flow(id=new_id("sua"), kind="sign_up", client_id=client.id, state={})
    session.add(flow)
    client.sign_up_id = flow.id
    return _apply_sign_up_fields(session, call, client, flow, check)


def _update_sign_up(
    session: Session, call: Call, check: EmailCheck | None, flow_id: str
) -> Response:
    client = _client(session, call)
    flow = _flow(session, client, flow_id, "sign_up")
    return _apply_sign_up_fields(session, call, client, flow, check)


# Refused sign-up emails: Clerk's code where Clerk has one (format, disposable), a
# Clerk-style one where it has none; clerk-js shows long_message under the field
# (or our Urdu for the code, i18n.CLERK_URDU).
EMAIL_REFUSALS = {
    Refusal.MALFORMED: (
        "form_param_format_invalid",
        "That is not a valid email address. Check it for typos: it should look like "
        "name@gmail.com.",
    ),
    Refusal.RESERVED_DOMAIN: (
        "form_param_format_invalid",
        "The part after the @ is a reserved name that can never receive email. "
        "Use an address where you read your mail.",
    ),
    Refusal.DISPOSABLE_DOMAIN: (
        "form_email_address_blocked",
        "Disposable email addresses are not accepted. Use an address you will keep, "
        "so landlords and tenants can reach you.",
    ),
    Refusal.NO_MAIL_SERVER: (
        "form_email_address_undeliverable",
        "Email cannot be delivered to {domain}: that domain does not exist or receives "
        "no mail. Check the spelling after the @.",
    ),
    Refusal.UNCHECKED: (
        "form_email_address_unverifiable",
        "We could not check your email address just now. Please try again in a minute.",
    ),
}


def email_refused(check: EmailCheck | None) -> ClerkAPIError:
    refusal = (check.refusal if check else None) or Refusal.MALFORMED
    code, sentence = EMAIL_REFUSALS[refusal]
    return ClerkAPIError(
        422,
        code,
        "is invalid" if code == "form_param_format_invalid" else "is not allowed",
        sentence.format(domain=check.domain[:100] if check else ""),
        param="email_address",
        meta={"reason": refusal.value},
    )


def _apply_sign_up_fields(
    session: Session,
    call: Call,
    client: BrowserClient,
    flow: Flow,
    check: EmailCheck | None = None,
) -> Response:
    state = dict(flow.state)
    form = call.form
    if "email_address" in form:
        if check is None or not check.accepted:
            raise email_refused(check)
        email = form["email_address"].strip().lower()
        if email != state.get("email_address"):
            state |= {"email_address": email, "email_address_set": True, "email_verified": False}
            state["email_verification"] = None
            state["email_unchecked"] = check.flag.value if check.flag else None
            if check.flag:
                # The domain only: logs never carry a full address.
                log.warning("sign-up email on %s accepted unchecked (%s)", check.domain, check.flag)
    if "password" in form:
        require_policy(form["password"])
        state |= {"password_digest": passwords.digest(form["password"]), "password_set": True}
    for name in ("first_name", "last_name"):
        if name in form:
            state[name] = form[name].strip() or None
    state["status"] = "missing_requirements"
    flow.state = state
    flow.updated_at = now_ms()
    session.add(flow)
    complete = state.get("email_address_set") and state.get("password_set")
    if complete and not call.server.verify_email_at_sign_up(session):
        # Clerk's "verify at sign-up" off: in at once, the address unverified; the
        # app asks for the code before sensitive features (sending a CNIC).
        return _complete_sign_up(session, call, client, flow, email_verified=False)
    return _reply(session, call, client, frontend_json.sign_up_json(flow))


@router.post("/client/sign_ups/{flow_id}/prepare_verification")
async def prepare_sign_up_verification(request: Request, flow_id: str) -> Response:
    return await _handle(request, _prepare_sign_up_verification, flow_id)


def _prepare_sign_up_verification(session: Session, call: Call, flow_id: str) -> Response:
    client = _client(session, call)
    flow = _flow(session, client, flow_id, "sign_up")
    email = flow.state.get("email_address")
    if call.form.get("strategy") != "email_code" or not email:
        raise ClerkAPIError(
            422,
            "verification_strategy_invalid",
            "is invalid",
            "Only email codes can verify a new account's email address.",
            param="strategy",
        )
    # An address that already has an account gets a note instead of a code, and the
    # form behaves as for any other address: sign-up reveals nothing either.
    taken = accounts.email_owner_id(session, email) is not None
    message = _send_flow_code(session, call, flow, email, "email_verification")
    if taken:
        message.code = "------"
        message.used = True
        session.add(message)
    return _reply(session, call, client, frontend_json.sign_up_json(flow))


@router.post("/client/sign_ups/{flow_id}/attempt_verification")
async def attempt_sign_up_verification(request: Request, flow_id: str) -> Response:
    return await _handle(request, _attempt_sign_up_verification, flow_id)


def _attempt_sign_up_verification(session: Session, call: Call, flow_id: str) -> Response:
    client = _client(session, call)
    flow = _flow(session, client, flow_id, "sign_up")
    code = _check_code(session, call, flow.id)
    flow.state = {
        **flow.state,
        "email_verified": True,
        "email_verification": _verification_json("verified", code.expire_at, None),
    }
    return _complete_sign_up(session, call, client, flow, email_verified=True)


def _complete_sign_up(
    session: Session, call: Call, client: BrowserClient, flow: Flow, *, email_verified: bool
) -> Response:
    """Create the account and its first session once the password is set."""
    state = dict(flow.state)
    tokens = {}
    if state.get("password_set"):
        account = accounts.create_account(
            session,
            email=state["email_address"],
            email_verified=email_verified,
            first_name=state.get("first_name"),
            last_name=state.get("last_name"),
        )
        account.password_digest = state.pop("password_digest")
        if state.get("email_unchecked"):
            # Where a Clerk deployment would keep it: private metadata, seen by the
            # Backend API and webhooks, never by the browser.
            account.private_metadata = {
                **account.private_metadata,
                "email_deliverability": {"status": "unchecked", "reason": state["email_unchecked"]},
            }
        clerk_session = call.server.start_session(
            session, account, client.id, user_agent=call.user_agent, ip=call.ip
        )
        client.last_active_session_id = clerk_session.id
        client.sign_up_id = None
        state |= {
            "status": "complete",
            "created_user_id": account.id,
            "created_session_id": clerk_session.id,
        }
        session.flush()
        tokens[clerk_session.id] = call.server.mint_token(clerk_session)
        created = account
    else:
        created = None
    flow.state = state
    flow.updated_at = now_ms()
    session.add(flow)
    response = _reply(session, call, client, frontend_json.sign_up_json(flow), tokens)
    if created is not None:
        call.server.emit_user("user.created", session, created)
    return response


# --- sessions ----------------------------------------------------------------------
