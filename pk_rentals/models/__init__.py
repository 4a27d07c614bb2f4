"""SQLModel tables. Importing this package registers every table on ``SQLModel.metadata``."""

from pk_rentals.models.documents import DocumentCheck, DocumentOutcome
from pk_rentals.models.enums import (
    AuditAction,
    FaceBand,
    FaceCheckStatus,
    Language,
    MediaKind,
    Province,
    Role,
    SubmissionStatus,
    Theme,
    VerificationLevel,
)
from pk_rentals.models.faces import FaceCheck
from pk_rentals.models.identity import AuthSession, ClerkUserTombstone, ProcessedWebhook
from pk_rentals.models.jobs import JobLock, JobRun
from pk_rentals.models.preferences import UserPreferences
from pk_rentals.models.security import SecurityEvent
from pk_rentals.models.user import User
from pk_rentals.models.verification import (
    AuditEntry,
    SelfieCode,
    UploadAttempt,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)

__all__ = [
    "AuditAction",
    "AuditEntry",
    "AuthSession",
    "ClerkUserTombstone",
    "DocumentCheck",
    "DocumentOutcome",
    "FaceBand",
    "FaceCheck",
    "FaceCheckStatus",
    "JobLock",
    "JobRun",
    "Language",
    "MediaKind",
    "ProcessedWebhook",
    "Province",
    "Role",
    "SecurityEvent",
    "SelfieCode",
    "SubmissionStatus",
    "Theme",
    "UploadAttempt",
    "User",
    "UserPreferences",
    "UserVerification",
    "VerificationLevel",
    "VerificationSubmission",
    "VerificationUpload",
]
