"""The Reflex app: pages, head, theme and the HTTP routes mounted beside Reflex's."""

import logging

import reflex as rx

import pk_rentals.models  # noqa: F401 - tables must be registered for Reflex's schema check
from pk_rentals import routes
from pk_rentals.api import create_api, trust_proxy_headers
from pk_rentals.backend_errors import backend_error_toast
from pk_rentals.components.clerk import clerk_gate
from pk_rentals.components.head import head_components
from pk_rentals.components.idle_guard import idle_guard
from pk_rentals.components.template import register
from pk_rentals.pages.auth import sign_in_page, sign_up_page
from pk_rentals.pages.goodbye import goodbye_page
from pk_rentals.pages.landing import landing
from pk_rentals.pages.moderation import audit_page, moderation_page
from pk_rentals.pages.not_found import not_found
from pk_rentals.pages.profile import profile_page
from pk_rentals.pages.profile_setup import profile_setup_page
from pk_rentals.pages.public_profile import public_profile_page
from pk_rentals.pages.settings import settings_page
from pk_rentals.pages.verify import verify_page
from pk_rentals.settings import get_settings
from pk_rentals.state.auth import AuthState
from pk_rentals.state.public_profile import PublicProfileState

# The app's loggers (pk_rentals.*, the JSON lines of pk_rentals.security) at PK_LOG_LEVEL.
logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s")
logging.getLogger("pk_rentals").setLevel(get_settings().log_level)

app = rx.App(
    api_transformer=[create_api(), trust_proxy_headers],
    backend_exception_handler=backend_error_toast,
    head_components=head_components(),
    html_lang="ur",
    html_custom_attrs={"dir": "rtl"},
    stylesheets=["/styles.css"],
    # Clerk around every page (loaded only where needed), with the token bridge and
    # the idle guard inside it.
    extra_app_wraps={
        (45, "Clerk"): lambda _stateful: clerk_gate(
            idle_guard(),
            on_token=AuthState.receive_token,
            poll_seconds=10,
            server_checked=AuthState.checked,
        )
    },
)
app.add_page(
    landing,
    route=routes.HOME,
    title="PK Rentals: verified renters and owners",
    description="Rent from people who have verified their CNIC and a live selfie.",
)
app.add_page(sign_in_page, route=routes.SIGN_IN_PAGES, title="Sign in · PK Rentals")
app.add_page(sign_up_page, route=routes.SIGN_UP_PAGES, title="Create account · PK Rentals")
register(app, profile_setup_page, profile_page, settings_page, verify_page)
app.add_page(
    public_profile_page,
    route=routes.PUBLIC_PROFILE,
    title="Profile · PK Rentals",
    on_load=PublicProfileState.load,
)
app.add_page(moderation_page, route=routes.MODERATION, title="Moderation · PK Rentals")
app.add_page(audit_page, route=routes.MODERATION_AUDIT, title="Audit log · PK Rentals")
app.add_page(goodbye_page, route=routes.GOODBYE, title="Account deleted · PK Rentals")
app.add_page(not_found, route=routes.NOT_FOUND, title="Page not found · PK Rentals")
