"""Profile setup, right after the first sign-in and until the profile is complete:
step 1 your details, step 2 verify your phone (may be skipped)."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.profile import phone_verification, profile_form
from pk_rentals.components.template import signed_in_page
from pk_rentals.components.ui import loading_block
from pk_rentals.state.auth import AuthState
from pk_rentals.state.profile import ProfileState


def _step(number: int, label_key: str, current: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.box(
            str(number),
            class_name=rx.cond(current, "pk-step-number pk-step-current", "pk-step-number"),
            aria_hidden="true",
        ),
        rx.text(t(label_key), weight=rx.cond(current, "bold", "regular"), size="2"),
        aria_current=rx.cond(current, "step", "false"),
        class_name="pk-wizard-step",
    )


def _steps() -> rx.Component:
    return rx.el.ol(
        _step(1, "setup.step_details", ~ProfileState.complete),
        _step(2, "setup.step_phone", ProfileState.complete),
        class_name="pk-wizard-steps",
    )


def _details_step() -> rx.Component:
    return rx.vstack(
        rx.text(t("setup.lead"), size="3", color_scheme="gray"),
        profile_form("form.save_continue"),
        spacing="4",
        width="100%",
    )


def _phone_step() -> rx.Component:
    return rx.vstack(
        rx.heading(t("setup.step_phone"), as_="h2", size="5"),
        rx.text(t("setup.phone_lead"), size="3", color_scheme="gray"),
        phone_verification(),
        rx.hstack(
            rx.link(
                rx.button(
                    rx.cond(ProfileState.phone_verified, t("setup.done"), t("setup.skip")),
                    variant=rx.cond(ProfileState.phone_verified, "solid", "ghost"),
                    size="3",
                ),
                href=routes.PROFILE,
                data_testid="setup-finish",
            ),
            padding_top="1rem",
        ),
        spacing="4",
        width="100%",
        max_width="40rem",
        data_testid="setup-phone-step",
    )


@signed_in_page(route=routes.PROFILE_SETUP, title="Your profile · PK Rentals")
def profile_setup_page() -> rx.Component:
    return rx.vstack(
        rx.heading(t("setup.title"), as_="h1", size="7"),
        rx.text(
            t("setup.signed_in_as"),
            " ",
            ltr(rx.text.strong(AuthState.email)),
            size="2",
            class_name="pk-wrap-anywhere",
            data_testid="signed-in-as",
        ),
        rx.cond(
            ProfileState.loaded,
            rx.vstack(
                _steps(),
                rx.cond(ProfileState.complete, _phone_step(), _details_step()),
                spacing="5",
                width="100%",
            ),
            loading_block(None, width="100%", aria_label=t("profile.loading")),
        ),
        rx.fragment(on_mount=ProfileState.load),
        spacing="4",
        align="start",
        padding_y="2rem",
        data_testid="profile-setup",
    )
