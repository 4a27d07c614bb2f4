"""Provinces and their cities, with the Urdu names users read; Pakistan's time.

One list for the whole app: the profile form's menus, the server's validation
and the public profile's "city, province" line all read it. A city not listed is
entered as free text after choosing ``OTHER_CITY``.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

from pk_rentals.models.enums import Province

OTHER_CITY = "other"


@dataclasses.dataclass(frozen=True)
class Place:
    name: str  # stored, English
    name_ur: str


PROVINCES: dict[Province, Place] = {
    Province.PUNJAB: Place(Province.PUNJAB.value, "پنجاب"),
    Province.SINDH: Place(Province.SINDH.value, "سندھ"),
    Province.KHYBER_PAKHTUNKHWA: Place(Province.KHYBER_PAKHTUNKHWA.value, "خیبر پختونخوا"),
    Province.BALOCHISTAN: Place(Province.BALOCHISTAN.value, "بلوچستان"),
    Province.ISLAMABAD: Place(Province.ISLAMABAD.value, "اسلام آباد وفاقی علاقہ"),
    Province.GILGIT_BALTISTAN: Place(Province.GILGIT_BALTISTAN.value, "گلگت بلتستان"),
    Province.AZAD_KASHMIR: Place(Province.AZAD_KASHMIR.value, "آزاد جموں و کشمیر"),
}


def _cities(*pairs: tuple[str, str]) -> tuple[Place, ...]:
    return tuple(Place(name, name_ur) for name, name_ur in pairs)


CITIES: dict[Province, tuple[Place, ...]] = {
    Province.PUNJAB: _cities(
        ("Lahore", "لاہور"),
        ("Faisalabad", "فیصل آباد"),
        ("Rawalpindi", "راولپنڈی"),
        ("Multan", "ملتان"),
        ("Gujranwala", "گوجرانوالہ"),
        ("Sialkot", "سیالکوٹ"),
        ("Bahawalpur", "بہاولپور"),
        ("Sargodha", "سرگودھا"),
        ("Sheikhupura", "شیخوپورہ"),
        ("Gujrat", "گجرات"),
        ("Sahiwal", "ساہیوال"),
        ("Rahim Yar Khan", "رحیم یار خان"),
        ("Dera Ghazi Khan", "ڈیرہ غازی خان"),
        ("Jhelum", "جہلم"),
    ),
    Province.SINDH: _cities(
        ("Karachi", "کراچی"),
        ("Hyderabad", "حیدرآباد"),
        ("Sukkur", "سکھر"),
        ("Larkana", "لاڑکانہ"),
        ("Nawabshah", "نوابشاہ"),
        ("Mirpur Khas", "میرپور خاص"),
        ("Jacobabad", "جیکب آباد"),
        ("Thatta", "ٹھٹھہ"),
    ),
    Province.KHYBER_PAKHTUNKHWA: _cities(
        ("Peshawar", "پشاور"),
        ("Mardan", "مردان"),
        ("Abbottabad", "ایبٹ آباد"),
        ("Swat", "سوات"),
        ("Kohat", "کوہاٹ"),
        ("Dera Ismail Khan", "ڈیرہ اسماعیل خان"),
        ("Mansehra", "مانسہرہ"),
        ("Bannu", "بنوں"),
    ),
    Province.BALOCHISTAN: _cities(
        ("Quetta", "کوئٹہ"),
        ("Gwadar", "گوادر"),
        ("Turbat", "تربت"),
        ("Khuzdar", "خضدار"),
        ("Sibi", "سبی"),
        ("Zhob", "ژوب"),
    ),
    Province.ISLAMABAD: _cities(
        ("Islamabad", "اسلام آباد"),
    ),
    Province.GILGIT_BALTISTAN: _cities(
        ("Gilgit", "گلگت"),
        ("Skardu", "سکردو"),
        ("Hunza", "ہنزہ"),
        ("Chilas", "چلاس"),
    ),
    Province.AZAD_KASHMIR: _cities(
        ("Muzaffarabad", "مظفرآباد"),
        ("Mirpur", "میرپور"),
        ("Rawalakot", "راولاکوٹ"),
        ("Kotli", "کوٹلی"),
        ("Bagh", "باغ"),
    ),
}


def city_names(province: str) -> tuple[str, ...]:
    """The listed cities of ``province`` (empty for an unknown province)."""
    try:
        return tuple(city.name for city in CITIES[Province(province)])
    except ValueError:
        return ()


def urdu_name(name: str) -> str:
    """The Urdu name of a listed province or city; other names are shown as typed."""
    for province, place in PROVINCES.items():
        if place.name == name:
            return place.name_ur
        for city in CITIES[province]:
            if city.name == name:
                return city.name_ur
    return name


# --- time ------------------------------------------------------------------------------

# Pakistan keeps UTC+5 all year (no daylight saving since 2009): a fixed offset is
# right on every server, with or without a time-zone database.
PAKISTAN_TIME = timezone(timedelta(hours=5), "PKT")


def pakistan_time(moment: datetime | None) -> str:
    """``2026-11-23 14:05 PKT``, as people in Pakistan read a time; "" for none."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(PAKISTAN_TIME).strftime("%Y-%m-%d %H:%M PKT")
