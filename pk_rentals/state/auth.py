"""One AuthState for Clerk and the built-in identity server.

The browser sends every fresh session token (``ClerkSession`` in
components/clerk.py); the verified claims stay in backend-only vars. Privileged
handlers are wrapped in ``@protected``: they run only while the last token is
unexpired and the server's own session record is active and not idle. Public
vars are display flags only; no handler trusts them for identity.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import time
from collections.abc import Callable
from urllib.parse import quote

import reflex as rx
from reflex.event import EventSpec

from pk_rentals import routes
from pk_rentals.models import Language
from pk_rentals.services.identity import sessions
from pk_rentals.services.identity.accounts import AccountDeleted
from pk_rentals.services.identity.signin import preferences_at_sign_in, sign_in_user
from pk_rentals.services.identity.tokens import SessionClaims, TokenError
from pk_rentals.services.verification_prompt import take_verification_prompt
from pk_rentals.settings import get_settings
from pk_rentals.state import arguments
from pk_rentals.state.ui import UiState

log = logging.getLogger(__name__)

CLAIM_LEEWAY = 5  # seconds, as the token verifier's
SIGN_OUT_REASONS = ("idle", "ended", "deleted")


class AuthState(rx.State):
    # Display flags. Protected content is gated on ``signed_in`` with rx.cond, so
    # prerendered HTML never holds it.
    signed_in: bool = False
    checked: bool = False  # Clerk has told us whether someone is signed in
    display_name: str = ""
    email: str = ""
    needs_profile: bool = False
    is_moderator: bool = False  # shows the Moderation link; the pages ask the server again
    verify_prompt: bool = False  # the one-time "verify your identity" banner
    # False shows the "verify your email" banner; the services check the database.
    email_verified: bool = True

    _user_id: str = ""
    _session_id: str = ""
    _issuer: str = ""
    _authorized_party: str = ""
    _issued_at: int = 0
    _expires_at: int = 0

    # --- claims held on the server -------------------------------------------------

    def _claims(self) -> SessionClaims | None:
        if not self._session_id:
            return None
        return SessionClaims(
            user_id=self._user_id,
            session_id=self._session_id,
            issuer=self._issuer,
            authorized_party=self._authorized_party or None,
            issued_at=self._issued_at,
            expires_at=self._expires_at,
        )

    def _hold(self, claims: SessionClaims) -> None:
        self._user_id = claims.user_id
        self._session_id = claims.session_id
        self._issuer = claims.issuer
        self._authorized_party = claims.authorized_party or ""
        self._issued_at = claims.issued_at
        self._expires_at = claims.expires_at

    def _forget(self) -> None:
        self._user_id = self._session_id = self._issuer = self._authorized_party = ""
        self._issued_at = self._expires_at = 0
        self.signed_in = False
        self.display_name = self.email = ""
        self.needs_profile = False
        self.is_moderator = False
        self.verify_prompt = False
        self.email_verified = True

    @property
    def clerk_user_id(self) -> str:
        """The signed-in Clerk user; only meaningful after ``require_session``."""
        return self._user_id

    # --- the browser's tokens ------------------------------------------------------

    @rx.event
    async def receive_token(self, token: str):
        """A new session token from clerk-js ("" = signed out)."""
        self.checked = True
        if not token:
            held = self._claims()
            if held is not None:  # signed out through Clerk? then its record ends too
                await asyncio.to_thread(sessions.end_if_ended_at_clerk, held)
            self._forget()
            return self._leave_if_protected()
        try:
            claims = await asyncio.to_thread(sessions.verify_token, token)
        except TokenError as error:
            log.info("session token refused: %s", error.problem)
            self._forget()
            return self._leave_if_protected()
        verdict = await asyncio.to_thread(sessions.admit, claims)
        if verdict is not sessions.Verdict.ACTIVE:
            self._forget()
            return sign_out(verdict.value)
        first_sight = claims.session_id != self._session_id or not self.signed_in
        self._hold(claims)
        if not first_sight:
            return None
        try:
            user = await asyncio.to_thread(sign_in_user, claims.user_id)
        except AccountDeleted:
            await asyncio.to_thread(sessions.end_session, claims, "user_deleted")
            self._forget()
            return sign_out("deleted")
        self.signed_in = True
        self.display_name = user.display_name
        self.email = user.email or ""
        self.needs_profile = user.must_set_up_profile
        self.is_moderator = user.is_moderator
        if user.profile_complete and self.router.url.path.rstrip("/") != routes.VERIFY:
            self.verify_prompt = await asyncio.to_thread(take_verification_prompt, claims.user_id)
        self.email_verified = user.email_verified
        events = [event for event in [await self._apply_preferences(user)] if event]
        if self.needs_profile and self.router.url.path.rstrip("/") != routes.PROFILE_SETUP:
            events.append(rx.redirect(routes.PROFILE_SETUP))
        return events

    async def _apply_preferences(self, user):
        """The preferences that win at sign-in (services/identity/signin), in this browser."""
        from pk_rentals.state.preferences import PreferencesState  # it imports this module

        ui = await self.get_state(UiState)
        (await self.get_state(PreferencesState)).remember(user.notifications)
        chosen = await asyncio.to_thread(
            preferences_at_sign_in,
            user,
            browser_theme=ui.theme,
            browser_language=Language.URDU if ui.is_urdu else Language.ENGLISH,
        )
        if chosen is None:
            return None
        theme, language = chosen
        ui.use_theme(theme)
        return ui.use_language(language)

    def _leave_if_protected(self):
        path = self.router.url.path.rstrip("/") or "/"
        if path in routes.PROTECTED:
            return rx.redirect(f"{routes.SIGN_IN}?redirect_url={quote(path)}")
        return None

    @rx.event
    def dismiss_verify_prompt(self):
        """Hide the prompt; it was marked as shown when it appeared."""
        self.verify_prompt = False

    # --- the session check every privileged handler runs ----------------------------

    async def require_session(self, *, retry: Callable[[], EventSpec], activity: bool = False):
        """None when this session may act now; else the events that sign it out, or,
        when only the page's last token is old, that fetch a fresh one and then run
        the event ``retry()`` makes (the refused one) with it."""
        claims = self._claims()
        if claims is None:
            return self._leave_if_protected() or rx.redirect(routes.SIGN_IN)
        if claims.expires_at + CLAIM_LEEWAY < time.time():
            # The page's tokens did not keep up (a phone waking up, a reload that ran
            # before clerk-js sent one, a busy tab). A fresh token either verifies or
            # signs out, so the retry cannot loop.
            return refresh_token_then(retry())
        # Most events come within seconds of the last one: no thread, no query.
        verdict = sessions.admit_if_recent(claims, touch=activity) or await asyncio.to_thread(
            sessions.admit, claims, touch=activity
        )
        if verdict is not sessions.Verdict.ACTIVE:
            self._forget()
            return sign_out(verdict.value)
        return None

    # --- idle timeout -----------------------------------------------------------

    @rx.event
    async def heartbeat(self):
        """Activity in any tab of this browser (throttled by the page)."""
        return await self.require_session(activity=True, retry=AuthState.heartbeat)

    @rx.event
    async def idle_timeout(self):
        """The page's idle deadline passed, or the user chose "Sign out"."""
        claims = self._claims()
        if claims is not None:
            await asyncio.to_thread(sessions.end_session, claims, "idle")
        self._forget()
        return sign_out("idle")

    @rx.var
    def idle_warning_seconds(self) -> int:
        return get_settings().idle_warning_seconds

    @rx.var
    def idle_timeout_seconds(self) -> int:
        return get_settings().idle_timeout_seconds

    @rx.var
    def idle_heartbeat_seconds(self) -> int:
        """How often an active page tells the server, so the server's own deadline
        never passes while someone is using the app: a few times per warning period."""
        return max(1, min(60, get_settings().idle_warning_seconds // 4))


def sign_out(reason: str):
    """Sign out in the browser through Clerk, landing on sign-in with the reason."""
    target = f"{routes.SIGN_IN}?reason={quote(reason)}"
    return rx.call_script(
        f"window.__pkSignOut ? window.__pkSignOut({target!r}) : window.location.assign({target!r})"
    )


def refresh_token_then(retry: EventSpec):
    """Ask the page for a fresh session token; the backend takes it, then ``retry``
    runs, queued behind it, so nothing the person did is dropped."""
    return rx.call_script(
        "window.__pkFreshToken && window.__pkFreshToken()",
        callback=lambda token: [AuthState.receive_token(token), retry],
    )


def protected(handler):
    """Run an event handler only for a live, non-idle session (checked server-side).

    Use under ``@rx.event``; the handler can read ``(await self.get_state(AuthState))
    .clerk_user_id`` as the one trusted identity. An event refused only because the
    page's token is old runs again once a fresh one has arrived. An event whose
    arguments are not of the types the handler declares is dropped first
    (state/arguments.py).
    """

    async def refusal(self, args, kwargs):
        auth = self if isinstance(self, AuthState) else await self.get_state(AuthState)
        again = functools.partial(type(self).event_handlers[handler.__name__], *args, **kwargs)
        return await auth.require_session(activity=True, retry=again)

    if inspect.isasyncgenfunction(handler):  # a handler that yields progress

        @functools.wraps(handler)
        async def guarded_steps(self, *args, **kwargs):
            if arguments.dropped(handler, args, kwargs):
                return
            refused = await refusal(self, args, kwargs)
            if refused is not None:
                yield refused
                return
            async for update in handler(self, *args, **kwargs):
                yield update

        return guarded_steps

    @functools.wraps(handler)
    async def guarded(self, *args, **kwargs):
        if arguments.dropped(handler, args, kwargs):
            return None
        refused = await refusal(self, args, kwargs)
        if refused is not None:
            return refused
        result = handler(self, *args, **kwargs)
        return await result if inspect.isawaitable(result) else result

    return guarded
