"""The 404 page: say what happened and offer the way home."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.frame import page_frame
from pk_rentals.components.i18n import say


def not_found() -> rx.Component:
    return page_frame(
        rx.vstack(
            rx.icon("map-pin-off", size=40, color=rx.color("gray", 9), aria_hidden="true"),
            rx.heading(say("not_found.title"), as_="h1", size="7"),
            rx.text(say("not_found.body"), size="3", color_scheme="gray"),
            rx.link(rx.button(say("not_found.home"), size="3"), href=routes.HOME),
            spacing="4",
            align="start",
            padding_y="4rem",
            data_testid="not-found",
        )
    )
