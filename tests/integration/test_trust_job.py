"""The trust job moves ID-verified users up to ``trusted`` when they meet the
criteria, and back down when they no longer do, writing each change to the audit log."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlmodel import select

from pk_rentals.jobs import trust
from pk_rentals.models import AuditAction, AuditEntry, UserVerification
from pk_rentals.models.base import utcnow
from tests.utils.factories import make_user, make_verification

DAY = timedelta(days=1)


def verified_person(session, *, bookings: int, rating: str, days: int, level: str, **fields):
    user = make_user(session, completed_bookings=bookings, average_rating=Decimal(rating))
    make_verification(
        session,
        user,
        verified_at=utcnow() - days * DAY,
        verification_selfie_verified=True,
        verification_level=level,
        **fields,
    )
    return user


def level_of(session, user) -> str:
    session.expire_all()
    return session.exec(
        select(UserVerification.verification_level).where(UserVerification.user_id == user.id)
    ).one()


def test_users_move_up_and_back_down_and_each_move_is_audited(session, use_database):
    earned = verified_person(session, bookings=6, rating="4.80", days=40, level="verified")
    slipped = verified_person(session, bookings=6, rating="3.90", days=90, level="trusted")
    granted = verified_person(
        session, bookings=0, rating="0", days=1, level="trusted", trust_granted=True
    )
    newcomer = verified_person(session, bookings=9, rating="5.00", days=3, level="verified")
    phone_only = make_user(session, completed_bookings=50, average_rating=Decimal("5.0"))
    make_verification(session, phone_only, phone_verified=True, verification_level="basic")

    counts = trust.run(utcnow(), dry_run=False)

    assert counts == {"users_checked": 4, "promoted": 1, "demoted": 1}
    assert level_of(session, earned) == "trusted"
    assert level_of(session, slipped) == "verified"
    assert level_of(session, granted) == "trusted"
    assert level_of(session, newcomer) == "verified"  # verified only 3 days ago
    assert level_of(session, phone_only) == "basic"
    audit = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(a.subject_id, a.level_before, a.level_after) for a in audit] == sorted(
        [(earned.id, "verified", "trusted"), (slipped.id, "trusted", "verified")],
        key=lambda row: row[0],
    )
    assert {a.action for a in audit} == {AuditAction.LEVEL_CHANGE}
    assert all(a.actor_id is None and a.reason_code == trust.REASON for a in audit)


def test_a_second_run_changes_nothing(session, use_database):
    verified_person(session, bookings=6, rating="4.80", days=40, level="verified")
    trust.run(utcnow(), dry_run=False)

    assert trust.run(utcnow(), dry_run=False) == {"users_checked": 1, "promoted": 0, "demoted": 0}
    assert len(session.exec(select(AuditEntry)).all()) == 1


def test_a_dry_run_counts_but_moves_no_one(session, use_database, caplog):
    earned = verified_person(session, bookings=6, rating="4.80", days=40, level="verified")
    caplog.set_level("INFO", logger="pk_rentals.jobs")

    counts = trust.run(utcnow(), dry_run=True)

    assert counts["promoted"] == 1
    assert f"would move {earned.clerk_user_id}" in caplog.text
    assert level_of(session, earned) == "verified"
    assert session.exec(select(AuditEntry)).all() == []


def test_time_alone_makes_someone_trusted(session, use_database):
    waiting = verified_person(session, bookings=6, rating="4.80", days=29, level="verified")

    assert trust.run(utcnow(), dry_run=False)["promoted"] == 0
    assert trust.run(utcnow() + 2 * DAY, dry_run=False)["promoted"] == 1
    assert level_of(session, waiting) == "trusted"
