"""The landing page: what the platform offers, and the way in."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.frame import page_frame
from pk_rentals.components.i18n import say
from pk_rentals.components.trust_badge import trust_badge
from pk_rentals.services.badges import BADGES


def _hero() -> rx.Component:
    return rx.vstack(
        rx.heading(
            say("landing.title"),
            as_="h1",
            size={"initial": "7", "md": "8"},
            class_name="pk-hero-title",
        ),
        rx.text(say("landing.lead"), size="4", color_scheme="gray", class_name="pk-lead"),
        rx.flex(
            rx.link(
                rx.button(say("landing.cta_primary"), size="4", width="100%"),
                href=routes.SIGN_UP,
                data_testid="cta-sign-up",
                class_name="pk-cta",
            ),
            rx.link(
                rx.button(say("landing.cta_secondary"), size="4", variant="outline", width="100%"),
                href=routes.SIGN_IN,
                data_testid="cta-sign-in",
                class_name="pk-cta",
            ),
            direction={"initial": "column", "sm": "row"},
            spacing="3",
            width="100%",
        ),
        rx.flex(*[trust_badge(badge) for badge in BADGES.values()], wrap="wrap", spacing="2"),
        spacing="5",
        class_name="pk-hero",
        max_width="44rem",
    )


def _feature(icon: str, key: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.icon(icon, size=28, color=rx.color("grass", 10), aria_hidden="true"),
            rx.heading(say(f"{key}.title"), as_="h2", size="4"),
            rx.text(say(f"{key}.body"), size="3", color_scheme="gray"),
            spacing="2",
        ),
        size="3",
    )


def _features() -> rx.Component:
    return rx.grid(
        _feature("users", "landing.feature_people"),
        _feature("scan-face", "landing.feature_cnic"),
        _feature("badge-check", "landing.feature_badges"),
        columns={"initial": "1", "md": "3"},
        spacing="4",
    )


def _steps() -> rx.Component:
    return rx.vstack(
        rx.heading(say("landing.steps_title"), as_="h2", size="6"),
        rx.el.ol(
            *[
                rx.el.li(
                    rx.hstack(
                        rx.badge(str(number), size="3", radius="full", variant="solid"),
                        rx.text(say(f"landing.step_{number}"), size="3"),
                        align="center",
                        spacing="3",
                    ),
                    class_name="pk-step",
                )
                for number in range(1, 5)
            ],
            class_name="pk-steps",
        ),
        spacing="4",
        padding_y="2.5rem",
    )


def landing() -> rx.Component:
    return page_frame(_hero(), _features(), _steps())
