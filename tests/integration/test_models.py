"""The seed's tables enforce their rules in the database itself, on both backends."""

import time
import uuid
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from pk_rentals.models import (
    Language,
    Theme,
    User,
    UserPreferences,
    UserVerification,
    VerificationLevel,
)
from tests.utils.factories import make_preferences, make_user, make_verification


def test_new_user_gets_the_seed_defaults(session):
    user = make_user(session)
    assert user.preferred_language == Language.URDU
    assert user.average_rating == Decimal("0.00")
    assert user.response_rate == Decimal("0.00")
    assert (user.total_reviews, user.completed_bookings) == (0, 0)
    assert user.notification_settings == {}
    assert user.created_at.tzinfo is not None


def test_new_verification_starts_unverified(session):
    verification = make_verification(session, make_user(session))
    assert verification.verification_level == VerificationLevel.UNVERIFIED
    assert not verification.phone_verified
    assert not verification.email_verified
    assert not verification.verification_selfie_verified


def test_database_defaults_apply_to_raw_inserts(session):
    session.execute(
        sa.text(
            "INSERT INTO user_preferences (id, clerk_user_id) "
            "VALUES ('0b6e2c1e5e0c4c7b9a7e6f1d2c3b4a59', 'user_raw')"
        )
    )
    row = session.execute(sa.text("SELECT theme, notifications FROM user_preferences")).one()
    assert row.theme == "system"
    assert bool(row.notifications) is True


def test_clerk_user_id_is_unique(session):
    make_user(session, clerk_user_id="user_same")
    with pytest.raises(IntegrityError):
        make_user(session, clerk_user_id="user_same")


def test_a_cnic_number_can_belong_to_one_record_only(session):
    make_verification(session, make_user(session), cnic_number="35202-1234567-3")
    with pytest.raises(IntegrityError):
        make_verification(session, make_user(session), cnic_number="35202-1234567-3")


def test_one_verification_record_per_user(session):
    user = make_user(session)
    make_verification(session, user)
    with pytest.raises(IntegrityError):
        make_verification(session, user)


def test_unknown_verification_level_is_refused_by_the_database(session):
    user = make_user(session)
    with pytest.raises(IntegrityError):
        session.execute(
            sa.insert(UserVerification.__table__).values(
                id=uuid.uuid4(), user_id=user.id, verification_level="gold"
            )
        )
        session.commit()


def test_unknown_theme_is_refused_by_the_database(session):
    with pytest.raises(IntegrityError):
        make_preferences(session, "user_theme", theme="neon")


def test_deleting_a_user_deletes_their_verification(session):
    user = make_user(session)
    make_verification(session, user, cnic_number="42101-7654321-9")
    session.execute(sa.delete(User).where(User.id == user.id))
    session.commit()
    assert session.exec(select(UserVerification)).all() == []


def test_deleting_a_moderator_keeps_the_decision_without_the_reviewer(session):
    moderator = make_user(session, display_name="Moderator")
    verification = make_verification(
        session,
        make_user(session),
        verification_level=VerificationLevel.VERIFIED,
        verified_by=moderator.id,
    )
    session.execute(sa.delete(User).where(User.id == moderator.id))
    session.commit()
    session.refresh(verification)
    assert verification.verified_by is None
    assert verification.verification_level == VerificationLevel.VERIFIED


def test_updated_at_moves_on_update_and_created_at_does_not(session):
    user = make_user(session)
    created, updated = user.created_at, user.updated_at
    time.sleep(0.01)
    user.bio = "Landlord in Gulberg"
    session.add(user)
    session.commit()
    session.refresh(user)
    assert user.created_at == created
    assert user.updated_at > updated


def test_notification_settings_round_trip_as_json(session, engine):
    make_user(session, notification_settings={"sms": False, "email": {"digest": "weekly"}})
    session.expire_all()
    stored = session.exec(select(User)).one()
    assert stored.notification_settings == {"sms": False, "email": {"digest": "weekly"}}
    if engine.dialect.name == "postgresql":
        column = session.execute(
            sa.text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'users' AND column_name = 'notification_settings'"
            )
        ).scalar_one()
        assert column == "jsonb"


def test_preferences_are_found_by_clerk_user_id_through_an_index(session, engine):
    make_preferences(session, "user_pref", theme=Theme.DARK)
    indexes = sa.inspect(engine).get_indexes("user_preferences")
    assert any(ix["column_names"] == ["clerk_user_id"] and ix["unique"] for ix in indexes)
    found = session.exec(
        select(UserPreferences).where(UserPreferences.clerk_user_id == "user_pref")
    ).one()
    assert found.theme == Theme.DARK
