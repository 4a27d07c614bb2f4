"""What the automatic face checks found."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import (
    band_badge,
)
from pk_rentals.pages.moderation.parts import _fact, _info_note, _label
from pk_rentals.state.moderation import ModerationState as M


def _faces() -> rx.Component:
    """What the automatic face checks found, and that they decide nothing."""
    s = M.selected

    def quality(figures: rx.Var) -> rx.Component:
        return rx.text(
            ltr(figures),
            " (",
            t("moderation.faces.sharpness"),
            " · ",
            t("moderation.faces.brightness"),
            ")",
            size="1",
            color_scheme="gray",
        )

    return rx.vstack(
        _label("moderation.faces"),
        rx.match(
            s.face_status,
            (
                "done",
                rx.vstack(
                    rx.flex(
                        band_badge(s.face_band, "2"),
                        rx.cond(
                            s.face_distance != "",
                            rx.text(
                                t("moderation.faces.distance"),
                                " ",
                                ltr(rx.el.strong(s.face_distance)),
                                " (",
                                t("moderation.faces.scale"),
                                " ",
                                ltr(s.face_bands),
                                ")",
                                size="2",
                                data_testid="face-distance",
                            ),
                            rx.text(t("moderation.faces.no_distance"), size="2"),
                        ),
                        spacing="2",
                        align="center",
                        wrap="wrap",
                    ),
                    _fact("moderation.faces.in_selfie", s.selfie_faces, "selfie-faces"),
                    quality(s.selfie_quality),
                    _fact("moderation.faces.on_cnic", s.cnic_faces, "cnic-faces"),
                    quality(s.cnic_quality),
                    rx.text(
                        t("moderation.faces.boxes"),
                        " ",
                        t("moderation.faces.took"),
                        " ",
                        ltr(s.face_seconds, " "),
                        t("moderation.faces.seconds"),
                        " · ",
                        ltr(s.face_model),
                        size="1",
                        color_scheme="gray",
                        class_name="pk-wrap-anywhere",
                    ),
                    spacing="1",
                    width="100%",
                ),
            ),
            ("unavailable", rx.text(t("moderation.flag.checks_unavailable.explain"), size="2")),
            ("purged", rx.text(t("moderation.faces.purged"), size="2", data_testid="faces-purged")),
            rx.text(t("moderation.faces.pending"), size="2", data_testid="faces-pending"),
        ),
        _info_note("moderation.faces.aid", "faces-aid", text_size="1"),
        spacing="2",
        width="100%",
        data_testid="face-checks",
    )
