"""Anybody's public profile at /u/{id}: what strangers may see, nothing private."""

from __future__ import annotations

import asyncio

import reflex as rx

from pk_rentals.models.enums import VerificationLevel
from pk_rentals.places import urdu_name
from pk_rentals.services.profile import initials, public_profile


class PublicProfileState(rx.State):
    status: str = "loading"  # loading | found | missing
    display_name: str = ""
    avatar_url: str = ""
    level: str = VerificationLevel.UNVERIFIED.value
    city: str = ""
    province: str = ""
    member_since: str = ""
    average_rating: str = "0.0"
    total_reviews: int = 0
    response_rate: str = "0"
    completed_bookings: int = 0

    @rx.var
    def initials(self) -> str:
        return initials(self.display_name)

    @rx.var
    def place_en(self) -> str:
        return ", ".join(part for part in (self.city, self.province) if part)

    @rx.var
    def place_ur(self) -> str:
        return "، ".join(urdu_name(part) for part in (self.city, self.province) if part)

    @rx.event
    async def load(self):
        self.status = "loading"
        profile_id = str(self.router.page.params.get("profile_id", ""))[:64]
        profile = await asyncio.to_thread(public_profile, profile_id)
        if profile is None:
            self.status = "missing"
            return
        self.display_name = profile.display_name
        self.avatar_url = profile.avatar_url or ""
        self.level = profile.level.value
        self.city = profile.city
        self.province = profile.province
        self.member_since = profile.member_since.date().isoformat()
        self.average_rating = f"{profile.average_rating:.1f}"
        self.total_reviews = profile.total_reviews
        self.response_rate = f"{profile.response_rate:.0f}"
        self.completed_bookings = profile.completed_bookings
        self.status = "found"
