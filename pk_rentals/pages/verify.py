"""/verify: the CNIC + live selfie submission and its status (the person's side)."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.i18n import t
from pk_rentals.components.template import signed_in_page
from pk_rentals.components.trust_badge import trust_badge_for
from pk_rentals.components.ui import loading_block
from pk_rentals.components.verification import status_card, submission_form
from pk_rentals.state.verification import VerificationState


def _content() -> rx.Component:
    return rx.vstack(
        status_card(),
        rx.cond(
            VerificationState.email_verified,
            rx.cond(VerificationState.can_submit, submission_form()),
            # The ID waits for a verified email; the banner above verifies it.
            rx.callout.root(
                rx.callout.icon(rx.icon("mail-warning", aria_hidden="true")),
                rx.callout.text(t("verify.email_first")),
                color_scheme="amber",
                high_contrast=True,
                role="status",
                width="100%",
                data_testid="verify-email-first",
            ),
        ),
        spacing="4",
        width="100%",
    )


@signed_in_page(route=routes.VERIFY, title="Verify your identity · PK Rentals")
def verify_page() -> rx.Component:
    return rx.vstack(
        rx.heading(t("verify.title"), as_="h1", size="7"),
        rx.cond(
            VerificationState.loaded,
            rx.vstack(
                trust_badge_for(VerificationState.level, "medium"),
                rx.cond(
                    VerificationState.can_submit,
                    rx.text(t("verify.lead"), size="3", color_scheme="gray"),
                ),
                _content(),
                spacing="4",
                align="start",
                width="100%",
            ),
            loading_block("verify.loading", width="100%", data_testid="verify-loading"),
        ),
        rx.fragment(on_mount=VerificationState.load),
        spacing="4",
        align="start",
        padding_y="2rem",
        width="100%",
        max_width="44rem",
        data_testid="verify-page",
        custom_attrs={"data-read-at": VerificationState.read_at},
    )
