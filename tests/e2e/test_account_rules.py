"""The account rules in Chromium: Clerk's "verify at sign-up" switch in both
positions with the banner's own email-code verification, and the moderators'
Security tab with a flagged account."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.utils.a11y import assert_accessible
from tests.utils.browser import screenshot
from tests.utils.journeys import (
    CONTINUE,
    PASSWORD,
    fill_details,
    new_email,
    new_mobile,
    open_moderation,
    outbox_code,
    sign_in,
)
from tests.utils.running_app import account, moderator


def set_switch(devauth, on: bool) -> None:
    answer = httpx.patch(
        f"{devauth['api_url']}/instance",
        json={"verify_email_at_sign_up": on},
        headers={"Authorization": f"Bearer {devauth['secret_key']}"},
    )
    assert answer.status_code == 204, answer.text


@pytest.fixture
def verification_off(devauth):
    set_switch(devauth, False)
    yield
    set_switch(devauth, True)  # the other tests expect Clerk's default


def english(page: Page, app) -> None:
    page.context.add_cookies([{"name": "pk_lang", "value": "english", "url": app.url}])


def sign_up(page: Page, email: str) -> None:
    page.goto("/sign-up")
    page.fill("input[name=emailAddress]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator(CONTINUE).click()


def test_with_verify_at_sign_up_off_the_id_waits_for_the_banners_email_code(
    camera_page: Page,
    devauth,
    app,
    verification_off,
):
    page = camera_page
    english(page, app)
    email = new_email()
    sign_up(page, email)
    # In at once: no code step, straight to the profile, with the banner.
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    banner = page.get_by_test_id("email-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Verify your email address")
    fill_details(page, name="Nadia Baloch", phone=new_mobile()[0], province="Sindh", city="Karachi")
    page.get_by_test_id("profile-save").click()  # the profile is not a sensitive feature
    expect(page.get_by_test_id("setup-phone-step")).to_be_visible()
    screenshot(page, "email-banner-profile-en")

    page.goto("/verify")
    expect(page.get_by_test_id("verify-email-first")).to_contain_text("before sending your CNIC")
    expect(page.get_by_test_id("verify-form")).to_have_count(0)
    screenshot(page, "verify-waits-for-email-en")
    assert_accessible(page, "verify-waits-for-email-en")

    page.get_by_test_id("email-verify-start").click()
    expect(page.get_by_test_id("email-code")).to_be_visible()
    code = outbox_code(devauth, email)
    page.get_by_test_id("email-code").fill("000000" if code != "000000" else "111111")
    page.get_by_test_id("email-code-submit").click()
    expect(page.locator("#pk-email-problem")).to_contain_text("not right")
    screenshot(page, "email-banner-wrong-code-en")
    page.get_by_test_id("email-code").fill(code)
    page.get_by_test_id("email-code-submit").click()
    # The page notices without signing in again: banner gone, the form is there.
    expect(page.get_by_test_id("email-banner")).to_have_count(0)
    expect(page.get_by_test_id("verify-form")).to_be_visible()
    expect(page.get_by_test_id("verify-email-first")).to_have_count(0)
    screenshot(page, "verify-after-email-en")


def test_with_verify_at_sign_up_on_the_code_comes_first_and_there_is_no_banner(
    page: Page, devauth, app
):
    english(page, app)
    email = new_email()
    sign_up(page, email)
    expect(page.get_by_text("Verify your email")).to_be_visible()
    page.keyboard.type(outbox_code(devauth, email))
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    expect(page.get_by_test_id("profile-form")).to_be_visible()
    expect(page.get_by_test_id("email-banner")).to_have_count(0)


def test_the_banner_speaks_urdu(page: Page, devauth, app, verification_off):
    page.context.add_cookies([{"name": "pk_lang", "value": "urdu", "url": app.url}])
    sign_up(page, new_email())
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    expect(page.get_by_test_id("email-banner")).to_contain_text("اپنا ای میل ایڈریس تصدیق کریں")
    expect(page.get_by_test_id("email-verify-start")).to_have_text("ای میل تصدیق کریں")
    screenshot(page, "email-banner-ur")


def test_the_security_tab_shows_failures_and_flags_the_account(
    page: Page,
    browser,
    devauth,
    app,
    app_db,
):
    suspect = account(devauth, "Suspect Saleem")
    other = browser.new_context(base_url=app.url, viewport={"width": 360, "height": 800})
    try:
        tries = other.new_page()
        english(tries, app)
        for _ in range(5):  # the fifth locks the account: 4 wrong passwords + a lockout
            sign_in(tries, suspect["email"], "Wrong#pass99")
            expect(
                tries.locator("#error-password, .cl-formFieldErrorText, .cl-alert").first
            ).to_be_visible()
    finally:
        other.close()
    mod = moderator(devauth, app, "Moderator Sadia")
    open_moderation(page, app, mod)
    page.get_by_test_id("tab-security").click()
    expect(page.get_by_test_id("security-panel")).to_be_visible()
    row = page.get_by_test_id("security-account").filter(has_text="Suspect Saleem")
    expect(row).to_contain_text("Failures: 5")
    expect(row.get_by_test_id("flag-security")).to_be_visible()
    expect(page.get_by_test_id("security-kind-lockout")).not_to_have_text("0")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "moderation-security-en")
    assert_accessible(page, "moderation-security-en")
    page.get_by_test_id("tab-review").click()
    expect(page.get_by_test_id("stats-chart")).to_be_visible()

    # In Urdu the tabs and their panels read right to left (Radix's own default is ltr).
    page.get_by_test_id("language-toggle").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_test_id("tab-security").click()
    expect(page.get_by_test_id("security-panel")).to_be_visible()
    expect(page.locator(".rt-TabsRoot")).to_have_attribute("dir", "rtl")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "moderation-security-ur")
    assert_accessible(page, "moderation-security-ur")
