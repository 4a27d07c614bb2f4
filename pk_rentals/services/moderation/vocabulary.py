"""The moderation vocabulary: decisions, their outcomes and the queue's flags."""

from __future__ import annotations

import enum
from datetime import timedelta

from pk_rentals.models import (
    AuditAction,
    DocumentOutcome,
    SubmissionStatus,
)


class Decision(enum.StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_RESUBMISSION = "request_resubmission"


OUTCOME = {
    Decision.APPROVE: SubmissionStatus.APPROVED,
    Decision.REJECT: SubmissionStatus.REJECTED,
    Decision.REQUEST_RESUBMISSION: SubmissionStatus.RESUBMISSION_REQUESTED,
}
AUDIT_ACTION = {
    Decision.APPROVE: AuditAction.APPROVE,
    Decision.REJECT: AuditAction.REJECT,
    Decision.REQUEST_RESUBMISSION: AuditAction.REQUEST_RESUBMISSION,
}


class Flag(enum.StrEnum):
    PROVINCE_MISMATCH = "province_mismatch"
    DUPLICATE_CNIC = "duplicate_cnic"
    SELFIE_AGE = "selfie_age"
    # The automatic face checks (services/faces): aids, never decisions.
    NO_FACE = "no_face"
    SEVERAL_FACES = "several_faces"
    NO_FACE_ON_CNIC = "no_face_on_cnic"
    FACES_DIFFER = "faces_differ"
    BLURRY = "blurry"
    TOO_DARK = "too_dark"
    CHECKS_UNAVAILABLE = "checks_unavailable"
    # The card front read offline (services/documents): aids, never decisions.
    CARD_NUMBER_DIFFERS = "card_number_differs"
    CARD_EXPIRED = "card_expired"  # expired, or expires within EXPIRY_WARNING
    CARD_UNREADABLE = "card_unreadable"
    NOT_A_CNIC = "not_a_cnic"

    SECURITY = "security"  # the account's failed attempts in 24 h reached the threshold


# Face flags, each a boolean column of face_checks.
FACE_FLAG_COLUMNS = {
    Flag.NO_FACE: "flag_no_face",
    Flag.SEVERAL_FACES: "flag_several_faces",
    Flag.NO_FACE_ON_CNIC: "flag_no_face_on_cnic",
    Flag.FACES_DIFFER: "flag_faces_differ",
    Flag.BLURRY: "flag_blurry",
    Flag.TOO_DARK: "flag_too_dark",
}

# Document flags that are one outcome of document_checks.
DOCUMENT_FLAG_OUTCOMES = {
    Flag.CARD_NUMBER_DIFFERS: DocumentOutcome.MISMATCH,
    Flag.CARD_UNREADABLE: DocumentOutcome.UNREADABLE,
    Flag.NOT_A_CNIC: DocumentOutcome.NOT_CNIC,
}
# A card that expires this soon is flagged with the expired ones: the person would
# need a new one almost at once.
EXPIRY_WARNING = timedelta(days=30)
