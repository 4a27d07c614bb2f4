"""Clerk's Frontend API, the subset clerk-js 5 needs: sign-up with an email code,
password sign-in with lockout, sign-out, session tokens, and phone verification.

Transport as clerk-js speaks it (docs/notes/clerk-frontend-api.md): GET or
POST with ``_method=PATCH|DELETE``, form-encoded bodies, the dev-browser token in
``__clerk_db_jwt``, replies ``{"response": ..., "client": ...}``, errors in
Clerk's envelope with Clerk's codes so the components show their own messages.
"""

from __future__ import annotations

import dataclasses
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool

from pk_rentals.devauth import accounts, codes, frontend_json, outbox, passwords, store
from pk_rentals.devauth.accounts import PHONE, AccountError
from pk_rentals.devauth.avatars import avatar_url
from pk_rentals.devauth.codes import CODE_ATTEMPTS
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.server import IdentityServer, get_server_for_route
from pk_rentals.devauth.store import (
    Account,
    BrowserClient,
    ClerkSession,
    Flow,
    Identification,
    Message,
    new_id,
    now_ms,
)
from pk_rentals.services import security_events
from pk_rentals.services.identity import email_rules
from pk_rentals.services.identity.email_rules import EmailCheck, Refusal
from pk_rentals.services.profile import normalize_mobile
from pk_rentals.services.security_events import Failure

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1")

DEV_BROWSER_HEADER = "Clerk-Db-Jwt"
THE_CLIENT = object()  # as a reply's resource: the client itself
CODE_TTL_SECONDS = 600


# --- one request ---------------------------------------------------------------------


@dataclasses.dataclass
class Call:
    server: IdentityServer
    form: dict[str, str]
    query: dict[str, str]
    method: str
    ip: str
    dev_browser: str
    # Failed attempts seen while handling it, recorded after its transaction ends
    # (services/security_events.py writes in its own session).
    failures: list[tuple[Failure, dict]] = dataclasses.field(default_factory=list)

    def failed(self, kind: Failure, **details) -> None:
        self.failures.append((kind, details))

    @classmethod
    async def read(cls, request: Request) -> Call:
        form = {}
        if request.method == "POST":
            form = {k: str(v) for k, v in (await request.form()).items()}
        query = dict(request.query_params)
        return cls(
            server=await get_server_for_route(),
            form=form,
            query=query,
            method=query.get("_method", request.method).upper(),
            ip=request.client.host if request.client else "unknown",
            dev_browser=query.get("__clerk_db_jwt", "")
            or request.headers.get(DEV_BROWSER_HEADER, ""),
        )


def _client(session: Session, call: Call) -> BrowserClient:
    """The browser's client, created on first sight of its dev-browser token."""
    if not call.dev_browser:
        raise ClerkAPIError(
            401,
            "dev_browser_unauthenticated",
            "Unable to authenticate the dev browser",
            "The request carries no dev browser token.",
        )
    client = session.exec(
        select(BrowserClient).where(BrowserClient.dev_browser_token == call.dev_browser)
    ).first()
    if client is None:
        client = BrowserClient(id=new_id("client"), dev_browser_token=call.dev_browser)
        session.add(client)
        session.flush()
    return client


def _reply(
    session: Session,
    call: Call,
    client: BrowserClient,
    resource,
    tokens: dict[str, str] | None = None,
) -> JSONResponse:
    client.updated_at = now_ms()
    session.add(client)
    session.commit()
    # Every active session carries a fresh token: clerk-react derives its claims
    # from it, and reports an "invalid state" without them.
    tokens = {
        s.id: call.server.mint_token(s) for s in frontend_json.active_sessions(session, client)
    } | (tokens or {})
    client_shape = frontend_json.client_json(session, client, tokens)
    body = {
        "response": client_shape if resource is THE_CLIENT else resource,
        "client": client_shape,
    }
    return JSONResponse(body, headers={DEV_BROWSER_HEADER: call.dev_browser})


def _run(handler, call: Call, *args) -> Response:
    """Run a handler in its own database session; Clerk errors become envelopes."""
    try:
        with call.server.session() as session:
            try:
                return handler(session, call, *args)
            except AccountError as error:
                session.rollback()
                return ClerkAPIError.from_account_error(error).response()
            except ClerkAPIError as error:
                session.rollback()
                return error.response({DEV_BROWSER_HEADER: call.dev_browser})
    finally:
        for kind, details in call.failures:
            security_events.record(kind, **details)


async def _handle(request: Request, handler, *args) -> Response:
    call = await Call.read(request)
    return await run_in_threadpool(_run, handler, call, *args)


def _throttle(session: Session, call: Call) -> None:
    """The per-IP limit on sign-in attempts and codes, counted in the database so every
    worker shares it. Commits the request's work so far with the hit."""
    limit = call.server.settings.sign_in_attempts_per_minute
    if not store.take_rate_hit(session, f"sign_in_ip:{call.ip}", limit):
        raise ClerkAPIError(
            429,
            "too_many_requests",
            "Too many requests",
            "Too many attempts from your network. Please wait a minute and try again.",
        )


# --- dev browser, environment, client ----------------------------------------------


@router.post("/dev_browser")
async def dev_browser() -> JSONResponse:
    token = "dvb_" + new_id("db").split("_", 1)[1]
    return JSONResponse(
        {"object": "dev_browser", "id": token, "token": token},
        headers={DEV_BROWSER_HEADER: token},
    )


@router.api_route("/environment", methods=["GET", "POST"])
async def environment() -> JSONResponse:
    server = await get_server_for_route()

    def verify_at_sign_up() -> bool:
        with server.session() as session:
            return server.verify_email_at_sign_up(session)

    settings = server.settings
    return JSONResponse(
        frontend_json.environment_json(
            settings.lockout_attempts,
            settings.lockout_seconds,
            await run_in_threadpool(verify_at_sign_up),
        )
    )


@router.api_route("/client", methods=["GET", "POST"])
async def client_resource(request: Request) -> Response:
    return await _handle(request, _client_resource)


def _client_resource(session: Session, call: Call) -> Response:
    client = _client(session, call)
    if call.method == "DELETE":  # sign out of every session on this browser
        _end_sessions(session, client, "ended")
        client.sign_in_id = client.sign_up_id = None
    session.flush()
    return _reply(session, call, client, THE_CLIENT)


def _end_sessions(session: Session, client: BrowserClient, status: str) -> None:
    for clerk_session in frontend_json.active_sessions(session, client):
        clerk_session.status = status
        clerk_session.updated_at = now_ms()
        session.add(clerk_session)


# --- sign-in -----------------------------------------------------------------------


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


def _flow(session: Session, client: BrowserClient, flow_id: str, kind: str) -> Flow:
    flow = session.get(Flow, flow_id)
    if flow is None or flow.client_id != client.id or flow.kind != kind:
        raise not_found(kind.replace("_", " "))
    return flow


def _first_factors(session: Session, identifier: str) -> list[dict]:
    """What ``<SignIn/>`` offers: the password; or, for an account that has none (users
    imported without a digest, seed 004's forced reset), only an email code, after which
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
    message = outbox.deliver_code(
        session,
        channel="email",
        to=flow.state["identifier"],
        subject=flow.id,
        ttl_seconds=CODE_TTL_SECONDS,
    )
    flow.state = {
        **flow.state,
        "first_factor_verification": _verification_json(
            "unverified", message.expire_at, CODE_ATTEMPTS
        ),
    }
    flow.updated_at = now_ms()
    session.add(flow)
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
        raise _locked_error(account.lockout_until or now_ms() + 60_000)
    _check_code(session, call, flow.id)
    flow.state = {
        **flow.state,
        "status": "needs_new_password",
        "first_factor_verification": _verification_json("verified", None, None),
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
    problem = passwords.policy_problem(password)
    if problem:
        raise ClerkAPIError(
            422, problem.code, problem.message, problem.long_message, param="password"
        )
    account.password_digest = passwords.digest(password)
    accounts.touch(account)
    clerk_session = call.server.start_session(session, account, client.id)
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
    response = _reply(
        session, call, client, frontend_json.sign_in_json(flow), {clerk_session.id: token}
    )
    call.server.emit_user("user.updated", session, account)
    return response


def _user_data(account: Account) -> dict:
    return {
        "first_name": account.first_name,
        "last_name": account.last_name,
        "image_url": avatar_url(account),
        "has_image": bool(account.image_url),
    }


def _locked_error(until_ms: int) -> ClerkAPIError:
    """Clerk's user_locked: clerk-js shows its long_message, which says when it unlocks;
    ``meta.lockout_expires_in_seconds`` is there for custom flows, as Clerk sends it."""
    seconds = max(1, (until_ms - now_ms()) // 1000)
    minutes = max(1, -(-seconds // 60))
    return ClerkAPIError(
        403,
        "user_locked",
        "Account locked",
        f"Your account is locked. You will be able to try again in {minutes} "
        f"minute{'s' if minutes != 1 else ''}. For more information, please contact support.",
        meta={"lockout_expires_in_seconds": seconds},
    )


def _attempt_password(
    session: Session, call: Call, client: BrowserClient, flow: Flow, password: str
) -> Response:
    """Check a password. Every outcome comes from one atomic statement on the account
    (or on the email's run if it has no account), so parallel attempts on any worker
    each count, and an email without account answers exactly like one with."""
    _throttle(session, call)
    identifier = flow.state["identifier"]
    account = accounts_by_email(session, identifier)
    # The sign-in is saved alike for every email, and no transaction (on SQLite: no
    # write lock on the whole file) stays open while the password is hashed.
    session.commit()
    account_id, digest = (account.id, account.password_digest) if account else (None, None)
    if passwords.matches(password, digest):
        # An imported bcrypt/argon2i digest is replaced, hashed before the transaction.
        new_digest = passwords.digest(password) if passwords.needs_rehash(digest) else None
        if accounts.clear_failed_sign_ins(
            session, account_id=account_id, checked_digest=digest, new_digest=new_digest
        ):
            return _signed_in(session, call, client, flow, account)
        session.rollback()  # locked (or a new password) since the account was read
    settings = call.server.settings
    run = accounts.count_failed_sign_in(
        session,
        account_id=account_id,
        email=identifier,
        attempts=settings.lockout_attempts,
        lockout_seconds=settings.lockout_seconds,
    )
    who = {"clerk_user_id": account_id, "email": identifier}
    if run.locked_by_operator:
        call.failed(Failure.SIGN_IN_FAILED, reason="user_locked", **who)
        raise ClerkAPIError(
            403,
            "user_locked",
            "Account locked",
            "Your account is locked. Please contact support for more information.",
        )
    if run.locks(now_ms()):
        if run.count == settings.lockout_attempts:
            reason = "password_attempts" if account_id else "unknown_account"
            call.failed(Failure.LOCKOUT, reason=reason, **who)
        else:
            call.failed(Failure.SIGN_IN_FAILED, reason="user_locked", **who)
        raise _locked_error(run.lockout_until)
    reason = "form_password_incorrect" if account_id else "unknown_account"
    call.failed(Failure.SIGN_IN_FAILED, reason=reason, **who)
    raise _password_incorrect()


def _signed_in(
    session: Session, call: Call, client: BrowserClient, flow: Flow, account: Account
) -> Response:
    clerk_session = call.server.start_session(session, account, client.id)
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


def _password_incorrect() -> ClerkAPIError:
    return ClerkAPIError(
        422,
        "form_password_incorrect",
        "Password is incorrect. Try again, or use another method.",
        "Password is incorrect. Try again, or use another method.",
        param="password",
    )


# --- sign-up -----------------------------------------------------------------------


@router.post("/client/sign_ups")
async def create_sign_up(request: Request) -> Response:
    return await _handle_sign_up(request, _create_sign_up)


@router.post("/client/sign_ups/{flow_id}")
async def update_sign_up(request: Request, flow_id: str) -> Response:
    return await _handle_sign_up(request, _update_sign_up, flow_id)


async def _handle_sign_up(request: Request, handler, *args) -> Response:
    """Check a new email address's deliverability (DNS, up to the timeout) before
    the handler opens its transaction, so no database lock waits on DNS."""
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


def _email_refused(check: EmailCheck | None) -> ClerkAPIError:
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
            raise _email_refused(check)
        email = form["email_address"].strip().lower()
        if email != state.get("email_address"):
            state |= {"email_address": email, "email_address_set": True, "email_verified": False}
            state["email_verification"] = None
            state["email_unchecked"] = check.flag.value if check.flag else None
            if check.flag:
                # The domain only: logs never carry a full address.
                log.warning("sign-up email on %s accepted unchecked (%s)", check.domain, check.flag)
    if "password" in form:
        problem = passwords.policy_problem(form["password"])
        if problem:
            raise ClerkAPIError(
                422, problem.code, problem.message, problem.long_message, param="password"
            )
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
        # app asks for the code before sensitive features (seed 004).
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
    message = outbox.deliver_code(
        session, channel="email", to=email, subject=flow.id, ttl_seconds=CODE_TTL_SECONDS
    )
    if taken:
        message.code = "------"
        message.used = True
        session.add(message)
    flow.state = {
        **flow.state,
        "email_verification": _verification_json("unverified", message.expire_at, CODE_ATTEMPTS),
    }
    flow.updated_at = now_ms()
    session.add(flow)
    return _reply(session, call, client, frontend_json.sign_up_json(flow))


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


@router.post("/client/sign_ups/{flow_id}/attempt_verification")
async def attempt_sign_up_verification(request: Request, flow_id: str) -> Response:
    return await _handle(request, _attempt_sign_up_verification, flow_id)


def _attempt_sign_up_verification(session: Session, call: Call, flow_id: str) -> Response:
    client = _client(session, call)
    flow = _flow(session, client, flow_id, "sign_up")
    _check_code(session, call, flow.id)
    flow.state = {
        **flow.state,
        "email_verified": True,
        "email_verification": _verification_json("verified", None, None),
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
        clerk_session = call.server.start_session(session, account, client.id)
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


def _own_session(session: Session, client: BrowserClient, session_id: str) -> ClerkSession:
    clerk_session = session.get(ClerkSession, session_id)
    if clerk_session is None or clerk_session.client_id != client.id:
        raise not_found("session")
    return clerk_session.settle()


def _signed_out() -> ClerkAPIError:
    return ClerkAPIError(
        401,
        "authentication_invalid",
        "Unauthenticated",
        "The session is no longer active. Please sign in again.",
    )


@router.post("/client/sessions/{session_id}/touch")
async def touch_session(request: Request, session_id: str) -> Response:
    return await _handle(request, _touch_session, session_id)


def _touch_session(session: Session, call: Call, session_id: str) -> Response:
    client = _client(session, call)
    clerk_session = _own_session(session, client, session_id)
    if clerk_session.status != "active":
        raise _signed_out()
    clerk_session.last_active_at = clerk_session.updated_at = now_ms()
    client.last_active_session_id = clerk_session.id
    session.add(clerk_session)
    token = call.server.mint_token(clerk_session)
    return _reply(
        session,
        call,
        client,
        frontend_json.session_json(session, clerk_session, token),
        {clerk_session.id: token},
    )


@router.post("/client/sessions/{session_id}/tokens")
@router.post("/client/sessions/{session_id}/tokens/{template}")
async def session_token(request: Request, session_id: str, template: str = "") -> Response:
    return await _handle(request, _session_token, session_id)


def _session_token(session: Session, call: Call, session_id: str) -> Response:
    client = _client(session, call)
    clerk_session = _own_session(session, client, session_id)
    if clerk_session.status != "active":
        raise _signed_out()
    # The token resource comes bare, without the response/client envelope.
    return JSONResponse(
        {"object": "token", "jwt": call.server.mint_token(clerk_session)},
        headers={DEV_BROWSER_HEADER: call.dev_browser},
    )


@router.post("/client/sessions/{session_id}/end")
@router.post("/client/sessions/{session_id}/remove")
async def end_session(request: Request, session_id: str) -> Response:
    return await _handle(request, _end_session, session_id)


def _end_session(session: Session, call: Call, session_id: str) -> Response:
    client = _client(session, call)
    clerk_session = _own_session(session, client, session_id)
    clerk_session.status = "ended"
    clerk_session.updated_at = now_ms()
    session.add(clerk_session)
    session.flush()
    return _reply(session, call, client, frontend_json.session_json(session, clerk_session, None))


@router.post("/client/sessions")
async def remove_sessions(request: Request) -> Response:
    return await _handle(request, _remove_sessions)


def _remove_sessions(session: Session, call: Call) -> Response:
    client = _client(session, call)
    if call.method != "DELETE":
        raise not_found("endpoint")
    _end_sessions(session, client, "removed")
    session.flush()
    return _reply(session, call, client, THE_CLIENT)


# --- the signed-in user: /me and phone numbers -------------------------------------


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
    message = outbox.deliver_code(
        session,
        channel="sms",
        to=identification.value,
        subject=identification.id,
        ttl_seconds=CODE_TTL_SECONDS,
    )
    shape = accounts.identification_json(identification)
    shape["verification"] = {
        **_verification_json("unverified", message.expire_at, CODE_ATTEMPTS),
        "strategy": "phone_code",
        "supported_strategies": ["phone_code"],
    }
    return _reply(session, call, client, shape)


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
    shape = accounts.identification_json(identification)
    if identification.verified:
        return _reply(session, call, client, shape)
    _throttle(session, call)
    message = outbox.deliver_code(
        session,
        channel="email",
        to=identification.value,
        subject=identification.id,
        ttl_seconds=CODE_TTL_SECONDS,
    )
    shape["verification"] = _verification_json("unverified", message.expire_at, CODE_ATTEMPTS)
    return _reply(session, call, client, shape)


@router.post("/me/email_addresses/{email_id}/attempt_verification")
async def attempt_email_verification(request: Request, email_id: str) -> Response:
    return await _handle(request, _attempt_email_verification, email_id)


def _attempt_email_verification(session: Session, call: Call, email_id: str) -> Response:
    client, account = _me(session, call)
    identification = _my_email(session, account, email_id)
    _check_code(session, call, identification.id, account)
    return _verified(session, call, client, account, identification, "email_code")


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
