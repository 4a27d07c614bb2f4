"""Every route of the app in one place; pages and links import these names."""

HOME = "/"
SIGN_IN = "/sign-in"
SIGN_UP = "/sign-up"
PROFILE_SETUP = "/profile/setup"
NOT_FOUND = "404"

# Pages only a signed-in visitor may see; others are sent to sign-in and back.
PROTECTED = frozenset({PROFILE_SETUP})
