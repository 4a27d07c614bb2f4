"""Why a submission is flagged, each flag explained."""

import reflex as rx

from pk_rentals.components.i18n import t
from pk_rentals.components.moderation import (
    bilingual,
    message,
)
from pk_rentals.pages.moderation.parts import _label
from pk_rentals.services.moderation import Flag
from pk_rentals.state.moderation import ModerationState as M


def _flag_explained(flag) -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("flag", aria_hidden="true")),
        rx.vstack(
            rx.text(message("moderation.flag", flag), weight="bold", size="2"),
            rx.callout.text(
                rx.match(
                    flag,
                    *[
                        (f.value, rx.fragment(t(f"moderation.flag.{f.value}.explain")))
                        for f in Flag
                        if f is not Flag.PROVINCE_MISMATCH and f is not Flag.SELFIE_AGE
                    ],
                    (
                        Flag.PROVINCE_MISMATCH.value,
                        rx.fragment(
                            t("moderation.flag.province_mismatch.explain"),
                            " (",
                            t("moderation.card_says"),
                            ": ",
                            bilingual(M.selected.cnic_province_en, M.selected.cnic_province_ur),
                            " · ",
                            t("moderation.profile_says"),
                            ": ",
                            bilingual(
                                M.selected.profile_province_en, M.selected.profile_province_ur
                            ),
                            ")",
                        ),
                    ),
                    (
                        Flag.SELFIE_AGE.value,
                        rx.fragment(
                            t("moderation.flag.selfie_age.explain"),
                            " (",
                            M.selected.selfie_age_minutes,
                            " ",
                            t("moderation.minutes_before"),
                            ")",
                        ),
                    ),
                    rx.fragment(),
                ),
                size="2",
            ),
            spacing="1",
        ),
        color_scheme="orange",
        size="1",
        width="100%",
        data_testid="flag-explained",
    )


def _flags() -> rx.Component:
    return rx.vstack(
        _label("moderation.flags"),
        rx.cond(
            M.selected.flags.length() > 0,
            rx.vstack(rx.foreach(M.selected.flags, _flag_explained), spacing="2", width="100%"),
            rx.text(t("moderation.no_flags"), size="2"),
        ),
        spacing="1",
        width="100%",
    )
