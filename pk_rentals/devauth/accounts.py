"""Accounts of the identity server: create, change, lock, delete, and Clerk's JSON.

The Backend API and the Frontend API both call these, so a user looks the same
whichever door it came through, and every change emits Clerk's webhook event.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import sqlalchemy as sa
from sqlmodel import Session, select

from pk_rentals.devauth import passwords
from pk_rentals.devauth.avatars import avatar_url
from pk_rentals.devauth.store import (
    Account,
    ClerkSession,
    Identification,
    UnknownEmailLockout,
    identifications,
    insert_or_update,
    new_id,
    now_ms,
)

EMAIL = "email_address"
PHONE = "phone_number"

# Called with (event type, Clerk user JSON) after each committed change.
EventSink = Callable[[str, dict], None]


class AccountError(Exception):
    """A refused change, carrying Clerk's error code and parameter."""

    def __init__(self, code: str, message: str, long_message: str = "", param: str | None = None):
        super().__init__(long_message or message)
        self.code = code
        self.message = message
        self.long_message = long_message or message
        self.param = param


def identification_json(identification: Identification) -> dict:
    # Clerk's spec requires a time in expire_at: the address's last change (for a
    # verified one, the moment its code was used, after which it can be used no more).
    verification = (
        {
            "object": "verification_otp"
            if identification.verification_strategy
            else "verification_admin",
            "status": "verified",
            "strategy": identification.verification_strategy or "admin",
            "attempts": None,
            "expire_at": identification.updated_at,
        }
        if identification.verified
        else {
            "object": "verification_otp",
            "status": "unverified",
            "strategy": "email_code" if identification.kind == EMAIL else "phone_code",
            "attempts": None,
            "expire_at": identification.updated_at,
        }
    )
    shape = {
        "object": identification.kind,
        "id": identification.id,
        identification.kind: identification.value,
        "verification": verification,
        "linked_to": [],
        "reserved": False,
        "created_at": identification.created_at,
        "updated_at": identification.updated_at,
    }
    if identification.kind == PHONE:
        shape |= {
            "reserved_for_second_factor": False,
            "default_second_factor": False,
            "backup_codes": None,
        }
    return shape


def user_json(session: Session, account: Account) -> dict:
    """A user object as Clerk's Backend API and Frontend API return it."""
    owned = identifications(session, account.id)
    emails = [identification_json(i) for i in owned if i.kind == EMAIL]
    phones = [identification_json(i) for i in owned if i.kind == PHONE]
    return {
        "object": "user",
        "id": account.id,
        "external_id": account.external_id,
        "username": account.username,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "image_url": avatar_url(account),
        "profile_image_url": avatar_url(account),
        "has_image": bool(account.image_url),
        "primary_email_address_id": account.primary_email_address_id,
        "primary_phone_number_id": account.primary_phone_number_id,
        "primary_web3_wallet_id": None,
        "email_addresses": emails,
        "phone_numbers": phones,
        "web3_wallets": [],
        "passkeys": [],
        "external_accounts": [],
        "saml_accounts": [],
        "enterprise_accounts": [],
        "organization_memberships": [],
        "password_enabled": account.password_digest is not None,
        "two_factor_enabled": False,
        "mfa_enabled_at": None,
        "mfa_disabled_at": None,
        "totp_enabled": False,
        "backup_code_enabled": False,
        "public_metadata": account.public_metadata,
        "private_metadata": account.private_metadata,
        "unsafe_metadata": account.unsafe_metadata,
        "locked": account.is_locked(),
        "lockout_expires_in_seconds": _lockout_left(account),
        "verification_attempts_remaining": None,
        "banned": account.banned,
        # Clerk's own "Delete account" stays hidden, as in the environment: the app's
        # deletion on /settings says what goes and removes it (services/identity/deletion.py).
        "delete_self_enabled": False,
        "create_organization_enabled": False,
        "last_sign_in_at": account.last_sign_in_at,
        "last_active_at": account.last_sign_in_at,
        "legal_accepted_at": None,
        "created_at": account.created_at,
        "updated_at": account.updated_at,
    }


def _lockout_left(account: Account) -> int | None:
    if account.locked or not account.lockout_until:
        return None
    left = (account.lockout_until - now_ms()) // 1000
    return left if left > 0 else None


def create_account(
    session: Session,
    *,
    email: str | None,
    password: str | None = None,
    email_verified: bool = True,
    phone: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    external_id: str | None = None,
    public_metadata: dict | None = None,
    private_metadata: dict | None = None,
    unsafe_metadata: dict | None = None,
    skip_password_checks: bool = False,
) -> Account:
    """Create a user (not committed). Refuses a taken email or a weak password."""
    if email and email_owner_id(session, email):
        raise AccountError(
            "form_identifier_exists",
            "That email address is taken.",
            "That email address is taken. Please try another.",
            param="email_address",
        )
    if password is not None and not skip_password_checks:
        problem = passwords.policy_problem(password)
        if problem:
            raise AccountError(problem.code, problem.message, problem.long_message, "password")
    account = Account(
        id=new_id("user"),
        first_name=first_name,
        last_name=last_name,
        external_id=external_id,
        password_digest=passwords.digest(password) if password else None,
        public_metadata=public_metadata or {},
        private_metadata=private_metadata or {},
        unsafe_metadata=unsafe_metadata or {},
    )
    session.add(account)
    session.flush()
    if email:
        identification = add_identification(session, account, EMAIL, email, verified=email_verified)
        account.primary_email_address_id = identification.id
    if phone:
        identification = add_identification(session, account, PHONE, phone, verified=True)
        account.primary_phone_number_id = identification.id
    return account


def add_identification(
    session: Session, account: Account, kind: str, value: str, *, verified: bool = False
) -> Identification:
    value = value.strip().lower() if kind == EMAIL else value.strip()
    taken = session.exec(
        select(Identification).where(Identification.kind == kind, Identification.value == value)
    ).first()
    if taken:
        noun = "email address" if kind == EMAIL else "phone number"
        raise AccountError(
            "form_identifier_exists",
            f"That {noun} is taken.",
            f"That {noun} is taken. Please try another.",
            param=kind,
        )
    identification = Identification(
        id=new_id("idn"),
        user_id=account.id,
        kind=kind,
        value=value,
        verified=verified,
        verification_strategy=("email_code" if kind == EMAIL else "phone_code")
        if verified
        else None,
    )
    session.add(identification)
    touch(account)
    session.flush()
    return identification


def email_owner_id(session: Session, email: str) -> str | None:
    return session.exec(
        select(Identification.user_id).where(
            Identification.kind == EMAIL, Identification.value == email.strip().lower()
        )
    ).first()


def touch(account: Account) -> None:
    account.updated_at = max(now_ms(), account.updated_at + 1)


def revoke_sessions(session: Session, user_id: str, status: str = "revoked") -> None:
    for clerk_session in session.exec(
        select(ClerkSession).where(ClerkSession.user_id == user_id, ClerkSession.status == "active")
    ):
        clerk_session.end(status)
        session.add(clerk_session)


def deleted_user_json(user_id: str) -> dict:
    return {"object": "user", "id": user_id, "deleted": True}


# --- failed sign-ins and the lockout -------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FailedSignIns:
    """A run of failed sign-ins as the database holds it right after one more."""

    count: int
    lockout_until: int | None
    locked_by_operator: bool = False

    def locks(self, at: int) -> bool:
        return self.locked_by_operator or (self.lockout_until or 0) > at


def _one_more_failure(table: sa.Table, *, now: int, attempts: int, lockout_ms: int) -> dict:
    """SET clauses adding a failure to ``table``'s run in one statement, so parallel
    failures on any worker each count. A run whose lockout has ended starts again at
    1; the failure that brings the run to ``attempts`` locks, and failures during a
    lockout count on without extending it."""
    c = table.c
    ended = sa.and_(c.lockout_until.is_not(None), c.lockout_until <= now)
    count = sa.case((ended, 1), else_=c.failed_attempts + 1)
    until = sa.case(
        (c.lockout_until > now, c.lockout_until),
        (count >= attempts, sa.literal(now + lockout_ms, sa.BigInteger)),
        else_=sa.null(),
    )
    return {"failed_attempts": count, "lockout_until": until}


def count_failed_sign_in(
    session: Session,
    *,
    account_id: str | None,
    email: str,
    attempts: int,
    lockout_seconds: int,
) -> FailedSignIns:
    """Count a wrong password for the account, or for ``email`` if it has none, and
    commit at once; the lockout is decided from the count the database returns.

    An email without account keeps its run in ``devauth_unknown_email_lockouts`` under
    the same rule, so it answers exactly like an account. Runs there whose lockout has
    ended behave as no run at all, so every failure (with an account or without, the
    same statements either way) deletes them."""
    now = now_ms()
    rule = {"now": now, "attempts": attempts, "lockout_ms": lockout_seconds * 1000}
    users = Account.__table__
    unknown = UnknownEmailLockout.__table__
    row = None
    if account_id is not None:
        row = session.execute(
            sa.update(users)
            .where(users.c.id == account_id)
            .values(**_one_more_failure(users, **rule))
            .returning(users.c.failed_attempts, users.c.lockout_until, users.c.locked)
        ).first()
    if row is None:  # no account (or deleted since it was read)
        row = session.execute(
            insert_or_update(session, unknown)
            .values(
                email=email,
                failed_attempts=1,
                lockout_until=now + rule["lockout_ms"] if attempts <= 1 else None,
            )
            .on_conflict_do_update(
                index_elements=[unknown.c.email], set_=_one_more_failure(unknown, **rule)
            )
            .returning(unknown.c.failed_attempts, unknown.c.lockout_until, sa.false())
        ).first()
    session.commit()
    # In a transaction of its own: it locks rows that must not wait on the count's.
    session.execute(sa.delete(unknown).where(unknown.c.lockout_until <= now))
    session.commit()
    return FailedSignIns(row[0], row[1], bool(row[2]))


def clear_failed_sign_ins(
    session: Session, *, account_id: str, checked_digest: str, new_digest: str | None
) -> bool:
    """After a right password: end the account's run of failures, and store
    ``new_digest`` if given, unless a lockout (or an operator's lock) or another
    password came in meanwhile; False then. Not committed: the row stays locked until
    the sign-in's session is written, so a parallel lockout waits for it."""
    users = Account.__table__
    values = {"failed_attempts": 0, "lockout_until": None}
    if new_digest is not None:
        values["password_digest"] = new_digest
    cleared = session.execute(
        sa.update(users)
        .where(
            users.c.id == account_id,
            users.c.password_digest == checked_digest,
            sa.not_(users.c.locked),
            sa.or_(users.c.lockout_until.is_(None), users.c.lockout_until <= now_ms()),
        )
        .values(**values)
        .returning(users.c.id)
    ).first()
    return cleared is not None
