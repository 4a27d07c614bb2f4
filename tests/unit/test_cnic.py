"""CNIC rules: as people type it, what it says, and how it stays private."""

import pytest
from cryptography.fernet import Fernet

from pk_rentals.models.enums import Province
from pk_rentals.services import cnic
from pk_rentals.settings import get_settings


@pytest.fixture(autouse=True)
def _fresh_keys():
    cnic.clear_key_cache()
    yield
    cnic.clear_key_cache()


@pytest.mark.parametrize(
    "typed",
    [
        "3520212345673",
        "35202-1234567-3",
        " 35202 1234567 3 ",
        "35202–1234567–3",  # en dashes from a phone keyboard
        "۳۵۲۰۲۱۲۳۴۵۶۷۳",  # Urdu digits
    ],
)
def test_typed_forms_normalise_to_the_card_format(typed):
    assert cnic.normalize_cnic(typed) == "35202-1234567-3"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "cnic_empty"),
        ("  - ", "cnic_empty"),
        ("35202-123456-3", "cnic_length"),
        ("352021234567301", "cnic_length"),
        ("35202-12345X7-3", "cnic_characters"),
        ("95202-1234567-3", "cnic_region"),
        ("05202-1234567-3", "cnic_region"),
    ],
)
def test_wrong_numbers_say_what_is_wrong(typed, code):
    with pytest.raises(cnic.CnicInvalid) as refused:
        cnic.normalize_cnic(typed)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("number", "province"),
    [
        ("35202-1234567-3", Province.PUNJAB),
        ("42101-1234567-1", Province.SINDH),
        ("17301-1234567-5", Province.KHYBER_PAKHTUNKHWA),
        ("61101-1234567-9", Province.ISLAMABAD),
        ("54400-1234567-2", Province.BALOCHISTAN),
    ],
)
def test_first_digit_gives_the_province(number, province):
    assert cnic.province_of(number) is province


def test_masked_form_shows_only_the_area_and_last_digit():
    assert cnic.mask_cnic("35202-1234567-3") == "35202-*******-3"


def test_ciphertext_hides_the_number_and_decrypts_back():
    token = cnic.encrypt("35202-1234567-3")
    assert "35202" not in token and "1234567" not in token
    assert cnic.encrypt("35202-1234567-3") != token  # randomised
    assert cnic.decrypt(token) == "35202-1234567-3"


def test_blind_index_is_stable_keyed_and_not_the_number():
    index = cnic.blind_index("35202-1234567-3")
    assert index == cnic.blind_index("35202-1234567-3")
    assert index != cnic.blind_index("35202-1234567-5")
    assert "1234567" not in index


def test_blind_index_depends_on_its_key(monkeypatch):
    before = cnic.blind_index("35202-1234567-3")
    monkeypatch.setenv("PK_CNIC_INDEX_KEY", "another-index-key-that-is-long-enough-1234")
    get_settings.cache_clear()
    cnic.clear_key_cache()
    assert cnic.blind_index("35202-1234567-3") != before


def test_key_rotation_keeps_old_ciphertexts_readable(monkeypatch):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("PK_CNIC_KEYS", old_key)
    get_settings.cache_clear()
    cnic.clear_key_cache()
    old_token = cnic.encrypt("35202-1234567-3")

    monkeypatch.setenv("PK_CNIC_KEYS", f"{new_key},{old_key}")
    get_settings.cache_clear()
    cnic.clear_key_cache()
    assert cnic.decrypt(old_token) == "35202-1234567-3"
    rotated = cnic.rotate(old_token)

    monkeypatch.setenv("PK_CNIC_KEYS", new_key)  # the old key retired
    get_settings.cache_clear()
    cnic.clear_key_cache()
    assert cnic.decrypt(rotated) == "35202-1234567-3"
    with pytest.raises(cnic.InvalidToken):
        cnic.decrypt(old_token)
