"""The one-time prompt to verify (verificationPrompted). Both databases."""

from sqlmodel import select

from pk_rentals.models import UserPreferences
from pk_rentals.models.base import utcnow
from pk_rentals.models.enums import VerificationLevel
from pk_rentals.services.verification_prompt import take_verification_prompt
from tests.utils.factories import make_preferences, make_user, make_verification


def member(session, level=VerificationLevel.UNVERIFIED, *, complete=True):
    user = make_user(session, profile_completed_at=utcnow() if complete else None)
    make_verification(session, user, verification_level=level)
    make_preferences(session, user.clerk_user_id)
    return user


def test_a_member_below_verified_is_prompted_exactly_once(use_database, session):
    user = member(session, VerificationLevel.BASIC)

    assert take_verification_prompt(user.clerk_user_id) is True
    assert take_verification_prompt(user.clerk_user_id) is False
    session.expire_all()
    prompted = session.exec(
        select(UserPreferences.verification_prompted).where(
            UserPreferences.clerk_user_id == user.clerk_user_id
        )
    ).one()
    assert prompted is True


def test_verified_members_and_unfinished_profiles_are_not_prompted(use_database, session):
    verified = member(session, VerificationLevel.VERIFIED)
    trusted = member(session, VerificationLevel.TRUSTED)
    unfinished = member(session, complete=False)

    assert take_verification_prompt(verified.clerk_user_id) is False
    assert take_verification_prompt(trusted.clerk_user_id) is False
    assert take_verification_prompt(unfinished.clerk_user_id) is False
    # Finishing the profile later still leaves the one prompt to come.
    unfinished.profile_completed_at = utcnow()
    session.add(unfinished)
    session.commit()
    assert take_verification_prompt(unfinished.clerk_user_id) is True
