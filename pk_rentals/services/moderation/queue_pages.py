"""The queue: flags, keyset cursors and pages of submissions."""

from __future__ import annotations

import dataclasses
import functools
import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import (
    DocumentCheck,
    FaceCheck,
    FaceCheckStatus,
    SubmissionStatus,
    User,
    VerificationSubmission,
)
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.services import security_events
from pk_rentals.services.moderation.access import require_moderator
from pk_rentals.services.moderation.vocabulary import (
    DOCUMENT_FLAG_OUTCOMES,
    EXPIRY_WARNING,
    FACE_FLAG_COLUMNS,
    Flag,
)
from pk_rentals.settings import get_settings

PAGE_SIZE = 25


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


def document_flags(outcome: str | None, expiry: date | None, today: date) -> list[str]:
    """The card front's flags: its outcome, and an expiry passed or within the warning."""
    flags = [f.value for f, expected in DOCUMENT_FLAG_OUTCOMES.items() if outcome == expected]
    if expiry is not None and expiry <= today + EXPIRY_WARNING:
        flags.append(Flag.CARD_EXPIRED.value)
    return flags


def flags_of(
    submission,
    face_status: str | None,
    face=None,
    flagged_account: bool = False,
    document: tuple[str | None, date | None] = (None, None),
) -> tuple[str, ...]:
    """The flags of a submission. ``submission`` and ``face`` are ORM rows or plain
    rows with the same column names; ``face_status`` is None before a face check;
    ``document`` is the card check's (outcome, expiry), both None before it."""
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
    flags.extend(document_flags(*document, utcnow().date()))
    if flagged_account:
        flags.append(Flag.SECURITY.value)
    return tuple(flags)


def from_row(shape, row, **changed):
    """A ``shape`` dataclass of the row's attributes of the same names, with ``changed``
    where a value is converted on the way (a UTC time, an id as text)."""
    names = (field.name for field in dataclasses.fields(shape) if field.name not in changed)
    return shape(**{name: getattr(row, name) for name in names}, **changed)


def flagged_accounts():
    """Clerk user ids over the failed-attempt threshold in the last 24 hours. Its
    values are bound when the statement runs (``bound_values``), so statements that
    hold it are built once."""
    return security_events.accounts_over(sa.bindparam("flag_threshold"), sa.bindparam("flag_since"))


def bound_values(now: datetime | None = None) -> dict:
    """The values that settings and the clock give the queue's statements."""
    settings = get_settings()
    return {
        "flag_threshold": settings.security_flag_threshold,
        "flag_since": (now or utcnow()) - security_events.WINDOW,
        "selfie_max_age": settings.selfie_max_age_seconds,
        "card_expiry_before": (now or utcnow()).date() + EXPIRY_WARNING,
    }


def _flag_condition(flag: Flag):
    """A WHERE on the queue's rows (the face flags through the joined face_checks row:
    the queue index still gives the order, the flag only filters)."""
    if flag in FACE_FLAG_COLUMNS:
        return getattr(FaceCheck, FACE_FLAG_COLUMNS[flag]).is_(True)
    if flag in DOCUMENT_FLAG_OUTCOMES:
        return DocumentCheck.outcome == DOCUMENT_FLAG_OUTCOMES[flag].value
    if flag is Flag.CARD_EXPIRED:
        return DocumentCheck.expiry <= sa.bindparam("card_expiry_before", type_=sa.Date)
    if flag is Flag.CHECKS_UNAVAILABLE:
        return FaceCheck.status == FaceCheckStatus.UNAVAILABLE
    if flag is Flag.PROVINCE_MISMATCH:
        return VerificationSubmission.flag_province_mismatch.is_(True)
    if flag is Flag.DUPLICATE_CNIC:
        return VerificationSubmission.flag_duplicate_cnic.is_(True)
    if flag is Flag.SECURITY:
        return User.clerk_user_id.in_(flagged_accounts())
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
            DocumentCheck.outcome.label("document_outcome"),
            DocumentCheck.expiry.label("document_expiry"),
            User.clerk_user_id.in_(flagged_accounts()).label("security_flag"),
        )
        .join(User, User.id == VerificationSubmission.user_id)
        .outerjoin(FaceCheck, FaceCheck.submission_id == VerificationSubmission.id)
        .outerjoin(DocumentCheck, DocumentCheck.submission_id == VerificationSubmission.id)
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
    values = {"status": SubmissionStatus(status).value, "limit": limit + 1, **bound_values()}
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
        require_moderator(connection, moderator_clerk_id)
        return queue_page(connection, status, flag, after, limit)


def queue_page(
    session: Session | sa.Connection, status: str, flag: str | None, after: str | None, limit: int
) -> QueuePage:
    rows = session.execute(*queue_statement(status, flag or None, after, limit)).all()
    items = [
        from_row(
            QueueItem,
            row,
            id=str(row.id),
            submitted_at=as_utc(row.submitted_at),
            flags=flags_of(
                row,
                row.face_status,
                row,
                bool(row.security_flag),
                (row.document_outcome, row.document_expiry),
            ),
        )
        for row in rows[:limit]
    ]
    more = len(rows) > limit
    return QueuePage(
        items=items,
        next_cursor=encode_cursor(items[-1].submitted_at, items[-1].id) if more else None,
    )
