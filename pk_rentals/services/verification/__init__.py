"""CNIC + live selfie verification, the user's side (the lifecycle: sign up → profile
→ verification → a moderator's review).

1. The page asks for a one-time code (``issue_selfie_code``) and burns it into
   the live selfie; each image is uploaded on its own (``receive_upload``) and kept
   as a draft, checked and re-encoded (services/images.py), in private storage.
2. ``submit`` turns the newest draft of each kind and the CNIC into a pending
   submission, with flags for moderators (province, duplicate, selfie age).
3. Moderators decide it (services/moderation); ``status_of`` tells the user.

No Reflex here: states and API routes call these functions in a thread.
"""

from pk_rentals.services.verification.codes import LIVE_CODES_PER_USER, issue_selfie_code
from pk_rentals.services.verification.common import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DRAFT_MAX_AGE,
    REJECTION_REASONS,
    DraftUpload,
    IssuedCode,
    SubmissionRefused,
    UploadRefused,
    VerificationError,
    VerificationStatus,
    answered_by_upload,
    number_corrected,
    signed_url,
)
from pk_rentals.services.verification.keys import rotate_cnic_encryption
from pk_rentals.services.verification.reading import status_of
from pk_rentals.services.verification.submitting import FAILED_SUBMISSIONS, submit
from pk_rentals.services.verification.uploads import SELFIE_CODE_REFUSALS, receive_upload

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "DRAFT_MAX_AGE",
    "FAILED_SUBMISSIONS",
    "LIVE_CODES_PER_USER",
    "REJECTION_REASONS",
    "SELFIE_CODE_REFUSALS",
    "DraftUpload",
    "IssuedCode",
    "SubmissionRefused",
    "UploadRefused",
    "VerificationError",
    "VerificationStatus",
    "answered_by_upload",
    "issue_selfie_code",
    "number_corrected",
    "receive_upload",
    "rotate_cnic_encryption",
    "signed_url",
    "status_of",
    "submit",
]
