"""The moderators' side of verification, as a moderator (and a plain user) would
notice it: the queue, a submission, decisions, the audited reveal, the log, stats."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from pk_rentals.models import AuditEntry, Role, UserVerification, VerificationSubmission
from pk_rentals.services import moderation
from pk_rentals.services.moderation import (
    AlreadyDecided,
    Decision,
    DecisionInvalid,
    NotFound,
    NotModerator,
)
from tests.utils.factories import make_user, make_verification
from tests.utils.verification import make_submission

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def people(session, use_database):
    """Two moderators, an admin, a plain user, and a user waiting for a decision."""

    def person(name: str, role: Role = Role.USER, **fields):
        user = make_user(session, display_name=name, role=role, **fields)
        make_verification(session, user, phone_verified=True, verification_level="basic")
        return user

    return {
        "moderator": person("Sana Moderator", Role.MODERATOR),
        "second": person("Bilal Moderator", Role.MODERATOR),
        "admin": person("Hina Admin", Role.ADMIN),
        "plain": person("Omar Plain"),
        "applicant": person("Ayesha Khan", city="Multan"),
    }


@pytest.fixture
def pending(session, people):
    return make_submission(session, people["applicant"], cnic="35202-1234567-3", submitted_at=T0)


def ids(page) -> list[str]:
    return [item.id for item in page.items]


# --- 403 for everyone else -----------------------------------------------------------


@pytest.mark.parametrize("who", ["plain", "applicant", "nobody", "empty"])
def test_every_moderation_function_refuses_a_non_moderator(who, people, pending, session):
    others = {"nobody": "user_nobody", "empty": ""}
    clerk_id = others[who] if who in others else people[who].clerk_user_id
    submission = str(pending.id)
    calls = [
        lambda: moderation.queue(clerk_id),
        lambda: moderation.detail(clerk_id, submission),
        lambda: moderation.decide(clerk_id, submission, Decision.APPROVE),
        lambda: moderation.decide(clerk_id, submission, Decision.REJECT, reason_code="other"),
        lambda: moderation.reveal_cnic(clerk_id, submission),
        lambda: moderation.set_trust_grant(clerk_id, str(people["applicant"].id), True),
        lambda: moderation.audit_log(clerk_id),
        lambda: moderation.stats(clerk_id),
    ]
    for call in calls:
        with pytest.raises(NotModerator):
            call()
    assert not moderation.is_moderator(clerk_id)
    session.expire_all()
    assert session.get(VerificationSubmission, pending.id).status == "pending"
    assert session.exec(select(AuditEntry)).all() == []


def test_only_an_admin_grants_trusted(people, session):
    with pytest.raises(NotModerator):
        moderation.set_trust_grant(
            people["moderator"].clerk_user_id, str(people["applicant"].id), True
        )


# --- the queue -----------------------------------------------------------------------


def test_queue_is_oldest_first_in_pages_that_neither_skip_nor_repeat(session, people):
    users = [make_user(session, display_name=f"Applicant {n}") for n in range(23)]
    # Three at the same second: the id breaks the tie.
    made = [
        make_submission(session, user, submitted_at=T0 + timedelta(minutes=n // 3 * 5))
        for n, user in enumerate(reversed(users))
    ]
    expected = [
        str(row.id)
        for row in sorted(made, key=lambda r: (r.submitted_at, str(r.id).replace("-", "")))
    ]
    moderator = people["moderator"].clerk_user_id

    seen, cursor = [], None
    while True:
        page = moderation.queue(moderator, after=cursor, limit=10)
        seen += ids(page)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert [len(p) for p in (seen[:10], seen[10:20], seen[20:])] == [10, 10, 3]
    assert seen == expected


def test_queue_filters_by_status_and_flag(session, people):
    moderator = people["moderator"].clerk_user_id
    rows = {
        name: make_submission(session, make_user(session), submitted_at=T0, **fields)
        for name, fields in {
            "plain": {},
            "moved": {"flag_province_mismatch": True},
            "duplicate": {"flag_duplicate_cnic": True},
            "old_selfie": {"selfie_age_seconds": 3600},
            "approved": {"status": "approved"},
            "asked_again": {"status": "resubmission_requested"},
        }.items()
    }
    assert len(moderation.queue(moderator).items) == 4
    only = {
        flag: ids(moderation.queue(moderator, flag=flag))
        for flag in ("province_mismatch", "duplicate_cnic", "selfie_age")
    }
    assert only == {
        "province_mismatch": [str(rows["moved"].id)],
        "duplicate_cnic": [str(rows["duplicate"].id)],
        "selfie_age": [str(rows["old_selfie"].id)],
    }
    assert moderation.queue(moderator, flag="selfie_age").items[0].flags == ("selfie_age",)
    assert ids(moderation.queue(moderator, status="approved")) == [str(rows["approved"].id)]
    assert ids(moderation.queue(moderator, status="resubmission_requested")) == [
        str(rows["asked_again"].id)
    ]


def test_a_tampered_cursor_starts_from_the_beginning(people, pending):
    page = moderation.queue(people["moderator"].clerk_user_id, after="garbage|x")
    assert ids(page) == [str(pending.id)]


# --- one submission ------------------------------------------------------------------


def test_detail_shows_masked_cnic_images_profile_and_earlier_attempts(session, people):
    applicant = people["applicant"]
    first = make_submission(
        session,
        applicant,
        submitted_at=T0,
        status="rejected",
        reason_code="selfie_unclear",
        decided_at=T0 + timedelta(hours=1),
    )
    second = make_submission(
        session,
        applicant,
        cnic="45102-7654321-9",
        attempt=2,
        submitted_at=T0 + timedelta(days=1),
        flag_province_mismatch=True,
    )

    shown = moderation.detail(people["moderator"].clerk_user_id, str(second.id))

    assert shown.cnic_masked == "45102-*******-9"
    assert "7654321" not in repr(shown)
    assert (shown.cnic_province, shown.profile_province) == ("Sindh", "Punjab")
    assert shown.flags == ("province_mismatch",)
    assert (shown.display_name, shown.city, shown.level) == ("Ayesha Khan", "Multan", "basic")
    assert shown.phone_verified is True
    for url in (shown.selfie_url, shown.cnic_front_url, shown.cnic_back_url):
        assert "sig=" in url and "exp=" in url
    assert len({shown.selfie_url, shown.cnic_front_url, shown.cnic_back_url}) == 3
    assert [(e.attempt, e.status, e.reason_code) for e in shown.earlier] == [
        (1, "rejected", "selfie_unclear")
    ]
    assert first.id != second.id


@pytest.mark.parametrize("submission_id", ["not-a-uuid", "8a6e0804-2bd0-4672-b79d-d97027f1f26f"])
def test_an_unknown_submission_is_not_found(people, submission_id):
    moderator = people["moderator"].clerk_user_id
    with pytest.raises(NotFound):
        moderation.detail(moderator, submission_id)
    with pytest.raises(NotFound):
        moderation.decide(moderator, submission_id, Decision.APPROVE)
    with pytest.raises(NotFound):
        moderation.reveal_cnic(moderator, submission_id)


# --- deciding ------------------------------------------------------------------------


def test_approval_verifies_the_user_and_is_audited(session, people, pending):
    moderator = people["moderator"]

    result = moderation.decide(moderator.clerk_user_id, str(pending.id), Decision.APPROVE)

    assert (result.status, result.level_before, result.level_after) == (
        "approved",
        "basic",
        "verified",
    )
    session.expire_all()
    verification = session.exec(
        select(UserVerification).where(UserVerification.user_id == people["applicant"].id)
    ).one()
    assert verification.verification_level == "verified"
    assert verification.verified_by == moderator.id
    assert verification.verification_selfie_verified is True
    [entry] = session.exec(select(AuditEntry)).all()
    assert (entry.action, entry.actor_id, entry.subject_id) == (
        "approve",
        moderator.id,
        people["applicant"].id,
    )
    assert (entry.level_before, entry.level_after) == ("basic", "verified")


def test_rejection_keeps_the_level_and_records_reason_and_note(session, people, pending):
    result = moderation.decide(
        people["moderator"].clerk_user_id,
        str(pending.id),
        Decision.REJECT,
        reason_code="cnic_unreadable",
        note="  Glare over the number.  ",
    )
    assert (result.status, result.level_after) == ("rejected", "basic")
    session.expire_all()
    row = session.get(VerificationSubmission, pending.id)
    assert (row.reason_code, row.note) == ("cnic_unreadable", "Glare over the number.")
    [entry] = session.exec(select(AuditEntry)).all()
    assert (entry.action, entry.reason_code) == ("reject", "cnic_unreadable")


@pytest.mark.parametrize(
    ("decision", "reason", "note", "code"),
    [
        (Decision.REJECT, None, None, "reason_required"),
        (Decision.REQUEST_RESUBMISSION, "", None, "reason_required"),
        (Decision.REJECT, "looks_odd", None, "reason_unknown"),
        (Decision.REJECT, "other", "x" * 501, "note_too_long"),
    ],
)
def test_an_invalid_decision_changes_nothing(
    session, people, pending, decision, reason, note, code
):
    with pytest.raises(DecisionInvalid) as refused:
        moderation.decide(
            people["moderator"].clerk_user_id,
            str(pending.id),
            decision,
            reason_code=reason,
            note=note,
        )
    assert refused.value.code == code
    session.expire_all()
    assert session.get(VerificationSubmission, pending.id).status == "pending"


def test_the_second_moderator_learns_who_decided_first_and_when(people, pending):
    first = people["moderator"].clerk_user_id
    moderation.decide(first, str(pending.id), Decision.APPROVE, now=T0 + timedelta(hours=2))

    with pytest.raises(AlreadyDecided) as late:
        moderation.decide(
            people["second"].clerk_user_id,
            str(pending.id),
            Decision.REJECT,
            reason_code="other",
        )

    assert (late.value.status, late.value.by) == ("approved", "Sana Moderator")
    assert late.value.at == T0 + timedelta(hours=2)


def test_two_moderators_at_the_same_moment_make_one_decision(session, people, pending):
    outcomes, barrier = [], threading.Barrier(2)

    def decide(who: str, decision: Decision):
        barrier.wait()
        try:
            outcomes.append(
                moderation.decide(who, str(pending.id), decision, reason_code="other").status
            )
        except AlreadyDecided as error:
            outcomes.append(f"late:{error.status}")

    threads = [
        threading.Thread(target=decide, args=(people["moderator"].clerk_user_id, Decision.APPROVE)),
        threading.Thread(target=decide, args=(people["second"].clerk_user_id, Decision.REJECT)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [o for o in outcomes if not o.startswith("late:")]
    assert len(winners) == 1
    assert outcomes.count(f"late:{winners[0]}") == 1
    assert len(session.exec(select(AuditEntry)).all()) == 1


def test_a_moderator_cannot_decide_their_own_submission(session, people):
    own = make_submission(session, people["moderator"], submitted_at=T0)
    with pytest.raises(DecisionInvalid) as refused:
        moderation.decide(people["moderator"].clerk_user_id, str(own.id), Decision.APPROVE)
    assert refused.value.code == "own_submission"
    session.expire_all()
    assert session.get(VerificationSubmission, own.id).status == "pending"


# --- reveal, audit log, trust grant ---------------------------------------------------


def test_reveal_shows_the_full_cnic_and_writes_the_audit_log_first(session, people, pending):
    moderator = people["moderator"]
    assert moderation.reveal_cnic(moderator.clerk_user_id, str(pending.id)) == "35202-1234567-3"
    [entry] = moderation.audit_log(moderator.clerk_user_id)
    assert (entry.action, entry.actor, entry.subject) == (
        "reveal_cnic",
        "Sana Moderator",
        "Ayesha Khan",
    )
    assert entry.submission_id == str(pending.id)


def test_audit_log_is_newest_first_in_pages(session, people, pending):
    moderator = people["moderator"].clerk_user_id
    for _ in range(5):
        moderation.reveal_cnic(moderator, str(pending.id))
    moderation.decide(moderator, str(pending.id), Decision.APPROVE)
    first = moderation.audit_log(moderator, limit=4)
    rest = moderation.audit_log(moderator, before=first[-1].id, limit=4)
    assert [e.action for e in first] == ["approve"] + ["reveal_cnic"] * 3
    assert [e.action for e in rest] == ["reveal_cnic"] * 2
    assert len({e.id for e in first + rest}) == 6


def test_a_moderator_without_a_profile_is_named_by_email_in_the_audit_and_the_decision(
    session, pending
):
    staff = make_user(
        session, display_name="", role=Role.MODERATOR, clerk_email="hina.staff@example.pk"
    )
    moderation.decide(staff.clerk_user_id, str(pending.id), Decision.APPROVE)
    assert moderation.audit_log(staff.clerk_user_id)[0].actor == "hina.staff@example.pk"
    shown = moderation.detail(staff.clerk_user_id, str(pending.id))
    assert shown.decided_by == "hina.staff@example.pk"


def test_an_admins_grant_makes_a_verified_user_trusted(session, people, pending):
    moderation.decide(people["moderator"].clerk_user_id, str(pending.id), Decision.APPROVE)
    result = moderation.set_trust_grant(
        people["admin"].clerk_user_id, str(people["applicant"].id), True
    )
    assert (result.level_before, result.level_after) == ("verified", "trusted")
    assert moderation.audit_log(people["admin"].clerk_user_id)[0].action == "grant_trusted"


# --- stats ---------------------------------------------------------------------------


def test_stats_count_pending_median_wait_and_decisions_per_day(session, people):
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    for hours in (1, 3, 8):  # decided after 1, 3 and 8 hours
        make_submission(
            session,
            make_user(session),
            submitted_at=now - timedelta(days=2, hours=hours),
            status="approved",
            decided_at=now - timedelta(days=2),
        )
    make_submission(
        session,
        make_user(session),
        submitted_at=now - timedelta(hours=5),
        status="rejected",
        reason_code="other",
        decided_at=now - timedelta(hours=1),
    )
    for _ in range(2):
        make_submission(session, make_user(session), submitted_at=now - timedelta(hours=2))

    shown = moderation.stats(people["moderator"].clerk_user_id, days=7, now=now)

    assert shown.pending == 2
    assert shown.median_decision_seconds == pytest.approx(3.5 * 3600)
    assert len(shown.decisions_per_day) == 7
    assert shown.decisions_per_day[-1] == ("2026-11-20", 1)
    assert shown.decisions_per_day[-3] == ("2026-11-18", 3)
    assert sum(count for _, count in shown.decisions_per_day) == 4


def _decided(session, submitted_at: datetime, decided_at: datetime):
    make_submission(
        session,
        make_user(session),
        submitted_at=submitted_at,
        status="approved",
        decided_at=decided_at,
    )


def test_stats_days_run_midnight_to_midnight_in_pakistan(session, people):
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # 17:00 in Pakistan
    # 18:59 UTC is 23:59 in Pakistan; 19:00 UTC is the next day's first minute there.
    for decided in (datetime(2026, 11, 18, 18, 59), datetime(2026, 11, 18, 19, 0)):
        decided = decided.replace(tzinfo=UTC)
        _decided(session, decided - timedelta(hours=1), decided)

    shown = moderation.stats(people["moderator"].clerk_user_id, days=3, now=now)

    assert shown.decisions_per_day == [("2026-11-18", 1), ("2026-11-19", 1), ("2026-11-20", 0)]


@pytest.mark.parametrize(
    ("waits_in_hours", "median_hours"),
    [([5], 5), ([1, 2, 9], 2), ([4, 1, 30, 2], 3), ([0.5, 0.25], 0.375)],
)
def test_stats_median_is_the_middle_wait_or_the_mean_of_the_middle_two(
    session, people, waits_in_hours, median_hours
):
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    for n, hours in enumerate(waits_in_hours):
        decided = now - timedelta(days=n + 1)
        _decided(session, decided - timedelta(hours=hours), decided)

    shown = moderation.stats(people["moderator"].clerk_user_id, now=now)

    assert shown.median_decision_seconds == pytest.approx(median_hours * 3600, abs=0.01)


def test_stats_leave_out_decisions_older_than_30_days(session, people):
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    _decided(session, now - timedelta(days=40, hours=9), now - timedelta(days=40))
    _decided(session, now - timedelta(days=29, hours=2), now - timedelta(days=29))

    shown = moderation.stats(people["moderator"].clerk_user_id, days=14, now=now)

    assert shown.median_decision_seconds == pytest.approx(2 * 3600, abs=0.01)
    assert sum(count for _, count in shown.decisions_per_day) == 0  # 29 days ago is not shown


def test_stats_with_no_decisions_say_so(session, people, pending):
    shown = moderation.stats(people["moderator"].clerk_user_id, days=14)

    assert shown.pending == 1
    assert shown.median_decision_seconds is None
    assert [count for _, count in shown.decisions_per_day] == [0] * 14
