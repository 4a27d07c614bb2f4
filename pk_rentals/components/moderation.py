"""Pieces both moderation pages share: the access gate, the shortcut listener,
status and flag labels."""

import reflex as rx

from pk_rentals.components.i18n import t
from pk_rentals.components.ui import message_text
from pk_rentals.models import FaceBand, SubmissionStatus
from pk_rentals.services.moderation import Flag
from pk_rentals.state.moderation import ModeratorGate
from pk_rentals.state.ui import UiState

STATUS_COLORS = {
    SubmissionStatus.PENDING: "amber",
    SubmissionStatus.APPROVED: "grass",
    SubmissionStatus.REJECTED: "tomato",
    SubmissionStatus.RESUBMISSION_REQUESTED: "blue",
}
FLAG_ICONS = {
    Flag.PROVINCE_MISMATCH: "map-pin",
    Flag.DUPLICATE_CNIC: "copy",
    Flag.SELFIE_AGE: "clock",
    Flag.NO_FACE: "scan-face",
    Flag.SEVERAL_FACES: "users",
    Flag.NO_FACE_ON_CNIC: "id-card",
    Flag.FACES_DIFFER: "user-x",
    Flag.BLURRY: "focus",
    Flag.TOO_DARK: "moon",
    Flag.CHECKS_UNAVAILABLE: "circle-help",
    Flag.CARD_NUMBER_DIFFERS: "binary",
    Flag.CARD_EXPIRED: "calendar-x",
    Flag.CARD_UNREADABLE: "scan-text",
    Flag.NOT_A_CNIC: "file-question",
    Flag.SECURITY: "shield-alert",
}
BAND_COLORS = {
    FaceBand.LIKELY_SAME: "grass",
    FaceBand.LOOK_CLOSELY: "amber",
    FaceBand.LIKELY_DIFFERENT: "tomato",
}


class ModerationKeys(rx.Component):
    """Keyboard shortcuts: a key clicks the button with that ``data-shortcut``
    (assets/js/moderation_keys.jsx)."""

    library = "$/public/js/moderation_keys.jsx"
    tag = "ModerationKeys"

    keys: rx.Var[str]


def message(prefix: str, key: rx.Var) -> rx.Component:
    """The text of ``prefix.<key>`` for a key known only in the browser."""
    names = [name.removeprefix(prefix + ".") for name in _keys_under(prefix)]
    return message_text(key, [(name, f"{prefix}.{name}") for name in names if "." not in name], key)


def _keys_under(prefix: str) -> list[str]:
    from pk_rentals.i18n import MESSAGES

    return [name for name in MESSAGES if name.startswith(prefix + ".")]


def status_badge(status: rx.Var) -> rx.Component:
    return rx.match(
        status,
        *[
            (
                value.value,
                rx.badge(
                    t(f"moderation.status.{value.value}"),
                    color_scheme=color,
                    variant="soft",
                    high_contrast=True,
                    data_testid=f"status-{value.value}",
                ),
            )
            for value, color in STATUS_COLORS.items()
        ],
        rx.badge(status),
    )


def flag_badge(flag: rx.Var) -> rx.Component:
    return rx.match(
        flag,
        *[
            (
                value.value,
                rx.badge(
                    rx.icon(FLAG_ICONS[value], size=12, aria_hidden="true"),
                    t(f"moderation.flag.{value.value}"),
                    color_scheme="orange",
                    variant="surface",
                    high_contrast=True,
                    data_testid=f"flag-{value.value}",
                ),
            )
            for value in Flag
        ],
        rx.badge(flag),
    )


def band_badge(band: rx.Var, size: str = "1") -> rx.Component:
    """The selfie↔CNIC distance band: an aid, coloured like a traffic light."""
    return rx.match(
        band,
        *[
            (
                value.value,
                rx.badge(
                    rx.icon("scan-face", size=12, aria_hidden="true"),
                    t(f"moderation.band.{value.value}"),
                    color_scheme=color,
                    variant="soft",
                    high_contrast=True,
                    size=size,
                    data_testid=f"band-{value.value}",
                ),
            )
            for value, color in BAND_COLORS.items()
        ],
        rx.fragment(),
    )


def bilingual(english: rx.Var, urdu: rx.Var) -> rx.Var:
    return rx.cond(UiState.is_urdu, urdu, english)


def moderators_only(content: rx.Component) -> rx.Component:
    """Content only after the server said this session may moderate; "You do not
    have access" when it said no. Nothing is rendered (or loaded) before."""
    return rx.cond(
        ModeratorGate.allowed,
        content,
        rx.cond(
            ModeratorGate.checked,
            rx.callout.root(
                rx.callout.icon(rx.icon("shield-x", aria_hidden="true")),
                rx.vstack(
                    rx.heading(t("moderation.no_access"), as_="h1", size="5"),
                    rx.callout.text(t("moderation.no_access.body")),
                    spacing="2",
                ),
                color_scheme="tomato",
                size="3",
                margin_y="3rem",
                data_testid="moderation-no-access",
            ),
            rx.center(
                rx.hstack(rx.spinner(size="3"), rx.text(t("moderation.checking")), spacing="2"),
                padding_y="4rem",
                role="status",
                data_testid="moderation-checking",
            ),
        ),
    )
