"""Where a new account lands after its first sign-in, until the profile is complete.

The setup form itself is the profile issue's; this page is the destination the
sign-in flow guarantees.
"""

import reflex as rx

from pk_rentals.components.frame import page_frame, signed_in_only
from pk_rentals.components.i18n import t
from pk_rentals.state.auth import AuthState


def profile_setup_page() -> rx.Component:
    return page_frame(
        signed_in_only(
            rx.vstack(
                rx.heading(t("setup.title"), as_="h1", size="7"),
                rx.text(t("setup.lead"), size="3", color_scheme="gray"),
                rx.text(
                    t("setup.signed_in_as"),
                    " ",
                    rx.text.strong(AuthState.email, dir="ltr"),
                    size="2",
                    data_testid="signed-in-as",
                ),
                spacing="4",
                align="start",
                padding_y="2rem",
                data_testid="profile-setup",
            )
        )
    )
