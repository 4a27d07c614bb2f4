"""Trust badges: one definition per verification level."""

from __future__ import annotations

import dataclasses

from pk_rentals.models.enums import VerificationLevel


@dataclasses.dataclass(frozen=True)
class Badge:
    level: VerificationLevel
    color: str  # a Radix Themes accent colour name
    icon: str  # a Lucide icon name
    text_en: str
    text_ur: str


BADGES: dict[VerificationLevel, Badge] = {
    VerificationLevel.UNVERIFIED: Badge(
        VerificationLevel.UNVERIFIED, "gray", "circle-dashed", "Unverified", "غیر تصدیق شدہ"
    ),
    VerificationLevel.BASIC: Badge(
        VerificationLevel.BASIC, "blue", "smartphone", "Phone Verified", "فون تصدیق شدہ"
    ),
    VerificationLevel.VERIFIED: Badge(
        VerificationLevel.VERIFIED, "green", "id-card", "ID Verified", "شناخت تصدیق شدہ"
    ),
    VerificationLevel.TRUSTED: Badge(
        VerificationLevel.TRUSTED, "purple", "shield-check", "Trusted Member", "قابلِ اعتماد رکن"
    ),
}


def badge_for(level: str | None) -> Badge:
    """The badge for a stored level; anything unknown shows as unverified, never as more."""
    try:
        return BADGES[VerificationLevel(level)]
    except ValueError:
        return BADGES[VerificationLevel.UNVERIFIED]
