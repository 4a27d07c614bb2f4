"""/goodbye: where a person lands, signed out, after deleting their account."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.frame import page_frame
from pk_rentals.components.i18n import say


def goodbye_page() -> rx.Component:
    return page_frame(
        rx.vstack(
            rx.icon("circle-check", size=40, color=rx.color("grass", 9), aria_hidden="true"),
            rx.heading(say("goodbye.title"), as_="h1", size="7"),
            rx.text(say("goodbye.body"), size="3"),
            rx.text(say("goodbye.again"), size="3", color_scheme="gray"),
            rx.link(rx.button(say("not_found.home"), size="3"), href=routes.HOME),
            spacing="4",
            align="start",
            padding_y="3rem",
            max_width="40rem",
            role="status",
            data_testid="goodbye",
        )
    )
