"""One submission, open beside the queue (alone on a phone)."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import (
    message,
    status_badge,
)
from pk_rentals.pages.moderation.decision import _decision
from pk_rentals.pages.moderation.documents import _document
from pk_rentals.pages.moderation.faces import _faces
from pk_rentals.pages.moderation.flags import _flags
from pk_rentals.pages.moderation.images import _cnic, _images
from pk_rentals.pages.moderation.parts import _info_note, _loading_or, _pane
from pk_rentals.pages.moderation.person import _earlier, _person
from pk_rentals.state.moderation import ModerationState as M


def _detail_body() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.button(
                rx.icon("arrow-left", size=16, aria_hidden="true", class_name="pk-flip-rtl"),
                t("moderation.back"),
                on_click=M.close,
                variant="ghost",
                size="2",
                class_name="pk-back-to-queue",
                data_testid="back-to-queue",
            ),
            width="100%",
        ),
        rx.flex(
            rx.heading(M.selected.name, as_="h2", size="5", class_name="pk-wrap-anywhere"),
            status_badge(M.selected.status),
            rx.badge(t("moderation.attempt"), " ", M.selected.attempt, variant="outline"),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.text(
            t("moderation.submitted"),
            " ",
            ltr(M.selected.submitted),
            size="2",
            color_scheme="gray",
        ),
        rx.cond(
            M.selected.images_purged,
            _info_note("moderation.images_purged", "images-purged"),
            _images(),
        ),
        rx.grid(
            rx.vstack(_cnic(), _document(), _person(), spacing="4"),
            rx.vstack(_faces(), _flags(), _earlier(), spacing="4"),
            columns=rx.breakpoints(initial="1", lg="2"),
            spacing="4",
            width="100%",
        ),
        rx.separator(size="4"),
        _decision(),
        spacing="3",
        width="100%",
        data_testid="moderation-detail-body",
    )


def _detail() -> rx.Component:
    return _pane(
        _loading_or(
            M.detail_loading,
            rx.cond(
                M.has_selection,
                _detail_body(),
                rx.vstack(
                    rx.icon(
                        "mouse-pointer-click",
                        size=32,
                        color=rx.color("gray", 9),
                        aria_hidden="true",
                    ),
                    rx.text(t("moderation.choose"), color_scheme="gray"),
                    rx.cond(
                        M.problem != "",
                        rx.text(message("moderation.error", M.problem), color_scheme="tomato"),
                        rx.fragment(),
                    ),
                    align="center",
                    text_align="center",
                    padding_y="3rem",
                ),
            ),
            "3rem",
        ),
        name="pk-detail",
        id="moderation-detail",
        aria_label=t("moderation.decision"),
        data_testid="moderation-detail",
    )
