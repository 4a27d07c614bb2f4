"""The page title and the keyboard-shortcuts help."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.i18n import t
from pk_rentals.pages.moderation.parts import SHORTCUTS

# --- header, help, stats ---------------------------------------------------------------


def _help() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(
            rx.button(
                rx.icon("keyboard", size=16, aria_hidden="true"),
                t("moderation.shortcuts"),
                variant="soft",
                color_scheme="gray",
                size="2",
                custom_attrs={"data-shortcut": "?"},
                data_testid="shortcuts-help",
            )
        ),
        rx.dialog.content(
            rx.dialog.title(t("moderation.shortcuts")),
            rx.el.dl(
                *[
                    rx.flex(
                        rx.el.dt(rx.code(key, size="3", weight="bold"), min_width="2.5rem"),
                        rx.el.dd(t(label), margin="0"),
                        spacing="3",
                        align="center",
                    )
                    for key, label in SHORTCUTS
                ],
                class_name="pk-shortcut-list",
            ),
            rx.text(t("moderation.shortcut.typing"), size="2", color_scheme="gray"),
            rx.flex(
                rx.dialog.close(rx.button(t("moderation.close"), variant="soft")),
                justify="end",
                margin_top="1rem",
            ),
            max_width="26rem",
            data_testid="shortcuts-dialog",
        ),
    )


def _title() -> rx.Component:
    return rx.flex(
        rx.heading(t("moderation.title"), as_="h1", size="7"),
        rx.spacer(),
        rx.hstack(
            rx.link(
                rx.icon("scroll-text", size=16, aria_hidden="true"),
                t("moderation.audit"),
                href=routes.MODERATION_AUDIT,
                class_name="pk-icon-link",
                data_testid="audit-link",
            ),
            _help(),
            spacing="4",
            align="center",
        ),
        align="center",
        wrap="wrap",
        spacing="3",
        width="100%",
    )
