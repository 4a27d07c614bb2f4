"""Looking up a message in one language."""

from __future__ import annotations

from pk_rentals.i18n.catalogue import MESSAGES


def text(key: str, language_code: str) -> str:
    """The message in ``language_code`` (``ur`` or ``en``); a missing key is a bug."""
    return MESSAGES[key][language_code]
