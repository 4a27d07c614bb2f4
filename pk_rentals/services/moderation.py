"""The moderators' side of verification: the queue, a submission in detail, decisions,
the audited CNIC reveal, the audit log and the stats panel.

Every function takes the acting Clerk user id first and checks the role itself
(``users.role``, copied from Clerk ``public_metadata.role``), so no caller can
forget it. Decisions are one conditional UPDATE: of two moderators deciding the
same submission, the second learns who was first.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import statistics
import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from pk_rentals import db, sql
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    FaceCheck,
    FaceCheckStatus,
    Role,
    SubmissionStatus,
    User,
    UserVerification,
    VerificationSubmission,
)
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services import cnic as cnic_rules
from pk_rentals.services import security_events
from pk_rentals.services.levels import apply_level
from pk_rentals.services.security_events import Failure
from pk_rentals.services.verification import REJECTION_REASONS, signed_url
from pk_rentals.settings import get_settings

MODERATOR_ROLES = frozenset({Role.MODERATOR, Role.ADMIN})
NOTE_MAX = 500
PAGE_SIZE = 25


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


class NotModerator(Exception):
    """The caller is not a moderator (HTTP 403)."""


class NotFound(Exception):
    """No such submission."""


class DecisionInvalid(ValueError):
    """``reason_required``, ``reason_unknown``, ``note_too_long`` or ``own_submission``."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


class AlreadyDecided(Exception):
    def __init__(self, status: str, by: str | None, at: datetime | None):
        self.status, self.by, self.at = status, by, at
        super().__init__(f"already {status} by {by or 'someone'}")


# --- who may moderate ------------------------------------------------------------------


_USERS = User.__table__
_MODERATOR = sa.select(_USERS.c.id, _USERS.c.role).where(
    _USERS.c.clerk_user_id == sa.bindparam("clerk_user_id")
)


def _moderator(
    session: Session | sa.Connection, clerk_user_id: str, *, admin: bool = False
) -> sa.Row:
    """The moderator's ``id`` and ``role``, as plain columns: every moderation read
    asks this first, and the whole user row is not needed."""
    found = (
        session.execute(_MODERATOR, {"clerk_user_id": clerk_user_id}).first()
        if clerk_user_id
        else None
    )
    allowed = {Role.ADMIN} if admin else MODERATOR_ROLES
    if found is None or Role(found.role) not in allowed:
        raise NotModerator(clerk_user_id)
    return found


def is_moderator(clerk_user_id: str) -> bool:
    with db.reading() as connection:
        try:
            _moderator(connection, clerk_user_id)
        except NotModerator:
            return False
        return True


# --- the queue -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class QueueItem:
    id: str
    status: str
    attempt: int
    submitted_at: datetime
    display_name: str
    city: str
    province: str
    cnic_masked: str
    flags: tuple[str, ...]
    face_band: str | None = None  # FaceBand of the selfie↔CNIC distance, once checked


@dataclasses.dataclass(frozen=True)
class QueuePage:
    items: list[QueueItem]
    next_cursor: str | None  # pass as ``after`` for the next page


def _flags(
    submission, face_status: str | None, face=None, flagged_account: bool = False
) -> tuple[str, ...]:
    """The flags of a submission. ``submission`` and ``face`` are ORM rows or plain
    rows with the same column names; ``face_status`` is None before a face check."""
    flags = []
    if submission.flag_province_mismatch:
        flags.append(Flag.PROVINCE_MISMATCH.value)
    if submission.flag_duplicate_cnic:
        flags.append(Flag.DUPLICATE_CNIC.value)
    if submission.selfie_age_seconds > get_settings().selfie_max_age_seconds:
        flags.append(Flag.SELFIE_AGE.value)
    if face_status == FaceCheckStatus.UNAVAILABLE:
        flags.append(Flag.CHECKS_UNAVAILABLE.value)
    elif face_status is not None:
        flags.extend(f.value for f, column in FACE_FLAG_COLUMNS.items() if getattr(face, column))
    if flagged_account:
        flags.append(Flag.SECURITY.value)
    return tuple(flags)


def _flagged_accounts():
    """Clerk user ids over the failed-attempt threshold in the last 24 hours. Its
    values are bound when the statement runs (``_bound_values``), so statements that
    hold it are built once."""
    return security_events.accounts_over(sa.bindparam("flag_threshold"), sa.bindparam("flag_since"))


def _bound_values(now: datetime | None = None) -> dict:
    """The values that settings and the clock give the queue's statements."""
    settings = get_settings()
    return {
        "flag_threshold": settings.security_flag_threshold,
        "flag_since": (now or utcnow()) - security_events.WINDOW,
        "selfie_max_age": settings.selfie_max_age_seconds,
    }


def _flag_condition(flag: Flag):
    """A WHERE on the queue's rows (the face flags through the joined face_checks row:
    the queue index still gives the order, the flag only filters)."""
    if flag in FACE_FLAG_COLUMNS:
        return getattr(FaceCheck, FACE_FLAG_COLUMNS[flag]).is_(True)
    if flag is Flag.CHECKS_UNAVAILABLE:
        return FaceCheck.status == FaceCheckStatus.UNAVAILABLE
    if flag is Flag.PROVINCE_MISMATCH:
        return VerificationSubmission.flag_province_mismatch.is_(True)
    if flag is Flag.DUPLICATE_CNIC:
        return VerificationSubmission.flag_duplicate_cnic.is_(True)
    if flag is Flag.SECURITY:
        return User.clerk_user_id.in_(_flagged_accounts())
    return VerificationSubmission.selfie_age_seconds > sa.bindparam("selfie_max_age")


def encode_cursor(submitted_at: datetime, submission_id: uuid.UUID | str) -> str:
    return f"{as_utc(submitted_at).isoformat()}|{submission_id}"


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID] | None:
    try:
        moment, submission_id = cursor.split("|", 1)
        return as_utc(datetime.fromisoformat(moment)), uuid.UUID(submission_id)
    except ValueError:
        return None


@functools.cache
def _queue_statement(flag: Flag | None, paged: bool) -> sa.Select:
    """Oldest first, keyset-paginated on (submitted_at, id): the queue index serves it.
    Built once per filter and paging, every value bound (``queue_statement``)."""
    # Plain columns, not ORM objects: a page is 26 rows, read on every queue view.
    statement = (
        select(
            VerificationSubmission.id,
            VerificationSubmission.status,
            VerificationSubmission.attempt,
            VerificationSubmission.submitted_at,
            VerificationSubmission.cnic_masked,
            VerificationSubmission.flag_province_mismatch,
            VerificationSubmission.flag_duplicate_cnic,
            VerificationSubmission.selfie_age_seconds,
            User.display_name,
            User.city,
            User.province,
            FaceCheck.status.label("face_status"),
            FaceCheck.band.label("face_band"),
            *(getattr(FaceCheck, column) for column in FACE_FLAG_COLUMNS.values()),
            User.clerk_user_id.in_(_flagged_accounts()).label("security_flag"),
        )
        .join(User, User.id == VerificationSubmission.user_id)
        .outerjoin(FaceCheck, FaceCheck.submission_id == VerificationSubmission.id)
        .where(VerificationSubmission.status == sa.bindparam("status"))
    )
    if flag:
        statement = statement.where(_flag_condition(flag))
    if paged:
        statement = statement.where(
            sa.tuple_(VerificationSubmission.submitted_at, VerificationSubmission.id)
            > sa.tuple_(
                sa.bindparam("after_at", type_=VerificationSubmission.submitted_at.type),
                sa.bindparam("after_id", type_=sa.Uuid),
            )
        )
    return statement.order_by(VerificationSubmission.submitted_at, VerificationSubmission.id).limit(
        sa.bindparam("limit")
    )


def queue_statement(status: str, flag: str | None, after: str | None, limit: int):
    """The queue's statement and its values: ``session.execute(*queue_statement(...))``
    (an unreadable ``after`` is the first page)."""
    position = decode_cursor(after) if after else None
    values = {"status": SubmissionStatus(status).value, "limit": limit + 1, **_bound_values()}
    if position is not None:
        values["after_at"], values["after_id"] = position
    return _queue_statement(Flag(flag) if flag else None, position is not None), values


def queue(
    moderator_clerk_id: str,
    *,
    status: str = SubmissionStatus.PENDING.value,
    flag: str | None = None,
    after: str | None = None,
    limit: int = PAGE_SIZE,
) -> QueuePage:
    with db.reading() as connection:
        _moderator(connection, moderator_clerk_id)
        return _queue_page(connection, status, flag, after, limit)


def _queue_page(
    session: Session | sa.Connection, status: str, flag: str | None, after: str | None, limit: int
) -> QueuePage:
    rows = session.execute(*queue_statement(status, flag or None, after, limit)).all()
    items = [
        QueueItem(
            id=str(row.id),
            status=row.status,
            attempt=row.attempt,
            submitted_at=as_utc(row.submitted_at),
            display_name=row.display_name,
            city=row.city,
            province=row.province,
            cnic_masked=row.cnic_masked,
            flags=_flags(row, row.face_status, row, bool(row.security_flag)),
            face_band=row.face_band,
        )
        for row in rows[:limit]
    ]
    more = len(rows) > limit
    return QueuePage(
        items=items,
        next_cursor=encode_cursor(items[-1].submitted_at, items[-1].id) if more else None,
    )


# --- one submission --------------------------------------------------------------------


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
        return cls(
            status=check.status,
            problem=check.problem,
            checked_at=as_utc(check.checked_at),
            model=check.model,
            thresholds=check.thresholds,
            seconds=check.seconds,
            selfie_faces=check.selfie_faces,
            cnic_faces=check.cnic_faces,
            distance=check.distance,
            band=check.band,
            selfie_blur=check.selfie_blur,
            selfie_brightness=check.selfie_brightness,
            cnic_blur=check.cnic_blur,
            cnic_brightness=check.cnic_brightness,
            selfie_boxes=list(check.selfie_boxes or []),
            cnic_boxes=list(check.cnic_boxes or []),
        )


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
            User.clerk_user_id.in_(_flagged_accounts()).label("security_flag"),
        )
        .join(User, User.id == VerificationSubmission.user_id)
        .join(UserVerification, UserVerification.user_id == User.id)
        .outerjoin(decider, decider.id == VerificationSubmission.decided_by)
        .outerjoin(FaceCheck, FaceCheck.submission_id == VerificationSubmission.id)
        .where(VerificationSubmission.id == submission_id)
    )


def detail(moderator_clerk_id: str, submission_id: str) -> SubmissionDetail:
    key = _submission_key(submission_id)
    with db.session() as session:
        _moderator(session, moderator_clerk_id)
        found = session.exec(detail_statement(key), params=_bound_values()).first()
        if found is None:
            raise NotFound(submission_id)
        row, user, phone_verified, level, decided_by, check, security_flag = found
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
            flags=_flags(row, check and check.status, check, bool(security_flag)),
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
            images_purged=row.images_purged_at is not None,
        )


def _image_url(row: VerificationSubmission, ref: str) -> str:
    """A signed URL, or "" once the retention job deleted the submission's images."""
    return "" if row.images_purged_at is not None else signed_url(ref)


def _submission_key(submission_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(submission_id))
    except ValueError:
        raise NotFound(submission_id) from None


# --- deciding --------------------------------------------------------------------------


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
    key = _submission_key(submission_id)
    status = OUTCOME[decision]
    with db.session() as session:
        moderator = _moderator(session, moderator_clerk_id)
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
    if decision is Decision.REJECT:  # a failed verification attempt (seed 004)
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
    key = _submission_key(submission_id)
    with db.session() as session:
        moderator = _moderator(session, moderator_clerk_id)
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
        admin = _moderator(session, admin_clerk_id, admin=True)
        user = session.get(User, _submission_key(user_id))
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


# --- the audit log ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    action: str
    actor: str | None
    subject: str | None
    submission_id: str | None
    level_before: str | None
    level_after: str | None
    reason_code: str | None
    note: str | None


def audit_log(
    moderator_clerk_id: str, *, before: int | None = None, limit: int = 50
) -> list[AuditView]:
    """Newest first, keyset-paginated on id."""
    actor, subject = aliased(User), aliased(User)
    statement = (
        select(AuditEntry, staff_name(actor), subject.display_name)
        .outerjoin(actor, actor.id == AuditEntry.actor_id)
        .outerjoin(subject, subject.id == AuditEntry.subject_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    if before is not None:
        statement = statement.where(AuditEntry.id < before)
    with db.session() as session:
        _moderator(session, moderator_clerk_id)
        rows = session.exec(statement).all()
    return [
        AuditView(
            id=entry.id,
            at=as_utc(entry.at),
            action=entry.action,
            actor=actor_name,
            subject=subject_name,
            submission_id=str(entry.submission_id) if entry.submission_id else None,
            level_before=entry.level_before,
            level_after=entry.level_after,
            reason_code=entry.reason_code,
            note=entry.note,
        )
        for entry, actor_name, subject_name in rows
    ]


# --- stats -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Stats:
    pending: int
    median_decision_seconds: float | None  # over the decisions of the last 30 days
    decisions_per_day: list[tuple[str, int]]  # oldest first, every day of the window


def stats(moderator_clerk_id: str, *, days: int = 14, now: datetime | None = None) -> Stats:
    with db.reading() as connection:
        _moderator(connection, moderator_clerk_id)
        return _stats(connection, days, now)


_PENDING = (
    sa.select(sa.func.count())
    .select_from(VerificationSubmission)
    .where(VerificationSubmission.status == SubmissionStatus.PENDING)
)
_WAIT = sql.seconds_between(
    VerificationSubmission.submitted_at, VerificationSubmission.decided_at
).label("wait")
# The middle one or two waits of the decisions since ``since`` (ordered in the database).
_MIDDLE_WAITS = (
    sa.select(_WAIT)
    .where(VerificationSubmission.decided_at >= sa.bindparam("since"))
    .order_by(_WAIT)
    .limit(sa.bindparam("count"))
    .offset(sa.bindparam("skip"))
)


def _stats(session: Session | sa.Connection, days: int = 14, now: datetime | None = None) -> Stats:
    """Three one-row reads: pending, decisions per day (and in 30 days), the median."""
    now = (now or utcnow()).astimezone(UTC)
    since = now - timedelta(days=30)
    window = sql.pakistan_days(now, days)  # days as moderators live them
    pending = session.execute(_PENDING).scalar_one()
    decided_at = VerificationSubmission.decided_at
    decided, *per_day = session.execute(
        sa.select(sa.func.count(), *sql.count_per_day(decided_at, window)).where(
            decided_at >= since
        )
    ).one()
    median = None
    if decided:
        middle = session.execute(
            _MIDDLE_WAITS,
            {"since": since, "count": 2 - decided % 2, "skip": (decided - 1) // 2},
        ).scalars()
        median = statistics.fmean(middle)
    return Stats(
        pending=pending,
        median_decision_seconds=median,
        decisions_per_day=[
            (day.isoformat(), count) for day, count in zip(window, per_day, strict=True)
        ],
    )


@dataclasses.dataclass(frozen=True)
class Overview:
    page: QueuePage
    stats: Stats


def overview(
    moderator_clerk_id: str,
    *,
    status: str = SubmissionStatus.PENDING.value,
    flag: str | None = None,
) -> Overview:
    """What /moderation opens with, in one session: the moderator check once, the
    first page of the queue and the stats."""
    with db.reading() as connection:
        _moderator(connection, moderator_clerk_id)
        return Overview(_queue_page(connection, status, flag, None, PAGE_SIZE), _stats(connection))


def security(moderator_clerk_id: str, *, days: int = 14, now: datetime | None = None):
    """The Security tab: failed attempts per day, and the accounts with the most in 24 h."""
    with db.session() as session:
        _moderator(session, moderator_clerk_id)
        return security_events.summary(
            session, threshold=get_settings().security_flag_threshold, days=days, now=now
        )
