"""Every public page passes axe (WCAG 2.1 A/AA, no serious or critical issue)
in Urdu and English, light and dark."""

import re

import pytest
from playwright.sync_api import expect

from pk_rentals.i18n import MESSAGES

pytestmark = pytest.mark.e2e

# (route, what shows once the page is ready to be judged)
PAGES = {
    "landing": ("/", "[data-testid=cta-sign-up]"),
    # Clerk's form renders after clerk-js loads: wait for its first input.
    "sign-in": ("/sign-in", "input[name=identifier]"),
    "sign-up": ("/sign-up", "input[name=emailAddress]"),
    "not-found": ("/no-such-page", "[data-testid=not-found]"),
    "goodbye": ("/goodbye", "[data-testid=goodbye]"),
}
# Cookie pk_lang value -> (<html lang>, the language switch's label in that language)
LANGUAGES = {"urdu": ("ur", "English"), "english": ("en", "اردو")}
THEMES = ("light", "dark")


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_no_serious_accessibility_violations(
    page, app, check_a11y, page_name, language, theme
):
    route, ready = PAGES[page_name]
    lang, switch_label = LANGUAGES[language]
    page.context.add_cookies([{"name": "pk_lang", "value": language, "url": app.url}])
    # Reflex keeps the colour mode in localStorage "theme" and applies it before paint.
    page.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page.goto(route)
    expect(page.locator(ready).first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_class(re.compile(rf"\b{theme}\b"))
    expect(page.get_by_test_id("language-toggle")).to_contain_text(
        switch_label, use_inner_text=True
    )
    # The page has hydrated: labels that follow the state are in its language too.
    theme_label = MESSAGES["nav.theme_label"][lang]
    expect(page.get_by_test_id("theme-toggle")).to_have_attribute("aria-label", theme_label)
    page.evaluate("document.fonts.ready")
    check_a11y(f"{page_name}-{language}-{theme}")
