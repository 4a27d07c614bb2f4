"""SQLModel tables. Importing this package registers every table on ``SQLModel.metadata``."""

from pk_rentals.models.enums import Language, Province, Theme, VerificationLevel
from pk_rentals.models.identity import AuthSession, ClerkUserTombstone, ProcessedWebhook
from pk_rentals.models.preferences import UserPreferences
from pk_rentals.models.user import User
from pk_rentals.models.verification import UserVerification

__all__ = [
    "AuthSession",
    "ClerkUserTombstone",
    "Language",
    "ProcessedWebhook",
    "Province",
    "Theme",
    "User",
    "UserPreferences",
    "UserVerification",
    "VerificationLevel",
]
