"""Clerk's environment resource (``GET /v1/environment``): what clerk-js's components
offer and require, in the shape of Clerk's Frontend API spec (``Client.Environment``).

The product's choices: sign in and up with an email address and a password (verified
by an emailed code), no names or phone number in the forms, the password policy and
lockout of ``passwords`` and the settings, one session per browser, public sign-up.
Fields without a meaning for the product carry Clerk's development-instance defaults.
"""

from __future__ import annotations

from pk_rentals.devauth import passwords

APPLICATION_NAME = "PK Rentals"

THEME = {
    "buttons": {"font_color": "#ffffff", "font_family": "inherit", "font_weight": "600"},
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
}


def environment_json(
    lockout_attempts: int, lockout_seconds: int, verify_email_at_sign_up: bool = True
) -> dict:
    return {
        "auth_config": _auth_config(),
        "display_config": _display_config(),
        "user_settings": {
            "attributes": _attributes(verify_email_at_sign_up),
            "social": {},
            "enterprise_sso": {"enabled": False},
            "saml": {"enabled": False},
            "sign_in": {"second_factor": {"required": False}},
            "sign_up": {
                "captcha_enabled": False,
                "captcha_widget_type": "smart",  # Clerk's default; unused with captcha off
                "custom_action_required": False,
                "progressive": True,
                "mode": "public",
                "legal_consent_enabled": False,
            },
            "restrictions": {
                name: {"enabled": False}
                for name in (
                    "allowlist",
                    "blocklist",
                    "allowlist_blocklist_disabled_on_sign_in",
                    "block_email_subaddresses",
                    "block_disposable_email_domains",
                )
            },
            "password_settings": _password_settings(),
            "username_settings": {
                "min_length": 4,
                "max_length": 64,
                "allow_extended_special_characters": False,
                "allow_numeric_usernames": False,
            },
            "passkey_settings": {
                "allow_autofill": False,
                "show_sign_in_button": False,
                "satisfies_second_factor": True,
            },
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
            "actions": {
                # Clerk's "Delete account" stays out of Manage account: the app's own
                # deletion on /settings says what goes (CNIC images, profile, badges)
                # and removes it; Clerk's would delete the identity without saying so.
                "delete_self": False,
                "create_organization": False,
                "create_organizations_limit": None,
            },
        },
        "organization_settings": _organization_settings(),
        "commerce_settings": {
            "billing": {
                "stripe_publishable_key": None,
                "free_trial_requires_payment_method": False,
                "user": {"enabled": False, "has_paid_plans": False},
                "organization": {"enabled": False, "has_paid_plans": False},
            }
        },
        "maintenance_mode": False,
        "client_debug_mode": False,
    }


def _auth_config() -> dict:
    return {
        "object": "auth_config",
        "id": "aac_devauth",
        "first_name": "off",
        "last_name": "off",
        "email_address": "required",
        "phone_number": "off",
        "username": "off",
        "password": "required",
        "identification_requirements": [["email_address"]],
        "identification_strategies": ["email_address"],
        "first_factors": ["email_code", "password", "reset_password_email_code"],
        "second_factors": [],
        "email_address_verification_strategies": ["email_code"],
        "single_session_mode": True,
        "enhanced_email_deliverability": False,
        "test_mode": False,  # no +clerk_test addresses: every code goes to the outbox
        "url_based_session_syncing": True,  # the dev browser travels in the URL
        "claimed_at": None,
        "reverification": False,
        "native_settings": {
            "object": "native_settings",
            "api_enabled": False,
            "trusted_device_sign_in_enabled": False,
            "trusted_device_enrollment_prompt_after_sign_in_enabled": False,
            "trusted_device_enrollment_prompt_after_sign_up_enabled": False,
        },
    }


def _display_config() -> dict:
    unused_urls = (  # waitlist, OAuth consent and organizations are not offered
        "waitlist_url",
        "after_join_waitlist_url",
        "oauth_consent_url",
        "organization_profile_url",
        "create_organization_url",
        "after_leave_organization_url",
        "after_create_organization_url",
        "logo_link_url",
    )
    return {
        "object": "display_config",
        "id": "display_config_devauth",
        "instance_environment_type": "development",
        "application_name": APPLICATION_NAME,
        "branded": False,
        "show_devmode_warning": False,
        "experimental_force_oauth_first": False,
        "clerk_js_version": None,
        "preferred_sign_in_strategy": "password",
        "captcha_public_key": None,
        "captcha_widget_type": None,
        "captcha_provider": None,
        "captcha_public_key_invisible": None,
        "captcha_oauth_bypass": [],
        "google_one_tap_client_id": None,
        "logo_image_url": "",
        "favicon_image_url": "",
        "logo_url": None,
        "favicon_url": None,
        "logo_image": None,
        "favicon_image": None,
        "home_url": "/",
        "sign_in_url": "/sign-in",
        "sign_up_url": "/sign-up",
        "user_profile_url": "/",
        "after_sign_in_url": "/",
        "after_sign_up_url": "/",
        "after_sign_out_one_url": "/sign-in",
        "after_sign_out_all_url": "/sign-in",
        "after_switch_session_url": "/",
        **dict.fromkeys(unused_urls, ""),
        "support_email": None,
        "help_url": None,
        "privacy_policy_url": None,
        "terms_url": None,
        "theme": THEME,
    }


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
        "immutable": False,
        **extra,
    }


def _attributes(verify_email_at_sign_up: bool) -> dict:
    off = ("username", "web3_wallet", "first_name", "last_name", "authenticator_app")
    return {
        "email_address": _attribute(
            True,
            required=True,
            used_for_first_factor=True,
            first_factors=["email_code"],
            verifications=["email_code"],
            verify_at_sign_up=verify_email_at_sign_up,
        ),
        # Off in the forms (an enabled phone adds a field to <SignUp/>); numbers are
        # added and verified later through /me/phone_numbers.
        "phone_number": _attribute(False, verifications=["phone_code"]),
        **{name: _attribute(False) for name in off},
        "password": _attribute(True, required=True),
        "ticket": _attribute(False),  # no invitations or sign-in tokens
        "backup_code": _attribute(False),
        "passkey": _attribute(False),
    }


def _password_settings() -> dict:
    return {
        "disable_hibp": True,
        "disable_password_reverification": False,
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
    }


def _organization_settings() -> dict:
    """Organizations are off; the rest is Clerk's default for a new instance."""
    return {
        "enabled": False,
        "max_allowed_memberships": 5,
        "actions": {"admin_delete": True},
        "domains": {"enabled": False, "enrollment_modes": [], "default_role": "org:member"},
        "slug": {"disabled": False},
        "creator_role": "org:admin",
    }
