"""The app's user rows follow the Clerk account: created once, refreshed in order,
gone for good after deletion. Runs on SQLite and PostgreSQL."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, func, select

from pk_rentals import db
from pk_rentals.models import (
    AuthSession,
    ClerkUserTombstone,
    User,
    UserPreferences,
    UserVerification,
    VerificationLevel,
)
from pk_rentals.services.identity.accounts import (
    AccountDeleted,
    ClerkUser,
    apply_clerk_user,
    delete_clerk_user,
    get_or_create_user,
    user_media_dir,
)
from pk_rentals.services.identity.clerk_ids import InvalidClerkUserId
from tests.utils.clerk_payloads import clerk_user_json

USER_ID = "user_29w83sxmDNGwOuEthce5gg56FcC"
MAY_28 = 1_716_883_200_000  # ms


def clerk_user(**fields) -> ClerkUser:
    return ClerkUser.from_json(clerk_user_json(USER_ID, **fields))


def count(session: Session, model, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def verification_of(session: Session, user: User) -> UserVerification:
    return session.exec(select(UserVerification).where(UserVerification.user_id == user.id)).one()


@pytest.fixture
def session(use_database):
    with db.session() as session:
        yield session


def test_first_sign_in_creates_user_verification_and_preferences(session):
    user = get_or_create_user(session, USER_ID)
    assert (user.display_name, user.city, user.province) == ("", "", "")
    assert user.profile_completed_at is None
    assert verification_of(session, user).verification_level == VerificationLevel.UNVERIFIED
    assert count(session, UserPreferences, UserPreferences.clerk_user_id == USER_ID) == 1


def test_get_or_create_returns_the_same_user_the_second_time(session):
    first = get_or_create_user(session, USER_ID).id
    assert get_or_create_user(session, USER_ID).id == first
    assert count(session, User) == 1
    assert count(session, UserVerification) == 1
    assert count(session, UserPreferences) == 1


def test_new_user_takes_the_clerk_name_and_fields(session):
    user = get_or_create_user(session, USER_ID, clerk_user(phone="+923001234567"))
    assert user.display_name == "Ayesha Khan"
    assert user.clerk_email == "ayesha.khan@example.pk"
    assert user.clerk_verified_phone == "+923001234567"
    assert verification_of(session, user).email_verified is True


def test_two_first_requests_at_once_make_one_user(use_database):
    """Two tabs signing in at the same moment, each with its own connection."""
    for round_number in range(5):
        clerk_user_id = f"user_race{round_number}"
        barrier = threading.Barrier(4)
        made, errors = [], []

        def sign_in(clerk_user_id=clerk_user_id, barrier=barrier, made=made, errors=errors):
            try:
                with db.session() as session:
                    barrier.wait()
                    made.append(get_or_create_user(session, clerk_user_id).id)
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=sign_in) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert errors == []
        assert len(made) == 4
        assert len(set(made)) == 1
        with db.session() as session:
            assert count(session, User, User.clerk_user_id == clerk_user_id) == 1
            assert count(session, UserVerification, UserVerification.user_id == made[0]) == 1
            assert (
                count(session, UserPreferences, UserPreferences.clerk_user_id == clerk_user_id) == 1
            )


def test_row_inserted_by_another_connection_meanwhile_is_used_not_duplicated(use_database):
    """Another connection's INSERT is still uncommitted when ours runs: ours waits on
    the unique index, fails, and reads the other row instead."""
    with db.session() as other:
        other.add(User(clerk_user_id=USER_ID, display_name="Other", city="", province=""))
        other.flush()  # holds the unique key (and on SQLite the write lock), uncommitted
        result = {}

        def sign_in():
            with db.session() as session:
                result["user"] = get_or_create_user(session, USER_ID).display_name

        thread = threading.Thread(target=sign_in)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()  # waiting for the other transaction
        other.commit()
        thread.join(30)
    assert result == {"user": "Other"}
    with db.session() as session:
        assert count(session, User) == 1
        assert count(session, UserVerification) == 1


def test_deleted_account_is_not_created_again(session):
    get_or_create_user(session, USER_ID)
    delete_clerk_user(session, USER_ID)
    with pytest.raises(AccountDeleted):
        get_or_create_user(session, USER_ID)
    assert apply_clerk_user(session, clerk_user(updated_at=MAY_28 + 60_000)) is None
    assert count(session, User) == 0
    assert count(session, UserPreferences) == 0


def test_update_creates_the_user_when_created_has_not_arrived_yet(session):
    user = apply_clerk_user(session, clerk_user())
    assert user is not None
    assert user.clerk_email == "ayesha.khan@example.pk"
    assert count(session, UserPreferences) == 1


def test_older_update_changes_nothing(session):
    apply_clerk_user(session, clerk_user(updated_at=MAY_28, email="new@example.pk"))
    apply_clerk_user(session, clerk_user(updated_at=MAY_28 - 1000, email="old@example.pk"))
    user = session.exec(select(User)).one()
    assert user.clerk_email == "new@example.pk"
    assert user.clerk_updated_at.replace(tzinfo=UTC) == datetime.fromtimestamp(MAY_28 / 1000, UTC)


def test_newer_update_refreshes_the_copy(session):
    apply_clerk_user(session, clerk_user(updated_at=MAY_28, email="old@example.pk"))
    apply_clerk_user(
        session,
        clerk_user(
            updated_at=MAY_28 + 1000,
            email="new@example.pk",
            has_image=True,
            image_url="https://img.clerk.com/new",
        ),
    )
    user = session.exec(select(User)).one()
    assert (user.clerk_email, user.clerk_image_url) == (
        "new@example.pk",
        "https://img.clerk.com/new",
    )


def test_name_chosen_in_the_profile_is_not_overwritten_by_clerk(session):
    user = get_or_create_user(session, USER_ID)
    user.display_name = "Ayesha from Lahore"
    session.add(user)
    session.commit()
    apply_clerk_user(session, clerk_user())
    session.refresh(user)
    assert user.display_name == "Ayesha from Lahore"


def test_verified_phone_makes_the_user_basic_and_losing_it_unverified(session):
    user = apply_clerk_user(session, clerk_user(updated_at=MAY_28, phone="+923001234567"))
    verification = verification_of(session, user)
    assert verification.phone_verified is True
    assert verification.verification_level == VerificationLevel.BASIC

    apply_clerk_user(session, clerk_user(updated_at=MAY_28 + 1000))
    session.refresh(verification)
    session.refresh(user)
    assert verification.phone_verified is False
    assert verification.verification_level == VerificationLevel.UNVERIFIED
    assert user.clerk_verified_phone is None


@pytest.mark.parametrize("level", [VerificationLevel.VERIFIED, VerificationLevel.TRUSTED])
def test_phone_changes_never_touch_moderator_levels(session, level):
    user = apply_clerk_user(session, clerk_user(updated_at=MAY_28, phone="+923001234567"))
    verification = verification_of(session, user)
    # What a moderator's approval (and an admin's grant, for trusted) leave behind.
    verification.verified_at = datetime.now(UTC)
    verification.verification_selfie_verified = True
    verification.trust_granted = level is VerificationLevel.TRUSTED
    verification.verification_level = level
    session.add(verification)
    session.commit()
    apply_clerk_user(session, clerk_user(updated_at=MAY_28 + 1000))
    session.refresh(verification)
    assert verification.verification_level == level
    assert verification.phone_verified is False


def test_deleting_removes_rows_media_and_ends_sessions(session):
    user = get_or_create_user(session, USER_ID)
    user_id = user.id
    now = datetime.now(UTC)
    session.add(AuthSession(session_id="sess_a", clerk_user_id=USER_ID, last_active_at=now))
    session.add(AuthSession(session_id="sess_b", clerk_user_id="user_other", last_active_at=now))
    session.commit()
    media = user_media_dir(USER_ID)
    (media / "cnic").mkdir(parents=True)
    (media / "cnic" / "front.jpg").write_bytes(b"\xff\xd8\xff")

    delete_clerk_user(session, USER_ID)

    assert count(session, User) == 0
    assert count(session, UserVerification, UserVerification.user_id == user_id) == 0
    assert count(session, UserPreferences) == 0
    assert not media.exists()
    ended = session.get(AuthSession, "sess_a")
    assert ended.ended_at is not None
    assert ended.end_reason == "user_deleted"
    assert session.get(AuthSession, "sess_b").ended_at is None
    assert session.get(ClerkUserTombstone, USER_ID) is not None


def test_deleting_twice_or_an_unknown_user_keeps_one_tombstone(session):
    delete_clerk_user(session, USER_ID)
    delete_clerk_user(session, USER_ID)
    assert count(session, ClerkUserTombstone) == 1


def test_a_path_is_not_a_clerk_user_id(session):
    with pytest.raises(ValueError, match="Clerk user id"):
        delete_clerk_user(session, "user_x/../../etc")
    with pytest.raises(ValueError, match="Clerk user id"):
        get_or_create_user(session, "../user_x")


@pytest.mark.parametrize(
    "bad_id",
    ["user_2abc-DEF", "user_" + "a" * 10_240, ""],
    ids=["other-characters", "10kb", "empty"],
)
def test_a_malformed_id_writes_nothing_anywhere(session, bad_id):
    with pytest.raises(InvalidClerkUserId):
        get_or_create_user(session, bad_id)
    with pytest.raises(InvalidClerkUserId):
        delete_clerk_user(session, bad_id)
    session.rollback()
    assert count(session, User) == count(session, UserPreferences) == 0
    assert count(session, ClerkUserTombstone) == 0


def test_clerk_updated_at_is_stored_in_utc(session):
    user = apply_clerk_user(session, clerk_user(updated_at=MAY_28))
    stored = user.clerk_updated_at
    assert stored.replace(tzinfo=stored.tzinfo or UTC) - datetime.fromtimestamp(
        MAY_28 / 1000, UTC
    ) == timedelta(0)
