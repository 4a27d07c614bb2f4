"""Document checks of submissions: what the stored CNIC front says, compared with
what the person typed.

- ``read_front``: runs in the check process (the face checks' pool); the number in
  clear crosses back to this process only to be hashed, never stored or logged.
- ``check_submission_document``: read, compare through the blind index, store the
  outcome, the masked number read, the dates and the confidence.
- ``backfill`` / ``run``: fill in submissions without a check (CLI and jobs).

Nothing here approves or rejects anything: the outcome is an aid for moderators.
"""

from __future__ import annotations

import io
import logging
import time
import uuid
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from pk_rentals import db
from pk_rentals.models import DocumentCheck, DocumentOutcome, VerificationSubmission
from pk_rentals.models.base import utcnow
from pk_rentals.services import check_backfill
from pk_rentals.services import cnic as cnic_rules
from pk_rentals.services.faces import pool
from pk_rentals.services.faces.pool import ChecksUnavailable
from pk_rentals.services.storage import get_media_store
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)
BACKFILL_BATCH = 200


def read_front(data: bytes) -> dict:
    """The card front read in the check process: number, dates, CNIC or not."""
    from PIL import Image

    from pk_rentals.services.documents.reading import engine_version, read_card

    started = time.process_time()
    image = Image.open(io.BytesIO(data))
    image.load()
    read = read_card(image)
    card = read.card
    return {
        "engine": engine_version(),
        "is_cnic": card.is_cnic,
        "number": card.number,
        "expiry": card.expiry,
        "issue": card.issue,
        "birth": card.birth,
        "confidence": read.confidence,
        "cpu_seconds": round(time.process_time() - started, 3),
    }


def outcome_of(report: dict, typed_index: str) -> DocumentOutcome:
    """Match or mismatch when a number was read; otherwise unreadable or not a CNIC."""
    number = report["number"]
    if number is not None:
        same = cnic_rules.blind_index(number) == typed_index
        return DocumentOutcome.MATCH if same else DocumentOutcome.MISMATCH
    return DocumentOutcome.UNREADABLE if report["is_cnic"] else DocumentOutcome.NOT_CNIC


def _result(submission_id: uuid.UUID, report: dict, typed_index: str) -> DocumentCheck:
    number = report["number"]
    return DocumentCheck(
        submission_id=submission_id,
        outcome=outcome_of(report, typed_index),
        engine=report["engine"],
        confidence=report["confidence"],
        seconds=report["cpu_seconds"],
        read_masked=cnic_rules.mask_cnic(number) if number else None,
        expiry=report["expiry"],
        issue=report["issue"],
        birth=report["birth"],
    )


def _unavailable(submission_id: uuid.UUID, problem: str) -> DocumentCheck:
    return DocumentCheck(
        submission_id=submission_id,
        outcome=DocumentOutcome.UNAVAILABLE,
        problem=problem,
        engine="tesseract",
    )


def _save(result: DocumentCheck) -> DocumentCheck:
    """Insert or replace the submission's result (a backfill may race a fresh check)."""
    result.checked_at = utcnow()
    for _ in range(2):
        with db.session() as session:
            try:
                saved = session.merge(result)
                session.commit()
                session.refresh(saved)
                session.expunge(saved)
                return saved
            except IntegrityError:
                session.rollback()  # inserted meanwhile: the second merge updates it
    raise RuntimeError("could not store the document check")


def check_submission_document(submission_id: uuid.UUID | str) -> DocumentCheck | None:
    """Read one submission's CNIC front and store the outcome; ``None`` when automatic
    checks are off or there is no such submission. Never raises for a failed read."""
    settings = get_settings()
    if not settings.face_checks_enabled:
        return None
    key = uuid.UUID(str(submission_id))
    with db.session() as session:
        row = session.get(VerificationSubmission, key)
        if row is None:
            return None
        front_ref, typed_index = row.cnic_front_ref, row.cnic_index
    try:
        front = get_media_store().read(front_ref)
    except Exception:
        log.exception("document check: the card front of %s cannot be read", key)
        return _save(_unavailable(key, "image_unreadable"))
    try:
        report = pool.run(read_front, front, timeout=settings.face_check_seconds)
    except ChecksUnavailable as unavailable:
        return _save(_unavailable(key, unavailable.reason))
    return _save(_result(key, report, typed_index))


def missing_statement(since: datetime | None):
    """Submissions without a card read (or with an unavailable one), oldest first."""
    unavailable = DocumentCheck.outcome == DocumentOutcome.UNAVAILABLE
    return check_backfill.missing_submissions(DocumentCheck, unavailable, since)


def backfill(
    *, since: datetime | None = None, dry_run: bool = False, limit: int = BACKFILL_BATCH
) -> dict[str, int]:
    """Read the cards of submissions that have no result (or an unavailable one)."""
    return check_backfill.backfill(
        missing_statement(since),
        check_submission_document,
        lambda result: result.outcome != DocumentOutcome.UNAVAILABLE,
        dry_run=dry_run,
        limit=limit,
    )


def run(now: datetime, *, dry_run: bool = False) -> dict[str, int]:
    """The jobs worker's entry: one batch of the backfill; new submissions are read
    on the worker's next pass."""
    del now
    return backfill(dry_run=dry_run)
