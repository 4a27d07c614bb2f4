"""Accounts of the identity server: create, change, lock, delete, and Clerk's JSON.

The Backend API and the Frontend API both call these, so a user looks the same
whichever door it came through, and every change emits Clerk's webhook event.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, select

from pk_rentals.devauth import passwords
from pk_rentals.devauth.avatars import avatar_url
from pk_rentals.devauth.store import (
    Account,
    ClerkSession,
    Identification,
    identifications,
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
    verification = (
        {
            "object": "verification_otp"
            if identification.verification_strategy
            else "verification_admin",
            "status": "verified",
            "strategy": identification.verification_strategy or "admin",
            "attempts": None,
            "expire_at": None,
        }
        if identification.verified
        else {
            "object": "verification_otp",
            "status": "unverified",
            "strategy": "email_code" if identification.kind == EMAIL else "phone_code",
            "attempts": None,
            "expire_at": None,
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
        "delete_self_enabled": True,
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
        clerk_session.status = status
        clerk_session.updated_at = now_ms()
        session.add(clerk_session)


def deleted_user_json(user_id: str) -> dict:
    return {"object": "user", "id": user_id, "deleted": True}
