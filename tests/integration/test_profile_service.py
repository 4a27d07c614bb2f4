"""The unified profile fetch (one SQL statement, no Backend API call), saving a
profile and preferences, and the phone rule. Runs on SQLite and PostgreSQL."""

import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import User, UserPreferences, UserVerification, VerificationLevel
from pk_rentals.services.identity.accounts import ClerkUser, apply_clerk_user, get_or_create_user
from pk_rentals.services.profile import (
    own_profile,
    parse_profile,
    public_profile,
    save_preferences,
    save_profile,
)
from tests.utils.clerk_payloads import clerk_user_json
from tests.utils.statements import StatementCounter

USER_ID = "user_2profileTEST0000000000000"
FORM = {
    "display_name": "Ayesha Khan",
    "phone": "0300-1234567",
    "province": "Punjab",
    "city": "Lahore",
    "area": "Gulberg",
    "bio": "<b>Hello</b>",
    "preferred_language": "english",
}


def new_user(clerk_phone: str | None = None):
    with db.session() as session:
        if clerk_phone:
            data = clerk_user_json(USER_ID, phone=clerk_phone)
            apply_clerk_user(session, ClerkUser.from_json(data))
        else:
            get_or_create_user(session, USER_ID)


def verification() -> UserVerification:
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == USER_ID)).one()
        return session.exec(
            select(UserVerification).where(UserVerification.user_id == user.id)
        ).one()


def test_own_profile_is_one_statement_and_holds_the_private_fields(use_database):
    new_user()
    with db.session() as session:
        save_profile(USER_ID, parse_profile(FORM), session=session)
    with db.session() as session, StatementCounter(db.get_engine()) as counter:
        profile = own_profile(USER_ID, connection=session)
    assert len(counter.statements) == 1
    assert profile.complete
    assert profile.phone == "+923001234567"
    assert profile.bio == "<b>Hello</b>"  # stored as text; pages escape it
    assert profile.public.level is VerificationLevel.UNVERIFIED
    assert profile.notification_settings == {"email": True, "sms": True, "in_app": True}


def test_public_profile_is_one_statement_and_has_no_private_fields(use_database):
    new_user()
    with db.session() as session:
        user = save_profile(USER_ID, parse_profile(FORM), session=session)
        user_id = str(user.id)
    with db.session() as session, StatementCounter(db.get_engine()) as counter:
        profile = public_profile(user_id, connection=session)
    assert len(counter.statements) == 1
    assert profile.display_name == "Ayesha Khan"
    fields = set(vars(profile))
    assert not fields & {"email", "phone", "cnic_number", "verification_selfie_url", "bio"}


def test_unknown_bad_or_incomplete_ids_have_no_public_profile(use_database):
    new_user()  # never completed the setup
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == USER_ID)).one()
        assert public_profile(str(user.id), connection=session) is None
        assert public_profile("not-a-uuid", connection=session) is None
        assert public_profile("00000000-0000-0000-0000-000000000000", connection=session) is None
        assert public_profile("x" * 10_000, connection=session) is None


def test_saving_twice_is_the_same_as_saving_once(use_database):
    new_user()
    with db.session() as session:
        first = save_profile(USER_ID, parse_profile(FORM), session=session)
        completed = first.profile_completed_at
        second = save_profile(USER_ID, parse_profile(FORM), session=session)
        assert second.id == first.id
        assert second.profile_completed_at == completed
        assert session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def test_the_number_clerk_verified_makes_the_profile_basic(use_database):
    new_user(clerk_phone="+923001234567")
    assert verification().verification_level == VerificationLevel.BASIC  # prefilled
    with db.session() as session:
        save_profile(
            USER_ID, session=session, data=parse_profile(FORM | {"phone": "+92 300 1234567"})
        )
    assert verification().phone_verified is True


def test_changing_the_number_loses_the_phone_level_until_verified(use_database):
    new_user(clerk_phone="+923001234567")
    with db.session() as session:
        save_profile(USER_ID, parse_profile(FORM | {"phone": "0321 7654321"}), session=session)
    assert verification().phone_verified is False
    assert verification().verification_level == VerificationLevel.UNVERIFIED


def test_a_moderator_level_survives_a_phone_change(use_database):
    new_user(clerk_phone="+923001234567")
    with db.session() as session:
        session.exec(  # what a moderator's approval leaves behind
            sa.update(UserVerification).values(
                verification_level="verified",
                verified_at=sa.func.now(),
                verification_selfie_verified=True,
            )
        )
        session.commit()
        save_profile(USER_ID, parse_profile(FORM | {"phone": "0321 7654321"}), session=session)
    assert verification().verification_level == VerificationLevel.VERIFIED


def test_preferences_theme_language_and_notifications(use_database):
    new_user()
    with db.session() as session:
        save_preferences(
            session, USER_ID, theme="dark", language="english", notifications={"email": False}
        )
        profile = own_profile(USER_ID, connection=session)
        prefs = session.exec(
            select(UserPreferences).where(UserPreferences.clerk_user_id == USER_ID)
        ).one()
    assert profile.theme == "dark"
    assert profile.preferred_language == "english"
    assert profile.notification_settings == {"email": False, "sms": True, "in_app": True}
    assert prefs.notifications is False  # the email preference


def test_unknown_preferences_are_refused_and_nothing_is_written(use_database):
    import pytest

    new_user()
    for bad in ({"theme": "purple"}, {"language": "french"}, {"notifications": {"fax": True}}):
        with db.session() as session, pytest.raises(ValueError):
            save_preferences(session, USER_ID, **bad)
    with db.session() as session:
        assert own_profile(USER_ID, connection=session).theme == "system"


def test_switches_saved_one_at_a_time_are_merged_by_the_database(use_database):
    """Two tabs each flip a different switch: both stay (no read-modify-write)."""
    new_user()
    with db.session() as session, StatementCounter(db.get_engine()) as counter:
        save_preferences(session, USER_ID, notifications={"sms": False})
    assert len(counter.statements) == 1  # one UPDATE of users, no read first
    with db.session() as session:
        save_preferences(session, USER_ID, notifications={"in_app": False})
        save_preferences(session, USER_ID, notifications={"email": False, "sms": True})
        profile = own_profile(USER_ID, connection=session)
        prefs = session.exec(
            select(UserPreferences).where(UserPreferences.clerk_user_id == USER_ID)
        ).one()
    assert profile.notification_settings == {"email": False, "sms": True, "in_app": False}
    assert prefs.notifications is False


def test_a_missing_preferences_row_is_written_and_an_unknown_user_is_refused(use_database):
    import pytest

    from pk_rentals.services.profile import ProfileMissing

    new_user()
    with db.session() as session:
        session.exec(sa.delete(UserPreferences))
        session.commit()
        save_preferences(session, USER_ID, theme="dark")
        assert own_profile(USER_ID, connection=session).theme == "dark"
    for choices in ({"theme": "dark"}, {"language": "urdu"}, {"notifications": {"sms": True}}):
        with db.session() as session, pytest.raises(ProfileMissing):
            save_preferences(session, "user_2nobodyTEST000000000000", **choices)
    with db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(UserPreferences)) == 1
