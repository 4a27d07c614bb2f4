"""One submission in detail: earlier attempts, the face and card checks, signed image URLs."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    DocumentCheck,
    FaceCheck,
    User,
    UserVerification,
    VerificationSubmission,
)
from pk_rentals.models.base import as_utc
from pk_rentals.services.moderation.access import NotFound, require_moderator
from pk_rentals.services.moderation.queue_pages import (
    bound_values,
    flagged_accounts,
    flags_of,
    from_row,
)
from pk_rentals.services.verification import signed_url


@dataclasses.dataclass(frozen=True)
class EarlierAttempt:
    attempt: int
    status: str
    reason_code: str | None
    submitted_at: datetime


@dataclasses.dataclass(frozen=True)
class FaceSummary:
    """What the face checks found, for the detail view (no descriptors exist here)."""

    status: str  # FaceCheckStatus
    problem: str | None
    checked_at: datetime
    model: str
    thresholds: str
    seconds: float | None
    selfie_faces: int | None
    cnic_faces: int | None
    distance: float | None
    band: str | None
    selfie_blur: float | None
    selfie_brightness: float | None
    cnic_blur: float | None
    cnic_brightness: float | None
    selfie_boxes: list[list[float]]
    cnic_boxes: list[list[float]]

    @classmethod
    def of(cls, check: FaceCheck) -> FaceSummary:
        return from_row(
            cls,
            check,
            checked_at=as_utc(check.checked_at),
            selfie_boxes=list(check.selfie_boxes or []),
            cnic_boxes=list(check.cnic_boxes or []),
        )


@dataclasses.dataclass(frozen=True)
class DocumentSummary:
    """What the card front says (masked number, dates), for the detail view."""

    outcome: str  # DocumentOutcome
    read_masked: str | None
    expiry: date | None
    issue: date | None
    birth: date | None
    confidence: float | None
    engine: str

    @classmethod
    def of(cls, check: DocumentCheck) -> DocumentSummary:
        return from_row(cls, check)


@dataclasses.dataclass(frozen=True)
class SubmissionDetail:
    id: str
    status: str
    attempt: int
    submitted_at: datetime
    decided_at: datetime | None
    decided_by: str | None
    reason_code: str | None
    note: str | None
    cnic_masked: str
    cnic_province: str | None
    profile_province: str | None
    flags: tuple[str, ...]
    selfie_age_seconds: int
    selfie_url: str
    cnic_front_url: str
    cnic_back_url: str
    # The person, as the profile shows them.
    user_id: str
    display_name: str
    city: str
    area: str | None
    phone_verified: bool
    level: str
    member_since: datetime
    earlier: list[EarlierAttempt]
    faces: FaceSummary | None = None  # None: not checked yet
    document: DocumentSummary | None = None  # None: the card front not read yet
    # The retention job deleted the images (the URLs are then empty).
    images_purged: bool = False


def staff_name(user) -> sa.ColumnElement[str]:
    """How a moderator is named to other moderators: their display name, or their
    email when they never set up a renter profile (staff need not have one)."""
    return sa.func.coalesce(sa.func.nullif(user.display_name, ""), user.clerk_email, "")


def detail_statement(submission_id: uuid.UUID):
    decider = aliased(User)
    return (
        select(
            VerificationSubmission,
            User,
            UserVerification.phone_verified,
            UserVerification.verification_level,
            staff_name(decider),
            FaceCheck,
            DocumentCheck,
            User.clerk_user_id.in_(flagged_accounts()).label("security_flag"),
        )
        .join(User, User.id == VerificationSubmission.user_id)
        .join(UserVerification, UserVerification.user_id == User.id)
        .outerjoin(decider, decider.id == VerificationSubmission.decided_by)
        .outerjoin(FaceCheck, FaceCheck.submission_id == VerificationSubmission.id)
        .outerjoin(DocumentCheck, DocumentCheck.submission_id == VerificationSubmission.id)
        .where(VerificationSubmission.id == submission_id)
    )


def detail(moderator_clerk_id: str, submission_id: str) -> SubmissionDetail:
    key = submission_key(submission_id)
    with db.session() as session:
        require_moderator(session, moderator_clerk_id)
        found = session.exec(detail_statement(key), params=bound_values()).first()
        if found is None:
            raise NotFound(submission_id)
        row, user, phone_verified, level, decided_by, check, document, security_flag = found
        earlier = session.exec(
            select(VerificationSubmission)
            .where(VerificationSubmission.user_id == user.id, VerificationSubmission.id != row.id)
            .order_by(VerificationSubmission.attempt)
        ).all()
        return SubmissionDetail(
            id=str(row.id),
            status=row.status,
            attempt=row.attempt,
            submitted_at=as_utc(row.submitted_at),
            decided_at=as_utc(row.decided_at) if row.decided_at else None,
            decided_by=decided_by,
            reason_code=row.reason_code,
            note=row.note,
            cnic_masked=row.cnic_masked,
            cnic_province=row.cnic_province,
            profile_province=row.profile_province,
            flags=flags_of(
                row,
                check and check.status,
                check,
                bool(security_flag),
                (document.outcome, document.expiry) if document else (None, None),
            ),
            selfie_age_seconds=row.selfie_age_seconds,
            selfie_url=_image_url(row, row.selfie_ref),
            cnic_front_url=_image_url(row, row.cnic_front_ref),
            cnic_back_url=_image_url(row, row.cnic_back_ref),
            user_id=str(user.id),
            display_name=user.display_name,
            city=user.city,
            area=user.area,
            phone_verified=phone_verified,
            level=level,
            member_since=as_utc(user.created_at),
            earlier=[
                EarlierAttempt(e.attempt, e.status, e.reason_code, as_utc(e.submitted_at))
                for e in earlier
            ],
            faces=FaceSummary.of(check) if check is not None else None,
            document=DocumentSummary.of(document) if document is not None else None,
            images_purged=row.images_purged_at is not None,
        )


def _image_url(row: VerificationSubmission, ref: str) -> str:
    """A signed URL, or "" once the retention job deleted the submission's images."""
    return "" if row.images_purged_at is not None else signed_url(ref)


def submission_key(submission_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(submission_id))
    except ValueError:
        raise NotFound(submission_id) from None
