"""TrustBadge: the colour, icon and words of a verification level, so a renter can
tell at a glance how much of a landlord the app has checked.

Icon and text, never colour alone; Urdu and English; small and large.
"""

import reflex as rx

from pk_rentals.components.i18n import bilingual
from pk_rentals.models.enums import VerificationLevel
from pk_rentals.services.badges import BADGES, Badge
from pk_rentals.state.ui import UiState

SIZES = {"small": ("1", 12), "medium": ("2", 14), "large": ("3", 18)}


def trust_badge(badge: Badge, size: str = "medium") -> rx.Component:
    """The pill of one level (known when the page is built)."""
    radix_size, icon_size = SIZES[size]
    return rx.badge(
        rx.icon(badge.icon, size=icon_size, aria_hidden="true"),
        rx.el.span(bilingual(badge.text_ur, badge.text_en)),
        color_scheme=badge.color,
        variant="soft",
        high_contrast=True,
        radius="full",
        size=radix_size,
        role="img",
        aria_label=rx.cond(
            UiState.is_urdu, f"تصدیق کی سطح: {badge.text_ur}", f"Verification: {badge.text_en}"
        ),
        class_name=f"pk-trust-badge pk-trust-badge-{size}",
        data_testid=f"trust-badge-{badge.level.value}",
    )


def trust_badge_for(level: rx.Var, size: str = "medium") -> rx.Component:
    """The pill of a level held in state; anything unknown shows as unverified."""
    return rx.match(
        level,
        *[(badge.level.value, trust_badge(badge, size)) for badge in BADGES.values()],
        trust_badge(BADGES[VerificationLevel.UNVERIFIED], size),
    )
