"""CNIC + live selfie verification, the user's side (the lifecycle: sign up → profile
→ verification → a moderator's review).

1. The page asks for a one-time code (``issue_selfie_code``) and burns it into
   the live selfie; each image is uploaded on its own (``receive_upload``) and kept
   as a draft, checked and re-encoded (services/images.py), in private storage.
2. ``submit`` turns the newest draft of each kind and the CNIC into a pending
   submission, with flags for moderators (province, duplicate, selfie age).
3. Moderators decide it (services/moderation.py); ``status_of`` tells the user.

No Reflex here: states and API routes call these functions in a thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    MediaKind,
    SelfieCode,
    SubmissionStatus,
    UploadAttempt,
    User,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services import cnic as cnic_rules
from pk_rentals.services import security_events
from pk_rentals.services.identity.accounts import find_user
from pk_rentals.services.images import accept_image
from pk_rentals.services.security_events import Failure
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


# --- one-time selfie codes -------------------------------------------------------------


def _code_hash(code: str) -> str:
    key = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(key, b"selfie-code:" + code.upper().encode(), hashlib.sha256).hexdigest()


def issue_selfie_code(clerk_user_id: str, *, now: datetime | None = None) -> IssuedCode:
    """A fresh code for this user's next selfie (single use, short life)."""
    now = now or utcnow()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires_at = now + timedelta(seconds=get_settings().selfie_code_seconds)
    with db.session() as session:
        user = _user(session, clerk_user_id)
        _check_email_verified(session, user, UploadRefused)
        _make_room_for_a_code(session, user, now)
        session.add(
            SelfieCode(
                code_hash=_code_hash(code), user_id=user.id, issued_at=now, expires_at=expires_at
            )
        )
        session.commit()
    return IssuedCode(code=code, expires_at=expires_at)


# Unused codes one person may hold at once (a few tabs, a few camera restarts). Any
# client may ask for codes in a loop: beyond this the oldest unused one goes, so the
# table never grows with the asking.
LIVE_CODES_PER_USER = 5


def _make_room_for_a_code(session: Session, user: User, now: datetime) -> None:
    """Delete the person's expired codes, and unused ones beyond the newest few."""
    session.execute(
        sa.delete(SelfieCode).where(SelfieCode.user_id == user.id, SelfieCode.expires_at < now)
    )
    keep = (
        select(SelfieCode.code_hash)
        .where(SelfieCode.user_id == user.id, SelfieCode.used_at.is_(None))
        .order_by(SelfieCode.issued_at.desc())
        .limit(LIVE_CODES_PER_USER - 1)
    )
    session.execute(
        sa.delete(SelfieCode).where(
            SelfieCode.user_id == user.id,
            SelfieCode.used_at.is_(None),
            SelfieCode.code_hash.not_in(keep.scalar_subquery()),
        )
    )


def _consume_code(session: Session, user: User, code: str, now: datetime) -> None:
    """Use the code once, or raise: another user's code is as unknown as a made-up one."""
    code_hash = _code_hash((code or "").strip())
    row = session.get(SelfieCode, code_hash)
    if row is None or row.user_id != user.id:
        raise UploadRefused("code_invalid")
    if row.used_at is not None:
        raise UploadRefused("code_used")
    if as_utc(row.expires_at) < now:
        raise UploadRefused("code_expired")
    used = session.execute(
        sa.update(SelfieCode)
        .where(SelfieCode.code_hash == code_hash, SelfieCode.used_at.is_(None))
        .values(used_at=now)
    )
    if used.rowcount != 1:  # a concurrent request used it first
        raise UploadRefused("code_used")


# --- uploads ---------------------------------------------------------------------------


SELFIE_CODE_REFUSALS = frozenset({"code_invalid", "code_used", "code_expired"})


def receive_upload(
    clerk_user_id: str,
    kind: MediaKind | str,
    data: bytes,
    *,
    code: str | None = None,
    now: datetime | None = None,
) -> DraftUpload:
    """Check and store one image as a draft of this user (raises ``UploadRefused``).

    A selfie needs its one-time code; the server's own receive time is recorded. A
    refused code is a failed attempt for the moderators' Security tab.
    """
    try:
        return _receive_upload(clerk_user_id, kind, data, code=code, now=now)
    except UploadRefused as refused:
        if refused.code in SELFIE_CODE_REFUSALS:
            security_events.record(
                Failure.SELFIE_CODE_REFUSED, clerk_user_id=clerk_user_id, reason=refused.code
            )
        raise


def _receive_upload(
    clerk_user_id: str,
    kind: MediaKind | str,
    data: bytes,
    *,
    code: str | None,
    now: datetime | None,
) -> DraftUpload:
    """Three steps, the slow one outside any transaction: the checks (and the selfie
    code spent), then decoding and storing (no database connection held: a worker has
    fewer connections than upload threads), then the draft's row."""
    now = now or utcnow()
    kind = _kind(kind)
    settings = get_settings()
    with db.session() as session:
        user = _user(session, clerk_user_id)
        _count_the_attempt(session, user, now, settings.uploads_per_hour)
        _check_email_verified(session, user, UploadRefused)
        _check_may_submit(session, user, UploadRefused)
        if kind is MediaKind.SELFIE:
            _consume_code(session, user, code or "", now)
            session.commit()  # a refused image still spends the code: no retries on one code
        user_id = user.id
    image = accept_image(data, kind=kind)
    ref = get_media_store().put(clerk_user_id, kind, image.data)
    upload = VerificationUpload(
        user_id=user_id,
        kind=kind,
        ref=ref,
        bytes=len(image.data),
        width=image.width,
        height=image.height,
        received_at=now,
    )
    with db.session() as session:
        session.add(upload)
        session.commit()
        return _draft_view(upload)


def _count_the_attempt(session: Session, user: User, now: datetime, per_hour: int) -> None:
    """Write this attempt, then count the hour's: committed first, so of requests sent
    in parallel the later ones see the earlier ones and at most ``per_hour`` pass. A
    refused image has used its attempt too: only the checks before it are cheap."""
    session.add(UploadAttempt(user_id=user.id, at=now))
    session.commit()
    tried = session.exec(
        select(sa.func.count())
        .select_from(UploadAttempt)
        .where(UploadAttempt.user_id == user.id, UploadAttempt.at > now - timedelta(hours=1))
    ).one()
    if tried > per_hour:
        raise UploadRefused("rate_limited", 429)


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


# --- reading ---------------------------------------------------------------------------


def status_of(clerk_user_id: str) -> VerificationStatus:
    """What the user's /verify page shows."""
    max_resubmissions = get_settings().max_resubmissions
    with db.session() as session:
        user = _user(session, clerk_user_id)
        verification = _verification(session, user)
        newest = _newest_submission(session, user)
        attempts = _attempts(session, user)
        drafts = {k.value: _draft_view(d) for k, d in _newest_drafts(session, user).items()}
        resubmissions_left = max(0, max_resubmissions + 1 - attempts) if attempts else 0
        state = newest.status if newest is not None else "none"
        if newest is None:
            can_submit = True
        else:
            can_submit = (
                state
                in (SubmissionStatus.REJECTED.value, SubmissionStatus.RESUBMISSION_REQUESTED.value)
                and resubmissions_left > 0
            )
        email_verified = verification.email_verified
        return VerificationStatus(
            email_verified=email_verified,
            level=verification.verification_level,
            state=str(state),
            reason_code=newest.reason_code if newest else None,
            note=newest.note if newest else None,
            resubmissions_left=resubmissions_left if newest else max_resubmissions,
            can_submit=can_submit,
            submitted_at=as_utc(newest.submitted_at) if newest else None,
            decided_at=as_utc(newest.decided_at) if newest and newest.decided_at else None,
            cnic_masked=newest.cnic_masked if newest else None,
            drafts=drafts if can_submit and email_verified else {},
        )


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


# --- key rotation ----------------------------------------------------------------------


def rotate_cnic_encryption(batch_size: int = 500) -> int:
    """Re-encrypt every stored CNIC under the newest key in PK_CNIC_KEYS; returns how many.

    Safe to re-run; afterwards the older keys can be removed from the setting.
    """
    rotated = 0
    for model, column in (
        (UserVerification, UserVerification.cnic_number),
        (VerificationSubmission, VerificationSubmission.cnic_encrypted),
    ):
        name = column.key
        with db.session() as session:
            last = None
            while True:
                statement = select(model).where(column.is_not(None)).order_by(model.id)
                if last is not None:
                    statement = statement.where(model.id > last)
                rows = session.exec(statement.limit(batch_size)).all()
                if not rows:
                    break
                for row in rows:
                    setattr(row, name, cnic_rules.rotate(getattr(row, name)))
                    session.add(row)
                session.commit()
                rotated += len(rows)
                last = rows[-1].id
    return rotated
