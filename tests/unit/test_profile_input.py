"""What people may type into the profile form, and what is stored from it."""

import pytest

from pk_rentals.i18n import MESSAGES
from pk_rentals.models import Language
from pk_rentals.services.profile import (
    PROBLEMS,
    ProfileInvalid,
    city_menu_choice,
    display_mobile,
    is_city_name,
    listed_city,
    normalize_mobile,
    parse_profile,
    typed_city,
)

GOOD = {
    "display_name": "Ayesha Khan",
    "phone": "0300-1234567",
    "province": "Punjab",
    "city": "Lahore",
    "area": "DHA Phase 5",
    "bio": "Landlord in Lahore.",
    "preferred_language": "urdu",
}


def problems(**changes) -> dict[str, str]:
    with pytest.raises(ProfileInvalid) as error:
        parse_profile(GOOD | changes)
    return error.value.problems


@pytest.mark.parametrize(
    "typed",
    [
        "03001234567",
        "0300-1234567",
        "+92 300 1234567",
        "+923001234567",
        "923001234567",
        " 0300 123 4567 ",
        "+92-300-1234567",
        "(0300) 1234567",
    ],
)
def test_the_forms_people_type_become_e164(typed):
    assert normalize_mobile(typed) == "+923001234567"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "0300",  # too short
        "030012345678",  # too long
        "042-35761234",  # a Lahore landline, not a mobile
        "+44 7700 900123",  # a UK mobile
        "+1 202 555 0143",
        "phone",
        "0300-1234567" + "9" * 40,  # longer than any phone number
        "\u0660\u0663\u0660\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667x",  # Arabic digits + x
    ],
)
def test_anything_but_a_pakistani_mobile_is_refused(typed):
    with pytest.raises(ValueError):
        normalize_mobile(typed)


def test_urdu_digits_are_read_as_a_number():
    assert normalize_mobile("۰۳۰۰۱۲۳۴۵۶۷") == "+923001234567"


def test_display_form_of_a_stored_number():
    assert display_mobile("+923001234567") == "+92 300 1234567"
    assert display_mobile(None) == ""


def test_a_good_form_is_cleaned_and_kept():
    profile = parse_profile(
        GOOD | {"display_name": "  Ayesha   Khan ", "bio": "  Hi\r\n\r\n\r\nthere "}
    )
    assert profile.display_name == "Ayesha Khan"
    assert profile.phone == "+923001234567"
    assert profile.bio == "Hi\n\nthere"
    assert profile.preferred_language is Language.URDU


def test_an_urdu_name_and_no_optional_fields():
    profile = parse_profile(GOOD | {"display_name": "عائشہ خان", "area": "", "bio": " "})
    assert profile.display_name == "عائشہ خان"
    assert (profile.area, profile.bio) == (None, None)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("", "form.name.required"),
        ("   ", "form.name.required"),
        ("A", "form.name.length"),
        ("A" * 51, "form.name.length"),
        ("<script>alert(1)</script>", "form.name.markup"),
        ("12345", "form.name.letters"),
    ],
)
def test_bad_names(name, key):
    assert problems(display_name=name) == {"display_name": key}


def test_a_fifty_character_name_is_fine():
    assert parse_profile(GOOD | {"display_name": "A" * 50}).display_name == "A" * 50


def test_direction_overrides_and_control_characters_are_removed():
    profile = parse_profile(GOOD | {"display_name": "Ali\u202e\x00 Raza"})
    assert profile.display_name == "Ali Raza"


def test_every_bad_field_is_reported_at_once():
    found = problems(display_name="", phone="123", province="Texas", bio="x" * 501)
    assert found == {
        "display_name": "form.name.required",
        "phone": "form.phone.invalid",
        "province": "form.province.required",
        "bio": "form.bio.length",
    }


def test_missing_phone_says_required():
    assert problems(phone=" ") == {"phone": "form.phone.required"}


def test_a_city_must_belong_to_the_province():
    assert problems(province="Sindh", city="Lahore") == {"city": "form.city.required"}
    assert parse_profile(GOOD | {"province": "Sindh", "city": "Karachi"}).city == "Karachi"


def test_another_city_is_typed_in():
    profile = parse_profile(GOOD | {"city": "other", "city_other": "Chiniot"})
    assert profile.city == "Chiniot"
    assert problems(city="other", city_other="") == {"city_other": "form.city_other.invalid"}


def test_a_listed_city_is_found_in_any_case_and_spelled_as_the_list_spells_it():
    assert listed_city("Punjab", "lahore") == "Lahore"
    assert listed_city("Sindh", "Lahore") is None
    assert listed_city(None, "Lahore") is None
    assert problems(city="lahore") == {"city": "form.city.required"}  # the menu sends "Lahore"


def test_a_city_the_list_misses_is_kept_when_it_reads_as_a_name():
    assert is_city_name("Chiniot")
    assert not is_city_name("C")
    assert not is_city_name("x" * 51)
    assert not is_city_name("<b>Chiniot</b>")


def test_the_form_starts_a_typed_city_under_other_and_a_listed_one_in_the_menu():
    assert (city_menu_choice("Punjab", "Lahore"), typed_city("Punjab", "Lahore")) == ("Lahore", "")
    assert (city_menu_choice("Punjab", "Chiniot"), typed_city("Punjab", "Chiniot")) == (
        "other",
        "Chiniot",
    )
    assert (city_menu_choice("Punjab", ""), typed_city("Punjab", None)) == ("", "")


def test_bio_of_500_is_fine_and_html_in_it_is_kept_as_text():
    assert len(parse_profile(GOOD | {"bio": "x" * 500}).bio) == 500
    assert parse_profile(GOOD | {"bio": "<b>hi</b>"}).bio == "<b>hi</b>"  # shown escaped


def test_unknown_language_is_refused():
    assert problems(preferred_language="french") == {"preferred_language": "form.language.invalid"}


def test_every_problem_has_urdu_and_english_text():
    for key in PROBLEMS:
        assert MESSAGES[key]["en"] and MESSAGES[key]["ur"], key
