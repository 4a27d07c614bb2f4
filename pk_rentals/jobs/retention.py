"""Retention: what we keep, and how long.

Each period is a setting (``PK_RETENTION_*``, docs/operations.md, "Data we keep"). One run:

1. **Images of finished submissions**: rejected or asked to resubmit (counted from
   the decision), or superseded by a later submission of the same user (counted
   from that submission), after ``PK_RETENTION_IMAGES_DAYS``. The three images go
   through the media store (local files or Cloudinary assets); the submission row,
   its decision and the audit log stay, and ``images_purged_at`` records it. The
   approved submission's images stay while the account exists: they are the
   evidence behind "ID Verified", which moderators look at again when a CNIC turns
   up twice or a badge is questioned; account deletion removes them.
2. **Draft images** never submitted, after ``PK_RETENTION_DRAFTS_DAYS``.
3. **Processed webhook ids** (``PK_RETENTION_WEBHOOK_IDS_DAYS``), **tombstones**
   (``PK_RETENTION_TOMBSTONES_DAYS``), **security events**
   (``PK_RETENTION_SECURITY_EVENTS_DAYS``) and the **job run log**
   (``PK_RETENTION_JOB_RUNS_DAYS``; each job's last real run stays, as the
   schedule reads it).
4. **Sessions**: those idle past the limit are ended, which forgets their last
   activity time (``sessions.end_idle_sessions``); an ended session still holding
   one (a page's last touch racing its end) loses it.
5. **Audit notes** about people who no longer exist are cleared (deletion already
   does it; this repairs anything that slipped through).

Rows are deleted or updated set-based, at most ``PK_RETENTION_BATCH_SIZE`` per
statement, each batch committed on its own, so an interrupted run keeps what it
did and the next finishes; a second run counts zeros. An image the store fails to
delete (Cloudinary unreachable) is counted in ``image_failures`` and its row is
left as it was, to be tried again on the next run. A dry run logs what would go
and changes nothing. No Reflex imports here.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    AuditEntry,
    AuthSession,
    ClerkUserTombstone,
    JobRun,
    ProcessedWebhook,
    SecurityEvent,
    SelfieCode,
    SubmissionStatus,
    UploadAttempt,
    User,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.services.identity import sessions
from pk_rentals.services.storage import MediaStore, get_media_store
from pk_rentals.settings import get_settings

log = logging.getLogger("pk_rentals.jobs.retention")

COUNTS = (
    "submission_images_purged",
    "drafts_removed",
    "image_failures",
    "webhook_ids_removed",
    "tombstones_removed",
    "security_events_removed",
    "job_runs_removed",
    "selfie_codes_removed",
    "upload_attempts_removed",
    "sessions_ended",
    "session_activity_cleared",
    "audit_notes_cleared",
)

# Decisions after which a submission's images serve nobody (an approval keeps them).
DECIDED_AGAINST = (SubmissionStatus.REJECTED, SubmissionStatus.RESUBMISSION_REQUESTED)


def run(now: datetime, *, dry_run: bool = False) -> dict[str, int]:
    """Apply every retention period at ``now``; counts of what went (or would go)."""
    settings = get_settings()
    batch = settings.retention_batch_size
    counts: Counter[str] = Counter()

    def before(days: int) -> datetime:
        return now - timedelta(days=days)

    store = get_media_store()
    images_cutoff = before(settings.retention_images_days)
    _purge_submission_images(store, now, images_cutoff, batch, dry_run, counts)
    _remove_old_drafts(store, before(settings.retention_drafts_days), batch, dry_run, counts)

    old_rows = (
        (
            "webhook_ids_removed",
            ProcessedWebhook.svix_id,
            ProcessedWebhook.received_at < before(settings.retention_webhook_ids_days),
        ),
        (
            "tombstones_removed",
            ClerkUserTombstone.clerk_user_id,
            ClerkUserTombstone.deleted_at < before(settings.retention_tombstones_days),
        ),
        (
            "security_events_removed",
            SecurityEvent.id,
            SecurityEvent.at < before(settings.retention_security_events_days),
        ),
        ("job_runs_removed", JobRun.id, _old_job_runs(before(settings.retention_job_runs_days))),
        # A selfie code is worth nothing once expired; a day later it goes, used or not
        # (a person who only ever asked for codes leaves nothing behind).
        ("selfie_codes_removed", SelfieCode.code_hash, SelfieCode.expires_at < before(1)),
        # The upload limit looks back an hour; a day of attempts is plenty to read.
        ("upload_attempts_removed", UploadAttempt.id, UploadAttempt.at < before(1)),
    )
    for name, key, condition in old_rows:
        counts[name] += _delete_in_batches(name, key, condition, batch, dry_run)

    counts["sessions_ended"] += sessions.end_idle_sessions(now, dry_run=dry_run)
    _report("sessions_ended", counts["sessions_ended"], dry_run)
    # A page's last touch can race the session's end and write a time back.
    ended_with_activity = sa.and_(
        AuthSession.ended_at.is_not(None), AuthSession.last_active_at.is_not(None)
    )
    counts["session_activity_cleared"] += _update_in_batches(
        "session_activity_cleared",
        AuthSession.session_id,
        ended_with_activity,
        {"last_active_at": None},
        batch,
        dry_run,
    )
    counts["audit_notes_cleared"] += _update_in_batches(
        "audit_notes_cleared",
        AuditEntry.id,
        _notes_about_people_gone(),
        {"note": None},
        batch,
        dry_run,
    )
    return {name: counts[name] for name in COUNTS}


# What each count is, for the log lines (a dry run's are its preview).
DESCRIPTIONS = {
    "webhook_ids_removed": "remove {} processed webhook ids",
    "tombstones_removed": "remove {} tombstones of deleted accounts",
    "security_events_removed": "remove {} security events",
    "job_runs_removed": "remove {} job run log rows",
    "selfie_codes_removed": "remove {} expired selfie codes",
    "upload_attempts_removed": "remove {} upload attempts",
    "sessions_ended": "end {} sessions idle past the limit, forgetting their last activity",
    "session_activity_cleared": "forget the last activity of {} ended sessions",
    "audit_notes_cleared": "clear the note of {} audit rows about people who no longer exist",
}


def _report(name: str, count: int, dry_run: bool) -> None:
    if count:
        log.info("%s %s", "would" if dry_run else "did", DESCRIPTIONS[name].format(count))


# --- 1. images of finished submissions -------------------------------------------------


def finished_submissions(cutoff: datetime):
    """Submissions whose images are due to go at ``cutoff``: decided against before it,
    or superseded by a later submission made before it; never pending or approved,
    never one whose images the verification record holds, never one already purged."""
    later = aliased(VerificationSubmission)
    superseded = (
        sa.exists()
        .where(
            later.user_id == VerificationSubmission.user_id,
            later.submitted_at > VerificationSubmission.submitted_at,
            later.submitted_at <= cutoff,
        )
        .correlate(VerificationSubmission)
    )
    decided_against = sa.and_(
        VerificationSubmission.status.in_([status.value for status in DECIDED_AGAINST]),
        VerificationSubmission.decided_at <= cutoff,
    )
    held = (
        sa.exists()
        .where(
            UserVerification.user_id == VerificationSubmission.user_id,
            sa.or_(
                UserVerification.verification_selfie_url == VerificationSubmission.selfie_ref,
                UserVerification.cnic_front_url == VerificationSubmission.cnic_front_ref,
                UserVerification.cnic_back_url == VerificationSubmission.cnic_back_ref,
            ),
        )
        .correlate(VerificationSubmission)
    )
    return sa.and_(
        VerificationSubmission.images_purged_at.is_(None),
        VerificationSubmission.status.not_in(
            [SubmissionStatus.PENDING.value, SubmissionStatus.APPROVED.value]
        ),
        sa.or_(decided_against, superseded),
        ~held,
    )


def _in_batches(statement, key, batch: int):
    """The rows of ``statement`` (``key`` first), ``batch`` at a time in ``key`` order.
    Keyset, not offset: a row the caller leaves in place (a failed deletion) is passed
    over, not fetched again."""
    after = None
    while True:
        page = statement.order_by(key).limit(batch)
        if after is not None:
            page = page.where(key > after)
        with db.session() as session:
            rows = session.exec(page).all()
        if not rows:
            return
        after = rows[-1][0]
        yield rows


def _purge_submission_images(
    store: MediaStore, now: datetime, cutoff: datetime, batch: int, dry_run: bool, counts: Counter
) -> None:
    statement = select(
        VerificationSubmission.id,
        VerificationSubmission.cnic_front_ref,
        VerificationSubmission.cnic_back_ref,
        VerificationSubmission.selfie_ref,
    ).where(finished_submissions(cutoff))
    for rows in _in_batches(statement, VerificationSubmission.id, batch):
        purged = []
        for submission_id, *refs in rows:
            log.info("%s the images of submission %s", _verb(dry_run), submission_id)
            if dry_run:
                counts["submission_images_purged"] += 1
            elif _delete_images(store, refs, counts):
                purged.append(submission_id)
        if purged:
            with db.session() as session:
                marked = session.exec(
                    sa.update(VerificationSubmission)
                    .where(
                        VerificationSubmission.id.in_(purged),
                        VerificationSubmission.images_purged_at.is_(None),
                    )
                    .values(images_purged_at=now)
                )
                session.commit()
            counts["submission_images_purged"] += marked.rowcount


def _delete_images(store: MediaStore, refs: list[str], counts: Counter) -> bool:
    """Delete each image (already gone counts as deleted); False if any failed."""
    for ref in refs:
        try:
            store.delete(ref)
        except Exception as error:  # the store is away: keep the row, try next run
            log.warning("could not delete image %s: %s", ref, error)
            counts["image_failures"] += 1
            return False
    return True


# --- 2. draft images never submitted ---------------------------------------------------


def _remove_old_drafts(
    store: MediaStore, cutoff: datetime, batch: int, dry_run: bool, counts: Counter
) -> None:
    # A draft's image that a submission or the verification record holds (never
    # expected: submitting deletes the draft rows) stays; only the row goes.
    held = sa.or_(
        sa.exists().where(
            sa.or_(
                VerificationSubmission.selfie_ref == VerificationUpload.ref,
                VerificationSubmission.cnic_front_ref == VerificationUpload.ref,
                VerificationSubmission.cnic_back_ref == VerificationUpload.ref,
            )
        ),
        sa.exists().where(
            sa.or_(
                UserVerification.verification_selfie_url == VerificationUpload.ref,
                UserVerification.cnic_front_url == VerificationUpload.ref,
                UserVerification.cnic_back_url == VerificationUpload.ref,
            )
        ),
    )
    statement = select(VerificationUpload.id, VerificationUpload.ref, held).where(
        VerificationUpload.received_at < cutoff
    )
    for rows in _in_batches(statement, VerificationUpload.id, batch):
        removable = []
        for upload_id, ref, is_held in rows:
            log.info("%s draft image %s, never submitted", _verb(dry_run), upload_id)
            if dry_run:
                counts["drafts_removed"] += 1
            elif is_held or _delete_images(store, [ref], counts):
                removable.append(upload_id)
        if removable:
            with db.session() as session:
                removed = session.exec(
                    sa.delete(VerificationUpload).where(VerificationUpload.id.in_(removable))
                )
                session.commit()
            counts["drafts_removed"] += removed.rowcount


# --- 3. rows past their period ---------------------------------------------------------


def _old_job_runs(cutoff: datetime):
    """Runs started before ``cutoff``, except each job's last real run."""
    newer = aliased(JobRun)
    has_newer_real_run = (
        sa.exists()
        .where(
            newer.job == JobRun.job,
            ~newer.dry_run,
            sa.or_(
                newer.started_at > JobRun.started_at,
                sa.and_(newer.started_at == JobRun.started_at, newer.id > JobRun.id),
            ),
        )
        .correlate(JobRun)
    )
    return sa.and_(JobRun.started_at < cutoff, sa.or_(JobRun.dry_run, has_newer_real_run))


def _delete_in_batches(name: str, key, condition, batch: int, dry_run: bool) -> int:
    """DELETE the rows matching ``condition``, ``batch`` keys per statement."""
    return _in_statements(name, key, condition, batch, dry_run, sa.delete(key.class_))


def _in_statements(name: str, key, condition, batch: int, dry_run: bool, change) -> int:
    """Run ``change`` (a DELETE or an UPDATE that undoes ``condition``) on the matching
    rows, ``batch`` keys per statement, until none is left; a dry run counts them."""
    table = key.class_
    if dry_run:
        return _count(name, table, condition)
    done = 0
    while True:
        keys = select(key).where(condition).limit(batch)
        with db.session() as session:
            changed = session.exec(change.where(key.in_(keys))).rowcount
            session.commit()
        done += changed
        if changed < batch:
            _report(name, done, dry_run=False)
            return done


# --- 4. and 5. personal data that should already be gone -------------------------------


def _notes_about_people_gone():
    """Audit rows with a note whose subject no longer exists (deleting a person
    clears these; the append-only triggers allow clearing a note)."""
    return sa.and_(
        AuditEntry.note.is_not(None),
        sa.or_(
            AuditEntry.subject_id.is_(None),
            ~sa.exists().where(User.id == AuditEntry.subject_id).correlate(AuditEntry),
        ),
    )


def _update_in_batches(name: str, key, condition, values: dict, batch: int, dry_run: bool) -> int:
    """UPDATE the rows matching ``condition`` (which the values must undo), in batches."""
    change = sa.update(key.class_).values(**values)
    return _in_statements(name, key, condition, batch, dry_run, change)


def _count(name: str, table, condition) -> int:
    """A dry run's answer: how many rows would go, logged."""
    with db.session() as session:
        count = session.exec(select(sa.func.count()).select_from(table).where(condition)).one()
    _report(name, count, dry_run=True)
    return count


def _verb(dry_run: bool) -> str:
    return "would delete" if dry_run else "deleting"
