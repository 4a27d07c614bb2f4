"""Document checks on generated CNIC fronts (never real people's cards): the number
read is compared with the typed one through the blind index, only outcomes are
stored, and moderators see flags that never decide anything."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import sqlalchemy as sa

from pk_rentals import cli, migrations
from pk_rentals.db import create_engine
from pk_rentals.jobs import JOBS
from pk_rentals.jobs.runner import run_job
from pk_rentals.models import DocumentCheck, Role, SubmissionStatus
from pk_rentals.services import moderation
from pk_rentals.services.documents import calibration, checks
from pk_rentals.services.storage import get_media_store
from tests.utils import fake_cnic
from tests.utils.factories import make_user, make_verification
from tests.utils.verification import make_submission

pytest.importorskip("pytesseract")

T0 = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
TYPED = "35202-1234567-3"


@pytest.fixture
def people(session, use_database):
    def person(name: str, role: Role = Role.USER):
        user = make_user(session, display_name=name, role=role)
        make_verification(session, user, phone_verified=True, verification_level="basic")
        return user

    return {
        "moderator": person("Sana Moderator", Role.MODERATOR),
        "applicant": person("Ayesha"),
        "second_applicant": person("Bilal"),
        "third_applicant": person("Kamran"),
    }


def submission_with_front(session, user, front: bytes, cnic: str = TYPED, **fields):
    row = make_submission(session, user, cnic=cnic, **fields)
    row.cnic_front_ref = get_media_store().put(user.clerk_user_id, "cnic_front", front)
    session.add(row)
    session.commit()
    return row


def card_jpeg(number: str, expiry: str = "12.03.2031") -> bytes:
    return fake_cnic._jpeg(fake_cnic.card_front(number, expiry=expiry), 85)


def test_a_card_carrying_the_typed_number_matches(session, people):
    row = submission_with_front(session, people["applicant"], card_jpeg(TYPED))
    stored = checks.check_submission_document(row.id)
    assert stored.outcome == "match"
    assert stored.read_masked == "35202-*******-3"
    assert stored.expiry == dt.date(2031, 3, 12)
    assert stored.issue == dt.date(2021, 3, 12) and stored.birth == dt.date(1990, 1, 1)
    assert 0 < stored.confidence <= 1 and stored.engine.startswith("tesseract")


def test_a_card_carrying_another_number_is_a_mismatch(session, people):
    row = submission_with_front(session, people["applicant"], card_jpeg("42101-7654321-9"))
    stored = checks.check_submission_document(row.id)
    assert stored.outcome == "mismatch" and stored.read_masked == "42101-*******-9"


@pytest.mark.parametrize("picture", ["receipt", "blank_page", "selfie"])
def test_a_picture_that_is_not_a_card_is_not_a_cnic_or_unreadable(session, people, picture):
    front = getattr(fake_cnic, picture)()
    row = submission_with_front(session, people["applicant"], front)
    stored = checks.check_submission_document(row.id)
    assert stored.outcome in ("not_cnic", "unreadable")
    assert stored.read_masked is None


def test_neither_the_text_nor_the_clear_number_is_stored(session, people, engine):
    row = submission_with_front(session, people["applicant"], card_jpeg(TYPED))
    checks.check_submission_document(row.id)
    columns = {c["name"] for c in sa.inspect(engine).get_columns("document_checks")}
    assert not {c for c in columns if "text" in c or c in ("number", "read_number")}
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT * FROM document_checks")).all()
    assert TYPED not in str(stored) and "1234567" not in str(stored)


def test_an_unavailable_check_is_filled_in_by_the_backfill(session, people, monkeypatch):
    row = submission_with_front(session, people["applicant"], card_jpeg(TYPED))
    monkeypatch.setenv("PK_FACE_CHECK_SECONDS", "0.001")
    checks.get_settings.cache_clear()
    assert checks.check_submission_document(row.id).outcome == "unavailable"
    monkeypatch.delenv("PK_FACE_CHECK_SECONDS")
    checks.get_settings.cache_clear()
    assert checks.backfill(dry_run=True) == {"missing": 1, "checked": 0, "unavailable": 0}
    assert checks.run(T0) == {"missing": 1, "checked": 1, "unavailable": 0}
    assert checks.backfill() == {"missing": 0, "checked": 0, "unavailable": 0}


def test_the_backfill_command_takes_a_since_date(session, people, capsys):
    old = submission_with_front(
        session, people["applicant"], card_jpeg(TYPED), cnic=TYPED, submitted_at=T0
    )
    other = fake_cnic.random_number(random.Random(5))
    new = submission_with_front(session, people["second_applicant"], card_jpeg(other), cnic=other)
    assert cli.main(["run-document-checks", "--since", "2026-11-02"]) == 0
    assert "1 submissions needed document checks: 1 checked" in capsys.readouterr().out
    assert session.get(DocumentCheck, new.id).outcome == "match"
    assert session.get(DocumentCheck, old.id) is None
    assert cli.main(["run-document-checks", "--since", "yesterday"]) == 7


def test_calibration_prints_read_rates_on_decided_submissions(session, people, capsys):
    approved = submission_with_front(
        session, people["applicant"], card_jpeg(TYPED), status=SubmissionStatus.APPROVED
    )
    rejected = submission_with_front(
        session,
        people["second_applicant"],
        fake_cnic.blank_page(),
        cnic="42101-7654321-9",
        status=SubmissionStatus.REJECTED,
    )
    checks.check_submission_document(approved.id)
    checks.check_submission_document(rejected.id)
    counts = calibration.report()
    assert counts["approved"]["match"] == 1
    assert counts["rejected"]["not_cnic"] + counts["rejected"]["unreadable"] == 1
    assert cli.main(["document-calibration"]) == 0
    out = capsys.readouterr().out
    assert "approved: 1 checked, number read on 1 (100.0 %)" in out
    assert "rejected: 1 checked, number read on 0 (0.0 %)" in out


def test_the_jobs_worker_reads_new_submissions_like_the_face_checks(session, people):
    row = submission_with_front(session, people["applicant"], card_jpeg(TYPED))
    result = run_job("document-checks", JOBS)
    assert result.status == "ok"
    assert session.get(DocumentCheck, row.id).outcome == "match"


def test_the_document_checks_table_comes_and_goes_with_its_revision(empty_database_url):
    engine = create_engine(empty_database_url)
    migrations.upgrade(empty_database_url, "0013")
    assert "document_checks" not in sa.inspect(engine).get_table_names()
    migrations.upgrade(empty_database_url, "0014")
    assert "document_checks" in sa.inspect(engine).get_table_names()
    migrations.downgrade(empty_database_url, "0013")
    assert "document_checks" not in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_an_expired_card_is_flagged_for_the_moderator(session, people):
    row = submission_with_front(session, people["applicant"], card_jpeg(TYPED, "01.01.2020"))
    assert checks.check_submission_document(row.id).outcome == "match"
    shown = moderation.detail(people["moderator"].clerk_user_id, str(row.id))
    assert "card_expired" in shown.flags and "card_number_differs" not in shown.flags
    assert shown.document.expiry == dt.date(2020, 1, 1)
