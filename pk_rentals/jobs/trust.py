"""Trust recomputation: ``trusted`` follows its criteria over time.

Bookings, ratings and the days since verification change without anyone
touching the verification record, so a level computed at approval goes stale.
This job re-evaluates every ID-verified user with ``services.levels`` (the one
definition) and stores the new level, up to ``trusted`` or back down to
``verified``, each change with a ``level_change`` row in the audit log (no actor:
the system did it). An admin's grant keeps ``trusted`` regardless.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import AuditAction, AuditEntry, User, UserVerification
from pk_rentals.services.levels import level_for

log = logging.getLogger("pk_rentals.jobs.trust")

BATCH = 500
REASON = "trust_criteria"  # the audit row's reason_code: criteria re-evaluated


def run(now: datetime, *, dry_run: bool) -> dict[str, int]:
    counts = {"users_checked": 0, "promoted": 0, "demoted": 0}
    after = uuid.UUID(int=0)
    while True:
        with db.session() as session:
            rows = session.exec(
                select(User, UserVerification)
                .join(UserVerification, UserVerification.user_id == User.id)
                .where(UserVerification.verified_at.is_not(None), User.id > after)
                .order_by(User.id)
                .limit(BATCH)
                .with_for_update(of=UserVerification)  # a moderator's decision waits
            ).all()
            if not rows:
                return counts
            for user, verification in rows:
                counts["users_checked"] += 1
                _recompute(session, user, verification, now, dry_run, counts)
            if not dry_run:
                session.commit()
            after = rows[-1][0].id


def _recompute(session, user, verification, now, dry_run, counts) -> None:
    before = verification.verification_level
    after = level_for(user, verification, now)
    if after == before:
        return
    counts["promoted" if after == "trusted" else "demoted"] += 1
    log.info(
        "%s %s (%s): %s -> %s",
        "would move" if dry_run else "moving",
        user.clerk_user_id,
        user.id,
        before,
        after.value,
    )
    if dry_run:
        return
    verification.verification_level = after
    session.add(verification)
    session.add(
        AuditEntry(
            at=now,
            action=AuditAction.LEVEL_CHANGE,
            subject_id=user.id,
            level_before=str(before),
            level_after=after.value,
            reason_code=REASON,
        )
    )
