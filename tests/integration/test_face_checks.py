"""Automatic face checks on real faces that ship in packages: the
astronaut (scikit-image) and Grace Hopper (matplotlib), run in the check process,
stored per submission, shown to moderators, and never deciding anything."""

from __future__ import annotations

import statistics
import threading
import time
from datetime import UTC, datetime

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import cli
from pk_rentals.api import create_api
from pk_rentals.models import FaceCheck, Role, SubmissionStatus, VerificationSubmission
from pk_rentals.services import moderation
from pk_rentals.services.faces import calibration, checks, detector, pool
from pk_rentals.services.storage import get_media_store
from tests.utils.factories import make_user, make_verification
from tests.utils.fake_camera import card_bytes, selfie_jpeg
from tests.utils.http_server import serve
from tests.utils.verification import make_submission

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def in_check_process(function, *args):
    return pool.run(function, *args, timeout=60)


@pytest.fixture(scope="module")
def astronaut_selfie() -> bytes:
    return selfie_jpeg("sharp")


# --- the checks themselves, in the check process --------------------------------------


def test_the_same_face_on_the_card_is_likely_the_same_person(astronaut_selfie):
    report = in_check_process(detector.full_check, astronaut_selfie, card_bytes("astronaut"))
    assert report["selfie"]["faces"] == 1 and report["cnic"]["faces"] == 1
    assert report["distance"] < 0.45
    assert checks.Thresholds(0.45, 0.60, 0.015, 50).band(report["distance"]) == "likely_same"


def test_another_persons_face_on_the_card_is_likely_different(astronaut_selfie):
    report = in_check_process(detector.full_check, astronaut_selfie, card_bytes("grace_hopper"))
    assert report["distance"] >= 0.60
    assert "descriptor" not in str(report)  # scores and boxes only leave the process


def test_a_card_without_a_photo_has_no_face_and_no_distance(astronaut_selfie):
    report = in_check_process(detector.full_check, astronaut_selfie, card_bytes(None))
    assert report["cnic"]["faces"] == 0 and report["distance"] is None


@pytest.mark.parametrize(
    ("variant", "problems"),
    [
        ("sharp", []),
        ("blurred", ["blurry"]),
        ("dark", ["too_dark"]),
        ("no_face", ["no_face"]),
    ],
)
def test_the_quick_check_names_what_is_wrong_with_a_selfie(variant, problems):
    report = in_check_process(detector.quick_check, selfie_jpeg(variant))
    assert checks.selfie_problems(report, checks.Thresholds(0.45, 0.60, 0.015, 50)) == problems


def test_the_check_process_is_not_the_calling_process():
    import os

    assert in_check_process(detector.process_stats)["pid"] != os.getpid()


def test_a_check_past_its_timeout_is_unavailable_and_the_next_one_runs():
    with pytest.raises(pool.ChecksUnavailable) as raised:
        pool.run(detector.sleep, 5, timeout=0.5)
    assert raised.value.reason == "timeout"
    assert in_check_process(detector.sleep, 0) == 0  # a fresh process took over


# --- per submission, for moderators -----------------------------------------------------


@pytest.fixture
def people(session, use_database):
    def person(name: str, role: Role = Role.USER):
        user = make_user(session, display_name=name, role=role)
        make_verification(session, user, phone_verified=True, verification_level="basic")
        return user

    return {
        "moderator": person("Sana Moderator", Role.MODERATOR),
        "applicant": person("Ayesha"),
        "second_applicant": person("Bilal"),  # one submission in review per person
    }


def submission_with(session, user, selfie: bytes, card: bytes, **fields) -> VerificationSubmission:
    row = make_submission(session, user, **fields)
    store = get_media_store()
    row.selfie_ref = store.put(user.clerk_user_id, "selfie", selfie)
    row.cnic_front_ref = store.put(user.clerk_user_id, "cnic_front", card)
    session.add(row)
    session.commit()
    return row


def test_a_checked_submission_shows_its_band_flags_and_boxes_to_moderators(
    session, people, astronaut_selfie
):
    row = submission_with(
        session, people["applicant"], astronaut_selfie, card_bytes("grace_hopper"), submitted_at=T0
    )
    stored = checks.check_submission(row.id)
    assert stored.status == "done" and stored.band == "likely_different"
    assert stored.flag_faces_differ and not stored.flag_no_face
    assert stored.thresholds == "same<0.45 different>=0.6 blur<0.015 dark<50"
    assert stored.model.startswith("dlib-hog+sp5+resnet_v1/dlib-20.0.1")

    moderator = people["moderator"].clerk_user_id
    shown = moderation.detail(moderator, str(row.id))
    assert "faces_differ" in shown.flags
    assert shown.faces.band == "likely_different" and shown.faces.distance >= 0.6
    assert len(shown.faces.selfie_boxes) == 1 and len(shown.faces.cnic_boxes) == 1
    left, top, right, bottom = shown.faces.cnic_boxes[0]
    assert 0 <= left < right <= 0.35 and 0.2 < top < bottom < 0.8  # the photo's corner

    queue = moderation.queue(moderator, flag="faces_differ")
    assert [item.id for item in queue.items] == [str(row.id)]
    assert queue.items[0].face_band == "likely_different"
    assert moderation.queue(moderator, flag="no_face").items == []


def test_no_descriptor_is_stored_anywhere(engine):
    columns = {c["name"] for c in sa.inspect(engine).get_columns("face_checks")}
    assert not {c for c in columns if "descriptor" in c or "embedding" in c}
    assert columns >= {"distance", "band", "selfie_boxes", "model", "thresholds"}


def test_a_blurred_and_a_dark_selfie_are_flagged_for_the_moderator(session, people):
    blurred = submission_with(
        session, people["applicant"], selfie_jpeg("blurred"), card_bytes("astronaut")
    )
    dark = submission_with(
        session, people["second_applicant"], selfie_jpeg("dark"), card_bytes("astronaut")
    )
    assert checks.check_submission(blurred.id).flag_blurry
    assert checks.check_submission(dark.id).flag_too_dark
    moderator = people["moderator"].clerk_user_id
    assert [i.id for i in moderation.queue(moderator, flag="blurry").items] == [str(blurred.id)]
    assert [i.id for i in moderation.queue(moderator, flag="too_dark").items] == [str(dark.id)]


def test_checks_that_time_out_leave_the_submission_queued_then_the_backfill_fills_them(
    session, people, astronaut_selfie, monkeypatch
):
    row = submission_with(session, people["applicant"], astronaut_selfie, card_bytes("astronaut"))
    monkeypatch.setenv("PK_FACE_CHECK_SECONDS", "0.001")
    checks.get_settings.cache_clear()
    assert checks.check_submission(row.id).status == "unavailable"
    moderator = people["moderator"].clerk_user_id
    queue = moderation.queue(moderator, flag="checks_unavailable")
    assert [i.id for i in queue.items] == [str(row.id)]
    assert queue.items[0].status == SubmissionStatus.PENDING

    monkeypatch.delenv("PK_FACE_CHECK_SECONDS")
    checks.get_settings.cache_clear()
    assert checks.backfill(dry_run=True) == {"missing": 1, "checked": 0, "unavailable": 0}
    assert checks.run(T0) == {"missing": 1, "checked": 1, "unavailable": 0}
    assert moderation.detail(moderator, str(row.id)).faces.band == "likely_same"
    assert checks.backfill() == {"missing": 0, "checked": 0, "unavailable": 0}


def test_the_backfill_command_takes_a_since_date(session, people, astronaut_selfie, capsys):
    old = submission_with(
        session, people["applicant"], astronaut_selfie, card_bytes("astronaut"), submitted_at=T0
    )
    new = submission_with(
        session, people["second_applicant"], astronaut_selfie, card_bytes("astronaut")
    )
    assert cli.main(["run-face-checks", "--since", "2026-11-02"]) == 0
    assert "1 submissions needed face checks: 1 checked" in capsys.readouterr().out
    assert session.get(FaceCheck, new.id) is not None
    assert session.get(FaceCheck, old.id) is None
    assert cli.main(["run-face-checks", "--since", "yesterday"]) == cli.EXIT_INVALID_ARGUMENT


def test_calibration_reports_the_bands_error_rates_on_decided_submissions(
    session, people, astronaut_selfie, capsys
):
    same = submission_with(session, people["applicant"], astronaut_selfie, card_bytes("astronaut"))
    other = submission_with(
        session, people["second_applicant"], astronaut_selfie, card_bytes("grace_hopper")
    )
    for row in (same, other):
        checks.check_submission(row.id)
    same.status = SubmissionStatus.APPROVED
    other.status, other.reason_code = SubmissionStatus.REJECTED, "face_mismatch"
    session.add_all([same, other])
    session.commit()

    found = calibration.report()
    assert (found.same.count, found.different.count) == (1, 1)
    assert found.false_accept == 0 and found.false_reject == 0
    assert cli.main(["face-calibration"]) == 0
    out = capsys.readouterr().out
    assert "false accept (mismatch, called likely same):      0.0 %" in out
    assert "too few to move the bands" in out


# --- the web process stays responsive ---------------------------------------------------


def test_the_checks_work_in_the_check_process_and_the_web_process_answers_meanwhile(
    session, people, astronaut_selfie
):
    """Checks run from a thread of this (web) process, the work in the check process:
    that thread spends next to no CPU, the check process spends it, and /healthz
    round trips made meanwhile over HTTP answer."""
    rows = [
        submission_with(
            session,
            make_user(session, display_name=f"Applicant {n}"),
            astronaut_selfie,
            card_bytes("astronaut"),
        )
        for n in range(4)  # four people: one submission in review per person
    ]
    in_check_process(detector.warm_up)
    check_cpu_before = in_check_process(detector.process_stats)["cpu_seconds"]
    with serve(create_api()) as url, httpx.Client(base_url=url) as client:
        client.get("/healthz")
        done = threading.Event()
        caller_cpu = []

        def run_checks():
            for row in rows:
                checks.check_submission(row.id)
            caller_cpu.append(time.thread_time())
            done.set()

        worker = threading.Thread(target=run_checks)
        worker.start()
        round_trips = []
        while not done.is_set():
            started = time.perf_counter()
            assert client.get("/healthz").status_code == 200
            round_trips.append(time.perf_counter() - started)
            time.sleep(0.01)
        worker.join()
    check_cpu = in_check_process(detector.process_stats)["cpu_seconds"] - check_cpu_before
    checked = session.exec(select(FaceCheck).where(FaceCheck.status == "done")).all()
    assert len(checked) == 4
    print(
        f"CPU: check process {check_cpu:.3f} s, calling thread {caller_cpu[0]:.3f} s; "
        f"healthz meanwhile: median {statistics.median(round_trips) * 1000:.1f} ms, "
        f"max {max(round_trips) * 1000:.1f} ms over {len(round_trips)}"
    )
    # CPU time, not wall time, so a busy machine cannot fail it: the detection and the
    # descriptor (which holds the GIL, see the face-checks note) cost ~0.26 s of CPU
    # per check wherever they run; the calling thread only reads rows and waits.
    assert check_cpu > 0.05 * len(rows)
    assert caller_cpu[0] < check_cpu / 4
    # Speed is bench/face_checks.py's; here only that requests were answered
    # throughout, most of them promptly (a lone slow sample on a shared machine
    # must not fail this).
    assert len(round_trips) >= 4 * len(rows)
    assert statistics.median(round_trips) < 0.100
