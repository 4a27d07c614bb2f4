"""What the card front says, read offline: the masked number beside the typed one,
and the dates. An aid: the moderator compares with the photo."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.pages.moderation.parts import _fact, _info_note, _label
from pk_rentals.state.moderation import ModerationState as M


def _read() -> rx.Component:
    s = M.selected
    return rx.vstack(
        # Typed beside read, then the dates: one fact a cell, two a row.
        rx.grid(
            _fact("moderation.document.typed", s.cnic_masked, "document-typed"),
            _fact("moderation.document.read", s.document_read_masked, "document-read"),
            _fact("moderation.document.expiry", s.document_expiry, "document-expiry"),
            _fact("moderation.document.issue", s.document_issue, "document-issue"),
            _fact("moderation.document.birth", s.document_birth, "document-birth"),
            columns="2",
            spacing_x="4",
            spacing_y="1",
            width="100%",
        ),
        rx.text(
            t("moderation.document.confidence"),
            " ",
            ltr(s.document_confidence),
            " · ",
            ltr(s.document_engine),
            size="1",
            color_scheme="gray",
        ),
        spacing="1",
        width="100%",
    )


def _document() -> rx.Component:
    """The card read, or why it is not there yet; and that it decides nothing."""
    return rx.vstack(
        _label("moderation.document"),
        rx.match(
            M.selected.document_outcome,
            ("", rx.text(t("moderation.document.pending"), size="2")),
            ("unavailable", rx.text(t("moderation.document.unavailable"), size="2")),
            _read(),
        ),
        _info_note("moderation.document.aid", "document-aid", text_size="1"),
        spacing="2",
        width="100%",
        data_testid="document-check",
    )
