"""Fixtures of the end-to-end journeys: the media a person sends and Chromiums with a
camera (a fake one filming a real face, or one whose access is always blocked)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from pk_rentals import db
from pk_rentals.settings import get_settings
from tests.utils.browser import CHROMIUM, CHROMIUM_ARGS, fake_camera_args
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


@pytest.fixture
def app_db(app, monkeypatch):
    """This process's services talk to the running app's database (and media folder)."""
    monkeypatch.setenv("REFLEX_DB_URL", app.db_url)
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    yield app.db_url
    db.get_engine().dispose()
    db.get_engine.cache_clear()
