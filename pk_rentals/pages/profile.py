"""/profile: the owner's own profile, editable; private fields are marked as such."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.profile import avatar, phone_verification, profile_form
from pk_rentals.components.template import signed_in_page
from pk_rentals.components.trust_badge import trust_badge_for
from pk_rentals.components.ui import loading_block, titled_card
from pk_rentals.state.profile import ProfileState


def _summary() -> rx.Component:
    return rx.flex(
        avatar(ProfileState.avatar_url, ProfileState.initials, size="6"),
        rx.vstack(
            rx.heading(ProfileState.display_name, as_="h1", size="7", data_testid="profile-name"),
            trust_badge_for(ProfileState.level, "large"),
            rx.hstack(
                rx.link(
                    t("profile.view_public"),
                    href="/u/" + ProfileState.public_id,
                    data_testid="public-profile-link",
                ),
                rx.text("·", aria_hidden="true", color_scheme="gray"),
                rx.link(t("profile.settings"), href=routes.SETTINGS),
                rx.text("·", aria_hidden="true", color_scheme="gray"),
                rx.link(t("verify.link"), href=routes.VERIFY, data_testid="verify-link"),
                spacing="2",
                wrap="wrap",
            ),
            spacing="2",
            align="start",
        ),
        spacing="4",
        align="center",
        direction=rx.breakpoints(initial="column", sm="row"),
        width="100%",
    )


@signed_in_page(route=routes.PROFILE, title="Your profile · PK Rentals")
def profile_page() -> rx.Component:
    return rx.vstack(
        rx.cond(
            ProfileState.loaded,
            rx.vstack(
                _summary(),
                rx.callout(
                    t("profile.private_note"),
                    icon="lock",
                    color_scheme="gray",
                    size="1",
                    width="100%",
                ),
                titled_card(
                    "profile.phone",
                    phone_verification(),
                    data_testid="phone-section",
                ),
                titled_card(
                    "profile.email",
                    rx.text(
                        ltr(ProfileState.email),
                        class_name="pk-wrap-anywhere",
                        data_testid="profile-email",
                    ),
                ),
                titled_card("profile.details", profile_form("form.save")),
                spacing="5",
                width="100%",
                max_width="48rem",
            ),
            loading_block("profile.loading", width="100%"),
        ),
        rx.fragment(on_mount=ProfileState.load),
        padding_y="2rem",
        width="100%",
        data_testid="profile-page",
    )
