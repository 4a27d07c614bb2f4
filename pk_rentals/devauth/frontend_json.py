"""Clerk's Frontend API resources as clerk-js 5 reads them (times in ms).

Shapes follow what clerk-js's ``fromJSON`` methods read (resources/*.ts in
clerk/javascript); every resource falls back to defaults for missing keys, so only
what the components use is filled in. See docs/notes/clerk-frontend-api.md.
"""

from __future__ import annotations

from sqlmodel import Session, select

from pk_rentals.devauth.accounts import user_json
from pk_rentals.devauth.avatars import avatar_url
from pk_rentals.devauth.store import Account, BrowserClient, ClerkSession, Flow, now_ms

YEAR_MS = 365 * 24 * 3600 * 1000


def session_base_json(clerk_session: ClerkSession) -> dict:
    """What every session shape carries (Clerk's SessionBase)."""
    return {
        "object": "session",
        "id": clerk_session.id,
        "status": clerk_session.status,
        "expire_at": clerk_session.expire_at,
        "abandon_at": clerk_session.abandon_at,
        "last_active_at": clerk_session.last_active_at,
        "last_active_token": None,
        "actor": None,
        "tasks": None,
    }


def session_json(session: Session, clerk_session: ClerkSession, token: str | None) -> dict:
    account = session.get(Account, clerk_session.user_id)
    user = user_json(session, account) if account else None
    email = next(
        (e["email_address"] for e in (user or {}).get("email_addresses", [])),
        None,
    )
    return {
        **session_base_json(clerk_session),
        "last_active_organization_id": None,
        "factor_verification_age": [0, -1],
        "user": user,
        "public_user_data": {
            "first_name": account.first_name if account else None,
            "last_name": account.last_name if account else None,
            "image_url": avatar_url(account) if account else "",
            "has_image": bool(account and account.image_url),
            "identifier": email,
            "user_id": clerk_session.user_id,
        },
        "last_active_token": {"object": "token", "jwt": token} if token else None,
        "created_at": clerk_session.created_at,
        "updated_at": clerk_session.updated_at,
    }


def active_sessions(session: Session, client: BrowserClient) -> list[ClerkSession]:
    return list(
        session.exec(
            select(ClerkSession)
            .where(
                ClerkSession.client_id == client.id,
                ClerkSession.status == "active",
                ClerkSession.expire_at > now_ms(),
            )
            .order_by(ClerkSession.created_at)
        )
    )


def sign_in_json(flow: Flow) -> dict:
    state = flow.state
    identifier = state.get("identifier")
    complete = state.get("status") == "complete"
    factors = state.get("factors") or [{"strategy": "password", "safe_identifier": identifier}]
    verification = state.get("first_factor_verification")
    if verification is None and complete:
        verification = {
            "object": "verification_password",
            "status": "verified",
            "strategy": "password",
            "attempts": None,
            "expire_at": flow.updated_at,  # Clerk's spec wants a time: when it was used
        }
    return {
        "object": "sign_in_attempt",  # the name Clerk's spec gives it
        "id": flow.id,
        "status": state.get("status", "needs_identifier"),
        "identifier": identifier,
        "supported_identifiers": ["email_address"],
        "supported_first_factors": factors if identifier else [],
        "supported_second_factors": None,
        "first_factor_verification": verification,
        "second_factor_verification": None,
        "user_data": state.get("user_data"),  # null until the account is known
        "created_session_id": state.get("created_session_id"),
        "abandon_at": flow.created_at + 24 * 3600 * 1000,
    }


def sign_up_json(flow: Flow) -> dict:
    state = flow.state
    email_verification = state.get("email_verification")
    missing = [f for f in ("email_address", "password") if not state.get(f + "_set")]
    unverified = [] if state.get("email_verified") else ["email_address"]
    if not state.get("email_address_set"):
        unverified = []
    return {
        "object": "sign_up_attempt",
        "id": flow.id,
        "status": state.get("status", "missing_requirements"),
        "required_fields": ["email_address", "password"],
        "optional_fields": ["first_name", "last_name", "phone_number"],
        "missing_fields": missing,
        "unverified_fields": unverified,
        "verifications": {
            "email_address": email_verification,
            "phone_number": None,
            "web3_wallet": None,
            "external_account": None,
        },
        "username": None,
        "email_address": state.get("email_address"),
        "phone_number": None,
        "web3_wallet": None,
        "password_enabled": bool(state.get("password_set")),
        "first_name": state.get("first_name"),
        "last_name": state.get("last_name"),
        "unsafe_metadata": {},
        "public_metadata": {},
        "custom_action": False,
        "external_id": None,
        "created_session_id": state.get("created_session_id"),
        "created_user_id": state.get("created_user_id"),
        "abandon_at": flow.created_at + 24 * 3600 * 1000,
        "legal_accepted_at": None,
        "created_at": flow.created_at,
        "updated_at": flow.updated_at,
    }


def client_json(
    session: Session, client: BrowserClient, tokens: dict[str, str] | None = None
) -> dict:
    sessions = active_sessions(session, client)
    sign_in = session.get(Flow, client.sign_in_id) if client.sign_in_id else None
    sign_up = session.get(Flow, client.sign_up_id) if client.sign_up_id else None
    last_active = client.last_active_session_id
    if last_active not in {s.id for s in sessions}:
        last_active = sessions[-1].id if sessions else None
    return {
        "object": "client",
        "id": client.id,
        "sessions": [session_json(session, s, (tokens or {}).get(s.id)) for s in sessions],
        "sign_in": sign_in_json(sign_in) if sign_in else None,
        "sign_up": sign_up_json(sign_up) if sign_up else None,
        "last_active_session_id": last_active,
        "captcha_bypass": False,
        "last_authentication_strategy": None,
        "cookie_expires_at": now_ms() + YEAR_MS,
        "created_at": client.created_at,
        "updated_at": client.updated_at,
    }
