"""Who submitted: the person, and their earlier attempts."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import (
    bilingual,
    message,
    status_badge,
)
from pk_rentals.components.trust_badge import trust_badge_for
from pk_rentals.pages.moderation.parts import _label
from pk_rentals.state.moderation import ModerationState as M


def _person() -> rx.Component:
    return rx.vstack(
        _label("moderation.person"),
        rx.flex(
            rx.text(M.selected.name, weight="bold", data_testid="detail-name"),
            trust_badge_for(M.selected.level, "small"),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.text(bilingual(M.selected.place_en, M.selected.place_ur), size="2"),
        rx.text(
            rx.cond(
                M.selected.phone_verified,
                t("moderation.phone_verified"),
                t("moderation.phone_not_verified"),
            ),
            " · ",
            t("moderation.member_since"),
            " ",
            ltr(M.selected.member_since),
            size="2",
            color_scheme="gray",
        ),
        spacing="1",
    )


def _earlier() -> rx.Component:
    return rx.vstack(
        _label("moderation.earlier"),
        rx.cond(
            M.selected.earlier.length() > 0,
            rx.el.ul(
                rx.foreach(
                    M.selected.earlier,
                    lambda e: rx.el.li(
                        rx.flex(
                            rx.text(t("moderation.attempt"), " ", e.attempt, size="2"),
                            status_badge(e.status),
                            rx.cond(
                                e.reason_code != "",
                                rx.text(message("rejection", e.reason_code), size="2"),
                                rx.fragment(),
                            ),
                            rx.text(ltr(e.submitted), size="1", color_scheme="gray"),
                            spacing="2",
                            align="center",
                            wrap="wrap",
                        )
                    ),
                ),
                class_name="pk-plain-list",
                data_testid="earlier-attempts",
            ),
            rx.text(t("moderation.earlier.none"), size="2"),
        ),
        spacing="1",
        width="100%",
    )
