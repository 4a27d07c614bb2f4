"""Moderators see what the card front says as flags, each a queue filter, and in the
detail view the read (masked) number beside the typed one, with the dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pk_rentals.models import DocumentCheck, Role
from pk_rentals.models.base import utcnow
from pk_rentals.services import moderation
from pk_rentals.services.moderation import Flag
from pk_rentals.services.moderation.view_models import submission_view
from tests.utils.factories import make_user, make_verification
from tests.utils.verification import make_submission

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
FAR = date(2031, 3, 12)


@pytest.fixture
def moderator(session, use_database):
    user = make_user(session, display_name="Sana Moderator", role=Role.MODERATOR)
    make_verification(session, user, phone_verified=True, verification_level="basic")
    return user.clerk_user_id


def submitted(session, name: str, minutes: int, outcome: str | None, **read):
    user = make_user(session, display_name=name)
    make_verification(session, user, phone_verified=True, verification_level="basic")
    row = make_submission(
        session, user, cnic="35202-1234567-3", submitted_at=T0 + timedelta(minutes=minutes)
    )
    if outcome is not None:
        session.add(
            DocumentCheck(submission_id=row.id, outcome=outcome, engine="tesseract 5", **read)
        )
        session.commit()
    return str(row.id)


@pytest.fixture
def checked(session, moderator):
    today = utcnow().date()
    return {
        "match": submitted(session, "Ali", 1, "match", read_masked="35202-*******-3", expiry=FAR),
        "differs": submitted(session, "Bilal", 2, "mismatch", read_masked="42101-*******-9"),
        "unreadable": submitted(session, "Kamran", 3, "unreadable"),
        "not_a_cnic": submitted(session, "Dania", 4, "not_cnic"),
        "expired": submitted(session, "Erum", 5, "match", expiry=date(2020, 1, 1)),
        "expiring": submitted(session, "Faisal", 6, "match", expiry=today + timedelta(days=30)),
        "later": submitted(session, "Ghazala", 7, "match", expiry=today + timedelta(days=31)),
        "unchecked": submitted(session, "Hamid", 8, None),
    }


def flagged(moderator: str, flag: Flag) -> list[str]:
    return [item.id for item in moderation.queue(moderator, flag=flag.value).items]


def test_each_document_flag_is_a_queue_filter(moderator, checked):
    assert flagged(moderator, Flag.CARD_NUMBER_DIFFERS) == [checked["differs"]]
    assert flagged(moderator, Flag.CARD_UNREADABLE) == [checked["unreadable"]]
    assert flagged(moderator, Flag.NOT_A_CNIC) == [checked["not_a_cnic"]]


def test_a_card_expired_or_expiring_within_30_days_is_flagged(moderator, checked):
    assert flagged(moderator, Flag.CARD_EXPIRED) == [checked["expired"], checked["expiring"]]


def test_queue_rows_carry_the_document_flags_and_unchecked_ones_none(moderator, checked):
    flags = {item.id: item.flags for item in moderation.queue(moderator).items}
    assert "card_number_differs" in flags[checked["differs"]]
    assert "card_expired" in flags[checked["expired"]]
    document_flags = {"card_number_differs", "card_expired", "card_unreadable", "not_a_cnic"}
    for quiet in ("match", "later", "unchecked"):
        assert not document_flags & set(flags[checked[quiet]])


def test_the_detail_shows_the_read_number_beside_the_typed_one_masked(moderator, checked):
    shown = submission_view(moderation.detail(moderator, checked["differs"]))
    assert shown.cnic_masked == "35202-*******-3"
    assert shown.document_read_masked == "42101-*******-9"
    assert shown.document_outcome == "mismatch"
    assert "card_number_differs" in shown.flags
    match = submission_view(moderation.detail(moderator, checked["match"]))
    assert match.document_expiry == "2031-03-12" and match.document_issue == "—"


def test_the_detail_says_when_the_card_was_not_read_yet(moderator, checked):
    shown = submission_view(moderation.detail(moderator, checked["unchecked"]))
    assert shown.document_outcome == "" and shown.document_read_masked == ""


def test_every_document_flag_is_explained_in_urdu_and_english():
    from pk_rentals.i18n import text

    for flag in (Flag.CARD_NUMBER_DIFFERS, Flag.CARD_EXPIRED, Flag.CARD_UNREADABLE):
        for key in (f"moderation.flag.{flag.value}", f"moderation.flag.{flag.value}.explain"):
            assert text(key, "en") != text(key, "ur")
    assert text("moderation.flag.not_a_cnic.explain", "ur")
