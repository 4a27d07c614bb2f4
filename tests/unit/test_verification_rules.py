"""The /verify page's small rules, decided by the verification service."""

from datetime import UTC, datetime

from pk_rentals.services.verification import (
    DraftUpload,
    VerificationStatus,
    answered_by_upload,
    number_corrected,
)


def _status(**changes) -> VerificationStatus:
    fields = {
        "level": "unverified",
        "state": "none",
        "reason_code": None,
        "note": None,
        "resubmissions_left": 3,
        "can_submit": True,
        "submitted_at": None,
        "decided_at": None,
        "cnic_masked": None,
        "drafts": {},
        "email_verified": True,
    }
    return VerificationStatus(**(fields | changes))


def _selfie() -> DraftUpload:
    now = datetime.now(UTC)
    return DraftUpload("u1", "selfie", 640, 480, 1000, now, "https://media.example/s")


def test_the_camera_gets_a_code_only_while_a_selfie_may_still_be_sent():
    assert _status().needs_selfie_code
    assert not _status(drafts={"selfie": _selfie()}).needs_selfie_code
    assert not _status(can_submit=False).needs_selfie_code
    assert not _status(email_verified=False).needs_selfie_code


def test_a_new_upload_answers_a_missing_photo_or_a_stale_selfie_only():
    assert answered_by_upload("missing_selfie")
    assert answered_by_upload("missing_cnic_front")
    assert answered_by_upload("selfie_stale")
    assert not answered_by_upload("cnic_duplicate")
    assert not answered_by_upload("")


def test_the_card_number_nudge_goes_once_the_typed_number_is_changed():
    differs = ["card_number_differs"]
    assert number_corrected(differs, typed="3520212345671", read_for="3520212345679")
    assert not number_corrected(differs, typed="3520212345679", read_for="3520212345679")
    assert not number_corrected(["card_unreadable"], typed="1", read_for="2")
    assert not number_corrected([], typed="1", read_for="2")
