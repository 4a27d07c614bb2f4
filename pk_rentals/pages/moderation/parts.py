"""Small pieces every region of the moderation page uses."""

import reflex as rx

from pk_rentals.components.frame import page_frame, signed_in_only
from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import moderators_only

SHORTCUTS = (
    ("A", "moderation.shortcut.approve"),
    ("R", "moderation.shortcut.reject"),
    ("S", "moderation.shortcut.resubmit"),
    ("J", "moderation.shortcut.next"),
    ("K", "moderation.shortcut.previous"),
    ("?", "moderation.shortcut.help"),
)


def _card(*children, **props) -> rx.Component:
    return rx.card(
        rx.vstack(*children, spacing="3", align="stretch", width="100%"),
        size="2",
        width="100%",
        **props,
    )


def _pane(*children, name: str, **props) -> rx.Component:
    """The queue or the detail: a section in a card; on a phone an open submission
    takes the whole width (``pk-has-selection``)."""
    from pk_rentals.state.moderation import ModerationState as M

    return rx.el.section(
        _card(*children),
        class_name=rx.cond(M.has_selection, f"{name} pk-has-selection", name),
        width="100%",
        min_width="0",
        **props,
    )


def _loading_or(loading: rx.Var, content: rx.Component, padding: str) -> rx.Component:
    """A spinner while ``loading``, then ``content``."""
    return rx.cond(
        loading, rx.center(rx.spinner(size="3"), padding=padding, role="status"), content
    )


def _label(key: str) -> rx.Component:
    return rx.text(t(key), size="1", weight="medium", color_scheme="gray")


def _text(key: str, language: str) -> str:
    from pk_rentals.i18n import text

    return text(key, language)


def _info_note(message_key: str, testid: str, text_size: str = "2") -> rx.Component:
    """A quiet grey note beside a submission's details."""
    return rx.callout.root(
        rx.callout.icon(rx.icon("info", aria_hidden="true")),
        rx.callout.text(t(message_key), size=text_size),
        color_scheme="gray",
        size="1",
        width="100%",
        data_testid=testid,
    )


def _per_day_chart(
    title: str,
    data_key: str,
    color: str,
    data: rx.Var,
    total: rx.Var,
    height: int = 110,
    **card_props,
) -> rx.Component:
    """A count per day as bars (Pakistan days, oldest first), with a sentence saying
    the total for screen readers: the chart itself is hidden from them. ``height`` in
    pixels: as tall as the card beside it, so neither has a gap at the bottom."""
    window = f"{title}.window"
    return rx.card(
        rx.vstack(
            rx.hstack(
                _label(title),
                rx.text("(", t(window), ")", size="1", color_scheme="gray"),
                spacing="1",
            ),
            # Dates read left to right in both languages.
            rx.box(
                rx.recharts.bar_chart(
                    rx.recharts.bar(
                        data_key=data_key,
                        fill=rx.color(color, 9),
                        radius=[3, 3, 0, 0],
                        is_animation_active=False,
                    ),
                    rx.recharts.x_axis(
                        data_key="day", tick_line=False, font_size=11, interval="preserveStartEnd"
                    ),
                    rx.recharts.y_axis(
                        allow_decimals=False, width=28, tick_line=False, font_size=11
                    ),
                    rx.recharts.graphing_tooltip(cursor=False),
                    data=data,
                    # No keyboard stop inside a chart hidden from screen readers:
                    # the sentence below says the same.
                    custom_attrs={"accessibilityLayer": False},
                    margin={"top": 4, "right": 4, "left": 0, "bottom": 0},
                    width="100%",
                    height=height,
                ),
                dir="ltr",
                width="100%",
                aria_hidden="true",
            ),
            rx.el.span(t(title), ": ", total, " (", t(window), ")", class_name="pk-sr-only"),
            spacing="1",
            width="100%",
        ),
        size="2",
        **card_props,
    )


def _fact(label_key: str, value: rx.Var, testid: str) -> rx.Component:
    """A label and a number, date or figure, the value an LTR island that never wraps."""
    return rx.text(t(label_key), ": ", ltr(value), size="2", data_testid=testid)


def moderator_page(*children, on_load, name: str) -> rx.Component:
    """A signed-in page only moderators see, loaded when it mounts; ``name`` makes its
    test ids (``<name>-content``, ``<name>-page``)."""
    return page_frame(
        signed_in_only(
            rx.vstack(
                moderators_only(
                    rx.vstack(*children, spacing="4", width="100%", data_testid=f"{name}-content")
                ),
                rx.fragment(on_mount=on_load),
                padding_y="1.5rem",
                width="100%",
                data_testid=f"{name}-page",
            )
        )
    )
