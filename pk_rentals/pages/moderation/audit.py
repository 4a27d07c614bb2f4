"""/moderation/audit: the append-only audit log, newest first, in pages."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import message
from pk_rentals.components.trust_badge import trust_badge_for
from pk_rentals.pages.moderation.parts import _loading_or, moderator_page
from pk_rentals.state.moderation import AuditState

COLUMNS = (
    "moderation.audit.when",
    "moderation.audit.who",
    "moderation.audit.what",
    "moderation.audit.subject",
    "moderation.audit.level",
    "moderation.audit.reason",
)


def _level_change(entry) -> rx.Component:
    return rx.cond(
        entry.level_after != "",
        rx.flex(
            trust_badge_for(entry.level_before, "small"),
            rx.icon("arrow-right", size=14, aria_hidden="true", class_name="pk-flip-rtl"),
            trust_badge_for(entry.level_after, "small"),
            spacing="1",
            align="center",
            wrap="wrap",
        ),
        rx.text("—", color_scheme="gray"),
    )


def _row(entry) -> rx.Component:
    return rx.table.row(
        rx.table.cell(ltr(entry.at), white_space="nowrap"),
        rx.table.cell(rx.el.bdi(entry.actor, dir="auto")),  # a name, or an email
        rx.table.cell(message("moderation.audit.action", entry.action)),
        rx.table.cell(entry.subject),
        rx.table.cell(_level_change(entry)),
        rx.table.cell(
            rx.cond(
                entry.reason_code != "",
                message("rejection", entry.reason_code),
                "",
            ),
            rx.cond(entry.note != "", rx.text(entry.note, size="1", color_scheme="gray"), ""),
        ),
        custom_attrs={"data-action": entry.action},
        data_testid="audit-row",
    )


def _table() -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(t(key)) for key in COLUMNS])
            ),
            rx.table.body(rx.foreach(AuditState.entries, _row)),
            variant="surface",
            size="1",
            width="100%",
            min_width="48rem",
        ),
        overflow_x="auto",
        width="100%",
        tab_index=0,
        aria_label=t("moderation.audit"),
        data_testid="audit-table",
    )


def _pager() -> rx.Component:
    return rx.flex(
        rx.button(
            t("moderation.audit.newer"),
            on_click=AuditState.newer,
            disabled=AuditState.page_number <= 1,
            variant="soft",
            data_testid="audit-newer",
        ),
        rx.text(t("moderation.page"), " ", AuditState.page_number, size="2", color_scheme="gray"),
        rx.button(
            t("moderation.audit.older"),
            on_click=AuditState.older,
            disabled=~AuditState.has_older,
            variant="soft",
            data_testid="audit-older",
        ),
        justify="between",
        align="center",
        width="100%",
    )


def audit_page() -> rx.Component:
    return moderator_page(
        rx.link(
            rx.icon("arrow-left", size=16, aria_hidden="true", class_name="pk-flip-rtl"),
            t("moderation.back"),
            href=routes.MODERATION,
            class_name="pk-icon-link",
            data_testid="back-to-moderation",
        ),
        rx.heading(t("moderation.audit"), as_="h1", size="7"),
        rx.text(t("moderation.audit.lead"), color_scheme="gray"),
        _loading_or(
            AuditState.loading,
            rx.cond(
                AuditState.entries.length() > 0,
                _table(),
                rx.text(t("moderation.audit.empty"), data_testid="audit-empty"),
            ),
            "2rem",
        ),
        _pager(),
        on_load=AuditState.load,
        name="audit",
    )
