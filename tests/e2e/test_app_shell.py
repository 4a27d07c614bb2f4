"""The app shell as a visitor meets it: landing page, language, theme, 404, health."""

import re

import httpx
import pytest
import redis
from playwright.sync_api import expect

from tests.utils.browser import screenshot

pytestmark = pytest.mark.e2e


def test_landing_page_speaks_urdu_first_and_offers_sign_up(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ur")
    expect(page.get_by_role("heading", level=1)).to_contain_text("شناخت")
    expect(page.get_by_test_id("cta-sign-up")).to_have_attribute("href", "/sign-up")
    expect(page.get_by_test_id("cta-sign-in")).to_have_attribute("href", "/sign-in")
    for level in ("unverified", "basic", "verified", "trusted"):
        expect(page.get_by_test_id(f"trust-badge-{level}")).to_be_visible()
    screenshot(page, "landing-urdu-light")


def test_language_switch_is_remembered_after_reload(page, app):
    page.goto("/")
    page.get_by_test_id("language-toggle").click()
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Rent from people who have proved who they are", use_inner_text=True
    )
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Rent from people who have proved who they are", use_inner_text=True
    )
    # The production topology keeps Reflex state in Redis, not in the worker.
    assert redis.Redis.from_url(app.redis_url).dbsize() > 0
    screenshot(page, "landing-english-light")


def test_theme_toggle_switches_to_dark(page):
    page.goto("/")
    page.get_by_test_id("language-toggle").wait_for()
    page.wait_for_function("document.documentElement.classList.length > 0")
    before = page.evaluate("document.documentElement.classList.contains('dark')")
    page.get_by_test_id("theme-toggle").click()
    page.wait_for_function(
        f"document.documentElement.classList.contains('dark') === {str(not before).lower()}"
    )
    if not before:
        screenshot(page, "landing-urdu-dark")


@pytest.mark.parametrize("width", [360, 1280])
def test_landing_page_never_scrolls_sideways(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    page.get_by_test_id("cta-sign-up").wait_for()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_unknown_address_shows_the_404_page_with_a_way_home(page, app):
    response = page.goto("/no-such-page")
    assert response is not None and response.status == 404
    expect(page.get_by_test_id("not-found")).to_be_visible()
    screenshot(page, "not-found")
    page.get_by_test_id("not-found").get_by_role("link").click()
    expect(page).to_have_url(f"{app.url}/")


def test_healthz_reports_the_database_of_the_running_app(app):
    response = httpx.get(f"{app.url}/healthz", timeout=5)
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def _font_files_fetched(page, app, language: str) -> list[str]:
    page.context.add_cookies([{"name": "pk_lang", "value": language, "url": app.url}])
    fonts = []
    page.on(
        "response",
        lambda response: (
            fonts.append(response.url) if response.request.resource_type == "font" else None
        ),
    )
    page.goto("/")
    page.get_by_test_id("cta-sign-up").wait_for()
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    return fonts


def test_english_visitors_never_download_the_urdu_font(page, app):
    assert _font_files_fetched(page, app, "english") == []
    # The switch's words are Urdu, and marked so for screen readers.
    shown = page.get_by_test_id("language-toggle").locator(".pk-en")
    expect(shown).to_be_visible()
    expect(shown).to_have_attribute("lang", "ur")


def test_urdu_visitors_get_the_nastaliq_font(page, app):
    fonts = _font_files_fetched(page, app, "urdu")
    assert any("noto-nastaliq-urdu" in url for url in fonts)
    shown = page.get_by_test_id("language-toggle").locator(".pk-ur")
    expect(shown).to_be_visible()
    expect(shown).to_have_attribute("lang", "en")


@pytest.mark.parametrize(
    ("language", "lang", "heading"),
    [("english", "en", "Rent from people"), ("urdu", "ur", "کرایہ")],
)
def test_the_prerendered_page_reads_in_the_visitors_language_before_its_javascript(
    page, app, language, lang, heading
):
    """On a slow link the HTML shows long before the JavaScript has arrived: it must
    already be in the visitor's language, not Urdu for everyone until hydration."""
    page.context.add_cookies([{"name": "pk_lang", "value": language, "url": app.url}])
    page.route(re.compile(r"/assets/.*\.js$"), lambda route: route.abort())
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    title = page.get_by_role("heading", level=1)
    expect(title).to_contain_text(heading, use_inner_text=True)
    other = "ur" if lang == "en" else "en"
    assert title.locator(f"[lang={other}]").is_hidden()
    expect(page.get_by_test_id("brand")).to_be_visible()
    assert page.get_by_test_id("cta-sign-up").inner_text().strip()
