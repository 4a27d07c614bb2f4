"""/verify, the person's half of verification: CNIC number, card photos and a live
selfie from Chromium's fake camera playing a real face, then the status."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.utils.a11y import assert_accessible
from tests.utils.browser import (
    ARTIFACTS,
    screenshot,
    small_touch_targets,
)
from tests.utils.journeys import (
    dashed,
    fill_and_send,
    new_cnic,
    open_verify,
    read_status,
    set_up_profile,
    upload_card,
)
from tests.utils.running_app import clerk_id_of

NOTE = "The selfie is too dark; please face a window."


@pytest.fixture
def moderator(app, monkeypatch) -> Iterator[str]:
    """A moderator in the running app's database, deciding through the moderation
    service (the moderators' pages come later): their Clerk user id."""
    from pk_rentals import db
    from pk_rentals.models import Role
    from pk_rentals.settings import get_settings
    from tests.utils.factories import make_user

    monkeypatch.setenv("REFLEX_DB_URL", app.db_url)
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    clerk_id = f"user_moderator{next(_moderators):04d}{datetime.now(UTC):%H%M%S%f}"
    with db.session() as session:
        make_user(
            session, clerk_user_id=clerk_id, display_name="Moderator Hina", role=Role.MODERATOR
        )
    yield clerk_id
    db.get_engine().dispose()
    db.get_engine.cache_clear()


_moderators = itertools.count(1)


def decide_newest(moderator: str, clerk_id: str, decision: str, reason: str | None = None):
    """A moderator's decision on the user's newest submission."""
    from sqlmodel import select

    from pk_rentals import db
    from pk_rentals.models import User, VerificationSubmission
    from pk_rentals.services import moderation

    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == clerk_id)).one()
        newest = session.exec(
            select(VerificationSubmission)
            .where(VerificationSubmission.user_id == user.id)
            .order_by(VerificationSubmission.attempt.desc())
        ).first()
    note = NOTE if decision != "approve" else None
    return moderation.decide(moderator, str(newest.id), decision, reason_code=reason, note=note)


def submit_through_the_service(clerk_id: str, cnic: str, media_files: dict[str, Path]) -> None:
    """A whole submission without the browser (to reach the resubmission cap quickly)."""
    from pk_rentals.services import verification
    from tests.utils.fake_camera import face_photo

    selfie = media_files["front"].with_name("selfie.jpg")
    face_photo().save(selfie, "JPEG", quality=85)
    verification.receive_upload(clerk_id, "cnic_front", media_files["front"].read_bytes())
    verification.receive_upload(clerk_id, "cnic_back", media_files["back"].read_bytes())
    code = verification.issue_selfie_code(clerk_id).code
    verification.receive_upload(clerk_id, "selfie", selfie.read_bytes(), code=code)
    verification.submit(clerk_id, cnic)


# --- helpers the moderation journey reuses ------------------------------------------


# --- the journeys ---------------------------------------------------------------------


def test_cnic_card_photos_and_live_selfie_are_sent_for_review(
    camera_page: Page, devauth, app, media_files
):
    page = camera_page
    set_up_profile(page, devauth, app, "Zainab Qureshi", "Punjab", "Lahore")
    open_verify(page)
    expect(page.get_by_test_id("verify-submit")).to_be_disabled()
    screenshot(page, "verify-empty-en")
    assert_accessible(page, "verify-empty-en")
    assert small_touch_targets(page) == [], small_touch_targets(page)

    cnic = new_cnic()
    page.get_by_test_id("cnic-input").type(cnic)  # as people type it: no dashes
    expect(page.get_by_test_id("cnic-input")).to_have_value(dashed(cnic))
    # The test card is a drawing, not a readable CNIC: the quick read asks for a
    # retake, and after a second failed read the photo may be sent anyway.
    upload_card(page, "front", media_files["front"])
    expect(page.get_by_test_id("card-feedback")).to_be_visible()
    expect(page.get_by_test_id("card-send-anyway")).to_have_count(0)
    screenshot(page, "verify-card-retake-en")
    upload_card(page, "front", media_files["front"])
    expect(page.get_by_test_id("card-send-anyway")).to_be_visible()
    upload_card(page, "back", media_files["back"])
    expect(page.get_by_test_id("photo-cnic_front-done")).to_be_visible()
    expect(page.get_by_test_id("photo-cnic_back-done")).to_be_visible()
    expect(page.get_by_test_id("photo-cnic_front-preview")).to_be_visible()

    page.get_by_test_id("selfie-start").click()
    expect(page.get_by_test_id("selfie-video")).to_be_visible()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=selfie-video]').videoWidth > 0"
    )
    screenshot(page, "verify-camera-live-en")
    page.get_by_test_id("selfie-capture").click()
    expect(page.get_by_test_id("selfie-still")).to_be_visible()
    screenshot(page, "verify-selfie-still-en")
    assert_accessible(page, "verify-selfie-still-en")
    # The still is the camera's picture (the astronaut), with the strip burned in.
    page.get_by_test_id("selfie-still").screenshot(path=str(ARTIFACTS / "verify-selfie-image.png"))
    page.get_by_test_id("selfie-use").click()
    expect(page.get_by_test_id("selfie-done")).to_be_visible()
    selfie_bytes = int(page.get_by_test_id("selfie-camera").get_attribute("data-bytes"))
    assert 10_000 < selfie_bytes < 400_000, selfie_bytes
    print(f"selfie JPEG: {selfie_bytes} bytes")

    page.get_by_test_id("verify-submit").click()
    expect(page.get_by_test_id("status-pending")).to_be_visible()
    expect(page.get_by_test_id("status-cnic")).to_contain_text(f"35202-*******-{cnic[-1]}")
    expect(page.get_by_test_id("verify-form")).to_have_count(0)
    screenshot(page, "verify-pending-en")
    assert_accessible(page, "verify-pending-en")
    assert read_status(page) == "pending"


def test_a_pdf_named_jpg_is_refused_and_nothing_else_is_lost(
    camera_page: Page, devauth, app, media_files
):
    page = camera_page
    set_up_profile(page, devauth, app, "Kamran Akmal", "Sindh", "Karachi")
    open_verify(page)
    page.get_by_test_id("cnic-input").type("42101 1234567 1")
    page.get_by_test_id("cnic-input").blur()
    expect(page.get_by_test_id("cnic-input")).to_have_value("42101-1234567-1")
    upload_card(page, "back", media_files["back"])
    expect(page.get_by_test_id("photo-cnic_back-done")).to_be_visible()

    upload_card(page, "front", media_files["pdf"])
    expect(page.get_by_test_id("photo-cnic_front-error")).to_contain_text(
        re.compile("not a photo|image", re.I)
    )
    expect(page.get_by_test_id("photo-cnic_back-done")).to_be_visible()
    expect(page.get_by_test_id("cnic-input")).to_have_value("42101-1234567-1")
    expect(page.get_by_test_id("verify-submit")).to_be_disabled()

    page.get_by_test_id("cnic-input").fill("4210112")
    page.get_by_test_id("cnic-input").blur()
    expect(page.get_by_test_id("cnic-error")).to_have_text(
        "Enter all 13 digits of your CNIC, like 35202-1234567-3."
    )
    expect(page.get_by_test_id("cnic-input")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "verify-errors-en")
    assert_accessible(page, "verify-errors-en")

    page.reload()  # the typed number is kept in this browser
    expect(page.get_by_test_id("cnic-input")).to_have_value("42101-12")
    expect(page.get_by_test_id("photo-cnic_back-done")).to_be_visible()


def test_camera_blocked_shows_how_to_allow_it_in_urdu(denied_page: Page, devauth, app):
    page = denied_page
    set_up_profile(
        page, devauth, app, "Sadia Imam", "Khyber Pakhtunkhwa", "Peshawar", english=False
    )
    open_verify(page)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    screenshot(page, "verify-empty-ur")
    page.get_by_test_id("selfie-start").click()
    problem = page.get_by_test_id("camera-problem")
    expect(problem).to_have_attribute("data-problem", "denied")
    expect(problem).to_contain_text("کیمرا بند ہے")
    expect(problem).to_contain_text("Permissions")
    expect(problem).to_contain_text("Website Settings")
    expect(page.get_by_test_id("selfie-retry-camera")).to_be_visible()
    screenshot(page, "verify-camera-denied-ur")
    assert_accessible(page, "verify-camera-denied-ur")
    assert small_touch_targets(page) == [], small_touch_targets(page)


@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_decision_shows_on_verify_with_the_reason_and_tries_left(
    camera_page: Page, devauth, app, media_files, moderator, language
):
    page = camera_page
    email, _, _ = set_up_profile(
        page, devauth, app, "Rabia Anum", "Punjab", "Lahore", english=language == "en"
    )
    open_verify(page)
    cnic = fill_and_send(page, media_files)
    screenshot(page, f"verify-pending-{language}")
    clerk_id = clerk_id_of(email)

    decide_newest(moderator, clerk_id, "reject", "selfie_unclear")
    assert read_status(page) == "rejected"
    reason = page.get_by_test_id("status-reason")
    if language == "en":
        expect(reason).to_contain_text("Your selfie is blurred, dark")
        expect(page.get_by_test_id("status-todo")).to_contain_text("facing a window")
    else:
        expect(reason).to_contain_text("آپ کی سیلفی دھندلی")
    expect(page.get_by_test_id("status-note")).to_contain_text(NOTE)
    expect(page.get_by_test_id("status-tries-left")).to_contain_text("3")
    expect(page.get_by_test_id("verify-form")).to_be_visible()  # may send again
    screenshot(page, f"verify-rejected-{language}")
    assert_accessible(page, f"verify-rejected-{language}")

    if language == "ur":  # sent again and approved: the green badge
        submit_through_the_service(clerk_id, cnic, media_files)
        decide_newest(moderator, clerk_id, "approve")
        assert read_status(page) == "approved"
        expect(page.get_by_test_id("status-approved").get_by_test_id("trust-badge-verified"))
        screenshot(page, "verify-approved-ur")
        return

    for _ in range(3):  # every resubmission rejected: then support, no form
        submit_through_the_service(clerk_id, cnic, media_files)
        decide_newest(moderator, clerk_id, "reject", "cnic_unreadable")
    assert read_status(page) == "rejected"
    expect(page.get_by_test_id("status-no-tries")).to_contain_text("contact our support team")
    expect(page.get_by_test_id("status-todo")).to_have_count(0)
    expect(page.get_by_test_id("verify-form")).to_have_count(0)
    screenshot(page, "verify-no-tries-en")
