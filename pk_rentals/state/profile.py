"""The signed-in user's own profile: loading it, the setup wizard and the edit form,
and the phone number Clerk verified."""

from __future__ import annotations

import asyncio
import logging

import reflex as rx

from pk_rentals import routes
from pk_rentals.models.enums import VerificationLevel
from pk_rentals.places import OTHER_CITY, city_names, urdu_name
from pk_rentals.services.identity.signin import refresh_from_clerk
from pk_rentals.services.profile import (
    OwnProfile,
    ProfileInvalid,
    city_menu_choice,
    display_mobile,
    initials,
    own_profile,
    parse_profile,
    save_profile,
    typed_city,
)
from pk_rentals.state.arguments import as_declared
from pk_rentals.state.auth import AuthState, protected
from pk_rentals.state.changes import assign_changed
from pk_rentals.state.ui import language_code, toast

log = logging.getLogger(__name__)

DRAFT_KEY = "pk_draft_profile"  # localStorage key of the unsaved form (components/form_draft)


def _save(clerk_user_id: str, form: dict) -> None:
    save_profile(clerk_user_id, parse_profile(form))  # ProfileInvalid before any write


class ProfileState(rx.State):
    loaded: bool = False
    public_id: str = ""  # the app's id, for /u/{id}
    display_name: str = ""
    phone: str = ""  # E.164
    phone_display: str = ""
    verified_phone: str = ""
    phone_verified: bool = False
    province: str = ""
    city: str = ""
    area: str = ""
    bio: str = ""
    preferred_language: str = "urdu"
    email: str = ""
    avatar_url: str = ""
    level: str = VerificationLevel.UNVERIFIED.value
    member_since: str = ""  # ISO date
    complete: bool = False
    revision: int = 0  # bumped on every load, so the form mounts again with fresh values

    # The form: what the province/city menus show, problems by field, progress.
    form_province: str = ""
    form_city: str = ""
    errors: dict[str, str] = {}  # noqa: RUF012 - field -> message id of pk_rentals.i18n
    saving: bool = False
    phone_syncing: bool = False

    @rx.var
    def city_choices(self) -> list[list[str]]:
        """[value, English, Urdu] of each listed city of the chosen province."""
        return [[name, name, urdu_name(name)] for name in city_names(self.form_province)]

    @rx.var
    def initials(self) -> str:
        return initials(self.display_name)

    @rx.var
    def city_is_other(self) -> bool:
        return self.form_city == OTHER_CITY

    @rx.var
    def listed_city(self) -> str:
        """What the city menu starts on: the stored city, or "other" for a typed one."""
        return city_menu_choice(self.province, self.city)

    @rx.var
    def typed_city(self) -> str:
        return typed_city(self.province, self.city)

    @rx.event
    @as_declared
    def set_form_province(self, province: str):
        self.form_province = province
        self.form_city = ""
        self.errors = {k: v for k, v in self.errors.items() if k not in ("province", "city")}

    @rx.event
    @as_declared
    def set_form_city(self, city: str):
        self.form_city = city
        self.errors = {k: v for k, v in self.errors.items() if k not in ("city", "city_other")}

    def _show(self, profile: OwnProfile) -> None:
        """Show a profile read from the database (only what changed is sent)."""
        public = profile.public
        assign_changed(
            self,
            public_id=public.user_id,
            display_name=public.display_name,
            phone=profile.phone or "",
            phone_display=display_mobile(profile.phone),
            verified_phone=profile.verified_phone or "",
            phone_verified=profile.phone_verified,
            province=public.province,
            city=public.city,
            area=profile.area or "",
            bio=profile.bio or "",
            preferred_language=profile.preferred_language.value,
            email=profile.email or "",
            avatar_url=public.avatar_url or "",
            level=public.level.value,
            member_since=public.member_since.date().isoformat(),
            complete=profile.complete,
            form_province=public.province,
            loaded=True,
        )
        assign_changed(self, form_city=self.listed_city)
        self.revision += 1

    async def _reload(self, clerk_user_id: str) -> bool:
        profile = await asyncio.to_thread(own_profile, clerk_user_id)
        if profile is None:
            return False
        self._show(profile)
        return True

    @rx.event
    @protected
    async def load(self):
        auth = await self.get_state(AuthState)
        if not await self._reload(auth.clerk_user_id):
            return rx.redirect(routes.SIGN_IN)
        return None

    @rx.event
    @protected
    async def save(self, form: dict):
        """Check and store the form; problems go next to their fields, nothing typed is
        lost (the form keeps its values and its draft until the save succeeds)."""
        if self.saving:
            return  # a double click: the first save is still running
        self.saving = True
        self.errors = {}
        yield
        language = await language_code(self)
        auth = await self.get_state(AuthState)
        first_time = not self.complete
        try:
            await asyncio.to_thread(_save, auth.clerk_user_id, form)
        except ProfileInvalid as invalid:
            self.errors = invalid.problems
            self.saving = False
            yield toast("error", "form.fix_errors", language)
            return
        except Exception:
            log.exception("saving the profile of %s failed", auth.clerk_user_id)
            self.saving = False
            yield toast("error", "form.save_failed", language)
            return
        await self._reload(auth.clerk_user_id)
        auth.needs_profile = False
        auth.display_name = self.display_name
        self.saving = False
        yield rx.call_script(f"window.localStorage.removeItem({DRAFT_KEY!r})")
        yield toast("success", "form.saved", language)
        if first_time and self.phone_verified:
            yield rx.redirect(routes.PROFILE)

    @rx.event
    @protected
    async def phone_verified_at_clerk(self):
        """clerk-js says the number is verified: ask Clerk itself, then store it."""
        self.phone_syncing = True
        yield
        auth = await self.get_state(AuthState)
        synced = await asyncio.to_thread(refresh_from_clerk, auth.clerk_user_id)
        await self._reload(auth.clerk_user_id)
        self.phone_syncing = False
        if not synced:  # the user.updated webhook will bring it
            yield toast("info", "phone.pending_sync", await language_code(self))
        elif self.phone_verified:
            yield toast("success", "phone.verified", await language_code(self))
