"""/moderation: the queue, one submission beside it, decisions and the stats panel.

Laptop: queue and submission side by side. Phone (360 px): the queue, and once a
submission is open, the submission alone with a "Back to the queue" button.
"""

import reflex as rx

from pk_rentals.components.moderation import ModerationKeys
from pk_rentals.pages.moderation.audit import audit_page
from pk_rentals.pages.moderation.detail import _detail
from pk_rentals.pages.moderation.header import _title
from pk_rentals.pages.moderation.parts import moderator_page
from pk_rentals.pages.moderation.queue import _queue
from pk_rentals.pages.moderation.stats import _stats
from pk_rentals.state.moderation import ModerationState as M

__all__ = ["audit_page", "moderation_page"]


def moderation_page() -> rx.Component:
    return moderator_page(
        ModerationKeys.create(keys="arsjk?"),
        _title(),
        _stats(),
        rx.grid(
            _queue(),
            _detail(),
            columns=rx.breakpoints(initial="1", md="minmax(17rem, 22rem) 1fr"),
            spacing="4",
            width="100%",
            align_items="start",
        ),
        on_load=M.load,
        name="moderation",
    )
