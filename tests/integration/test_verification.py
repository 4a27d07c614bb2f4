"""Verification end to end on the server: one-time codes, image drafts in private
storage, submissions with flags, moderator decisions, levels and the audit log.
Runs on SQLite and PostgreSQL, with real images (Pillow) in a real media folder."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    SelfieCode,
    User,
    UserVerification,
    VerificationLevel,
    VerificationSubmission,
)
from pk_rentals.models.base import utcnow
from pk_rentals.services import cnic, moderation, verification
from pk_rentals.services.moderation import AlreadyDecided, Decision, NotModerator
from pk_rentals.services.verification import SubmissionRefused, UploadRefused
from pk_rentals.settings import get_settings
from tests.utils.people import (
    ADMIN,
    ALI,
    CNIC,
    MOD,
    SARA,
    level_of,
    newest_submission_id,
    photo,
    submit,
    upload_all,
)

# --- one-time codes --------------------------------------------------------------------


def test_a_selfie_code_works_once_for_its_owner_within_its_life(people):
    code = verification.issue_selfie_code(ALI).code
    assert len(code) == 6 and code.isalnum() and code.isupper()
    with pytest.raises(UploadRefused) as other:
        verification.receive_upload(SARA, "selfie", photo(), code=code)
    assert other.value.code == "code_invalid"
    verification.receive_upload(ALI, "selfie", photo(), code=code)
    with pytest.raises(UploadRefused) as replay:
        verification.receive_upload(ALI, "selfie", photo(), code=code)
    assert replay.value.code == "code_used"

    late = verification.issue_selfie_code(ALI)
    after_life = late.expires_at + timedelta(seconds=1)
    with pytest.raises(UploadRefused) as expired:
        verification.receive_upload(ALI, "selfie", photo(), code=late.code, now=after_life)
    assert expired.value.code == "code_expired"
    with pytest.raises(UploadRefused) as missing:
        verification.receive_upload(ALI, "selfie", photo())
    assert missing.value.code == "code_invalid"


def test_asking_for_codes_in_a_loop_keeps_only_the_newest_few(people):
    issued = [verification.issue_selfie_code(ALI).code for _ in range(40)]
    with db.session() as session:
        rows = session.exec(select(sa.func.count()).select_from(SelfieCode)).one()
    assert rows == verification.LIVE_CODES_PER_USER
    newest = issued[-1]
    assert verification.receive_upload(ALI, "selfie", photo(960, 1280), code=newest).bytes > 0
    with pytest.raises(UploadRefused) as refused:
        verification.receive_upload(ALI, "selfie", photo(960, 1280), code=issued[0])
    assert refused.value.code == "code_invalid"


def test_codes_are_kept_only_as_keyed_hashes(people):
    code = verification.issue_selfie_code(ALI).code
    with db.session() as session:
        stored = session.exec(sa.text("SELECT code_hash FROM selfie_codes")).all()
    assert stored and all(code not in row[0] for row in stored)


# --- submitting ------------------------------------------------------------------------


def test_a_submission_is_pending_masked_and_encrypted(people):
    status = submit(ALI, "35202-1234567-3")
    assert (status.state, status.cnic_masked, status.can_submit) == (
        "pending",
        "35202-*******-3",
        False,
    )
    assert status.drafts == {}
    with db.session() as session:
        row = session.get(VerificationSubmission, uuid.UUID(newest_submission_id(ALI)))
        held = session.exec(sa.text("SELECT * FROM user_verifications")).all()
    assert "1234567" not in row.cnic_encrypted
    assert cnic.decrypt(row.cnic_encrypted) == "35202-1234567-3"
    assert not any("1234567" in str(value) for line in held for value in line)
    assert (row.flag_province_mismatch, row.cnic_province) == (False, "Punjab")
    assert row.selfie_bytes > 0 and row.selfie_received_at is not None


def test_a_province_other_than_the_cards_is_a_flag_not_an_error(people):
    status = submit(SARA, "35202-7654321-2")  # a Punjab card, a Sindh profile
    assert status.state == "pending"
    page = moderation.queue(MOD, flag="province_mismatch")
    assert [item.display_name for item in page.items] == ["Sara Baloch"]
    assert page.items[0].flags == ("province_mismatch",)


@pytest.mark.parametrize(
    ("missing", "code"),
    [("cnic_front", "missing_cnic_front"), ("selfie", "missing_selfie")],
)
def test_every_image_is_needed(people, missing, code):
    if missing != "cnic_front":
        verification.receive_upload(ALI, "cnic_front", photo())
    verification.receive_upload(ALI, "cnic_back", photo())
    if missing != "selfie":
        selfie_code = verification.issue_selfie_code(ALI).code
        verification.receive_upload(ALI, "selfie", photo(), code=selfie_code)
    with pytest.raises(SubmissionRefused) as refused:
        verification.submit(ALI, CNIC)
    assert refused.value.code == code


def test_a_wrong_cnic_is_refused_and_the_drafts_are_kept(people):
    upload_all(ALI)
    with pytest.raises(SubmissionRefused) as refused:
        verification.submit(ALI, "35202-123")
    assert refused.value.code == "cnic_invalid"
    assert set(verification.status_of(ALI).drafts) == {"cnic_front", "cnic_back", "selfie"}
    assert verification.submit(ALI, CNIC).state == "pending"


def test_a_cnic_of_another_account_is_refused_and_flagged(people):
    submit(ALI)
    upload_all(SARA)
    with pytest.raises(SubmissionRefused) as refused:
        verification.submit(SARA, "35202-1234567-3")
    assert (refused.value.code, refused.value.http_status) == ("cnic_duplicate", 409)
    assert verification.status_of(SARA).state == "none"  # drafts kept to fix a typo
    ali_pending = moderation.queue(MOD, flag="duplicate_cnic").items
    assert [item.display_name for item in ali_pending] == ["Ali Raza"]
    actions = [entry.action for entry in moderation.audit_log(MOD)]
    assert actions.count(AuditAction.DUPLICATE_CNIC.value) == 2

    verification.submit(SARA, "42101-7654321-2")  # her own card: accepted, still flagged
    assert "duplicate_cnic" in moderation.queue(MOD, flag="duplicate_cnic").items[-1].flags


def test_the_blind_index_is_unique_in_the_database(people):
    with db.session() as session:
        rows = session.exec(select(UserVerification)).all()
        rows[0].cnic_index = rows[1].cnic_index = cnic.blind_index("35202-1234567-3")
        session.add_all(rows[:2])
        with pytest.raises(IntegrityError):
            session.commit()


def test_one_pending_submission_at_a_time(people):
    submit(ALI)
    with pytest.raises(UploadRefused) as refused:
        verification.receive_upload(ALI, "cnic_front", photo())
    assert (refused.value.code, refused.value.http_status) == ("already_pending", 409)


def test_three_resubmissions_then_support(people):
    for attempt in range(1, 5):
        submit(ALI)
        moderation.decide(
            MOD, newest_submission_id(ALI), Decision.REJECT, reason_code="cnic_unreadable"
        )
        status = verification.status_of(ALI)
        assert status.resubmissions_left == 4 - attempt
    assert (status.state, status.reason_code, status.can_submit) == (
        "rejected",
        "cnic_unreadable",
        False,
    )
    with pytest.raises(UploadRefused) as refused:
        verification.receive_upload(ALI, "cnic_front", photo())
    assert refused.value.code == "no_resubmissions_left"


# --- moderators ------------------------------------------------------------------------


def test_approval_makes_the_user_verified_and_is_audited(people):
    submit(ALI)
    submission_id = newest_submission_id(ALI)
    detail = moderation.detail(MOD, submission_id)
    assert detail.cnic_masked == "35202-*******-3" and detail.display_name == "Ali Raza"
    assert detail.selfie_url.startswith("/media/") or detail.selfie_url.startswith("http")

    result = moderation.decide(MOD, submission_id, Decision.APPROVE)
    assert (result.level_before, result.level_after) == ("unverified", "verified")
    with db.session() as session:
        held = session.exec(
            select(UserVerification)
            .join(User, User.id == UserVerification.user_id)
            .where(User.clerk_user_id == ALI)
        ).one()
        moderator = session.exec(select(User).where(User.clerk_user_id == MOD)).one()
    assert held.verified_at is not None and held.verified_by == moderator.id
    assert held.verification_selfie_verified and held.verification_selfie_timestamp
    entry = moderation.audit_log(MOD)[0]
    assert (entry.action, entry.actor, entry.subject) == ("approve", "Moderator Hina", "Ali Raza")
    assert (entry.level_before, entry.level_after) == ("unverified", "verified")
    assert verification.status_of(ALI).state == "approved"


def test_the_second_moderator_is_told_who_decided_first(people):
    submit(ALI)
    submission_id = newest_submission_id(ALI)
    moderation.decide(MOD, submission_id, Decision.REJECT, reason_code="selfie_unclear")
    with pytest.raises(AlreadyDecided) as late:
        moderation.decide(ADMIN, submission_id, Decision.APPROVE)
    assert (late.value.status, late.value.by) == ("rejected", "Moderator Hina")
    assert level_of(ALI) == VerificationLevel.UNVERIFIED


def test_a_rejection_needs_a_known_reason(people):
    submit(ALI)
    submission_id = newest_submission_id(ALI)
    for reason, code in ((None, "reason_required"), ("looks_odd", "reason_unknown")):
        with pytest.raises(moderation.DecisionInvalid) as refused:
            moderation.decide(MOD, submission_id, Decision.REJECT, reason_code=reason)
        assert refused.value.code == code


def test_a_reveal_is_audited_before_the_number_is_shown(people):
    submit(ALI)
    assert moderation.reveal_cnic(MOD, newest_submission_id(ALI)) == "35202-1234567-3"
    entry = moderation.audit_log(MOD)[0]
    assert (entry.action, entry.actor, entry.subject) == (
        "reveal_cnic",
        "Moderator Hina",
        "Ali Raza",
    )


def test_users_cannot_moderate(people):
    submit(SARA, "42101-7654321-2")
    submission_id = newest_submission_id(SARA)
    calls = [
        lambda who: moderation.queue(who),
        lambda who: moderation.detail(who, submission_id),
        lambda who: moderation.decide(who, submission_id, Decision.APPROVE),
        lambda who: moderation.reveal_cnic(who, submission_id),
        lambda who: moderation.audit_log(who),
        lambda who: moderation.stats(who),
        lambda who: moderation.set_trust_grant(who, submission_id, True),
    ]
    for call in calls:
        for who in (ALI, SARA, "", "user_2nobody000000000000000000"):
            with pytest.raises(NotModerator):
                call(who)
    with pytest.raises(NotModerator):  # trust grants are for admins only
        moderation.set_trust_grant(MOD, submission_id, True)
    assert moderation.queue(MOD).items[0].status == "pending"


def test_the_queue_is_oldest_first_in_keyset_pages(people, monkeypatch):
    monkeypatch.setattr(moderation, "PAGE_SIZE", 1)
    submit(ALI)
    submit(SARA, "42101-7654321-2")
    first = moderation.queue(MOD, limit=1)
    second = moderation.queue(MOD, limit=1, after=first.next_cursor)
    assert [first.items[0].display_name, second.items[0].display_name] == [
        "Ali Raza",
        "Sara Baloch",
    ]
    assert second.next_cursor is None
    assert moderation.queue(MOD, after="garbage").items[0].display_name == "Ali Raza"


def test_stats_count_pending_and_decisions_per_day(people):
    submit(ALI)
    submit(SARA, "42101-7654321-2")
    moderation.decide(MOD, newest_submission_id(ALI), Decision.APPROVE)
    stats = moderation.stats(MOD)
    assert stats.pending == 1
    assert stats.decisions_per_day[-1][1] == 1 and len(stats.decisions_per_day) == 14
    assert stats.median_decision_seconds is not None


# --- levels ----------------------------------------------------------------------------


def test_trusted_needs_the_criteria_or_an_admins_grant(people, monkeypatch):
    submit(ALI)
    moderation.decide(MOD, newest_submission_id(ALI), Decision.APPROVE)
    with db.session() as session:
        ali = session.exec(select(User).where(User.clerk_user_id == ALI)).one()
        ali_id = str(ali.id)
    assert moderation.set_trust_grant(ADMIN, ali_id, True).level_after == "trusted"
    assert moderation.set_trust_grant(ADMIN, ali_id, False).level_after == "verified"

    from pk_rentals.services.levels import level_for

    with db.session() as session:
        ali = session.get(User, ali.id)
        held = session.exec(
            select(UserVerification).where(UserVerification.user_id == ali.id)
        ).one()
        ali.completed_bookings, ali.average_rating = 5, 4.6
        assert level_for(ali, held) == "verified"  # verified today, not 30 days ago
        later = utcnow() + timedelta(days=31)
        assert level_for(ali, held, later) == "trusted"
        ali.average_rating = 4.4
        assert level_for(ali, held, later) == "verified"


# --- the audit log ---------------------------------------------------------------------


def test_the_audit_log_is_append_only(people):
    submit(ALI)
    moderation.decide(MOD, newest_submission_id(ALI), Decision.APPROVE)
    for statement in (
        sa.update(AuditEntry).values(action="reject"),
        sa.update(AuditEntry).values(level_after="trusted"),
        sa.delete(AuditEntry),
    ):
        with db.session() as session, pytest.raises(DBAPIError):
            session.execute(statement)
            session.commit()
    with db.session() as session:  # deleting the moderator clears the link, keeps the row
        session.execute(sa.delete(User).where(User.clerk_user_id == MOD))
        session.commit()
        entry = session.exec(select(AuditEntry)).one()
    assert (entry.action, entry.actor_id, entry.level_after) == ("approve", None, "verified")


# --- key rotation ----------------------------------------------------------------------


def test_rotating_keys_re_encrypts_every_stored_cnic(people, monkeypatch):
    from cryptography.fernet import Fernet

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("PK_CNIC_KEYS", old)
    get_settings.cache_clear()
    cnic.clear_key_cache()
    submit(ALI)
    monkeypatch.setenv("PK_CNIC_KEYS", f"{new},{old}")
    get_settings.cache_clear()
    cnic.clear_key_cache()
    assert verification.rotate_cnic_encryption() == 2  # the claim and the submission
    monkeypatch.setenv("PK_CNIC_KEYS", new)
    get_settings.cache_clear()
    cnic.clear_key_cache()
    assert moderation.reveal_cnic(MOD, newest_submission_id(ALI)) == "35202-1234567-3"


def test_a_rejected_cnic_is_released_for_its_real_owner(people):
    submit(ALI, "35202-1234567-3")  # not Ali's card, it turns out
    moderation.decide(MOD, newest_submission_id(ALI), Decision.REJECT, reason_code="face_mismatch")
    assert submit(SARA, "35202-1234567-3").state == "pending"  # the owner can use it now
    upload_all(ALI)
    with pytest.raises(SubmissionRefused) as refused:  # and Ali cannot take it back
        verification.submit(ALI, "35202-1234567-3")
    assert refused.value.code == "cnic_duplicate"


def test_a_resubmission_request_keeps_the_claim(people):
    submit(ALI, "35202-1234567-3")
    moderation.decide(
        MOD, newest_submission_id(ALI), Decision.REQUEST_RESUBMISSION, reason_code="selfie_unclear"
    )
    upload_all(SARA)
    with pytest.raises(SubmissionRefused) as refused:
        verification.submit(SARA, "35202-1234567-3")
    assert refused.value.code == "cnic_duplicate"
