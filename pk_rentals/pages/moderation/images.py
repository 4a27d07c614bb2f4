"""A submission's photos, with the face boxes over them, and its CNIC number."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.pages.moderation.parts import _label, _text
from pk_rentals.state.moderation import ModerationState as M
from pk_rentals.state.ui import UiState

# --- one submission --------------------------------------------------------------------


def _face_boxes(boxes: rx.Var | None, image: rx.Component, frame: str) -> rx.Component:
    """The image with the face checks' boxes drawn over it (positions in % of it)."""
    if boxes is None:
        return image
    return rx.box(
        image,
        rx.foreach(
            boxes,
            lambda box: rx.box(
                class_name="pk-face-box",
                style={
                    "left": box["left"],
                    "top": box["top"],
                    "width": box["width"],
                    "height": box["height"],
                },
                data_testid="face-box",
            ),
        ),
        class_name=f"pk-face-frame {frame}",
    )


def _image(url: rx.Var, label_key: str, testid: str, boxes: rx.Var | None = None) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(
            rx.el.button(
                _face_boxes(
                    boxes,
                    rx.image(
                        src=url,
                        alt=t(label_key),
                        class_name="pk-moderation-thumb",
                        loading="lazy",
                    ),
                    "pk-face-frame-thumb",
                ),
                rx.flex(
                    rx.text(t(label_key), size="2", weight="medium"),
                    rx.icon("zoom-in", size=14, aria_hidden="true"),
                    spacing="1",
                    align="center",
                    justify="center",
                ),
                class_name="pk-moderation-figure",
                aria_label=rx.cond(
                    UiState.is_urdu,
                    f"{_text(label_key, 'ur')}: {_text('moderation.zoom', 'ur')}",
                    f"{_text(label_key, 'en')}: {_text('moderation.zoom', 'en')}",
                ),
                data_testid=testid,
            )
        ),
        rx.dialog.content(
            rx.dialog.title(t(label_key), size="3"),
            rx.center(
                _face_boxes(
                    boxes,
                    rx.image(src=url, alt=t(label_key), class_name="pk-moderation-full"),
                    "pk-face-frame-full",
                ),
                width="100%",
            ),
            rx.flex(
                rx.dialog.close(
                    rx.button(t("moderation.close"), variant="soft", data_testid="zoom-close")
                ),
                justify="end",
                margin_top="0.75rem",
            ),
            max_width="min(96vw, 64rem)",
            data_testid=f"{testid}-zoom",
        ),
    )


def _images() -> rx.Component:
    return rx.grid(
        _image(M.selected.selfie_url, "moderation.selfie", "image-selfie", M.selected.selfie_boxes),
        _image(
            M.selected.cnic_front_url,
            "moderation.cnic_front",
            "image-cnic-front",
            M.selected.cnic_boxes,
        ),
        _image(M.selected.cnic_back_url, "moderation.cnic_back", "image-cnic-back"),
        columns=rx.breakpoints(initial="2", md="3"),
        spacing="3",
        width="100%",
    )


def _cnic() -> rx.Component:
    return rx.vstack(
        _label("moderation.cnic"),
        rx.flex(
            rx.code(
                ltr(rx.cond(M.revealed_cnic != "", M.revealed_cnic, M.selected.cnic_masked)),
                size="4",
                variant="ghost",
                data_testid="cnic-number",
            ),
            rx.button(
                rx.icon("eye", size=16, aria_hidden="true"),
                t("moderation.reveal"),
                on_click=M.reveal,
                disabled=M.revealed_cnic != "",
                variant="outline",
                size="1",
                data_testid="reveal-cnic",
            ),
            spacing="3",
            align="center",
            wrap="wrap",
        ),
        rx.text(t("moderation.reveal.note"), size="1", color_scheme="gray"),
        spacing="1",
    )
