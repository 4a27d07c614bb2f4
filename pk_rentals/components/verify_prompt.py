"""The one-time prompt to verify (``verificationPrompted``): a banner at the
top of the page, dismissible, linking to /verify, in the visitor's language."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.i18n import t
from pk_rentals.state.auth import AuthState


def verify_prompt() -> rx.Component:
    return rx.cond(
        AuthState.signed_in & AuthState.verify_prompt,
        rx.el.section(
            rx.flex(
                rx.icon(
                    "badge-check",
                    size=28,
                    color=rx.color("grass", 9),
                    aria_hidden="true",
                    flex_shrink="0",
                ),
                rx.vstack(
                    rx.heading(
                        t("verify_prompt.title"), as_="h2", size="4", id="verify-prompt-title"
                    ),
                    rx.text(t("verify_prompt.body"), size="2"),
                    rx.flex(
                        rx.link(
                            rx.button(t("verify_prompt.action"), size="3", color_scheme="grass"),
                            href=routes.VERIFY,
                            on_click=AuthState.dismiss_verify_prompt,
                            data_testid="verify-prompt-go",
                        ),
                        rx.button(
                            t("verify_prompt.dismiss"),
                            on_click=AuthState.dismiss_verify_prompt,
                            variant="soft",
                            color_scheme="gray",
                            size="3",
                            data_testid="verify-prompt-dismiss",
                        ),
                        spacing="3",
                        wrap="wrap",
                        padding_top="0.25rem",
                    ),
                    spacing="2",
                    align="start",
                ),
                spacing="3",
                align="start",
            ),
            aria_labelledby="verify-prompt-title",
            data_testid="verify-prompt",
            class_name="pk-verify-prompt",
            style={
                "border": f"1px solid {rx.color('grass', 7)}",
                "background": rx.color("grass", 2),
                "border_radius": "12px",
                "padding": "1rem",
                "margin": "1rem 0",
            },
        ),
        rx.fragment(),
    )
