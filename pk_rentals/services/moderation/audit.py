"""The audit log, newest first."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from sqlalchemy.orm import aliased
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    AuditEntry,
    User,
)
from pk_rentals.models.base import as_utc
from pk_rentals.services.moderation.access import require_moderator
from pk_rentals.services.moderation.submission import staff_name


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
        require_moderator(session, moderator_clerk_id)
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
