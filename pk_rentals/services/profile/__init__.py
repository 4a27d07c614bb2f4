"""Profiles: what a person may type (form), the one-query profile reads (reading),
and saving a profile and preferences (writing).

Reflex-free, so the pages, the API, the jobs and the tests share it. Like every
service, each function owns its unit of work; a caller that already holds a session
or connection may pass it by keyword.
"""

from pk_rentals.services.profile.form import (
    AREA_MAX,
    BIO_MAX,
    CITY_LENGTH,
    NAME_LENGTH,
    NOTIFICATION_CHANNELS,
    PROBLEMS,
    ProfileInput,
    ProfileInvalid,
    city_menu_choice,
    clean_text,
    display_mobile,
    initials,
    is_city_name,
    listed_city,
    normalize_mobile,
    parse_profile,
    typed_city,
)
from pk_rentals.services.profile.reading import (
    OwnProfile,
    PublicProfile,
    notification_settings,
    own_profile,
    public_profile,
)
from pk_rentals.services.profile.writing import (
    ProfileMissing,
    save_preferences,
    save_preferences_of,
    save_profile,
)

__all__ = [
    "AREA_MAX",
    "BIO_MAX",
    "CITY_LENGTH",
    "NAME_LENGTH",
    "NOTIFICATION_CHANNELS",
    "PROBLEMS",
    "OwnProfile",
    "ProfileInput",
    "ProfileInvalid",
    "ProfileMissing",
    "PublicProfile",
    "city_menu_choice",
    "clean_text",
    "display_mobile",
    "initials",
    "is_city_name",
    "listed_city",
    "normalize_mobile",
    "notification_settings",
    "own_profile",
    "parse_profile",
    "public_profile",
    "save_preferences",
    "save_preferences_of",
    "save_profile",
    "typed_city",
]
