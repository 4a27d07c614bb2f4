"""The stats panel's Security tab: failed attempts per day, by kind, and who has most."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import (
    flag_badge,
    message,
)
from pk_rentals.pages.moderation.parts import _label, _loading_or, _per_day_chart
from pk_rentals.services.moderation import Flag
from pk_rentals.state.moderation import SecurityTabState as S


def _security_chart() -> rx.Component:
    return _per_day_chart(
        "security.per_day",
        "failures",
        "tomato",
        S.per_day,
        S.total_14d,
        height=170,  # the eight kinds of failure listed beside it
        data_testid="security-chart",
    )


def _security_kinds() -> rx.Component:
    return rx.card(
        rx.vstack(
            _label("security.last_24h"),
            rx.el.dl(
                rx.foreach(
                    S.by_kind,
                    lambda pair: rx.hstack(
                        rx.el.dt(message("security.kind", pair[0].to(str)), class_name="pk-dt"),
                        rx.el.dd(
                            rx.text(pair[1], weight="bold"),
                            margin="0",
                            data_testid=f"security-kind-{pair[0]}",
                        ),
                        justify="between",
                        width="100%",
                    ),
                ),
                style={"width": "100%", "margin": "0"},
            ),
            spacing="2",
            width="100%",
        ),
        size="2",
        data_testid="security-kinds",
    )


def _security_top() -> rx.Component:
    return rx.card(
        rx.vstack(
            _label("security.top"),
            rx.text(t("security.threshold"), " ", S.threshold, size="1", color_scheme="gray"),
            rx.cond(
                S.top.length() > 0,
                # A list, not a table: it wraps on a phone instead of scrolling sideways.
                rx.el.ul(
                    rx.foreach(
                        S.top,
                        lambda row: rx.el.li(
                            rx.hstack(
                                rx.vstack(
                                    rx.text(row.display_name, weight="medium"),
                                    rx.code(ltr(row.clerk_user_id), size="1"),
                                    spacing="0",
                                    min_width="0",
                                ),
                                rx.hstack(
                                    rx.cond(row.flagged, flag_badge(Flag.SECURITY.value)),
                                    rx.text(
                                        t("security.failures"),
                                        ": ",
                                        rx.el.b(row.failures),
                                        white_space="nowrap",
                                    ),
                                    spacing="2",
                                    align="center",
                                    wrap="wrap",
                                ),
                                justify="between",
                                align="center",
                                wrap="wrap",
                                spacing="2",
                                width="100%",
                            ),
                            class_name="pk-security-row",
                            data_testid="security-account",
                        ),
                    ),
                    aria_label=t("security.top"),
                    style={"listStyle": "none", "padding": "0", "margin": "0", "width": "100%"},
                ),
                rx.text(t("security.top.none"), size="2", data_testid="security-none"),
            ),
            spacing="2",
            width="100%",
        ),
        size="2",
        grid_column="1 / -1",  # the whole row: a list of names reads poorly in half of it
        data_testid="security-top",
    )


def _security() -> rx.Component:
    return _loading_or(
        S.loading,
        rx.grid(
            _security_chart(),
            _security_kinds(),
            _security_top(),
            columns=rx.breakpoints(initial="1", md="1fr 1fr"),
            spacing="3",
            width="100%",
            data_testid="security-panel",
        ),
        "2rem",
    )
