"""/u/{id}: a person's public profile. Never their email, phone, CNIC or selfie:
the state behind it has no such fields (services.profile.PublicProfile)."""

import reflex as rx

from pk_rentals.components.frame import page_frame
from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.profile import avatar
from pk_rentals.components.trust_badge import trust_badge_for
from pk_rentals.components.ui import loading_block
from pk_rentals.state.public_profile import PublicProfileState as State
from pk_rentals.state.ui import UiState


def _stat(label_key: str, value: rx.Var, test_id: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(ltr(value), size="6", weight="bold", data_testid=test_id),
            rx.text(t(label_key), size="2", color_scheme="gray"),
            spacing="1",
            align="center",
        ),
        size="2",
    )


def _found() -> rx.Component:
    return rx.vstack(
        rx.flex(
            avatar(State.avatar_url, State.initials, size="7"),
            rx.vstack(
                rx.heading(State.display_name, as_="h1", size="7", data_testid="public-name"),
                trust_badge_for(State.level, "large"),
                rx.hstack(
                    rx.icon("map-pin", size=16, aria_hidden="true"),
                    rx.text(rx.cond(UiState.is_urdu, State.place_ur, State.place_en)),
                    align="center",
                    spacing="1",
                    data_testid="public-place",
                ),
                rx.text(
                    t("profile.member_since"),
                    " ",
                    ltr(rx.el.time(State.member_since, date_time=State.member_since)),
                    size="2",
                    color_scheme="gray",
                ),
                spacing="2",
                align=rx.breakpoints(initial="center", sm="start"),
            ),
            spacing="5",
            align="center",
            direction=rx.breakpoints(initial="column", sm="row"),
            width="100%",
        ),
        rx.grid(
            _stat("profile.rating", State.average_rating, "stat-rating"),
            _stat("profile.reviews", State.total_reviews, "stat-reviews"),
            _stat("profile.response_rate", State.response_rate + "%", "stat-response"),
            _stat("profile.bookings", State.completed_bookings, "stat-bookings"),
            columns=rx.breakpoints(initial="2", md="4"),
            spacing="3",
            width="100%",
        ),
        spacing="6",
        width="100%",
        max_width="48rem",
        data_testid="public-profile",
    )


def public_profile_page() -> rx.Component:
    return page_frame(
        rx.box(
            rx.match(
                State.status,
                ("found", _found()),
                (
                    "missing",
                    rx.callout(
                        t("profile.not_found"), icon="user-x", data_testid="profile-missing"
                    ),
                ),
                loading_block("profile.loading"),
            ),
            padding_y="2rem",
        )
    )
