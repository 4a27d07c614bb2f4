"""Sign-in and sign-up: Clerk's own components, in our frame and both languages."""

import reflex as rx

from pk_rentals.components import clerk
from pk_rentals.components.frame import page_frame
from pk_rentals.components.i18n import t
from pk_rentals.components.ui import loading
from pk_rentals.state.auth import SIGN_OUT_REASONS


def _reason_notice() -> rx.Component:
    """Why the visitor was sent here (``?reason=``), read from the URL in the browser:
    a state var for it would make Reflex load and send that state on every event."""
    return rx.match(
        rx.State.router.url.query_parameters["reason"],
        *[
            (
                reason,
                rx.callout(
                    t(f"auth.reason.{reason}"),
                    icon="clock" if reason == "idle" else "info",
                    color_scheme="amber",
                    role="status",
                    data_testid="sign-out-reason",
                    width="100%",
                ),
            )
            for reason in SIGN_OUT_REASONS
        ],
        rx.fragment(),
    )


def _auth_page(title_key: str, component: rx.Component) -> rx.Component:
    return page_frame(
        rx.vstack(
            rx.heading(t(title_key), as_="h1", size="6", text_align="center"),
            _reason_notice(),
            clerk.ClerkLoading.create(
                loading("auth.loading", size="3", spacing="2"),
            ),
            # Clerk's forms are left-to-right; keep them so inside an Urdu page.
            rx.box(component, dir="ltr", class_name="pk-clerk-box"),
            spacing="4",
            align="center",
            padding_y="2rem",
            max_width="28rem",
            margin_x="auto",
        )
    )


def sign_in_page() -> rx.Component:
    return _auth_page("auth.sign_in.title", clerk.sign_in())


def sign_up_page() -> rx.Component:
    return _auth_page("auth.sign_up.title", clerk.sign_up())
