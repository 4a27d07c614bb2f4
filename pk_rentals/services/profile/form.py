"""What a person may type into the profile form, checked and normalised.

Problems are message ids of pk_rentals.i18n keyed by form field, so the page shows
them in the person's language next to the field they concern.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Mapping

import phonenumbers

from pk_rentals.models import Language, Province
from pk_rentals.places import OTHER_CITY, city_names

NAME_LENGTH = (2, 50)
CITY_LENGTH = (2, 50)
AREA_MAX = 100
BIO_MAX = 500
PHONE_INPUT_MAX = 32  # longer input is not a phone number, whatever it holds
NOTIFICATION_CHANNELS = ("email", "sms", "in_app")
# Every problem parse_profile can report (message ids of pk_rentals.i18n).
PROBLEMS = (
    "form.name.required",
    "form.name.length",
    "form.name.markup",
    "form.name.letters",
    "form.phone.required",
    "form.phone.invalid",
    "form.province.required",
    "form.city.required",
    "form.city_other.invalid",
    "form.area.invalid",
    "form.bio.length",
    "form.language.invalid",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_MARKUP = re.compile(r"[<>]")
_PHONE_CHARACTERS = re.compile(r"[\d\s()+.-]+")  # \d: any script's digits (Urdu too)


class ProfileInvalid(ValueError):
    """Some fields are wrong: ``problems`` maps each field to a message id."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(", ".join(f"{field}: {key}" for field, key in problems.items()))
        self.problems = problems


@dataclasses.dataclass(frozen=True)
class ProfileInput:
    """A checked profile form, ready to store."""

    display_name: str
    phone: str  # E.164, +923XXXXXXXXX
    province: str
    city: str
    area: str | None
    bio: str | None
    preferred_language: Language


# --- checking what people type ---------------------------------------------------------


def clean_text(value: object, *, multiline: bool = False) -> str:
    """Text as stored: NFC, no control or direction-override characters, trimmed;
    single-line text has its runs of spaces collapsed."""
    text = unicodedata.normalize("NFC", str(value or ""))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL.sub("", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = _CONTROL.sub(" ", text.replace("\n", " "))
        text = re.sub(r"\s+", " ", text)
    return text.strip()


def normalize_mobile(raw: object) -> str:
    """A Pakistani mobile number in E.164 (``+923001234567``) from the forms people
    type: ``03001234567``, ``0300-1234567``, ``+92 300 1234567``, ``923001234567``.
    Raises ``ValueError`` for anything else, landlines included."""
    text = str(raw or "").strip()
    if not text or len(text) > PHONE_INPUT_MAX or not _PHONE_CHARACTERS.fullmatch(text):
        raise ValueError("not a phone number")
    if text.startswith("92"):
        text = "+" + text
    try:
        number = phonenumbers.parse(text, "PK")
    except phonenumbers.NumberParseException as error:
        raise ValueError("not a phone number") from error
    if number.country_code != 92 or not phonenumbers.is_valid_number(number):
        raise ValueError("not a Pakistani phone number")
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        raise ValueError("not a mobile number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@functools.lru_cache(maxsize=4096)  # every profile page load formats its owner's number
def display_mobile(e164: str | None) -> str:
    """``+92 300 1234567`` for an E.164 number; "" for none."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def initials(name: str) -> str:
    """Up to two initials for an avatar without an image (any script)."""
    words = [word for word in name.split() if word[:1].isalpha()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def listed_city(province: str | None, city: str) -> str | None:
    """The province's own spelling of a city it lists, matched in any case; None for
    a city it does not list (a person types those under "other")."""
    return {name.lower(): name for name in city_names(province or "")}.get(city.lower())


def is_city_name(city: str) -> bool:
    """A city the list misses is kept as typed when it reads as a name: CITY_LENGTH
    characters and no markup, since it is shown on the public profile."""
    return CITY_LENGTH[0] <= len(city) <= CITY_LENGTH[1] and not _MARKUP.search(city)


def city_menu_choice(province: str | None, city: str | None) -> str:
    """What the form's city menu shows for a stored city: the city itself when its
    province lists it, else "other" (the person typed it), so the typed city goes back
    into the "other" field instead of being lost."""
    if not city:
        return ""
    return city if listed_city(province, city) == city else OTHER_CITY


def typed_city(province: str | None, city: str | None) -> str:
    """What the form's "other" field starts with: the stored city when the menu shows
    "other" for it, else nothing."""
    return (city or "") if city_menu_choice(province, city) == OTHER_CITY else ""


def parse_profile(form: Mapping[str, object]) -> ProfileInput:
    """Check a submitted profile form; raises ``ProfileInvalid`` naming every bad field.

    Fields: display_name, phone, province, city, city_other (when city is "other"),
    area, bio, preferred_language.
    """
    problems: dict[str, str] = {}

    name = clean_text(form.get("display_name"))
    if not name:
        problems["display_name"] = "form.name.required"
    elif not NAME_LENGTH[0] <= len(name) <= NAME_LENGTH[1]:
        problems["display_name"] = "form.name.length"
    elif _MARKUP.search(name):
        problems["display_name"] = "form.name.markup"
    elif not any(character.isalpha() for character in name):
        problems["display_name"] = "form.name.letters"

    phone = clean_text(form.get("phone"))
    if not phone:
        problems["phone"] = "form.phone.required"
    else:
        try:
            phone = normalize_mobile(phone)
        except ValueError:
            problems["phone"] = "form.phone.invalid"

    province = clean_text(form.get("province"))
    if province not in {p.value for p in Province}:
        problems["province"] = "form.province.required"

    city = clean_text(form.get("city"))
    if "province" in problems:
        pass  # the city list depends on the province
    elif city == OTHER_CITY:
        city = clean_text(form.get("city_other"))
        if not is_city_name(city):
            problems["city_other"] = "form.city_other.invalid"
    elif listed_city(province, city) != city:  # the menu sends the list's spelling
        problems["city"] = "form.city.required"

    area = clean_text(form.get("area")) or None
    if area and (len(area) > AREA_MAX or _MARKUP.search(area)):
        problems["area"] = "form.area.invalid"

    bio = clean_text(form.get("bio"), multiline=True) or None
    if bio and len(bio) > BIO_MAX:
        problems["bio"] = "form.bio.length"

    try:
        language = Language(clean_text(form.get("preferred_language")) or Language.URDU.value)
    except ValueError:
        problems["preferred_language"] = "form.language.invalid"
        language = Language.URDU

    if problems:
        raise ProfileInvalid(problems)
    return ProfileInput(name, phone, province, city, area, bio, language)
