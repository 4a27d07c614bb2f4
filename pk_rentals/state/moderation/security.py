"""The stats panel's Security tab: failed attempts, read when opened."""

from __future__ import annotations

import asyncio

import reflex as rx

from pk_rentals.services import moderation
from pk_rentals.services.moderation import (
    NotModerator,
)
from pk_rentals.services.moderation import screen_input as choices
from pk_rentals.services.moderation.view_models import (
    SecurityAccountRow,
    security_fields,
)
from pk_rentals.state.auth import protected
from pk_rentals.state.moderation.gate import ModeratorGate


class SecurityTabState(rx.State):
    """The stats panel's Security tab: failed attempts, read when opened."""

    tab: str = "review"  # review | security
    loading: bool = False
    per_day: list[dict[str, str | int]] = []  # noqa: RUF012
    total_14d: int = 0
    by_kind: list[list[str | int]] = []  # noqa: RUF012 - [kind, count] over 24 hours
    top: list[SecurityAccountRow] = []  # noqa: RUF012
    threshold: int = 0

    @rx.event
    @protected
    async def choose_tab(self, tab: str):
        if tab not in choices.TABS:
            return
        self.tab = tab
        if tab != "security":
            return
        gate = await self.get_state(ModeratorGate)
        self.loading = True
        yield
        try:
            shown = await asyncio.to_thread(moderation.security, await gate._who())
        except NotModerator:
            self.loading = False
            await gate._refused()
            return
        for name, value in security_fields(shown).items():
            setattr(self, name, value)
        self.loading = False
