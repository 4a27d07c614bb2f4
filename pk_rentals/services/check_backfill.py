"""Filling in an offline check (the face checks, the card read) for submissions that
have none, or whose check could not run: the same query and loop for every kind of
check, so both are retried the same way (CLI commands and jobs).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import VerificationSubmission
from pk_rentals.models.base import as_utc
from pk_rentals.settings import get_settings


def missing_submissions(check_model, unavailable: sa.ColumnElement, since: datetime | None):
    """Submissions with no ``check_model`` row, or an ``unavailable`` one, oldest first;
    not those whose images the retention job deleted (nothing left to check)."""
    statement = (
        select(VerificationSubmission.id)
        .outerjoin(check_model, check_model.submission_id == VerificationSubmission.id)
        .where(
            sa.or_(check_model.submission_id.is_(None), unavailable),
            VerificationSubmission.images_purged_at.is_(None),
        )
        .order_by(VerificationSubmission.submitted_at, VerificationSubmission.id)
    )
    if since is not None:
        statement = statement.where(VerificationSubmission.submitted_at >= as_utc(since))
    return statement


def backfill(
    missing, check_one: Callable, is_done: Callable, *, dry_run: bool, limit: int
) -> dict[str, int]:
    """Run ``check_one`` on up to ``limit`` submissions of the ``missing`` query;
    counts of those found, checked, and still unavailable."""
    with db.session() as session:
        found = session.exec(missing.limit(limit)).all()
    counts = {"missing": len(found), "checked": 0, "unavailable": 0}
    if dry_run or not get_settings().face_checks_enabled:
        return counts
    for submission_id in found:
        result = check_one(submission_id)
        if result is not None:
            counts["checked" if is_done(result) else "unavailable"] += 1
    return counts
