"""/settings "Delete my account": the confirmation word, then the deletion."""

from __future__ import annotations

import asyncio
import logging

import reflex as rx

from pk_rentals import routes
from pk_rentals.services.identity.deletion import (
    DeletionFailed,
    delete_own_account,
    is_confirmation,
)
from pk_rentals.state.auth import AuthState, protected

log = logging.getLogger(__name__)


class AccountDeletionState(rx.State):
    deleting: bool = False
    # A message id from i18n.py ("" = no problem to show).
    problem: str = ""

    @rx.event
    def clear_problem(self):
        """Typing again: the old complaint no longer applies."""
        self.problem = ""

    @rx.event
    @protected
    async def delete_account(self, form_data: dict):
        if self.deleting:
            return
        if not is_confirmation(str(form_data.get("confirmation", ""))):
            self.problem = "account.delete.error.word"
            return
        self.problem, self.deleting = "", True
        yield
        auth = await self.get_state(AuthState)
        try:
            await asyncio.to_thread(delete_own_account, auth.clerk_user_id)
        except DeletionFailed as error:
            log.warning("account deletion of %s failed: %s", auth.clerk_user_id, error)
            self.problem, self.deleting = "account.delete.error.clerk", False
            return
        auth._forget()
        yield rx.call_script(
            f"window.__pkSignOut ? window.__pkSignOut({routes.GOODBYE!r})"
            f" : window.location.assign({routes.GOODBYE!r})"
        )
