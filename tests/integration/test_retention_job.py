"""The retention job (what we keep, and how long) on real rows and
real stored images: just before each period nothing goes, just after it goes; the
approved images stay; a dry run changes nothing; a second run counts zeros; an
image store that fails keeps the rows. The clock is moved, never waited for."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.jobs import retention
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    AuthSession,
    ClerkUserTombstone,
    JobRun,
    MediaKind,
    ProcessedWebhook,
    Role,
    SecurityEvent,
    SelfieCode,
    SubmissionStatus,
    UploadAttempt,
    User,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.models.base import utcnow
from pk_rentals.services import moderation
from pk_rentals.services.faces import checks as face_checks
from pk_rentals.services.identity.clerk_ids import new_clerk_id
from pk_rentals.services.storage import MediaNotFound, get_media_store
from pk_rentals.settings import get_settings
from tests.utils.cli import run_cli
from tests.utils.factories import make_user, make_verification
from tests.utils.fake_cloudinary import fake_cloudinary_server
from tests.utils.servers import free_port
from tests.utils.verification import jpeg, make_submission

SECOND, DAY = timedelta(seconds=1), timedelta(days=1)
T0 = datetime.fromisoformat("2026-01-05T09:00:00+00:00")
NOTHING = dict.fromkeys(retention.COUNTS, 0)


@pytest.fixture(autouse=True)
def _settings(use_database, monkeypatch, tmp_path):
    """This test's database and media folder; batches of 2, so every pass spans several."""
    monkeypatch.setenv("PK_MEDIA_DIR", str(tmp_path / "media"))
    monkeypatch.setenv("PK_RETENTION_BATCH_SIZE", "2")
    get_settings.cache_clear()


def person(**fields) -> User:
    with db.session() as session:
        user = make_user(session, clerk_user_id=new_clerk_id("user"), **fields)
        make_verification(session, user)
        session.refresh(user)
        return user


def decided(user: User, status: SubmissionStatus, at: datetime, **fields) -> uuid.UUID:
    """A submission with its three images stored, decided at ``at``."""
    with db.session() as session:
        row = make_submission(
            session, user, submitted_at=at - DAY, status=status, decided_at=at, **fields
        )
        return row.id


def submission(submission_id: uuid.UUID) -> VerificationSubmission:
    with db.session() as session:
        return session.get(VerificationSubmission, submission_id)


def images_exist(submission_id: uuid.UUID) -> list[bool]:
    row, store = submission(submission_id), get_media_store()
    found = []
    for ref in (row.selfie_ref, row.cnic_front_ref, row.cnic_back_ref):
        try:
            found.append(bool(store.read(ref)))
        except MediaNotFound:
            found.append(False)
    return found


def files_on_disk() -> int:
    return len(list(get_settings().media_dir.rglob("*.jpg")))


def counts(now: datetime, *, dry_run: bool = False, **expected: int) -> None:
    """Run the job at ``now`` and check its counts: ``expected``, zeros elsewhere."""
    assert retention.run(now, dry_run=dry_run) == {**NOTHING, **expected}


def add(*rows) -> None:
    with db.session() as session:
        session.add_all(rows)
        session.commit()


def count_rows(model) -> int:
    with db.session() as session:
        return session.exec(select(sa.func.count()).select_from(model)).one()


# --- images of submissions -------------------------------------------------------------


def test_rejected_images_go_90_days_after_the_decision_and_the_decision_stays():
    user = person()
    rejected = decided(user, SubmissionStatus.REJECTED, T0, reason_code="blurry_selfie")
    add(
        AuditEntry(
            at=T0,
            action=AuditAction.REJECT,
            subject_id=user.id,
            submission_id=rejected,
            reason_code="blurry_selfie",
            note="Selfie too dark; ask for daylight",
        )
    )
    assert face_checks.backfill(dry_run=True)["missing"] == 1

    counts(T0 + 90 * DAY - SECOND)
    assert images_exist(rejected) == [True, True, True]

    counts(T0 + 90 * DAY + SECOND, submission_images_purged=1)
    assert images_exist(rejected) == [False, False, False]
    assert files_on_disk() == 0
    row = submission(rejected)
    assert (row.status, row.reason_code) == ("rejected", "blurry_selfie")
    assert row.images_purged_at is not None
    with db.session() as session:
        audit = session.exec(select(AuditEntry)).one()
    assert (audit.action, audit.note) == ("reject", "Selfie too dark; ask for daylight")
    # Nothing left to check faces on, and moderators are told the photos went.
    assert face_checks.backfill(dry_run=True)["missing"] == 0
    with db.session() as session:
        moderator = make_user(session, clerk_user_id=new_clerk_id("user"), role=Role.MODERATOR)
    shown = moderation.detail(moderator.clerk_user_id, str(rejected))
    assert shown.images_purged
    assert (shown.selfie_url, shown.cnic_front_url, shown.cnic_back_url) == ("", "", "")


def test_a_request_to_resubmit_counts_from_its_decision_and_the_new_attempt_stays():
    user = person()
    asked = decided(user, SubmissionStatus.RESUBMISSION_REQUESTED, T0, reason_code="cnic_blurry")
    with db.session() as session:
        pending = make_submission(session, user, submitted_at=T0 + 10 * DAY, attempt=2).id

    counts(T0 + 90 * DAY - SECOND)
    counts(T0 + 90 * DAY + SECOND, submission_images_purged=1)
    assert images_exist(asked) == [False, False, False]
    assert images_exist(pending) == [True, True, True]
    counts(T0 + 1000 * DAY)  # a pending submission waits for its moderator, however long


def test_an_older_attempt_goes_90_days_after_the_attempt_that_superseded_it():
    """Supersession on its own clock: attempts with no decision time on record."""
    user = person()
    with db.session() as session:
        older = make_submission(session, user, submitted_at=T0 - 30 * DAY, status="rejected").id
        newer = make_submission(session, user, submitted_at=T0, attempt=2, status="rejected").id

    counts(T0 + 90 * DAY - SECOND)
    counts(T0 + 90 * DAY + SECOND, submission_images_purged=1)
    assert images_exist(older) == [False, False, False]
    assert images_exist(newer) == [True, True, True]


def test_approved_images_stay_while_the_account_exists():
    user = person()
    earlier = decided(user, SubmissionStatus.REJECTED, T0 - 20 * DAY, reason_code="face_mismatch")
    approved = decided(user, SubmissionStatus.APPROVED, T0)
    row = submission(approved)
    with db.session() as session:  # what moderation.decide copies on approval
        verification = session.exec(
            select(UserVerification).where(UserVerification.user_id == user.id)
        ).one()
        verification.verification_selfie_url = row.selfie_ref
        verification.cnic_front_url = row.cnic_front_ref
        verification.cnic_back_url = row.cnic_back_ref
        session.add(verification)
        session.commit()

    counts(T0 + 1000 * DAY, submission_images_purged=1)
    assert images_exist(earlier) == [False, False, False]
    assert images_exist(approved) == [True, True, True]
    assert submission(approved).images_purged_at is None


def test_draft_images_never_submitted_go_after_7_days():
    user = person()
    store = get_media_store()
    refs = [store.put(user.clerk_user_id, kind, jpeg(kind)) for kind in MediaKind]
    add(
        *(
            VerificationUpload(
                user_id=user.id, kind=kind, ref=ref, bytes=1, width=1, height=1, received_at=T0
            )
            for kind, ref in zip(MediaKind, refs, strict=True)
        )
    )

    counts(T0 + 7 * DAY - SECOND)
    assert count_rows(VerificationUpload) == 3 and files_on_disk() == 3
    counts(T0 + 7 * DAY + SECOND, drafts_removed=3)
    assert count_rows(VerificationUpload) == 0 and files_on_disk() == 0


# --- rows past their period ------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "days", "model", "fields"),
    [
        (
            "webhook_ids_removed",
            30,
            ProcessedWebhook,
            lambda n: {"svix_id": f"msg_2old{n}", "event_type": "user.updated", "received_at": T0},
        ),
        (
            "tombstones_removed",
            90,
            ClerkUserTombstone,
            lambda n: {"clerk_user_id": new_clerk_id("user"), "deleted_at": T0},
        ),
        (
            "security_events_removed",
            90,
            SecurityEvent,
            lambda n: {"kind": "sign_in_failed", "reason": "form_password_incorrect", "at": T0},
        ),
    ],
)
def test_rows_go_when_their_period_has_passed(count, days, model, fields):
    add(*(model(**fields(n)) for n in range(3)))  # 3 rows, batches of 2
    counts(T0 + days * DAY - SECOND)
    assert count_rows(model) == 3
    counts(T0 + days * DAY + SECOND, **{count: 3})
    assert count_rows(model) == 0


def test_selfie_codes_go_a_day_after_they_expire_used_or_not():
    owner = person()
    add(
        *(
            SelfieCode(
                code_hash=f"hash{n}",
                user_id=owner.id,
                issued_at=T0 - 300 * SECOND,
                expires_at=T0,
                used_at=T0 - SECOND if n else None,
            )
            for n in range(3)
        )
    )
    counts(T0 + DAY - SECOND)
    assert count_rows(SelfieCode) == 3
    counts(T0 + DAY + SECOND, selfie_codes_removed=3)
    assert count_rows(SelfieCode) == 0


def test_old_job_runs_go_but_each_jobs_last_real_run_stays():
    def job_run(job: str, started: datetime, *, dry_run: bool = False) -> JobRun:
        return JobRun(job=job, holder="host:1", dry_run=dry_run, status="ok", started_at=started)

    add(
        job_run("trust", T0),
        job_run("trust", T0 + DAY, dry_run=True),
        job_run("trust", T0 + 2 * DAY),  # trust's last real run
        job_run("reminders", T0),  # reminders' only run
    )
    counts(T0 + 90 * DAY - SECOND)
    counts(T0 + 1000 * DAY, job_runs_removed=2)
    with db.session() as session:
        left = session.exec(select(JobRun.job, JobRun.started_at).order_by(JobRun.job)).all()
    assert [job for job, _ in left] == ["reminders", "trust"]


def test_sessions_abandoned_without_sign_out_end_and_forget_their_last_activity():
    idle = timedelta(seconds=get_settings().idle_timeout_seconds)
    clerk_user_id = new_clerk_id("user")
    add(
        AuthSession(session_id="sess_2abandoned", clerk_user_id=clerk_user_id, last_active_at=T0),
        AuthSession(
            session_id="sess_2ended",
            clerk_user_id=clerk_user_id,
            last_active_at=T0,  # a last touch that raced the sign-out
            ended_at=T0,
            end_reason="signed_out",
        ),
    )
    counts(T0 + idle - SECOND, session_activity_cleared=1)
    counts(T0 + idle + SECOND, sessions_ended=1)
    with db.session() as session:
        rows = session.exec(select(AuthSession)).all()
    assert [(row.last_active_at, row.ended_at is not None) for row in rows] == [(None, True)] * 2


def test_audit_notes_about_people_who_no_longer_exist_are_cleared():
    user = person()
    add(
        AuditEntry(at=T0, action=AuditAction.REJECT, subject_id=user.id, note="Card photo cut off"),
        AuditEntry(at=T0, action=AuditAction.REJECT, subject_id=None, note="Ayesha's card is fake"),
    )
    counts(T0, audit_notes_cleared=1)
    with db.session() as session:
        notes = session.exec(select(AuditEntry.note).order_by(AuditEntry.id)).all()
    assert notes == ["Card photo cut off", None]


# --- dry runs, second runs, failures ---------------------------------------------------


def everything_due() -> dict[str, int]:
    """One of each thing the job removes, all long past their periods."""
    user = person()
    decided(user, SubmissionStatus.REJECTED, T0, reason_code="blurry_selfie")
    ref = get_media_store().put(user.clerk_user_id, MediaKind.SELFIE, jpeg(MediaKind.SELFIE))
    add(
        VerificationUpload(
            user_id=user.id, kind="selfie", ref=ref, bytes=1, width=1, height=1, received_at=T0
        ),
        ProcessedWebhook(svix_id="msg_2due", event_type="user.created", received_at=T0),
        ClerkUserTombstone(clerk_user_id=new_clerk_id("user"), deleted_at=T0),
        SecurityEvent(at=T0, kind="lockout"),
        JobRun(job="trust", holder="h", status="ok", started_at=T0),
        JobRun(job="trust", holder="h", status="ok", started_at=T0 + DAY),
        AuthSession(session_id="sess_2due", clerk_user_id=user.clerk_user_id, last_active_at=T0),
        AuditEntry(at=T0, action=AuditAction.REJECT, note="about someone deleted"),
        SelfieCode(code_hash="hash-due", user_id=user.id, issued_at=T0, expires_at=T0),
        UploadAttempt(user_id=user.id, at=T0),
    )
    return {name: 1 for name in retention.COUNTS if name != "image_failures"} | {
        "session_activity_cleared": 0
    }


def snapshot() -> dict[str, list[tuple]]:
    """Every column of every row the job would change."""
    tables = (VerificationSubmission, VerificationUpload, AuthSession, AuditEntry)
    with db.session() as session:
        return {
            model.__tablename__: [tuple(row) for row in session.execute(sa.select(model.__table__))]
            for model in tables
        }


def test_a_dry_run_says_what_would_go_and_changes_nothing(caplog):
    expected = everything_due()
    later = T0 + 365 * DAY
    before = snapshot()
    caplog.set_level("INFO", logger="pk_rentals.jobs.retention")

    counts(later, dry_run=True, **expected)
    assert "would delete the images of submission" in caplog.text
    assert "would remove 1 processed webhook ids" in caplog.text
    assert files_on_disk() == 4
    assert snapshot() == before
    for model in (ProcessedWebhook, ClerkUserTombstone, SecurityEvent):
        assert count_rows(model) == 1
    assert count_rows(JobRun) == 2

    counts(later, **expected)  # the real run does what the dry run said
    assert files_on_disk() == 0


def test_a_second_run_counts_zeros():
    expected = everything_due()
    later = T0 + 365 * DAY
    counts(later, **expected)
    counts(later)
    counts(later, dry_run=True)


@pytest.fixture
def cloudinary(monkeypatch):
    """Images in (a local stand-in for) Cloudinary, which can be made unreachable."""
    with fake_cloudinary_server() as fake:
        monkeypatch.setenv("PK_MEDIA_STORAGE", "cloudinary")
        monkeypatch.setenv("CLOUDINARY_URL", fake.cloudinary_url())
        get_settings.cache_clear()
        yield fake


def test_images_the_store_cannot_delete_keep_their_rows_for_the_next_run(cloudinary, monkeypatch):
    user = person()
    rejected = decided(user, SubmissionStatus.REJECTED, T0, reason_code="blurry_selfie")
    ref = get_media_store().put(user.clerk_user_id, MediaKind.SELFIE, jpeg(MediaKind.SELFIE))
    add(
        VerificationUpload(
            user_id=user.id, kind="selfie", ref=ref, bytes=1, width=1, height=1, received_at=T0
        )
    )
    assert len(cloudinary.assets) == 4
    later = T0 + 365 * DAY

    closed_port = f"http://127.0.0.1:{free_port()}"
    unreachable = cloudinary.cloudinary_url().replace(cloudinary.url, closed_port)
    monkeypatch.setenv("CLOUDINARY_URL", unreachable)
    get_settings.cache_clear()
    counts(later, image_failures=2)
    assert submission(rejected).images_purged_at is None
    assert count_rows(VerificationUpload) == 1
    assert len(cloudinary.assets) == 4

    monkeypatch.setenv("CLOUDINARY_URL", cloudinary.cloudinary_url())
    get_settings.cache_clear()
    counts(later, submission_images_purged=1, drafts_removed=1)
    assert submission(rejected).images_purged_at is not None
    assert count_rows(VerificationUpload) == 0
    assert cloudinary.assets == {}
    counts(later)


cli = run_cli


def runs(job: str) -> list[JobRun]:
    with db.session() as session:
        return list(session.exec(select(JobRun).where(JobRun.job == job).order_by(JobRun.id)))


def test_cli_run_job_retention_dry_run_prints_what_would_go_and_changes_nothing():
    user = person()
    rejected = decided(user, SubmissionStatus.REJECTED, utcnow() - 100 * DAY, reason_code="other")

    result = cli("run-job", "retention", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert f"would delete the images of submission {rejected}" in result.stdout
    assert "job retention (dry run) ok in" in result.stdout
    assert "submission_images_purged=1" in result.stdout
    assert images_exist(rejected) == [True, True, True]
    assert [run.dry_run for run in runs("retention")] == [True]

    result = cli("run-job", "retention")
    assert result.returncode == 0, result.stderr
    assert "submission_images_purged=1" in result.stdout
    assert images_exist(rejected) == [False, False, False]
