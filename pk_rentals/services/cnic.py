"""The CNIC: how people type it, what it says, and how it is kept private.

A Pakistani Computerised National Identity Card number is 13 digits written
``#####-#######-#``. The first digit is the province or territory of the
registration; the last is odd for men and even for women. There is no check digit.

Privacy by construction:
- stored only as Fernet ciphertext (``cryptography``), under keys from settings;
  the newest key encrypts, older ones still decrypt, ``rotate`` re-encrypts;
- uniqueness is carried by a keyed hash (HMAC-SHA256, the "blind index"), so the
  database catches a CNIC used twice without holding one in the clear;
- pages show the masked form ``35202-*******-3``; only a moderator's audited
  reveal decrypts it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import re

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pk_rentals.models.enums import Province
from pk_rentals.settings import get_settings

# The registration's province or territory, by the first digit (NADRA's scheme).
PROVINCE_BY_DIGIT: dict[str, Province] = {
    "1": Province.KHYBER_PAKHTUNKHWA,
    "2": Province.KHYBER_PAKHTUNKHWA,  # the former FATA, merged into KP in 2018
    "3": Province.PUNJAB,
    "4": Province.SINDH,
    "5": Province.BALOCHISTAN,
    "6": Province.ISLAMABAD,
    "7": Province.GILGIT_BALTISTAN,
    "8": Province.AZAD_KASHMIR,
}
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.]")
# Urdu and Arabic-Indic digits, as Urdu keyboards type them.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


class CnicInvalid(ValueError):
    """``code``: ``cnic_empty``, ``cnic_length``, ``cnic_characters`` or ``cnic_region``."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


def normalize_cnic(raw: str) -> str:
    """``3520212345673`` or ``35202-1234567-3`` (or Urdu digits) → ``35202-1234567-3``."""
    digits = _SEPARATORS.sub("", (raw or "").translate(_DIGITS))
    if not digits:
        raise CnicInvalid("cnic_empty")
    if not digits.isascii() or not digits.isdigit():
        raise CnicInvalid("cnic_characters")
    if len(digits) != 13:
        raise CnicInvalid("cnic_length")
    if digits[0] not in PROVINCE_BY_DIGIT:
        raise CnicInvalid("cnic_region")
    return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


def province_of(cnic: str) -> Province:
    """The province of registration of a normalised CNIC."""
    return PROVINCE_BY_DIGIT[cnic[0]]


def mask_cnic(cnic: str) -> str:
    """``35202-1234567-3`` → ``35202-*******-3``."""
    return f"{cnic[:5]}-*******-{cnic[-1]}"


# --- keys ------------------------------------------------------------------------------


def new_key() -> str:
    """A fresh Fernet key for PK_CNIC_KEYS."""
    return Fernet.generate_key().decode()


def _derived(purpose: str) -> bytes:
    """A development key derived from PK_SECRET_KEY (production sets its own)."""
    secret = get_settings().secret_key.get_secret_value().encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(
        secret
    )


@functools.cache
def _fernet() -> MultiFernet:
    configured = get_settings().cnic_keys.get_secret_value()
    keys = [k.strip() for k in configured.split(",") if k.strip()]
    if not keys:
        keys = [base64.urlsafe_b64encode(_derived("pk_rentals cnic encryption")).decode()]
    return MultiFernet([Fernet(key) for key in keys])


@functools.cache
def _index_key() -> bytes:
    configured = get_settings().cnic_index_key.get_secret_value()
    return configured.encode() if configured else _derived("pk_rentals cnic blind index")


def clear_key_cache() -> None:
    """Forget the keys (tests and key rotation change the settings)."""
    _fernet.cache_clear()
    _index_key.cache_clear()


# --- at rest ---------------------------------------------------------------------------


def encrypt(cnic: str) -> str:
    return _fernet().encrypt(cnic.encode()).decode()


def decrypt(token: str) -> str:
    """The CNIC; ``InvalidToken`` when no configured key opens it."""
    return _fernet().decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    """The same CNIC encrypted under the newest key."""
    return _fernet().rotate(token.encode()).decode()


def blind_index(cnic: str) -> str:
    """The keyed hash stored for uniqueness; equal CNICs give equal indexes."""
    return hmac.new(_index_key(), cnic.encode(), hashlib.sha256).hexdigest()


__all__ = [
    "CnicInvalid",
    "InvalidToken",
    "blind_index",
    "decrypt",
    "encrypt",
    "mask_cnic",
    "new_key",
    "normalize_cnic",
    "province_of",
    "rotate",
]
