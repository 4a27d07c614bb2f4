"""The stats panel: pending, the median wait, decisions per day, and its tabs."""

import reflex as rx

from pk_rentals.components.i18n import t
from pk_rentals.components.moderation import (
    bilingual,
)
from pk_rentals.pages.moderation.parts import _label, _per_day_chart
from pk_rentals.pages.moderation.security import (
    _security,
)
from pk_rentals.state.moderation import ModerationState as M
from pk_rentals.state.moderation import SecurityTabState as S


def _stat(label_key: str, value: rx.Component, note_key: str, testid: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            _label(label_key),
            value,
            rx.text(t(note_key), size="1", color_scheme="gray") if note_key else rx.fragment(),
            spacing="1",
        ),
        size="2",
        data_testid=testid,
    )


def _chart() -> rx.Component:
    return _per_day_chart(
        "moderation.stats.per_day",
        "decisions",
        "grass",
        M.decisions_per_day,
        M.decisions_total,
        grid_column=rx.breakpoints(initial="1 / -1", md="auto"),
        data_testid="stats-chart",
    )


def _stats() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(
            rx.tabs.trigger(t("moderation.tab.queue"), value="review", data_testid="tab-review"),
            rx.tabs.trigger(
                t("moderation.tab.security"), value="security", data_testid="tab-security"
            ),
        ),
        rx.tabs.content(_review_stats(), value="review", padding_top="0.75rem"),
        rx.tabs.content(_security(), value="security", padding_top="0.75rem"),
        value=S.tab,
        on_change=S.choose_tab,
        width="100%",
    )


def _review_stats() -> rx.Component:
    return rx.grid(
        _stat(
            "moderation.stats.pending",
            rx.text(M.pending_count, size="7", weight="bold", data_testid="stats-pending"),
            "",
            "stats-pending-card",
        ),
        _stat(
            "moderation.stats.median",
            rx.text(
                bilingual(M.median_en, M.median_ur),
                size="6",
                weight="bold",
                data_testid="stats-median",
            ),
            "moderation.stats.median.window",
            "stats-median-card",
        ),
        _chart(),
        columns=rx.breakpoints(initial="2", md="1fr 1fr 2fr"),
        spacing="3",
        width="100%",
        data_testid="moderation-stats",
    )
