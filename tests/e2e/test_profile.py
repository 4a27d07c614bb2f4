"""Profile setup, phone verification, settings and the public profile, in Chromium
through Clerk's real components and the built-in identity server."""

import random
import re
import time

import sqlalchemy as sa
from playwright.sync_api import Page, expect

from pk_rentals.state.auth import CLAIM_LEEWAY
from tests.utils.app_server import E2E_TOKEN_LIFETIME
from tests.utils.browser import lines_per_font_size, screenshot, small_touch_targets
from tests.utils.journeys import (
    fill_details,
    new_mobile,
    outbox_code,
    set_up_profile,
    sign_in,
    signed_in_new_user,
)


def wait_until_language_saved(app, display_name: str, language: str) -> None:
    """Up to 15 s for the person's profile row to hold ``language``."""
    engine = sa.create_engine(app.db_url)
    saved = sa.text("SELECT preferred_language FROM users WHERE display_name = :name")
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                if connection.execute(saved, {"name": display_name}).scalar_one() == language:
                    return
            time.sleep(0.2)
    finally:
        engine.dispose()
    raise AssertionError(f"{display_name}'s language was not saved as {language} in 15 s")


def test_setup_wizard_shows_errors_keeps_input_across_a_reload_then_saves(
    page: Page, devauth, app, check_a11y
):
    signed_in_new_user(page, devauth, app)
    page.fill("#display_name", "A")
    page.fill("#phone", "12345")
    page.fill("#area", "Gulberg III")
    page.get_by_test_id("profile-save").click()

    expect(page.get_by_test_id("error-display_name")).to_have_text(
        "Your name must be 2 to 50 characters."
    )
    expect(page.get_by_test_id("error-phone")).to_contain_text("Pakistani mobile number")
    expect(page.get_by_test_id("error-province")).to_have_text("Choose your province.")
    expect(page.locator("#display_name")).to_have_value("A")
    expect(page.locator("#phone")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "profile-setup-errors")
    check_a11y("profile-setup-errors")
    assert small_touch_targets(page) == [], small_touch_targets(page)

    page.reload()  # nothing typed is lost
    expect(page.locator("#area")).to_have_value("Gulberg III")
    expect(page.locator("#phone")).to_have_value("12345")

    typed, _ = new_mobile()
    fill_details(page, name="Ayesha Khan", phone=typed, province="Sindh", city="Karachi")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_test_id("setup-phone-step")).to_be_visible()
    screenshot(page, "profile-setup-phone-step")
    check_a11y("profile-setup-phone-step")

    page.goto("/profile")
    expect(page.get_by_test_id("profile-name")).to_have_text("Ayesha Khan")
    expect(page.locator("#city")).to_have_value("Karachi")
    expect(page.locator("#area")).to_have_value("Gulberg III")
    expect(page.get_by_test_id("trust-badge-unverified")).to_be_visible()


def test_phone_code_from_the_outbox_gives_the_blue_badge(page: Page, devauth, app, check_a11y):
    _, _, e164 = set_up_profile(page, devauth, app, "Bilal Ahmed", "Punjab", "Lahore")

    page.get_by_test_id("phone-send-code").click()
    code = outbox_code(devauth, e164)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    page.get_by_test_id("phone-code").fill(wrong)
    page.get_by_test_id("phone-verify").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")

    page.get_by_test_id("phone-code").fill(code)
    page.get_by_test_id("phone-verify").click()
    expect(page.get_by_test_id("phone-verified")).to_be_visible()
    page.get_by_test_id("setup-finish").click()
    expect(page).to_have_url(re.compile(r"/profile/?$"))
    expect(page.get_by_test_id("trust-badge-basic")).to_be_visible()
    screenshot(page, "profile-phone-verified")
    check_a11y("profile-phone-verified")
    assert small_touch_targets(page) == [], small_touch_targets(page)


def test_theme_is_saved_and_follows_the_user_to_a_new_browser(
    page: Page, devauth, browser, app, check_a11y
):
    email, _, _ = set_up_profile(page, devauth, app, "Sana Mir", "Punjab", "Multan")

    page.goto("/settings")
    page.get_by_test_id("choice-dark").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    expect(page.get_by_test_id("notify-sms")).to_be_visible()
    page.get_by_test_id("notify-sms").click()
    expect(page.get_by_test_id("notify-sms")).to_have_attribute("data-state", "unchecked")
    screenshot(page, "settings-dark")
    check_a11y("settings-dark")
    page.goto("/profile")
    expect(page.get_by_test_id("profile-name")).to_be_visible()
    check_a11y("profile-dark")
    page.goto("/settings")
    assert small_touch_targets(page) == [], small_touch_targets(page)
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    expect(page.get_by_test_id("notify-sms")).to_have_attribute("data-state", "unchecked")

    other = browser.new_context(base_url=app.url, viewport={"width": 1280, "height": 800})
    try:
        fresh = other.new_page()
        fresh.set_default_timeout(15_000)
        fresh.goto("/")
        expect(fresh.locator("html")).not_to_have_class(re.compile(r"\bdark\b"))
        sign_in(fresh, email)
        expect(fresh.get_by_test_id("user-button")).to_be_visible()
        expect(fresh.locator("html")).to_have_class(re.compile(r"\bdark\b"))
        # English was saved at sign-up (the cookie this browser lacked): now applied.
        expect(fresh.locator("html")).to_have_attribute("dir", "ltr")
        # The next visit is dark from the first paint: with every module script
        # blocked, only the inline head scripts run, and they apply the cookie.
        fresh.route("**/*.js", lambda route: route.abort())
        fresh.goto("/")
        assert "dark" in (fresh.locator("html").get_attribute("class") or "")
    finally:
        other.close()


def test_system_theme_follows_the_device(page: Page, devauth, app):
    set_up_profile(page, devauth, app, "Omar Farooq", "Balochistan", "Quetta")
    page.goto("/settings")
    page.get_by_test_id("choice-system").click()
    page.emulate_media(color_scheme="dark")
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    page.emulate_media(color_scheme="light")
    expect(page.locator("html")).to_have_class(re.compile(r"\blight\b"))


def test_switching_language_keeps_the_page_and_saves_the_choice(page: Page, devauth, app):
    set_up_profile(page, devauth, app, "Hina Baloch", "Sindh", "Sukkur")
    page.goto("/profile")
    expect(page.get_by_test_id("profile-name")).to_be_visible()
    page.get_by_test_id("language-toggle").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page).to_have_url(re.compile(r"/profile/?$"))
    expect(page.get_by_test_id("profile-name")).to_have_text("Hina Baloch")
    # When the page's token was old the save runs a moment after the switch, behind a
    # fresh token; a reload within that moment would lose it (nothing can be saved
    # without a valid token), so the test waits for the row, as a person would.
    wait_until_language_saved(app, "Hina Baloch", "urdu")
    page.reload()
    expect(page.get_by_role("radio", name="اردو")).to_be_checked()  # saved in the profile
    # A name typed in Urdu keeps its tails in the field ("صدیقی", not "صدیقہ").
    assert lines_per_font_size(page.locator("#display_name")) >= 2
    assert small_touch_targets(page) == [], small_touch_targets(page)
    # Radix's parts follow the page, not Radix Themes' own "ltr": the radio sits on the
    # right of its word.
    page.goto("/settings")
    expect(page.get_by_role("radiogroup", name="زبان")).to_have_attribute("dir", "rtl")
    screenshot(page, "settings-urdu")


def test_a_choice_made_while_the_token_is_old_is_saved_once_a_fresh_one_comes(
    page: Page, devauth, app
):
    """A phone on a bad connection: clerk-js cannot fetch a new session token for
    longer than one lives, so the backend's copy is old. The person stays signed in,
    the tap still switches the language at once, and it is saved as soon as a fresh
    token arrives (the backend asks for one, then runs the save behind it)."""
    set_up_profile(page, devauth, app, "Zara Khan", "Punjab", "Multan")
    page.goto("/profile")
    expect(page.get_by_test_id("profile-name")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    held, holding = [], [True]
    page.route(
        "**/client/sessions/*/tokens*",
        lambda route: held.append(route) if holding[0] else route.continue_(),
    )
    # Long enough for whatever token the backend holds to be old; the pointer moves
    # meanwhile, so the idle guard sees someone there.
    deadline = time.monotonic() + E2E_TOKEN_LIFETIME + CLAIM_LEEWAY + 1
    while time.monotonic() < deadline:
        page.mouse.move(random.randrange(20, 300), random.randrange(200, 600))
        page.wait_for_timeout(1_000)
    expect(page.get_by_test_id("profile-name")).to_have_text("Zara Khan")  # signed in

    page.get_by_test_id("language-toggle").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert held, "clerk-js asked for no token while they were held"
    holding[0] = False
    for route in held:
        route.continue_()

    wait_until_language_saved(app, "Zara Khan", "urdu")
    page.reload()
    expect(page.get_by_role("radio", name="اردو")).to_be_checked()  # saved in the profile
    expect(page.get_by_test_id("profile-name")).to_have_text("Zara Khan")
