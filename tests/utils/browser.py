"""Headless system Chromium for Playwright, and the screenshot helper."""

from __future__ import annotations

import math
import re
from pathlib import Path

from playwright.sync_api import Locator, Page

from pk_rentals.settings import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SCREEN_SIZES = ((360, 800), (1280, 800))  # a phone, a laptop

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no internet: stop Chromium's own background requests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Camera: grant access and use a fake device (feed a file with fake_camera_args).
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
]


def fake_camera_args(video: Path) -> list[str]:
    """Extra launch arguments that make the fake camera play ``video`` (an MJPEG file)."""
    return [f"--use-file-for-fake-video-capture={video}"]


def screenshot(page: Page, name: str) -> list[Path]:
    """Save full-page PNGs of ``page`` at phone and laptop sizes; restore the viewport."""
    ARTIFACTS.mkdir(exist_ok=True)
    original = page.viewport_size
    slug = re.sub(r"[^a-zA-Z0-9_-]+", "-", name)
    paths = []
    # The pointer out of the way: where the test last clicked, a wider page may have a
    # chart or a tooltip's trigger, and the screenshot would show it hovered.
    page.mouse.move(0, 0)
    for width, height in SCREEN_SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(150)  # let responsive layout settle
        path = ARTIFACTS / f"{slug}-{width}x{height}.png"
        page.screenshot(path=str(path), full_page=True)
        paths.append(path)
    if original:
        page.set_viewport_size(original)
    return paths


TOUCH_TARGET_PX = 44  # WCAG 2.5.5

# Our controls (Clerk's own components are left to Clerk).
_SMALL_TARGETS_JS = """(size) => [...document.querySelectorAll(
      'header button, header a, main button, main select, main textarea,'
      + ' main .rt-TextFieldRoot, main .pk-choice')]
  .filter((e) => e.offsetParent !== null && !e.closest('.cl-rootBox'))
  // a radio or switch inside its label: the whole label is the target
  .filter((e) => !(e.parentElement && e.parentElement.closest('.pk-choice')))
  .map((e) => [e, e.getBoundingClientRect()])
  .filter(([, r]) => r.height < size || r.width < size)
  .map(([e, r]) => `${e.tagName} "${e.textContent.trim().slice(0, 20)}" ${r.width}x${r.height}`)"""


def small_touch_targets(page: Page) -> list[str]:
    """Visible controls on the page smaller than 44x44 px, described for a failure."""
    return page.evaluate(_SMALL_TARGETS_JS, TOUCH_TARGET_PX)


def lines_per_font_size(box: Locator) -> float:
    """A box's line height over its font size. A box that hides what overflows it (a
    text field, a select's text) needs about 2 for Nastaliq, whose letters reach far
    above and below the line: at a Latin 1.5 the tails of "صدیقی" were cut off."""
    # A form drawn again (its data arrived) replaces the box between finding it and
    # reading it: a box no longer in the page has no style (NaN); read the new one.
    for _ in range(50):
        ratio = box.evaluate(
            "e => parseFloat(getComputedStyle(e).lineHeight)"
            " / parseFloat(getComputedStyle(e).fontSize)"
        )
        if not math.isnan(ratio):
            return ratio
        box.page.wait_for_timeout(100)
    return ratio


def screenshot_from_top(page: Page, name: str) -> None:
    """``screenshot`` with the page scrolled to the top (the sticky header stays there)."""
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, name)
