"""Deciding a submission, the audited CNIC reveal and the trusted grant.

A decision is one conditional UPDATE: of two moderators deciding the same
submission, the second learns who was first.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    SubmissionStatus,
    User,
    UserVerification,
    VerificationSubmission,
)
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services import cnic as cnic_rules
from pk_rentals.services import security_events
from pk_rentals.services.levels import apply_level
from pk_rentals.services.moderation.access import (
    AlreadyDecided,
    DecisionInvalid,
    NotFound,
    require_moderator,
)
from pk_rentals.services.moderation.submission import staff_name, submission_key
from pk_rentals.services.moderation.vocabulary import AUDIT_ACTION, OUTCOME, Decision
from pk_rentals.services.security_events import Failure
from pk_rentals.services.verification import REJECTION_REASONS

NOTE_MAX = 500


@dataclasses.dataclass(frozen=True)
class DecisionResult:
    status: str
    level_before: str
    level_after: str


def decide(
    moderator_clerk_id: str,
    submission_id: str,
    decision: Decision | str,
    *,
    reason_code: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> DecisionResult:
    """Approve, reject or ask again; raises ``AlreadyDecided`` if someone was first."""
    now = now or utcnow()
    decision = Decision(decision)
    note = (note or "").strip() or None
    if decision is not Decision.APPROVE and not reason_code:
        raise DecisionInvalid("reason_required")
    if reason_code and reason_code not in REJECTION_REASONS:
        raise DecisionInvalid("reason_unknown")
    if note and len(note) > NOTE_MAX:
        raise DecisionInvalid("note_too_long")
    if decision is Decision.APPROVE:
        reason_code = None
    key = submission_key(submission_id)
    status = OUTCOME[decision]
    with db.session() as session:
        moderator = require_moderator(session, moderator_clerk_id)
        decided = session.execute(
            sa.update(VerificationSubmission)
            .where(
                VerificationSubmission.id == key,
                VerificationSubmission.status == SubmissionStatus.PENDING,
                # Nobody verifies themselves, whatever their role.
                VerificationSubmission.user_id != moderator.id,
            )
            .values(
                status=status,
                decided_at=now,
                decided_by=moderator.id,
                reason_code=reason_code,
                note=note,
            )
        )
        if decided.rowcount != 1:
            session.rollback()
            _raise_not_decidable(session, key, moderator)
        row = session.get(VerificationSubmission, key)
        user = session.get(User, row.user_id)
        verification = session.exec(
            select(UserVerification).where(UserVerification.user_id == user.id)
        ).one()
        if decision is Decision.APPROVE:
            verification.verified_at = now
            verification.verified_by = moderator.id
            verification.verification_selfie_verified = True
            verification.verification_selfie_url = row.selfie_ref
            verification.verification_selfie_timestamp = row.selfie_received_at
            verification.cnic_front_url = row.cnic_front_ref
            verification.cnic_back_url = row.cnic_back_ref
            verification.rejection_reason = None
        else:
            verification.rejection_reason = reason_code
        if decision is Decision.REJECT and verification.verified_at is None:
            # A rejected CNIC is released: if it was someone else's card, its real
            # owner must be able to use it. A resubmission claims it again.
            verification.cnic_number = verification.cnic_index = None
            verification.cnic_masked = None
        before, after = apply_level(user, verification, now)
        session.add(verification)
        session.add(
            AuditEntry(
                at=now,
                action=AUDIT_ACTION[decision],
                actor_id=moderator.id,
                subject_id=user.id,
                submission_id=row.id,
                level_before=before.value,
                level_after=after.value,
                reason_code=reason_code,
                note=note,
            )
        )
        session.commit()
        subject = user.clerk_user_id
    if decision is Decision.REJECT:  # a rejection counts as a failed attempt
        security_events.record(
            Failure.ID_SUBMISSION_REJECTED, clerk_user_id=subject, reason=reason_code
        )
    return DecisionResult(status.value, before.value, after.value)


def _raise_not_decidable(session: Session, key: uuid.UUID, moderator: sa.Row):
    found = session.exec(
        select(VerificationSubmission, staff_name(User))
        .outerjoin(User, User.id == VerificationSubmission.decided_by)
        .where(VerificationSubmission.id == key)
    ).first()
    if found is None:
        raise NotFound(str(key))
    row, by = found
    if row.user_id == moderator.id:
        raise DecisionInvalid("own_submission")
    raise AlreadyDecided(row.status, by, as_utc(row.decided_at) if row.decided_at else None)


# How long a revealed CNIC stays on the moderator's screen. The page's state lives in
# the server's state store (Redis in production): the number must not sit there for
# as long as the tab stays open.
REVEAL_SECONDS = 60


def reveal_cnic(moderator_clerk_id: str, submission_id: str) -> str:
    """The full CNIC of a submission, for a moderator; written to the audit log first."""
    key = submission_key(submission_id)
    with db.session() as session:
        moderator = require_moderator(session, moderator_clerk_id)
        row = session.get(VerificationSubmission, key)
        if row is None:
            raise NotFound(submission_id)
        session.add(
            AuditEntry(
                action=AuditAction.REVEAL_CNIC,
                actor_id=moderator.id,
                subject_id=row.user_id,
                submission_id=row.id,
            )
        )
        session.commit()
        return cnic_rules.decrypt(row.cnic_encrypted)


def set_trust_grant(admin_clerk_id: str, user_id: str, granted: bool) -> DecisionResult:
    """An admin grants (or withdraws) ``trusted`` regardless of the criteria."""
    with db.session() as session:
        admin = require_moderator(session, admin_clerk_id, admin=True)
        user = session.get(User, submission_key(user_id))
        if user is None:
            raise NotFound(user_id)
        verification = session.exec(
            select(UserVerification).where(UserVerification.user_id == user.id)
        ).one()
        verification.trust_granted = granted
        before, after = apply_level(user, verification)
        session.add(verification)
        session.add(
            AuditEntry(
                action=AuditAction.GRANT_TRUSTED if granted else AuditAction.REVOKE_TRUSTED,
                actor_id=admin.id,
                subject_id=user.id,
                level_before=before.value,
                level_after=after.value,
            )
        )
        session.commit()
        return DecisionResult("", before.value, after.value)
