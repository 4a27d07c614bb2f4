"""Clerk's Frontend API resources as clerk-js 5 reads them (times in ms).

Shapes follow what clerk-js's ``fromJSON`` methods read (resources/*.ts in
clerk/javascript); every resource falls back to defaults for missing keys, so only
what the components use is filled in. See docs/notes/clerk-frontend-api.md.
"""

from __future__ import annotations

from sqlmodel import Session, select

from pk_rentals.devauth import passwords
from pk_rentals.devauth.accounts import user_json
from pk_rentals.devauth.avatars import avatar_url
from pk_rentals.devauth.store import Account, BrowserClient, ClerkSession, Flow, now_ms

YEAR_MS = 365 * 24 * 3600 * 1000
APPLICATION_NAME = "PK Rentals"


def _attribute(enabled: bool, **extra) -> dict:
    return {
        "enabled": enabled,
        "required": False,
        "used_for_first_factor": False,
        "first_factors": [],
        "used_for_second_factor": False,
        "second_factors": [],
        "verifications": [],
        "verify_at_sign_up": False,
        **extra,
    }


def environment_json(
    lockout_attempts: int, lockout_seconds: int, verify_email_at_sign_up: bool = True
) -> dict:
    return {
        "object": "environment",
        "id": "env_devauth",
        "auth_config": {
            "object": "auth_config",
            "id": "aac_devauth",
            "single_session_mode": True,
            "claimed_at": None,
            "reverification": False,
        },
        "display_config": {
            "object": "display_config",
            "id": "display_config_devauth",
            "instance_environment_type": "development",
            "application_name": APPLICATION_NAME,
            "branded": False,
            "show_devmode_warning": False,
            "preferred_sign_in_strategy": "password",
            "captcha_public_key": None,
            "captcha_widget_type": None,
            "captcha_provider": None,
            "captcha_public_key_invisible": None,
            "captcha_oauth_bypass": [],
            "logo_image_url": "",
            "favicon_image_url": "",
            "home_url": "/",
            "sign_in_url": "/sign-in",
            "sign_up_url": "/sign-up",
            "user_profile_url": "/",
            "after_sign_in_url": "/",
            "after_sign_up_url": "/",
            "after_sign_out_one_url": "/sign-in",
            "after_sign_out_all_url": "/sign-in",
            "after_switch_session_url": "/",
            "support_email": None,
            "theme": {
                "buttons": {
                    "font_color": "#ffffff",
                    "font_family": "inherit",
                    "font_weight": "600",
                },
                "general": {
                    "color": "#2f7d4a",
                    "padding": "1em",
                    "box_shadow": "0 2px 8px rgba(0, 0, 0, 0.2)",
                    "font_color": "#151515",
                    "font_family": "inherit",
                    "border_radius": "0.6em",
                    "background_color": "#ffffff",
                    "label_font_weight": "600",
                },
                "accounts": {"background_color": "#ffffff"},
            },
        },
        "user_settings": {
            "attributes": {
                "email_address": _attribute(
                    True,
                    required=True,
                    used_for_first_factor=True,
                    first_factors=["email_code"],
                    verifications=["email_code"],
                    verify_at_sign_up=verify_email_at_sign_up,
                ),
                # Off in the forms (an enabled phone adds a field to <SignUp/>); numbers
                # are added and verified later through /me/phone_numbers.
                "phone_number": _attribute(False, verifications=["phone_code"]),
                "username": _attribute(False),
                "web3_wallet": _attribute(False),
                "first_name": _attribute(False),
                "last_name": _attribute(False),
                "password": _attribute(True, required=True),
                "authenticator_app": _attribute(False),
                "backup_code": _attribute(False),
                "passkey": _attribute(False),
            },
            "social": {},
            "enterprise_sso": {"enabled": False},
            "saml": {"enabled": False},
            "sign_in": {"second_factor": {"required": False}},
            "sign_up": {
                "captcha_enabled": False,
                "captcha_widget_type": None,
                "custom_action_required": False,
                "progressive": True,
                "mode": "public",
                "legal_consent_enabled": False,
            },
            "restrictions": {
                "allowlist": {"enabled": False},
                "blocklist": {"enabled": False},
                "block_email_subaddresses": {"enabled": False},
                "block_disposable_email_domains": {"enabled": False},
                "ignore_dots_for_gmail_addresses": {"enabled": False},
            },
            "password_settings": {
                "disable_hibp": True,
                "min_length": passwords.MIN_LENGTH,
                "max_length": passwords.MAX_LENGTH,
                "require_special_char": True,
                "require_numbers": True,
                "require_uppercase": False,
                "require_lowercase": False,
                "show_zxcvbn": False,
                "min_zxcvbn_strength": 0,
                "enforce_hibp_on_sign_in": False,
                "allowed_special_characters": "",
            },
            "passkey_settings": {"allow_autofill": False, "show_sign_in_button": False},
            "attack_protection": {
                "user_lockout": {
                    "enabled": True,
                    "max_attempts": lockout_attempts,
                    "duration_in_minutes": max(1, lockout_seconds // 60),
                },
                "pii": {"enabled": True},
                "email_link": {"require_same_client": False},
                "enumeration_protection": {"enabled": True},
            },
            "actions": {"delete_self": True, "create_organization": False},
        },
        "organization_settings": {"enabled": False},
        "commerce_settings": {"billing": {"enabled": False}},
        "maintenance_mode": False,
        "client_debug_mode": False,
    }


def session_json(session: Session, clerk_session: ClerkSession, token: str | None) -> dict:
    account = session.get(Account, clerk_session.user_id)
    user = user_json(session, account) if account else None
    email = next(
        (e["email_address"] for e in (user or {}).get("email_addresses", [])),
        None,
    )
    return {
        "object": "session",
        "id": clerk_session.id,
        "status": clerk_session.status,
        "expire_at": clerk_session.expire_at,
        "abandon_at": clerk_session.abandon_at,
        "last_active_at": clerk_session.last_active_at,
        "last_active_organization_id": None,
        "actor": None,
        "factor_verification_age": [0, -1],
        "tasks": None,
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
