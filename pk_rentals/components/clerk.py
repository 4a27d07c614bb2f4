"""A thin wrapper of Clerk's React components (@clerk/clerk-react 5).

Why not the reflex-clerk-api package: its ``clerk_js_url`` prop renders with the
wrong case, its server side checks only ``exp``/``nbf`` and never re-checks a
token, and it pins an old Backend API SDK (docs/notes/reflex-clerk-api.md).
We need four tags and a token bridge, so we wrap them here and verify tokens our
way (services/identity/tokens.py). Only keys and URLs differ between Clerk and
the built-in identity server: they come from ``clerk_config()``.
"""

from __future__ import annotations

import reflex as rx
from reflex.event import passthrough_event_spec

from pk_rentals import routes
from pk_rentals.i18n import CLERK_URDU
from pk_rentals.services.identity.config import clerk_config
from pk_rentals.state.ui import UiState

CLERK_REACT = "@clerk/clerk-react@5.61.11"


class ClerkComponent(rx.Component):
    """One of Clerk's components, through assets/js/clerk_widgets.jsx: its code loads
    with Clerk and it draws only inside Clerk's provider (never on a page that did
    not load Clerk)."""

    library = "$/public/js/clerk_widgets.jsx"
    lib_dependencies: list[str] = [CLERK_REACT]  # noqa: RUF012 - Reflex's field


class ClerkGate(rx.Component):
    """Clerk's provider and the token bridge, loaded only where Clerk is needed: the
    sign-in and sign-up pages and a signed-in visitor (see the .jsx). Elsewhere a
    stand-in tells the backend "signed out" and the page downloads no clerk-js."""

    library = "$/public/js/clerk_gate.jsx"
    lib_dependencies: list[str] = [CLERK_REACT]  # noqa: RUF012 - Reflex's field
    tag = "ClerkGate"

    publishable_key: rx.Var[str]
    proxy_url: rx.Var[str]
    telemetry: rx.Var[bool]
    sign_in_url: rx.Var[str]
    sign_up_url: rx.Var[str]
    after_sign_out_url: rx.Var[str]
    sign_in_fallback_redirect_url: rx.Var[str]
    sign_up_fallback_redirect_url: rx.Var[str]
    appearance: rx.Var[dict]
    localization: rx.Var[dict]
    # The token bridge: each new session token reaches on_token ("" when signed out).
    poll_seconds: rx.Var[int]
    # False while the backend holds no answer from Clerk: at first load, and again
    # when a crashed worker's tab was given a fresh state (the token is resent then).
    server_checked: rx.Var[bool]
    on_token: rx.EventHandler[passthrough_event_spec(str)]


class SignIn(ClerkComponent):
    tag = "SignIn"

    routing: rx.Var[str]
    path: rx.Var[str]
    sign_up_url: rx.Var[str]


class SignUp(ClerkComponent):
    tag = "SignUp"

    routing: rx.Var[str]
    path: rx.Var[str]
    sign_in_url: rx.Var[str]


class UserButton(ClerkComponent):
    tag = "UserButton"

    after_sign_out_url: rx.Var[str]


class ClerkLoading(ClerkComponent):
    """Its children show until clerk-js has loaded."""

    tag = "ClerkLoading"


# Clerk's own look, tuned to ours: the app's accent colour (the solid green of
# assets/styles.css, 5.1:1 against white text), rounded corners, and the page's own
# greys (Radix's, defined for light and dark alike), so its cards, menu and "Manage
# account" follow the theme instead of staying white on a dark page.
APPEARANCE = {
    "variables": {
        "colorPrimary": "#2f7d4a",
        "borderRadius": "0.6rem",
        "fontSize": "1rem",
        "colorBackground": "var(--gray-1)",
        "colorForeground": "var(--gray-12)",
        "colorMutedForeground": "var(--gray-11)",
        "colorNeutral": "var(--gray-12)",
        "colorInput": "var(--gray-1)",
        "colorInputForeground": "var(--gray-12)",
    },
}


def clerk_gate(*children: rx.Component, **bridge) -> rx.Component:
    """Clerk around the app's pages; ``bridge`` holds the token bridge's props."""
    config = clerk_config()
    props = {
        **bridge,
        "publishable_key": config.publishable_key,
        "telemetry": False,
        "sign_in_url": routes.SIGN_IN,
        "sign_up_url": routes.SIGN_UP,
        "after_sign_out_url": routes.SIGN_IN,
        "sign_in_fallback_redirect_url": routes.HOME,
        "sign_up_fallback_redirect_url": routes.HOME,
        "appearance": APPEARANCE,
        # Clerk's components speak the visitor's language (Urdu from our catalogue).
        "localization": rx.cond(UiState.is_urdu, CLERK_URDU, {}),
    }
    if config.proxy_url:
        props["proxy_url"] = config.proxy_url
    # clerk-react reads clerkJSUrl; Reflex would camel-case clerk_js_url as clerkJsUrl.
    custom_attrs = {"clerkJSUrl": config.clerk_js_url} if config.clerk_js_url else {}
    return ClerkGate.create(*children, custom_attrs=custom_attrs, **props)


# Path routing: each step of Clerk's flows is a page of its own (/sign-in/factor-one,
# /sign-up/verify-email-address), served by the catch-all routes in routes.py.
def sign_in() -> rx.Component:
    return SignIn.create(routing="path", path=routes.SIGN_IN, sign_up_url=routes.SIGN_UP)


def sign_up() -> rx.Component:
    return SignUp.create(routing="path", path=routes.SIGN_UP, sign_in_url=routes.SIGN_IN)


def user_button() -> rx.Component:
    return UserButton.create(after_sign_out_url=routes.SIGN_IN)
