"""Theme, language and notification choices (UserPreferences).

Everyone can switch theme and language from the header; for a signed-in user the
choice is also saved, so it follows them to a new browser after sign-in.
"""

from __future__ import annotations

import asyncio
import functools

import reflex as rx

from pk_rentals.models import Language
from pk_rentals.models.enums import Theme
from pk_rentals.services.profile import (
    NOTIFICATION_CHANNELS,
    own_profile,
    save_preferences_of,
)
from pk_rentals.state.arguments import as_declared
from pk_rentals.state.auth import AuthState, protected
from pk_rentals.state.profile import ProfileState
from pk_rentals.state.ui import UiState, language_code, toast

THEMES = tuple(theme.value for theme in Theme)
LANGUAGES = tuple(language.value for language in Language)


def _notification_settings(clerk_user_id: str) -> dict[str, bool] | None:
    profile = own_profile(clerk_user_id)
    return profile.notification_settings if profile else None


class PreferencesState(rx.State):
    notify_email: bool = True
    notify_sms: bool = True
    notify_in_app: bool = True
    loaded: bool = False

    async def _save_if_signed_in(self, **choices: str) -> list:
        """Save a header choice for a signed-in person; the events to send when the
        session cannot act now (a fresh token first, then ``save_choices``)."""
        auth = await self.get_state(AuthState)
        if not auth.signed_in:
            return []
        refused = await auth.require_session(
            retry=functools.partial(PreferencesState.save_choices, choices)
        )
        if refused is None:
            await asyncio.to_thread(save_preferences_of, auth.clerk_user_id, **choices)
            return []
        return [refused]

    @rx.event
    @protected
    async def save_choices(self, choices: dict[str, str]):
        """A header choice made while the page's token was being renewed; an unknown
        value (any JSON can arrive) is left out."""
        theme, language = choices.get("theme"), choices.get("language")
        auth = await self.get_state(AuthState)
        await asyncio.to_thread(
            save_preferences_of,
            auth.clerk_user_id,
            theme=theme if theme in THEMES else None,
            language=language if language in LANGUAGES else None,
        )

    @rx.event
    async def toggle_language(self):
        """The header's language button: switch now, keep the page, save the choice."""
        ui = await self.get_state(UiState)
        language = Language.ENGLISH if ui.is_urdu else Language.URDU
        unsaved = await self._save_if_signed_in(language=language.value)
        # The profile this tab holds says the same, so a reload never draws the form
        # with the old choice while the profile is read again.
        profile = await self.get_state(ProfileState)
        if profile.loaded:
            profile.preferred_language = language.value
        return [ui.use_language(language), *unsaved]

    @rx.event
    @as_declared
    async def theme_changed(self, mode: str):
        """The live colour mode changed in this browser (header toggle)."""
        if mode not in THEMES:
            return None
        ui = await self.get_state(UiState)
        if ui.theme == mode:
            return None
        ui.use_theme(mode)
        return await self._save_if_signed_in(theme=mode)

    def remember(self, settings: dict[str, bool]) -> None:
        """The preferences read at sign-in, kept in the state so a page needs no query."""
        if not settings:
            return
        self.notify_email = settings["email"]
        self.notify_sms = settings["sms"]
        self.notify_in_app = settings["in_app"]
        self.loaded = True

    @rx.event
    @protected
    async def load(self):
        """The settings page: what sign-in loaded, or the database if this state
        was lost (a worker restart gives a tab a fresh state)."""
        if self.loaded:
            return
        auth = await self.get_state(AuthState)
        settings = await asyncio.to_thread(_notification_settings, auth.clerk_user_id)
        if settings is not None:
            self.remember(settings)

    @rx.event
    @protected
    async def choose_theme(self, theme: str):
        if theme not in THEMES:
            return None
        ui = await self.get_state(UiState)
        auth = await self.get_state(AuthState)
        ui.use_theme(theme)  # ThemeSync applies it to the page
        await asyncio.to_thread(save_preferences_of, auth.clerk_user_id, theme=theme)
        return await self._saved()

    @rx.event
    @protected
    async def choose_language(self, language: str):
        if language not in LANGUAGES:
            return None
        ui = await self.get_state(UiState)
        auth = await self.get_state(AuthState)
        chosen = Language(language)
        await asyncio.to_thread(save_preferences_of, auth.clerk_user_id, language=chosen.value)
        return [ui.use_language(chosen), await self._saved()]

    @rx.event
    @protected
    async def set_notification(self, channel: str, on: bool):
        if channel not in NOTIFICATION_CHANNELS:
            return None
        auth = await self.get_state(AuthState)
        await asyncio.to_thread(
            save_preferences_of, auth.clerk_user_id, notifications={channel: bool(on)}
        )
        setattr(self, f"notify_{channel}", bool(on))
        return await self._saved()

    async def _saved(self):
        return toast("success", "settings.saved", await language_code(self))
