"""Turning the newest drafts and the typed CNIC into a pending submission."""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    MediaKind,
    SubmissionStatus,
    User,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services import cnic as cnic_rules
from pk_rentals.services import security_events
from pk_rentals.services.security_events import Failure
from pk_rentals.services.storage import get_media_store
from pk_rentals.services.verification.common import (
    DRAFT_MAX_AGE,
    SubmissionRefused,
    VerificationStatus,
    _check_email_verified,
    _check_may_submit,
    _newest_drafts,
    _user,
    _verification,
)
from pk_rentals.services.verification.reading import (
    status_of,
)

log = logging.getLogger(__name__)

# --- submitting ------------------------------------------------------------------------


# Refusals that are failed verification attempts (counted, so repeated tries show up
# for moderators), not missing pieces.
FAILED_SUBMISSIONS = frozenset({"cnic_invalid", "cnic_duplicate"})


def submit(
    clerk_user_id: str, cnic_number: str, *, now: datetime | None = None
) -> VerificationStatus:
    """Create a pending submission from the CNIC and the newest drafts."""
    try:
        return _submit(clerk_user_id, cnic_number, now=now)
    except SubmissionRefused as refused:
        if refused.code in FAILED_SUBMISSIONS:
            security_events.record(
                Failure.ID_SUBMISSION_REJECTED, clerk_user_id=clerk_user_id, reason=refused.code
            )
        raise


def _submit(clerk_user_id: str, cnic_number: str, *, now: datetime | None) -> VerificationStatus:
    now = now or utcnow()
    with db.session() as session:
        user = _user(session, clerk_user_id)
        _check_email_verified(session, user, SubmissionRefused)
    try:
        cnic = cnic_rules.normalize_cnic(cnic_number)
    except cnic_rules.CnicInvalid:
        raise SubmissionRefused("cnic_invalid") from None
    with db.session() as session:
        user = _user(session, clerk_user_id)
        if user.profile_completed_at is None:
            raise SubmissionRefused("profile_incomplete", 403)
        attempts = _check_may_submit(session, user, SubmissionRefused)
        drafts = _newest_drafts(session, user)
        for kind in MediaKind:
            stale = kind in drafts and now - as_utc(drafts[kind].received_at) > DRAFT_MAX_AGE
            if kind is MediaKind.SELFIE and stale:
                raise SubmissionRefused("selfie_stale")
            if kind not in drafts or stale:
                raise SubmissionRefused(f"missing_{kind.value}")
        index = cnic_rules.blind_index(cnic)
        verification = _verification(session, user)
        owner = _cnic_owner(session, index, user)
        if owner is not None:
            _record_duplicate(session, user, owner, now)
            raise SubmissionRefused("cnic_duplicate", 409)
        province = cnic_rules.province_of(cnic).value
        selfie = drafts[MediaKind.SELFIE]
        encrypted = cnic_rules.encrypt(cnic)
        submission = VerificationSubmission(
            user_id=user.id,
            attempt=attempts + 1,
            cnic_encrypted=encrypted,
            cnic_index=index,
            cnic_masked=cnic_rules.mask_cnic(cnic),
            cnic_province=province,
            profile_province=user.province or None,
            cnic_front_ref=drafts[MediaKind.CNIC_FRONT].ref,
            cnic_back_ref=drafts[MediaKind.CNIC_BACK].ref,
            selfie_ref=selfie.ref,
            selfie_received_at=selfie.received_at,
            selfie_bytes=selfie.bytes,
            flag_province_mismatch=bool(user.province) and user.province != province,
            flag_duplicate_cnic=_tried_someone_elses_cnic(session, user),
            selfie_age_seconds=int((now - as_utc(selfie.received_at)).total_seconds()),
            submitted_at=now,
        )
        # The claim on the CNIC: a unique blind index, so two accounts cannot both hold it.
        verification.cnic_number = encrypted
        verification.cnic_index = index
        verification.cnic_masked = submission.cnic_masked
        session.add_all([submission, verification])
        try:
            session.flush()
        except IntegrityError:
            # Another account claimed the CNIC a moment ago, or another tab of this
            # person sent first: the database keeps one pending submission per person.
            session.rollback()
            user = _user(session, clerk_user_id)
            owner = _cnic_owner(session, index, user)
            if owner is None:
                raise SubmissionRefused("already_pending", 409) from None
            _record_duplicate(session, user, owner, now)
            raise SubmissionRefused("cnic_duplicate", 409) from None
        _discard_drafts(session, user, keep={d.ref for d in drafts.values()})
        session.commit()
        log.info("verification submitted: attempt %s", submission.attempt)
    return status_of(clerk_user_id)


def _cnic_owner(session: Session, index: str, user: User) -> UserVerification | None:
    return session.exec(
        select(UserVerification).where(
            UserVerification.cnic_index == index, UserVerification.user_id != user.id
        )
    ).first()


def _record_duplicate(session: Session, user: User, owner: UserVerification, now) -> None:
    """Flag both accounts for moderators: an audit row, and the owner's pending submission."""
    session.add(
        AuditEntry(at=now, action=AuditAction.DUPLICATE_CNIC, actor_id=user.id, subject_id=user.id)
    )
    session.add(
        AuditEntry(
            at=now, action=AuditAction.DUPLICATE_CNIC, actor_id=user.id, subject_id=owner.user_id
        )
    )
    session.execute(
        sa.update(VerificationSubmission)
        .where(
            VerificationSubmission.user_id == owner.user_id,
            VerificationSubmission.status == SubmissionStatus.PENDING,
        )
        .values(flag_duplicate_cnic=True)
    )
    session.commit()


def _tried_someone_elses_cnic(session: Session, user: User) -> bool:
    return (
        session.exec(
            select(AuditEntry.id).where(
                AuditEntry.action == AuditAction.DUPLICATE_CNIC,
                AuditEntry.subject_id == user.id,
            )
        ).first()
        is not None
    )


def _discard_drafts(session: Session, user: User, keep: set[str]) -> None:
    """Drafts are spent by a submission; images not in it are deleted."""
    store = get_media_store()
    for row in session.exec(
        select(VerificationUpload).where(VerificationUpload.user_id == user.id)
    ).all():
        if row.ref not in keep:
            store.delete(row.ref)
        session.delete(row)
