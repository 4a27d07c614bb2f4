"""The queue: its filters, its rows, the pager and the step buttons."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import (
    band_badge,
    bilingual,
    flag_badge,
)
from pk_rentals.models import SubmissionStatus
from pk_rentals.pages.moderation.parts import _loading_or, _pane
from pk_rentals.services.moderation import Flag
from pk_rentals.state.moderation import ModerationState as M

# --- the queue -------------------------------------------------------------------------


def _select(value, on_change, options: list[tuple[str, rx.Component]], label_key, testid):
    return rx.vstack(
        rx.el.label(t(label_key), html_for=testid, class_name="pk-field-label"),
        rx.select.root(
            rx.select.trigger(id=testid, width="100%", data_testid=testid),
            rx.select.content(
                *[rx.select.item(text, value=option) for option, text in options],
                position="popper",
            ),
            value=value,
            on_change=on_change,
        ),
        spacing="1",
        flex="1",
        min_width="10rem",
    )


def _filters() -> rx.Component:
    return rx.flex(
        _select(
            M.status_filter,
            M.filter_status,
            [(s.value, t(f"moderation.status.{s.value}")) for s in SubmissionStatus],
            "moderation.filter.status",
            "filter-status",
        ),
        _select(
            M.flag_filter,
            M.filter_flag,
            [("all", t("moderation.flag.all"))]
            + [(f.value, t(f"moderation.flag.{f.value}")) for f in Flag],
            "moderation.filter.flag",
            "filter-flag",
        ),
        direction="column",
        spacing="2",
        width="100%",
    )


def _queue_item(item) -> rx.Component:
    selected = item.id == M.selected.id
    return rx.el.li(
        rx.el.button(
            rx.vstack(
                rx.flex(
                    rx.text(item.name, weight="bold", size="3", class_name="pk-wrap-anywhere"),
                    rx.spacer(),
                    rx.text(
                        ltr(item.submitted),
                        size="1",
                        color_scheme="gray",
                        white_space="nowrap",
                    ),
                    spacing="2",
                    width="100%",
                    align="baseline",
                ),
                rx.text(
                    bilingual(item.place_en, item.place_ur),
                    " · ",
                    ltr(item.cnic_masked),
                    size="2",
                    color_scheme="gray",
                ),
                rx.flex(
                    rx.badge(
                        t("moderation.attempt"), " ", item.attempt, variant="outline", size="1"
                    ),
                    band_badge(item.face_band),
                    rx.foreach(item.flags, flag_badge),
                    spacing="1",
                    wrap="wrap",
                ),
                spacing="1",
                align="start",
                width="100%",
            ),
            on_click=M.open(item.id),
            class_name=rx.cond(selected, "pk-queue-item pk-queue-item-selected", "pk-queue-item"),
            aria_current=rx.cond(selected, "true", "false"),
            data_testid="queue-item",
            custom_attrs={"data-submission": item.id},
        ),
    )


def _pager() -> rx.Component:
    # On a phone the chevrons alone keep the row inside the card (the words did not fit).
    return rx.flex(
        rx.button(
            rx.icon("chevron-left", size=16, aria_hidden="true", class_name="pk-flip-rtl"),
            rx.el.span(t("moderation.previous_page"), class_name="pk-hide-narrow"),
            on_click=M.previous_page,
            disabled=M.page_number <= 1,
            variant="soft",
            size="2",
            aria_label=t("moderation.previous_page"),
            class_name="pk-pager-button",
            data_testid="previous-page",
        ),
        rx.text(
            t("moderation.page"),
            " ",
            M.page_number,
            size="2",
            color_scheme="gray",
            white_space="nowrap",
        ),
        rx.button(
            rx.el.span(t("moderation.next_page"), class_name="pk-hide-narrow"),
            rx.icon("chevron-right", size=16, aria_hidden="true", class_name="pk-flip-rtl"),
            on_click=M.next_page,
            disabled=~M.has_next,
            variant="soft",
            size="2",
            aria_label=t("moderation.next_page"),
            class_name="pk-pager-button",
            data_testid="next-page",
        ),
        justify="between",
        align="center",
        spacing="2",
        width="100%",
    )


def _step_button(icon: str, step: int, label_key: str, key: str, testid: str):
    return rx.icon_button(
        rx.icon(icon, size=16, aria_hidden="true"),
        on_click=M.move(step),
        disabled=M.items.length() == 0,
        variant="ghost",
        size="2",
        aria_label=t(label_key),
        title=key.upper(),
        custom_attrs={"data-shortcut": key},
        data_testid=testid,
    )


def _step_buttons() -> rx.Component:
    """Previous/next submission (K/J); also what the shortcuts click."""
    return rx.hstack(
        _step_button("chevron-up", -1, "moderation.shortcut.previous", "k", "previous-submission"),
        _step_button("chevron-down", 1, "moderation.shortcut.next", "j", "next-submission"),
        spacing="3",
    )


def _queue() -> rx.Component:
    return _pane(
        rx.flex(
            rx.heading(t("moderation.queue"), as_="h2", size="4"),
            rx.spacer(),
            _step_buttons(),
            align="center",
        ),
        _filters(),
        _loading_or(
            M.queue_loading,
            rx.cond(
                M.items.length() > 0,
                rx.el.ul(
                    rx.foreach(M.items, _queue_item),
                    class_name="pk-queue-list",
                    data_testid="queue-list",
                ),
                rx.vstack(
                    rx.icon("inbox", size=32, color=rx.color("gray", 9), aria_hidden="true"),
                    rx.text(t("moderation.empty"), weight="bold"),
                    rx.text(t("moderation.empty.body"), size="2", color_scheme="gray"),
                    align="center",
                    text_align="center",
                    padding_y="2rem",
                    data_testid="queue-empty",
                ),
            ),
            "2rem",
        ),
        _pager(),
        name="pk-queue",
        aria_label=t("moderation.queue"),
    )
