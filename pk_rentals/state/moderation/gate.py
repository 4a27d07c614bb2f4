"""Whether the server said this session may moderate; shared by both pages."""

from __future__ import annotations

import asyncio

import reflex as rx

from pk_rentals.services import moderation
from pk_rentals.state.auth import AuthState
from pk_rentals.state.changes import assign_changed


class ModeratorGate(rx.State):
    """Whether the server said this session may moderate; shared by both pages."""

    checked: bool = False  # the server has answered
    allowed: bool = False

    async def _who(self) -> str:
        return (await self.get_state(AuthState)).clerk_user_id

    async def _refused(self) -> None:
        """A NotModerator from the service: drop everything, say so."""
        self.checked, self.allowed = True, False
        # The page states hold what was loaded; imported here, as they import the gate.
        from pk_rentals.state.moderation import AuditState, ModerationState

        queue = await self.get_state(ModerationState)
        queue._clear()
        audit = await self.get_state(AuditState)
        audit._clear()
        (await self.get_state(AuthState)).is_moderator = False

    async def _admit(self) -> bool:
        allowed = await asyncio.to_thread(moderation.is_moderator, await self._who())
        if not allowed:
            await self._refused()
            return False
        await self._allow()
        return True

    async def _allow(self) -> None:
        """The server said yes (sent only when it is news)."""
        assign_changed(self, checked=True, allowed=True)
        assign_changed(await self.get_state(AuthState), is_moderator=True)
