"""TrustBadge (seed 000): the colour, icon and words of a verification level."""

import reflex as rx

from pk_rentals.services.badges import Badge
from pk_rentals.state.ui import UiState


def trust_badge(badge: Badge) -> rx.Component:
    """A pill for a level known when the page is built (landing page, legends)."""
    return rx.badge(
        rx.icon(badge.icon, size=14, aria_hidden="true"),
        rx.cond(UiState.is_urdu, badge.text_ur, badge.text_en),
        color_scheme=badge.color,
        variant="soft",
        # Accent-12 text: Radix's default soft blue and green fall short of 4.5:1 in light mode.
        high_contrast=True,
        radius="full",
        size="2",
        data_testid=f"trust-badge-{badge.level.value}",
    )
