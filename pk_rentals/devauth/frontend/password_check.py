"""Checking a password someone types, wherever they type it (signing in, or proving
it is them before changing it): every wrong one counts toward the account's lockout,
so "change password" is no side door for guessing."""

from __future__ import annotations

from sqlmodel import Session

from pk_rentals.devauth import accounts, passwords
from pk_rentals.devauth.errors import ClerkAPIError
from pk_rentals.devauth.frontend.call import Call, _throttle
from pk_rentals.devauth.store import now_ms
from pk_rentals.services.security_events import Failure


def locked_error(until_ms: int) -> ClerkAPIError:
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


def password_incorrect(param: str = "password") -> ClerkAPIError:
    return ClerkAPIError(
        422,
        "form_password_incorrect",
        "Password is incorrect. Try again, or use another method.",
        "Password is incorrect. Try again, or use another method.",
        param=param,
    )


def require_policy(password: str, param: str = "password") -> None:
    """Refuse a new password the policy does not allow, naming the field."""
    problem = passwords.policy_problem(password)
    if problem:
        raise ClerkAPIError(422, problem.code, problem.message, problem.long_message, param=param)


def check_password(
    session: Session,
    call: Call,
    *,
    account_id: str | None,
    digest: str | None,
    identifier: str,
    password: str,
    param: str = "password",
) -> None:
    """Return if ``password`` is right (the account's run of failures cleared, not
    committed: the row stays locked until the caller's change is written), else count
    the failure and raise Clerk's error. Every outcome comes from one atomic statement
    on the account (or on the email's run if it has no account), so parallel attempts on
    any worker each count, and an email without account answers exactly like one with."""
    _throttle(session, call)
    # No transaction (on SQLite: no write lock on the whole file) stays open while the
    # password is hashed.
    session.commit()
    if passwords.matches(password, digest):
        # An imported bcrypt/argon2i digest is replaced, hashed before the transaction.
        new_digest = passwords.digest(password) if passwords.needs_rehash(digest) else None
        if accounts.clear_failed_sign_ins(
            session, account_id=account_id, checked_digest=digest, new_digest=new_digest
        ):
            return
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
        raise locked_error(run.lockout_until)
    reason = "form_password_incorrect" if account_id else "unknown_account"
    call.failed(Failure.SIGN_IN_FAILED, reason=reason, **who)
    raise password_incorrect(param)
