"""Clerk's user JSON becomes the few fields the app keeps, or a clear refusal."""

from datetime import UTC, datetime

import pytest

from pk_rentals.devauth.store import new_id
from pk_rentals.services.identity.accounts import ClerkUser
from tests.utils.clerk_payloads import clerk_user_json, phone_number_json


def test_clerk_user_keeps_name_primary_email_and_update_time():
    user = ClerkUser.from_json(clerk_user_json(updated_at=1_716_883_200_123))
    assert user.id == "user_29w83sxmDNGwOuEthce5gg56FcC"
    assert (user.first_name, user.last_name, user.display_name) == ("Ayesha", "Khan", "Ayesha Khan")
    assert user.primary_email == "ayesha.khan@example.pk"
    assert user.email_verified is True
    assert user.updated_at == datetime(2024, 5, 28, 8, 0, 0, 123000, tzinfo=UTC)


def test_ids_of_the_built_in_identity_server_are_accepted():
    issued = new_id("user")
    assert ClerkUser.from_json(clerk_user_json(issued)).id == issued


def test_an_id_outside_clerks_alphabet_is_refused():
    # The identity server once issued url-safe base64 ids; Clerk's are base62.
    with pytest.raises(ValueError, match="only letters and digits"):
        ClerkUser.from_json(clerk_user_json("user_Xy-9_kQ2vR8sT1uW3zA5bC7dE"))


def test_primary_email_is_the_one_clerk_marks_primary():
    data = clerk_user_json()
    other = {**data["email_addresses"][0], "id": "idn_other", "email_address": "old@example.pk"}
    data["email_addresses"].insert(0, other)
    assert ClerkUser.from_json(data).primary_email == "ayesha.khan@example.pk"


def test_unverified_email_is_kept_but_not_verified():
    user = ClerkUser.from_json(clerk_user_json(email_status="unverified"))
    assert user.primary_email == "ayesha.khan@example.pk"
    assert user.email_verified is False


def test_user_without_email_has_none():
    user = ClerkUser.from_json(clerk_user_json(email_addresses=[], primary_email_address_id=None))
    assert (user.primary_email, user.email_verified) == (None, False)


def test_verified_primary_phone_is_kept_in_e164():
    user = ClerkUser.from_json(clerk_user_json(phone="+923001234567"))
    assert user.verified_phone == "+923001234567"


def test_unverified_phone_is_not_a_verified_phone():
    user = ClerkUser.from_json(clerk_user_json(phone="+923001234567", phone_status="unverified"))
    assert user.verified_phone is None


def test_a_verified_secondary_phone_counts_when_the_primary_is_unverified():
    data = clerk_user_json(phone="+923001234567", phone_status="unverified")
    data["phone_numbers"].append(phone_number_json("idn_second", "+923211234567"))
    assert ClerkUser.from_json(data).verified_phone == "+923211234567"


def test_image_url_only_when_the_user_uploaded_one():
    assert ClerkUser.from_json(clerk_user_json(has_image=False)).image_url is None
    uploaded = ClerkUser.from_json(
        clerk_user_json(has_image=True, image_url="https://img.clerk.com/abc")
    )
    assert uploaded.image_url == "https://img.clerk.com/abc"


def test_user_without_names_has_an_empty_display_name():
    user = ClerkUser.from_json(clerk_user_json(first_name=None, last_name=""))
    assert (user.first_name, user.last_name, user.display_name) == (None, None, "")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"id": None}, "id"),
        ({"id": "usr_29w83sxmDNGwOuEthce5gg56FcC"}, "id"),
        ({"id": "user_../../etc"}, "id"),
        ({"id": 42}, "id"),
        ({"updated_at": "1716883200000"}, "updated_at"),
        ({"updated_at": True}, "updated_at"),
        ({"first_name": ["Ayesha"]}, "first_name"),
        ({"email_addresses": "ayesha@example.pk"}, "email_addresses"),
        ({"has_image": "yes"}, "has_image"),
    ],
)
def test_malformed_user_is_refused_with_the_field_named(change, reason):
    data = clerk_user_json()
    for key, value in change.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    with pytest.raises(ValueError, match=f"not a Clerk user: .*{reason}"):
        ClerkUser.from_json(data)


def test_phone_number_not_in_e164_is_refused():
    with pytest.raises(ValueError, match=r"phone_numbers\.0\.phone_number"):
        ClerkUser.from_json(clerk_user_json(phone="0300-1234567"))


@pytest.mark.parametrize("data", [None, [], "user_29w83sxmDNGwOuEthce5gg56FcC"])
def test_something_that_is_not_an_object_is_refused(data):
    with pytest.raises(ValueError, match="not a Clerk user"):
        ClerkUser.from_json(data)


@pytest.mark.parametrize("role", ["moderator", "admin", "user"])
def test_role_comes_from_public_metadata(role):
    user = ClerkUser.from_json(clerk_user_json(public_metadata={"role": role}))
    assert user.role == role


@pytest.mark.parametrize(
    "metadata",
    [{}, {"role": "Moderator"}, {"role": "superuser"}, {"role": ["admin"]}, {"roles": "admin"}],
)
def test_anything_but_a_known_role_is_a_plain_user(metadata):
    assert ClerkUser.from_json(clerk_user_json(public_metadata=metadata)).role == "user"


def test_missing_or_null_public_metadata_is_a_plain_user():
    data = clerk_user_json()
    del data["public_metadata"]
    assert ClerkUser.from_json(data).role == "user"
    assert ClerkUser.from_json({**data, "public_metadata": None}).role == "user"
