"""Who is sent to profile setup at sign-in: a renter until the profile is complete;
never a moderator or admin, whose work is the review pages."""

import pytest

from pk_rentals.models import Language
from pk_rentals.models.enums import Theme
from pk_rentals.services.identity.signin import SignedInUser


def _user(*, complete: bool, staff: bool) -> SignedInUser:
    return SignedInUser(
        clerk_user_id="user_2abc",
        display_name="",
        email="hina@example.pk",
        profile_complete=complete,
        synced=True,
        theme=Theme.SYSTEM,
        language=Language.URDU,
        is_moderator=staff,
    )


@pytest.mark.parametrize(
    ("complete", "staff", "sent"),
    [(False, False, True), (True, False, False), (False, True, False), (True, True, False)],
    ids=["new-renter", "renter", "new-moderator", "moderator"],
)
def test_only_a_renter_without_a_complete_profile_is_sent_to_profile_setup(complete, staff, sent):
    assert _user(complete=complete, staff=staff).must_set_up_profile is sent
