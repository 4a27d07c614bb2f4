"""One source of truth: levels, badges, languages and messages agree with the seeds."""

import re

import pytest

from pk_rentals.i18n import MESSAGES
from pk_rentals.models.enums import Language, Province, Theme, VerificationLevel, check_in
from pk_rentals.services.badges import BADGES, badge_for

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


def test_levels_are_the_seed_ladder_in_order():
    assert [level.value for level in VerificationLevel] == [
        "unverified",
        "basic",
        "verified",
        "trusted",
    ]


@pytest.mark.parametrize(
    ("level", "color", "text"),
    [
        ("unverified", "gray", "Unverified"),
        ("basic", "blue", "Phone Verified"),
        ("verified", "green", "ID Verified"),
        ("trusted", "purple", "Trusted Member"),
    ],
)
def test_each_level_has_the_seed_badge(level, color, text):
    badge = badge_for(level)
    assert (badge.color, badge.text_en) == (color, text)
    assert ARABIC_SCRIPT.search(badge.text_ur)


def test_unknown_or_missing_level_shows_unverified_badge():
    assert badge_for("gold") is BADGES[VerificationLevel.UNVERIFIED]
    assert badge_for(None) is BADGES[VerificationLevel.UNVERIFIED]


def test_every_level_has_a_badge():
    assert set(BADGES) == set(VerificationLevel)


def test_seed_defaults_and_choices():
    assert [t.value for t in Theme] == ["light", "dark", "system"]
    assert Language.URDU.value == "urdu"
    assert len(Province) == 7


def test_check_constraint_sql_lists_every_value():
    assert check_in("theme", Theme) == "theme IN ('light', 'dark', 'system')"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_urdu_and_english(key):
    message = MESSAGES[key]
    assert set(message) == {"en", "ur"}
    assert message["en"].strip()
    assert ARABIC_SCRIPT.search(message["ur"]) or ARABIC_SCRIPT.search(message["en"])


def test_every_moderation_flag_has_an_icon_a_name_and_an_explanation():
    from pk_rentals.components.moderation import FLAG_ICONS
    from pk_rentals.services.moderation import Flag

    for flag in Flag:
        assert flag in FLAG_ICONS, flag
        for key in (f"moderation.flag.{flag.value}", f"moderation.flag.{flag.value}.explain"):
            assert ARABIC_SCRIPT.search(MESSAGES[key]["ur"]), key
            assert MESSAGES[key]["en"], key
