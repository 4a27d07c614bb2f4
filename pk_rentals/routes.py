"""Every route of the app in one place; pages and links import these names."""

HOME = "/"
SIGN_IN = "/sign-in"
SIGN_UP = "/sign-up"
PROFILE = "/profile"
PROFILE_SETUP = "/profile/setup"
SETTINGS = "/settings"
VERIFY = "/verify"
PUBLIC_PROFILE = "/u/[profile_id]"
MODERATION = "/moderation"
MODERATION_AUDIT = "/moderation/audit"
NOT_FOUND = "404"
GOODBYE = "/goodbye"  # where a deleted account lands, signed out

# The pages behind them: Clerk's path-routed components own every step below
# (/sign-in/factor-one, /sign-up/verify-email-address), and Reflex's optional
# catch-all serves the bare path too.
SIGN_IN_PAGES = f"{SIGN_IN}/[[...splat]]"
SIGN_UP_PAGES = f"{SIGN_UP}/[[...splat]]"

# Pages only a signed-in visitor may see; others are sent to sign-in and back.
PROTECTED = frozenset({PROFILE, PROFILE_SETUP, SETTINGS, VERIFY, MODERATION, MODERATION_AUDIT})


def public_profile(user_id: str) -> str:
    return f"/u/{user_id}"
