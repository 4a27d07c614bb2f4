"""One definition of a Clerk user id: ``user_`` + base62, at most 64 characters."""

import re

import pytest

from pk_rentals.devauth.store import new_id
from pk_rentals.services.identity.clerk_ids import (
    MAX_USER_ID_LENGTH,
    InvalidClerkUserId,
    check_clerk_user_id,
    clerk_user_id_problem,
    is_clerk_user_id,
)

TEN_KB_ID = "user_" + "a" * 10_240


@pytest.mark.parametrize(
    "clerk_id",
    ["user_29w83sxmDNGwOuEthce5gg56FcC", "user_2abcDEF", "user_x", "user_" + "Z9" * 29 + "a"],
)
def test_clerks_ids_are_accepted(clerk_id):
    assert is_clerk_user_id(clerk_id)
    assert check_clerk_user_id(clerk_id) == clerk_id


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "empty"),
        ("user_", "user_ followed by letters and digits"),
        ("usr_2abc", "user_ followed by letters and digits"),
        ("USER_2abc", "user_ followed by letters and digits"),
        ("user_2abc-def", "only letters and digits"),
        ("user_2abc_def", "only letters and digits"),
        ("user_../../etc", "only letters and digits"),
        ("user_2abc def", "only letters and digits"),
        ("user_2abc\n", "only letters and digits"),
        ("user_ünïcode", "only letters and digits"),
        ("user_" + "a" * 60, f"at most {MAX_USER_ID_LENGTH} characters"),
        (TEN_KB_ID, "this one has 10245"),
        (None, "must be a string"),
        (42, "must be a string"),
    ],
)
def test_anything_else_is_refused_with_a_reason(value, reason):
    assert not is_clerk_user_id(value)
    with pytest.raises(InvalidClerkUserId, match=re.escape(reason)):
        check_clerk_user_id(value)


def test_a_refusal_never_echoes_a_huge_value():
    assert len(clerk_user_id_problem("user_-" + "a" * 10_000)) < 120


def test_the_identity_server_issues_ids_like_clerks():
    ids = {new_id("user") for _ in range(200)}
    assert len(ids) == 200
    for clerk_id in ids:
        assert re.fullmatch(r"user_[A-Za-z0-9]{27}", clerk_id)
        assert is_clerk_user_id(clerk_id)
