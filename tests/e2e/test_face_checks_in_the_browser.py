"""Face checks in the running app : a live selfie from Chromium's fake
camera filming the astronaut, against a CNIC card carrying the same face or another
person's; Chromium's default fake camera (no face) asks for a retake, then lets the
user send anyway; moderators see the band, the boxes and the flags; the app keeps
answering while checks run."""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import FaceCheck, User, VerificationSubmission
from pk_rentals.services import verification
from tests.utils.browser import screenshot_from_top as screenshot
from tests.utils.fake_camera import card_jpeg, selfie_jpeg, take_selfie
from tests.utils.frontend_api import FrontendClient
from tests.utils.journeys import (
    PASSWORD,
    dashed,
    new_cnic,
    open_moderation,
    open_verify,
    queue_item,
    set_up_profile,
    upload_card,
    upload_front,
)
from tests.utils.running_app import account, clerk_id_of, moderator


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("face-cards")
    return {
        face: card_jpeg(folder / f"front-{face}.jpg", "front", face=face)
        for face in ("astronaut", "grace_hopper")
    }


def face_check_of(clerk_id: str, timeout: float = 60) -> FaceCheck:
    """The stored checks of the user's newest submission, once the app has run them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.session() as session:
            found = session.exec(
                select(FaceCheck)
                .join(VerificationSubmission)
                .join(User, User.id == VerificationSubmission.user_id)
                .where(User.clerk_user_id == clerk_id)
                .order_by(VerificationSubmission.submitted_at.desc())
            ).first()
            if found is not None:
                return found
        time.sleep(0.5)
    raise AssertionError("the app stored no face checks")


def send(page: Page, front: Path, back: Path) -> None:
    cnic = new_cnic()
    page.get_by_test_id("cnic-input").type(cnic)
    expect(page.get_by_test_id("cnic-input")).to_have_value(dashed(cnic))
    upload_front(page, front)
    upload_card(page, "back", back)
    expect(page.get_by_test_id("photo-cnic_back-done")).to_be_visible()


def capture(page: Page, *, again: bool = False) -> None:
    page.get_by_test_id("selfie-retake" if again else "selfie-start").click()
    page.wait_for_function(
        "() => { const v = document.querySelector('[data-testid=selfie-video]');"
        " return v && v.readyState >= 2 && v.videoWidth > 0; }"
    )
    page.get_by_test_id("selfie-capture").click()
    page.get_by_test_id("selfie-use").click()
    expect(page.get_by_test_id("selfie-done")).to_be_visible()


@pytest.mark.parametrize(
    ("face", "band"), [("astronaut", "likely_same"), ("grace_hopper", "likely_different")]
)
def test_the_moderator_sees_how_alike_the_selfie_and_the_card_photo_are(
    camera_page: Page, browser, devauth, app, app_db, media_files, cards, face, band
):
    page = camera_page
    name = {"astronaut": "Samina Baig", "grace_hopper": "Nadia Hussain"}[face]
    email, _, _ = set_up_profile(page, devauth, app, name, "Punjab", "Lahore")
    open_verify(page)
    send(page, cards[face], media_files["back"])
    take_selfie(page)
    expect(page.get_by_test_id("selfie-camera")).to_have_attribute("data-face-checked", "true")
    expect(page.get_by_test_id("selfie-face-problem")).to_have_count(0)
    expect(page.get_by_test_id("selfie-done")).to_contain_text("Your face is clear")
    page.get_by_test_id("verify-submit").click()
    expect(page.get_by_test_id("status-pending")).to_be_visible()

    stored = face_check_of(clerk_id_of(email))
    assert stored.status == "done" and stored.band == band, stored
    assert stored.selfie_faces == 1 and stored.cnic_faces == 1

    context = browser.new_context(base_url=app.url, viewport={"width": 1280, "height": 800})
    try:
        tab = context.new_page()
        open_moderation(tab, app, moderator(devauth, app, f"Moderator for {name}"))
        item = queue_item(tab, name)
        expect(item.get_by_test_id(f"band-{band}")).to_be_visible()
        item.click()
        checks = tab.get_by_test_id("face-checks")
        expect(checks.get_by_test_id(f"band-{band}")).to_be_visible()
        expect(tab.get_by_test_id("faces-aid")).to_contain_text("nothing is approved or rejected")
        expect(tab.get_by_test_id("image-selfie").get_by_test_id("face-box")).to_have_count(1)
        expect(tab.get_by_test_id("image-cnic-front").get_by_test_id("face-box")).to_have_count(1)
        if band == "likely_different":
            expect(tab.get_by_test_id("flag-faces_differ").first).to_be_visible()
        tab.wait_for_function(
            "() => [...document.querySelectorAll('.pk-moderation-thumb')]"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )
        screenshot(tab, f"faces-moderation-{band}")
        tab.get_by_test_id("image-cnic-front").click()
        expect(
            tab.get_by_test_id("image-cnic-front-zoom").get_by_test_id("face-box")
        ).to_be_visible()
        screenshot(tab, f"faces-moderation-zoom-{band}")
    finally:
        context.close()


def test_no_face_on_the_default_camera_asks_for_a_retake_then_may_be_sent(
    page: Page, devauth, app, app_db, media_files, cards
):
    """Chromium's own fake camera films a test pattern: no face, twice."""
    email, _, _ = set_up_profile(page, devauth, app, "Hamid Gul", "Sindh", "Karachi", english=False)
    open_verify(page)
    send(page, cards["astronaut"], media_files["back"])
    capture(page)
    problem = page.get_by_test_id("selfie-face-problem")
    expect(problem).to_have_attribute("data-problems", "no_face")
    expect(problem).to_contain_text("آپ کی سیلفی میں چہرہ نظر نہیں آیا")
    expect(page.get_by_test_id("selfie-send-anyway")).to_have_count(0)
    expect(page.get_by_test_id("verify-submit")).to_be_disabled()
    expect(page.locator("#verify-submit-needs")).to_contain_text("پہلے سیلفی دوبارہ لیں")
    screenshot(page, "faces-verify-no-face-ur")

    capture(page, again=True)  # the same pattern again: now it may be sent
    expect(page.get_by_test_id("selfie-send-anyway")).to_contain_text("پھر بھی بھیج سکتے ہیں")
    expect(page.get_by_test_id("verify-submit")).to_be_enabled()
    screenshot(page, "faces-verify-send-anyway-ur")
    page.get_by_test_id("verify-submit").click()
    expect(page.get_by_test_id("status-pending")).to_be_visible()

    stored = face_check_of(clerk_id_of(email))
    assert stored.flag_no_face and stored.distance is None


def cpu_seconds(app) -> dict[str, float]:
    """CPU time so far of the app's check processes (``ProcessPoolExecutor`` workers,
    started with "spawn") and of the web processes that started them."""
    tree = psutil.Process(app.pid).children(recursive=True)
    checkers = [p for p in tree if "spawn_main" in " ".join(p.cmdline())]
    webs = {p.parent().pid: p.parent() for p in checkers}.values()

    def total(processes):
        return sum(sum(p.cpu_times()[:2]) for p in processes)

    return {"checks": total(checkers), "web": total(webs)}


def test_selfies_are_checked_in_the_check_process_while_the_app_answers(app, devauth, app_db):
    """Selfie uploads make the app run quick checks (in its check process) while
    /healthz is asked over HTTP; the faceless 1280 px picture takes every fallback."""
    person = account(devauth, "Responsive Check")
    with FrontendClient(devauth["api_url"].removesuffix("/v1")) as client:
        assert client.sign_in(person["email"], PASSWORD).status_code == 200
        token = client.post(f"/client/sessions/{client.session_id}/tokens").json()["jwt"]
    big = selfie_jpeg("no_face")
    done = threading.Event()
    answers = []

    def upload_selfie():
        code = verification.issue_selfie_code(person["id"]).code
        answer = httpx.post(
            f"{app.url}/api/verification/uploads/selfie",
            headers={"Authorization": f"Bearer {token}"},
            files={"image": ("selfie.jpg", big, "image/jpeg")},
            data={"code": code},
            timeout=30,
        )
        return answer.json().get("face_check")

    def upload_selfies():
        answers.extend(upload_selfie() for _ in range(6))
        done.set()

    upload_selfie()  # the check process is running before the counting starts
    before = cpu_seconds(app)
    worker = threading.Thread(target=upload_selfies)
    with httpx.Client(base_url=app.url) as http:
        http.get("/healthz")
        worker.start()
        round_trips = []
        while not done.is_set():
            started = time.perf_counter()
            assert http.get("/healthz").status_code == 200
            round_trips.append(time.perf_counter() - started)
            time.sleep(0.02)
    worker.join()
    after = cpu_seconds(app)
    used = {role: after[role] - before[role] for role in after}
    assert all(a and a["available"] and a["problems"] == ["no_face"] for a in answers), answers
    print(
        f"CPU: check processes {used['checks']:.2f} s, web {used['web']:.2f} s; "
        f"healthz meanwhile: median {statistics.median(round_trips) * 1000:.1f} ms, "
        f"max {max(round_trips) * 1000:.1f} ms over {len(round_trips)}; "
        f"check {statistics.median(a['seconds'] for a in answers):.2f} s"
    )
    # CPU time, not wall time, so a busy CI box cannot fail it: the detection (0.2-0.35 s
    # of CPU per faceless picture here) ran in the check processes. What the web
    # process spends is printed, not asserted: this app serves the whole e2e session,
    # and its other work (jobs, other tests' tabs) lands in the same counter. That the
    # caller spends next to nothing is asserted in tests/integration/test_face_checks.py.
    assert used["checks"] > 0.05 * len(answers)
    # Speed is bench/face_checks.py's; here only that requests were answered
    # throughout, most of them promptly (a lone slow sample must not fail this).
    assert len(round_trips) >= 4 * len(answers), len(round_trips)
    assert statistics.median(round_trips) < 0.100, sorted(round_trips)[-10:]
