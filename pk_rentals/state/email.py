"""The email address Clerk verified after sign-up: sending a CNIC needs one, since
it is how we reach the person about their verification. The banner's clerk-js
verification tells us it is done; the server then asks Clerk itself and stores
``email_verified``."""

from __future__ import annotations

import asyncio

import reflex as rx

from pk_rentals import routes
from pk_rentals.services.identity.signin import email_verified, refresh_from_clerk
from pk_rentals.state.auth import AuthState, protected
from pk_rentals.state.ui import language_code, toast
from pk_rentals.state.verification import VerificationState


def _sync_email(clerk_user_id: str) -> bool:
    """Refresh our copy from Clerk's Backend API; True once the address is verified."""
    refresh_from_clerk(clerk_user_id)
    return email_verified(clerk_user_id)


class EmailState(rx.State):
    syncing: bool = False

    @rx.event
    @protected
    async def verified_at_clerk(self):
        """clerk-js says the code was right: ask Clerk, then unlock what waited for it."""
        auth = await self.get_state(AuthState)
        language = await language_code(self)
        self.syncing = True
        yield
        verified = await asyncio.to_thread(_sync_email, auth.clerk_user_id)
        self.syncing = False
        if not verified:  # the user.updated webhook will bring it
            yield toast("info", "email.pending_sync", language)
            return
        auth.email_verified = True
        yield toast("success", "email.verified", language)
        if self.router.url.path.rstrip("/") == routes.VERIFY:
            yield VerificationState.load
