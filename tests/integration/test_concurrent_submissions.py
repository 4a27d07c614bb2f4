"""Two tabs sending at the same moment. Each passes the service's own check ("nothing
pending", attempts under the cap) before either has written; the database must then
keep exactly one submission, and the CNIC claim must be that submission's CNIC.
Runs on SQLite and PostgreSQL with real threads."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import User, UserVerification, VerificationSubmission
from pk_rentals.services import moderation, verification
from pk_rentals.services.moderation import Decision
from pk_rentals.services.verification import SubmissionRefused, submitting
from tests.utils.concurrency import at_once
from tests.utils.people import (
    ALI,
    CNIC,
    MOD,
    newest_submission_id,
    upload_all,
)

OTHER_CNIC = "3520298765431"  # the second tab typed another number


def race(monkeypatch, calls: list[Callable[[], object]]) -> list[object]:
    """Run ``calls`` on threads that all pass the service's checks before any of them
    writes: each waits at a barrier right after ``_check_may_submit``."""
    barrier = threading.Barrier(len(calls), timeout=10)
    checked = submitting._check_may_submit

    def check_then_wait(*args, **kwargs):
        attempts = checked(*args, **kwargs)
        barrier.wait()
        return attempts

    monkeypatch.setattr(submitting, "_check_may_submit", check_then_wait)
    return at_once(calls)


def _rows(clerk_id: str) -> tuple[list[VerificationSubmission], UserVerification]:
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == clerk_id)).one()
        submissions = session.exec(
            select(VerificationSubmission).where(VerificationSubmission.user_id == user.id)
        ).all()
        claim = session.exec(
            select(UserVerification).where(UserVerification.user_id == user.id)
        ).one()
        return list(submissions), claim


def test_two_tabs_sending_at_once_make_one_submission_that_holds_the_claim(people, monkeypatch):
    upload_all(ALI)
    results = race(
        monkeypatch,
        [lambda: verification.submit(ALI, CNIC), lambda: verification.submit(ALI, OTHER_CNIC)],
    )
    refusals = [r.code for r in results if isinstance(r, SubmissionRefused)]
    assert refusals == ["already_pending"], results
    submissions, claim = _rows(ALI)
    assert [s.status for s in submissions] == ["pending"]
    assert claim.cnic_index == submissions[0].cnic_index  # the other number: claimed by nobody


def test_tabs_racing_past_the_resubmission_cap_get_one_attempt(people, monkeypatch):
    for _ in range(3):
        upload_all(ALI)
        verification.submit(ALI, CNIC)
        moderation.decide(
            MOD, newest_submission_id(ALI), Decision.REJECT, reason_code="cnic_unreadable"
        )
    upload_all(ALI)
    tabs = 4
    results = race(monkeypatch, [lambda: verification.submit(ALI, CNIC)] * tabs)
    refusals = [r for r in results if isinstance(r, SubmissionRefused)]
    assert len(refusals) == tabs - 1, results
    submissions, _ = _rows(ALI)
    assert sorted(s.attempt for s in submissions) == [1, 2, 3, 4]
    assert verification.status_of(ALI).resubmissions_left == 0
