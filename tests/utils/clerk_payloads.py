"""Clerk's JSON shapes for tests: a user object and signed webhook deliveries.

The user object is the one Clerk's Backend API returns for ``GET /v1/users/{id}``
and sends as ``data`` of ``user.created``/``user.updated`` (Clerk's docs example,
with a Pakistani phone number).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from datetime import UTC, datetime

from svix.webhooks import Webhook

EMAIL_ID = "idn_29w83yL7CwVlJXylYLxcslromF1"
PHONE_ID = "idn_2a0Jb6M8jWbq0LWZ9LbG8T3mPqR"


def clerk_user_json(
    user_id: str = "user_29w83sxmDNGwOuEthce5gg56FcC",
    *,
    updated_at: int = 1_716_883_200_000,
    email: str = "ayesha.khan@example.pk",
    email_status: str = "verified",
    phone: str | None = None,
    phone_status: str = "verified",
    **fields,
) -> dict:
    """A user as Clerk sends it; ``phone`` adds a primary phone number."""
    user = {
        "backup_code_enabled": False,
        "banned": False,
        "create_organization_enabled": True,
        "created_at": 1_716_883_100_000,
        "delete_self_enabled": True,
        "email_addresses": [
            {
                "created_at": 1_716_883_100_000,
                "email_address": email,
                "id": EMAIL_ID,
                "linked_to": [],
                "object": "email_address",
                "reserved": False,
                "updated_at": 1_716_883_100_000,
                "verification": {
                    "attempts": 1,
                    "expire_at": 1_716_883_700_000,
                    "status": email_status,
                    "strategy": "email_code",
                },
            }
        ],
        "external_accounts": [],
        "external_id": None,
        "first_name": "Ayesha",
        "has_image": False,
        "id": user_id,
        "image_url": "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9",
        "last_active_at": 1_716_883_100_000,
        "last_name": "Khan",
        "last_sign_in_at": None,
        "locked": False,
        "object": "user",
        "password_enabled": True,
        "phone_numbers": [],
        "primary_email_address_id": EMAIL_ID,
        "primary_phone_number_id": None,
        "primary_web3_wallet_id": None,
        "private_metadata": {},
        "profile_image_url": "https://www.gravatar.com/avatar?d=mp",
        "public_metadata": {},
        "totp_enabled": False,
        "two_factor_enabled": False,
        "unsafe_metadata": {},
        "updated_at": updated_at,
        "username": None,
        "web3_wallets": [],
    }
    if phone is not None:
        user["phone_numbers"] = [phone_number_json(PHONE_ID, phone, phone_status)]
        user["primary_phone_number_id"] = PHONE_ID
    user.update(fields)
    return user


def phone_number_json(identification_id: str, number: str, status: str = "verified") -> dict:
    return {
        "default_second_factor": False,
        "id": identification_id,
        "linked_to": [],
        "object": "phone_number",
        "phone_number": number,
        "reserved_for_second_factor": False,
        "verification": {
            "attempts": 1,
            "expire_at": None,
            "status": status,
            "strategy": "phone_code",
        },
    }


def deleted_user_json(user_id: str) -> dict:
    """``data`` of Clerk's ``user.deleted`` event."""
    return {"deleted": True, "id": user_id, "object": "user"}


def event_body(event_type: str, data: dict) -> str:
    """A Clerk event envelope, serialised as Clerk sends it."""
    return json.dumps(
        {
            "data": data,
            "event_attributes": {"http_request": {"client_ip": "", "user_agent": ""}},
            "instance_id": "ins_2a0JaAfDr7MkBfxeqFxSP6DFvHC",
            "object": "event",
            "timestamp": int(time.time() * 1000),
            "type": event_type,
        }
    )


def svix_headers(
    secret: str, body: str, *, msg_id: str | None = None, at: datetime | None = None
) -> dict[str, str]:
    """The headers svix sends with ``body``, signed with ``secret`` at time ``at``."""
    msg_id = msg_id or "msg_" + secrets.token_urlsafe(18)
    at = at or datetime.now(UTC)
    return {
        "svix-id": msg_id,
        "svix-timestamp": str(int(at.timestamp())),
        "svix-signature": Webhook(secret).sign(msg_id, at, body),
        "content-type": "application/json",
    }


def new_webhook_secret() -> str:
    """A signing secret in svix's format, as Clerk shows it for an endpoint."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
