"""Imported users in the browser: a user imported without a password signs in through
Clerk's own <SignIn/> (an email code, then "Set new password"), and the one-time
prompt to verify appears once, in English and in Urdu."""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.utils.browser import screenshot
from tests.utils.journeys import CONTINUE, outbox_code
from tests.utils.running_app import app_cli

NEW_PASSWORD = "Chakwal#2026pk"


def import_one(app, tmp_path: Path, *, language: str) -> str:
    """Import one user without a password (a complete profile) into the running app."""
    email = f"imported{time.time_ns()}@example.pk"
    source = tmp_path / "users.csv"
    source.write_text(
        "external_id,email,first_name,last_name,phone,city,province,language\n"
        f"old-{time.time_ns()},{email},Sana,Malik,0345 1112233,Chakwal,Punjab,{language}\n",
        encoding="utf-8",
    )
    result = app_cli(app, "import-users", str(source))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "1 rows: 1 created" in result.stdout
    return email


@pytest.fixture
def english(page: Page, app):
    page.context.add_cookies([{"name": "pk_lang", "value": "english", "url": app.url}])
    return page


def test_an_imported_user_proves_the_email_sets_a_password_and_is_prompted_once(
    english: Page, app, devauth, tmp_path
):
    page = english
    email = import_one(app, tmp_path, language="en")

    page.goto("/sign-in")
    page.fill("input[name=identifier]", email)
    page.locator(CONTINUE).click()
    expect(page.get_by_text("Check your email")).to_be_visible()
    expect(page.locator("input[name=password]")).to_have_count(0)
    screenshot(page, "imported-sign-in-email-code")
    page.keyboard.type(outbox_code(devauth, email))
    expect(page).to_have_url(re.compile(r"/sign-in/reset-password"))
    expect(page.get_by_text("Set new password")).to_be_visible()
    expect(page.get_by_text("it is required to reset your password")).to_be_visible()
    screenshot(page, "imported-set-new-password")
    page.fill("input[name=password]", "short")
    page.fill("input[name=confirmPassword]", "short")
    page.locator(CONTINUE).click()
    expect(page).to_have_url(re.compile(r"/sign-in/reset-password"))  # refused, still here
    page.fill("input[name=password]", NEW_PASSWORD)
    page.fill("input[name=confirmPassword]", NEW_PASSWORD)
    page.locator(CONTINUE).click()

    prompt = page.get_by_test_id("verify-prompt")
    expect(prompt).to_be_visible(timeout=30_000)
    expect(prompt).to_contain_text("Verify your identity")
    expect(page.get_by_test_id("verify-prompt-go")).to_have_attribute("href", "/verify")
    screenshot(page, "verify-prompt-english")
    page.get_by_test_id("verify-prompt-dismiss").click()
    expect(prompt).to_have_count(0)

    # Once only: a reload (a new sign-in sync) does not bring it back.
    page.reload()
    expect(page.get_by_test_id("user-button")).to_be_visible()
    page.wait_for_timeout(1500)
    expect(page.get_by_test_id("verify-prompt")).to_have_count(0)

    # The password chosen is the account's password from now on.
    page.locator(".cl-userButtonTrigger").click()
    page.get_by_role("menuitem", name="Sign out").click()
    expect(page.get_by_test_id("header-sign-in")).to_be_visible()
    page.goto("/sign-in")
    page.fill("input[name=identifier]", email)
    page.locator(CONTINUE).click()
    page.fill("input[name=password]", NEW_PASSWORD)
    page.locator(CONTINUE).click()
    expect(page.get_by_test_id("user-button")).to_be_visible()
    page.wait_for_timeout(1500)
    expect(page.get_by_test_id("verify-prompt")).to_have_count(0)


def test_the_prompt_speaks_urdu_and_leads_to_verify(page: Page, app, devauth, tmp_path, check_a11y):
    email = import_one(app, tmp_path, language="ur")

    page.goto("/sign-in")
    page.fill("input[name=identifier]", email)
    page.locator(CONTINUE).click()
    page.locator(".cl-otpCodeFieldInput").first.wait_for()
    page.keyboard.type(outbox_code(devauth, email))
    expect(page).to_have_url(re.compile(r"/sign-in/reset-password"))
    page.fill("input[name=password]", NEW_PASSWORD)
    page.fill("input[name=confirmPassword]", NEW_PASSWORD)
    page.locator(CONTINUE).click()

    prompt = page.get_by_test_id("verify-prompt")
    expect(prompt).to_be_visible(timeout=30_000)
    expect(prompt).to_contain_text("اپنی شناخت کی تصدیق کریں")
    check_a11y("verify-prompt-urdu")
    screenshot(page, "verify-prompt-urdu")
    page.get_by_test_id("verify-prompt-go").click()
    expect(page).to_have_url(re.compile(r"/verify/?$"))
    expect(page.get_by_test_id("verify-prompt")).to_have_count(0)
