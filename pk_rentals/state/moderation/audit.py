"""/moderation/audit: the append-only log, newest first, in pages."""

from __future__ import annotations

import asyncio

import reflex as rx

from pk_rentals.services import moderation
from pk_rentals.services.moderation import (
    NotModerator,
)
from pk_rentals.services.moderation import screen_input as choices
from pk_rentals.services.moderation.view_models import (
    AuditRow,
    audit_row,
)
from pk_rentals.state.auth import protected
from pk_rentals.state.moderation.gate import ModeratorGate


class AuditState(rx.State):
    """/moderation/audit: the append-only log, newest first, in pages."""

    entries: list[AuditRow] = []  # noqa: RUF012
    page_number: int = 1
    has_older: bool = False
    loading: bool = False
    _before: list[int] = []  # noqa: RUF012 - the ``before`` of each page shown so far

    def _clear(self) -> None:
        self.entries, self.page_number, self.has_older, self._before = [], 1, False, []

    async def _fetch(self, before: int | None) -> bool:
        gate = await self.get_state(ModeratorGate)
        try:
            rows = await asyncio.to_thread(
                moderation.audit_log, await gate._who(), before=before, limit=choices.AUDIT_PAGE + 1
            )
        except NotModerator:
            await gate._refused()
            return False
        self.entries = [audit_row(row) for row in rows[: choices.AUDIT_PAGE]]
        self.has_older = len(rows) > choices.AUDIT_PAGE
        return True

    @rx.event
    @protected
    async def load(self):
        gate = await self.get_state(ModeratorGate)
        if not await gate._admit():
            return
        self.loading = True
        yield
        self._before, self.page_number = [], 1
        await self._fetch(None)
        self.loading = False

    @rx.event
    @protected
    async def older(self):
        if not self.has_older or not self.entries:
            return
        before = self.entries[-1].id
        if await self._fetch(before):
            self._before = [*self._before, before]
            self.page_number += 1

    @rx.event
    @protected
    async def newer(self):
        if not self._before:
            return
        earlier = self._before[:-1]
        if await self._fetch(earlier[-1] if earlier else None):
            self._before = earlier
            self.page_number -= 1
