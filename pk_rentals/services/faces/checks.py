"""Face checks of submissions and of a selfie before it is submitted.

- ``quick_check_upload``: the selfie just uploaded on /verify (faces, blur, brightness),
  awaited by the upload route so the camera can offer a retake (~0.1-0.5 s).
- ``check_submission``: selfie and CNIC front of a submission, stored in
  ``face_checks``; a failure or timeout stores "unavailable" and the submission stays
  in the queue as it is.
- ``backfill`` / ``run``: fill in what is missing or was unavailable (CLI and jobs).

The work itself runs in the check process (pool.py); this module only waits for it,
from a thread or the event loop. Nothing here approves or rejects anything.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import uuid
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    FaceBand,
    FaceCheck,
    FaceCheckStatus,
    SubmissionStatus,
    User,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.models.base import utcnow
from pk_rentals.services import check_backfill
from pk_rentals.services.faces import detector, pool
from pk_rentals.services.faces.pool import ChecksUnavailable
from pk_rentals.services.storage import get_media_store
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)

# What the quick check can tell the user, in the order it says them (verify.face.<x>).
SELFIE_PROBLEMS = ("no_face", "several_faces", "too_dark", "blurry")
BACKFILL_BATCH = 500


@dataclasses.dataclass(frozen=True)
class Thresholds:
    same: float  # distance below: likely the same person
    different: float  # distance from: likely different people
    blur_min: float
    dark_max: float

    @classmethod
    def current(cls) -> Thresholds:
        settings = get_settings()
        return cls(
            settings.face_band_same,
            settings.face_band_different,
            settings.face_blur_min,
            settings.face_dark_max,
        )

    def describe(self) -> str:
        """What a stored result was judged with (``face_checks.thresholds``)."""
        return (
            f"same<{self.same:g} different>={self.different:g} "
            f"blur<{self.blur_min:g} dark<{self.dark_max:g}"
        )

    def band(self, distance: float | None) -> FaceBand | None:
        if distance is None:
            return None
        if distance < self.same:
            return FaceBand.LIKELY_SAME
        if distance < self.different:
            return FaceBand.LOOK_CLOSELY
        return FaceBand.LIKELY_DIFFERENT

    def blurry(self, blur: float | None) -> bool:
        return blur is not None and blur < self.blur_min

    def dark(self, brightness: float | None) -> bool:
        return brightness is not None and brightness < self.dark_max


def selfie_problems(report: dict, thresholds: Thresholds) -> list[str]:
    """What is wrong with a selfie, from ``detector.analyse``'s report."""
    if report["faces"] == 0:
        return ["no_face"]
    problems = ["several_faces"] if report["faces"] > 1 else []
    if thresholds.dark(report["brightness"]):
        problems.append("too_dark")
    if thresholds.blurry(report["blur"]):
        problems.append("blurry")
    return problems


# --- before submitting -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class QuickCheck:
    available: bool  # False: no answer in time; the user is not held up
    problems: tuple[str, ...] = ()
    faces: int | None = None
    seconds: float | None = None

    def as_json(self) -> dict:
        return {
            "available": self.available,
            "problems": list(self.problems),
            "faces": self.faces,
            "seconds": self.seconds,
        }


def _upload_bytes(upload_id: str) -> bytes:
    with db.session() as session:
        upload = session.get(VerificationUpload, uuid.UUID(upload_id))
        ref = upload.ref
    return get_media_store().read(ref)


async def quick_check_upload(upload_id: str) -> QuickCheck:
    """The selfie draft ``upload_id`` (already the caller's, just stored), checked."""
    import asyncio

    settings = get_settings()
    if not settings.face_checks_enabled:
        return QuickCheck(available=False)
    try:
        data = await asyncio.to_thread(_upload_bytes, upload_id)
        report = await pool.run_async(
            detector.quick_check, data, timeout=settings.face_quick_check_seconds
        )
    except ChecksUnavailable as unavailable:
        log.info("selfie quick check unavailable: %s", unavailable.reason)
        return QuickCheck(available=False)
    return QuickCheck(
        available=True,
        problems=tuple(selfie_problems(report, Thresholds.current())),
        faces=report["faces"],
        seconds=report["seconds"],
    )


# --- a submission ----------------------------------------------------------------------


def _result(submission_id: uuid.UUID, report: dict, thresholds: Thresholds) -> FaceCheck:
    selfie, cnic = report["selfie"], report["cnic"]
    band = thresholds.band(report["distance"])
    return FaceCheck(
        submission_id=submission_id,
        status=FaceCheckStatus.DONE,
        model=report["model"],
        thresholds=thresholds.describe(),
        seconds=report["seconds"],
        cpu_seconds=report["cpu_seconds"],
        selfie_faces=selfie["faces"],
        cnic_faces=cnic["faces"],
        distance=report["distance"],
        band=band,
        selfie_blur=selfie["blur"],
        selfie_brightness=selfie["brightness"],
        cnic_blur=cnic["blur"],
        cnic_brightness=cnic["brightness"],
        selfie_boxes=selfie["boxes"],
        cnic_boxes=cnic["boxes"],
        flag_no_face=selfie["faces"] == 0,
        flag_several_faces=selfie["faces"] > 1,
        flag_no_face_on_cnic=cnic["faces"] == 0,
        flag_faces_differ=band is FaceBand.LIKELY_DIFFERENT,
        flag_blurry=thresholds.blurry(selfie["blur"]) or thresholds.blurry(cnic["blur"]),
        flag_too_dark=thresholds.dark(selfie["brightness"]) or thresholds.dark(cnic["brightness"]),
    )


def _unavailable(submission_id: uuid.UUID, problem: str, thresholds: Thresholds) -> FaceCheck:
    return FaceCheck(
        submission_id=submission_id,
        status=FaceCheckStatus.UNAVAILABLE,
        problem=problem,
        model=detector.MODEL,
        thresholds=thresholds.describe(),
    )


def _save(result: FaceCheck) -> FaceCheck:
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
    raise RuntimeError("could not store the face check")


def check_submission(submission_id: uuid.UUID | str) -> FaceCheck | None:
    """Run the checks of one submission and store them; ``None`` when checks are off
    or there is no such submission. Never raises for a check that cannot run."""
    settings = get_settings()
    if not settings.face_checks_enabled:
        return None
    key = uuid.UUID(str(submission_id))
    thresholds = Thresholds.current()
    with db.session() as session:
        row = session.get(VerificationSubmission, key)
        if row is None:
            return None
        refs = (row.selfie_ref, row.cnic_front_ref)
    try:
        store = get_media_store()
        selfie, front = store.read(refs[0]), store.read(refs[1])
    except Exception:
        log.exception("face checks: the images of %s cannot be read", key)
        return _save(_unavailable(key, "images_unreadable", thresholds))
    try:
        report = pool.run(detector.full_check, selfie, front, timeout=settings.face_check_seconds)
    except ChecksUnavailable as unavailable:
        return _save(_unavailable(key, unavailable.reason, thresholds))
    log.info("face checks of %s: %.2f s", key, report["seconds"])
    return _save(_result(key, report, thresholds))


def check_newest_submission(clerk_user_id: str) -> FaceCheck | None:
    """Check the user's pending submission (just sent from /verify)."""
    with db.session() as session:
        newest = session.exec(
            select(VerificationSubmission.id)
            .join(User, User.id == VerificationSubmission.user_id)
            .where(
                User.clerk_user_id == clerk_user_id,
                VerificationSubmission.status == SubmissionStatus.PENDING,
            )
            .order_by(VerificationSubmission.submitted_at.desc())
        ).first()
    return check_submission(newest) if newest else None


def check_in_background(clerk_user_id: str) -> None:
    """Start the user's submission check and return at once (the thread only waits;
    the work is in the check process). A lost result is the backfill's to redo."""

    def work():
        try:
            check_newest_submission(clerk_user_id)
        except Exception:
            log.exception("face checks after a submission failed")

    threading.Thread(target=work, name="face-check", daemon=True).start()


# --- backfill --------------------------------------------------------------------------


def missing_statement(since: datetime | None):
    """Submissions without face checks (or with unavailable ones), oldest first."""
    unavailable = FaceCheck.status == FaceCheckStatus.UNAVAILABLE
    return check_backfill.missing_submissions(FaceCheck, unavailable, since)


def backfill(
    *, since: datetime | None = None, dry_run: bool = False, limit: int = BACKFILL_BATCH
) -> dict[str, int]:
    """Check submissions that have no result (or an unavailable one); counts of each."""
    return check_backfill.backfill(
        missing_statement(since),
        check_submission,
        lambda result: result.status == FaceCheckStatus.DONE,
        dry_run=dry_run,
        limit=limit,
    )


def run(now: datetime, *, dry_run: bool = False) -> dict[str, int]:
    """The jobs worker's entry: one batch of the backfill (``now`` is unused: every
    missing result is due)."""
    del now
    return backfill(dry_run=dry_run)
