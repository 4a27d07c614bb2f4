"""/verify, the end user's half of issue 6: CNIC number, card photos and a live
selfie from Chromium's fake camera playing a real face, then the status."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.test_profile import set_up_profile
from tests.utils.a11y import assert_accessible
from tests.utils.browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    fake_camera_args,
    screenshot,
    small_touch_targets,
)
from tests.utils.fake_camera import card_jpeg, pdf_named_jpg, write_face_mjpeg

FAKE_UI = "--use-fake-ui-for-media-stream"  # answers every camera prompt with "allow"


@pytest.fixture(scope="module")
def media_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("verify-media")
    return {
        "camera": write_face_mjpeg(folder / "face.mjpeg"),
        "front": card_jpeg(folder / "cnic-front.jpg", "front"),
        "back": card_jpeg(folder / "cnic-back.jpg", "back"),
        "pdf": pdf_named_jpg(folder / "cnic-front-scan.jpg"),
    }


def _launch(browser: Browser, args: list[str]) -> Iterator[Browser]:
    """A second Chromium with other flags, from the session's Playwright (one per process)."""
    other = browser.browser_type.launch(executable_path=CHROMIUM, args=args)
    yield other
    other.close()


@pytest.fixture(scope="module")
def camera_browser(browser, media_files) -> Iterator[Browser]:
    """Chromium whose front camera films the astronaut photo, access allowed."""
    yield from _launch(browser, [*CHROMIUM_ARGS, *fake_camera_args(media_files["camera"])])


@pytest.fixture(scope="module")
def denied_browser(browser) -> Iterator[Browser]:
    """Chromium with a camera whose access prompt is always answered "block"."""
    yield from _launch(
        browser, [arg for arg in CHROMIUM_ARGS if arg != FAKE_UI] + ["--deny-permission-prompts"]
    )


def _phone_context(browser: Browser, app) -> BrowserContext:
    context = browser.new_context(
        base_url=app.url, viewport={"width": 360, "height": 800}, locale="ur-PK"
    )
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def camera_page(camera_browser, app) -> Iterator[Page]:
    context = _phone_context(camera_browser, app)
    yield context.new_page()
    context.close()


@pytest.fixture
def denied_page(denied_browser, app) -> Iterator[Page]:
    context = _phone_context(denied_browser, app)
    yield context.new_page()
    context.close()


# --- helpers the moderation journey reuses ------------------------------------------


def open_verify(page: Page) -> None:
    """Go to /verify and wait for the status this visit read (the tab's state may hold
    an older one, shown for a moment until the fresh read arrives)."""
    since = datetime.now(UTC).isoformat(timespec="microseconds")
    page.goto("/verify")
    expect(page.get_by_test_id("verify-page")).to_be_visible()
    page.wait_for_function(
        "(since) => (document.querySelector('[data-testid=verify-page]')"
        "?.getAttribute('data-read-at') || '') >= since",
        arg=since,
    )


def read_status(page: Page) -> str:
    """Go back to /verify and say which status card it shows: none, pending,
    approved, rejected or resubmission-requested (``status-<x>`` test ids)."""
    open_verify(page)
    cards = page.locator("[data-testid^='status-']").filter(
        has=page.get_by_role("heading", level=2)
    )
    if cards.count() == 0:
        return "none"
    return cards.first.get_attribute("data-testid").removeprefix("status-")


def upload_card(page: Page, side: str, path: Path) -> None:
    page.get_by_test_id(f"photo-cnic_{side}-file").set_input_files(path)


def take_selfie(page: Page) -> int:
    """Open the camera, capture, use the photo; the JPEG's size in bytes."""
    page.get_by_test_id("selfie-start").click()
    video = page.get_by_test_id("selfie-video")
    expect(video).to_be_visible()
    page.wait_for_function(
        "() => { const v = document.querySelector('[data-testid=selfie-video]');"
        " return v && v.readyState >= 2 && v.videoWidth > 0; }"
    )
    page.get_by_test_id("selfie-capture").click()
    expect(page.get_by_test_id("selfie-still")).to_be_visible()
    page.get_by_test_id("selfie-use").click()
    expect(page.get_by_test_id("selfie-done")).to_be_visible()
    return int(page.get_by_test_id("selfie-camera").get_attribute("data-bytes"))


def fill_and_send(page: Page, media_files: dict[str, Path]) -> int:
    """CNIC typed without dashes, both card photos, a live selfie, then send."""
    page.get_by_test_id("cnic-input").type("3520212345673")
    expect(page.get_by_test_id("cnic-input")).to_have_value("35202-1234567-3")
    upload_card(page, "front", media_files["front"])
    expect(page.get_by_test_id("photo-cnic_front-done")).to_be_visible()
    upload_card(page, "back", media_files["back"])
    expect(page.get_by_test_id("photo-cnic_back-done")).to_be_visible()
    size = take_selfie(page)
    expect(page.get_by_test_id("verify-submit")).to_be_enabled()
    page.get_by_test_id("verify-submit").click()
    expect(page.get_by_test_id("status-pending")).to_be_visible()
    return size


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

    page.get_by_test_id("cnic-input").type("3520212345673")
    expect(page.get_by_test_id("cnic-input")).to_have_value("35202-1234567-3")
    upload_card(page, "front", media_files["front"])
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
    expect(page.get_by_test_id("status-cnic")).to_contain_text("35202-*******-3")
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
