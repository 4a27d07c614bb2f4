"""Every route of the app in one place; pages and links import these names."""

HOME = "/"
SIGN_IN = "/sign-in"
SIGN_UP = "/sign-up"
NOT_FOUND = "404"
