"""User-facing text in Urdu and English, keyed by message id.

Urdu is the default language (a new user's ``preferred_language`` is Urdu).
Every sentence a user reads lives in ``catalogue/``, one module per feature.
"""

from pk_rentals.i18n.catalogue import MESSAGES
from pk_rentals.i18n.clerk import CLERK_URDU
from pk_rentals.i18n.lookup import text

__all__ = ["CLERK_URDU", "MESSAGES", "text"]
