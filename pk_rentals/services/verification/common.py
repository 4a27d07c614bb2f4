"""What the verification modules share: its vocabulary, errors, results and the
lookups every step starts from."""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from pk_rentals.models import (
    MediaKind,
    SubmissionStatus,
    User,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.models.base import as_utc
from pk_rentals.services.identity.accounts import find_user
from pk_rentals.services.storage import get_media_store
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)

# The one-time code: unambiguous capitals and digits (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
# Drafts older than this are not used for a submission.
DRAFT_MAX_AGE = timedelta(hours=24)

# Why a moderator rejects or asks again; text in i18n as rejection.<code>(.todo).
REJECTION_REASONS = (
    "selfie_unclear",
    "selfie_not_live",
    "face_mismatch",
    "cnic_unreadable",
    "cnic_expired",
    "cnic_number_mismatch",
    "other",
)


# --- errors ----------------------------------------------------------------------------


class VerificationError(Exception):
    """A refusal the user can act on: ``code`` names the message, ``http_status`` the API
    answer."""

    http_status = 422

    def __init__(self, code: str, http_status: int | None = None):
        self.code = code
        if http_status is not None:
            self.http_status = http_status
        super().__init__(code)


class UploadRefused(VerificationError):
    """An image or code refused: ``email_unverified``, ``code_invalid``, ``code_expired``,
    ``code_used``, ``rate_limited``, an image reason from services/images.py, or a state below."""


class SubmissionRefused(VerificationError):
    """``email_unverified``, ``cnic_invalid``, ``cnic_duplicate``, ``missing_cnic_front``,
    ``missing_cnic_back``, ``missing_selfie``, ``selfie_stale``, ``already_pending``,
    ``already_verified``, ``no_resubmissions_left``, ``profile_incomplete``."""


def answered_by_upload(refusal: str) -> bool:
    """Whether a new upload answers a refusal: a missing photo, or a selfie too old to
    send (the page stops showing it once the person has uploaded again)."""
    return refusal.startswith("missing_") or refusal == "selfie_stale"


def number_corrected(card_problems: list[str], *, typed: str, read_for: str) -> bool:
    """Whether the typed number answers the card's "number differs" nudge: it is no
    longer the number typed when the card was read, so the person corrected it. Their
    word is taken (the moderator still sees the card's number if it differs)."""
    return typed != read_for and "card_number_differs" in card_problems


# --- results ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class IssuedCode:
    code: str
    expires_at: datetime


@dataclasses.dataclass(frozen=True)
class DraftUpload:
    upload_id: str
    kind: str
    width: int
    height: int
    bytes: int
    received_at: datetime
    preview_url: str

    def as_json(self) -> dict:
        return {**dataclasses.asdict(self), "received_at": self.received_at.isoformat()}


@dataclasses.dataclass(frozen=True)
class VerificationStatus:
    level: str
    state: str  # "none" or a SubmissionStatus value (of the newest submission)
    reason_code: str | None
    note: str | None
    resubmissions_left: int
    can_submit: bool
    submitted_at: datetime | None
    decided_at: datetime | None
    cnic_masked: str | None
    drafts: dict[str, DraftUpload]
    email_verified: bool = True  # False: nothing can be sent until the email is verified

    @property
    def needs_selfie_code(self) -> bool:
        """The camera gets a code while the person may send and has no selfie kept yet
        (a kept selfie is sent as it is, unless it is too old by then)."""
        return self.email_verified and self.can_submit and "selfie" not in self.drafts

    def as_json(self) -> dict:
        return {
            "level": self.level,
            "email_verified": self.email_verified,
            "state": self.state,
            "reason_code": self.reason_code,
            "note": self.note,
            "resubmissions_left": self.resubmissions_left,
            "can_submit": self.can_submit,
            "submitted_at": self.submitted_at.isoformat() if self.submitted_at else None,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "cnic_masked": self.cnic_masked,
            "drafts": {kind: draft.as_json() for kind, draft in self.drafts.items()},
        }


def _kind(kind: MediaKind | str) -> MediaKind:
    try:
        return MediaKind(kind)
    except ValueError:
        raise UploadRefused("unknown_kind", 404) from None


def _draft_view(upload: VerificationUpload) -> DraftUpload:
    return DraftUpload(
        upload_id=str(upload.id),
        kind=MediaKind(upload.kind).value,
        width=upload.width,
        height=upload.height,
        bytes=upload.bytes,
        received_at=as_utc(upload.received_at),
        preview_url=signed_url(upload.ref),
    )


def signed_url(ref: str) -> str:
    """A short-lived URL for an image; call only after checking who is asking."""
    return get_media_store().signed_url(ref, ttl_seconds=get_settings().media_url_seconds)


def _newest_drafts(session: Session, user: User) -> dict[MediaKind, VerificationUpload]:
    rows = session.exec(
        select(VerificationUpload)
        .where(VerificationUpload.user_id == user.id)
        .order_by(VerificationUpload.received_at.desc())
    ).all()
    newest: dict[MediaKind, VerificationUpload] = {}
    for row in rows:
        newest.setdefault(MediaKind(row.kind), row)
    return newest


def _check_email_verified(session: Session, user: User, error: type[VerificationError]) -> None:
    """ID verification is a sensitive feature: it waits for a verified email, the way
    we reach the person about it (``user_verifications.email_verified``, synced from
    Clerk)."""
    if not _verification(session, user).email_verified:
        raise error("email_unverified", 403)


def _check_may_submit(session: Session, user: User, error: type[VerificationError]) -> int:
    """The number of earlier submissions, or raise when no new one is allowed."""
    newest = _newest_submission(session, user)
    if newest is not None and newest.status == SubmissionStatus.PENDING:
        raise error("already_pending", 409)
    if newest is not None and newest.status == SubmissionStatus.APPROVED:
        raise error("already_verified", 409)
    attempts = _attempts(session, user)
    if attempts > get_settings().max_resubmissions:
        raise error("no_resubmissions_left", 403)
    return attempts


def _newest_submission(session: Session, user: User) -> VerificationSubmission | None:
    return session.exec(
        select(VerificationSubmission)
        .where(VerificationSubmission.user_id == user.id)
        .order_by(VerificationSubmission.submitted_at.desc(), VerificationSubmission.attempt.desc())
    ).first()


def _attempts(session: Session, user: User) -> int:
    return session.exec(
        select(sa.func.count())
        .select_from(VerificationSubmission)
        .where(VerificationSubmission.user_id == user.id)
    ).one()


def _user(session: Session, clerk_user_id: str) -> User:
    user = find_user(session, clerk_user_id)
    if user is None:
        raise VerificationError("no_account", 403)
    return user


def _verification(session: Session, user: User) -> UserVerification:
    return session.exec(select(UserVerification).where(UserVerification.user_id == user.id)).one()
