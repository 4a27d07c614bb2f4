"""The "verify your email" banner: shown to a signed-in user whose address Clerk has
not verified yet, with clerk-js's own email-code verification inside it."""

from __future__ import annotations

import reflex as rx

from pk_rentals.components.i18n import script_messages, t
from pk_rentals.components.ui import loading
from pk_rentals.state.auth import AuthState
from pk_rentals.state.email import EmailState

EMAIL_MESSAGES = [
    "start",
    "sending",
    "sent",
    "code",
    "verify",
    "verifying",
    "resend",
    "code_incorrect",
    "code_expired",
    "too_many",
    "failed",
]


class EmailVerifier(rx.Component):
    library = "$/public/js/clerk_widgets.jsx"  # loads with Clerk
    tag = "EmailVerifier"

    messages: rx.Var[dict]
    on_verified: rx.EventHandler[rx.event.no_args_event_spec]


def email_banner() -> rx.Component:
    messages = script_messages({name: f"email.{name}" for name in EMAIL_MESSAGES})
    return rx.cond(
        AuthState.signed_in & ~AuthState.email_verified,
        rx.callout.root(
            rx.callout.icon(rx.icon("mail-warning", aria_hidden="true")),
            rx.vstack(
                rx.text(t("email.banner.title"), weight="bold", size="3"),
                rx.callout.text(t("email.banner.text"), size="2"),
                rx.cond(
                    EmailState.syncing,
                    loading("email.verifying"),
                    EmailVerifier.create(
                        messages=messages, on_verified=EmailState.verified_at_clerk
                    ),
                ),
                spacing="2",
                width="100%",
            ),
            color_scheme="amber",
            high_contrast=True,
            role="region",
            aria_label=t("email.banner.title"),
            width="100%",
            margin_top="1rem",
            data_testid="email-banner",
        ),
    )
