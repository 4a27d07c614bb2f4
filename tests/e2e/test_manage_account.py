"""Clerk's own "Manage account" (the user menu's <UserProfile/>) against the built-in
identity server, as a person uses it: the devices signed in, a new password, a second
email address with its code, a profile picture; in English and in Urdu."""

from __future__ import annotations

import io
import re

from PIL import Image, ImageStat
from playwright.sync_api import Page, expect

from tests.utils.browser import screenshot
from tests.utils.journeys import PASSWORD, new_email, outbox_code, sign_in, signed_in_new_user
from tests.utils.people import photo

NEW_PASSWORD = "Sialkot#2026pk"


def _open_manage_account(page: Page, menu_item: str) -> None:
    page.locator(".cl-userButtonTrigger").click()
    page.get_by_role("menuitem", name=menu_item).click()
    expect(page.locator(".cl-userProfile-root")).to_be_visible()


def _go_to(page: Page, tab: str) -> None:
    """A tab of Manage account; on a phone its menu opens first."""
    profile = page.locator(".cl-userProfile-root")
    menu = profile.locator(".cl-navbarMobileMenuButton")
    if menu.is_visible():
        menu.click()
    profile.locator(f".cl-navbarButton__{tab}").locator("visible=true").first.click()


def test_devices_password_email_and_picture_in_english(page: Page, devauth, app, tmp_path):
    email = signed_in_new_user(page, devauth, app)
    _open_manage_account(page, "Manage account")
    profile = page.locator(".cl-userProfile-root")

    # A picture: Clerk's uploader sends the file as it is chosen; the menu shows it.
    picture = tmp_path / "me.jpg"
    picture.write_bytes(photo(600, 600))
    profile.locator(".cl-profileSectionPrimaryButton__profile").click()
    profile.locator("input[type=file]").set_input_files(picture)
    expect(page.locator(".cl-userButtonAvatarImage")).to_have_attribute(
        "src", re.compile(r"/_devauth/images/img_\w+\.jpg")
    )

    # A second email address, verified by the code it receives, then removed.
    second = new_email()
    profile.locator(".cl-profileSectionPrimaryButton__emailAddresses").click()
    profile.locator("input[name=emailAddress]").fill(second)
    profile.locator(".cl-formButtonPrimary").click()
    profile.locator("input[autocomplete='one-time-code']").first.click()
    page.keyboard.type(outbox_code(devauth, second))
    emails = profile.locator(".cl-profileSection__emailAddresses")
    expect(emails.get_by_text(second, exact=True)).to_be_visible()
    expect(profile.locator("input[autocomplete='one-time-code']")).to_have_count(0)
    screenshot(page, "manage-account-profile")
    emails.locator(".cl-profileSectionItem").filter(has_text=second).get_by_role(
        "button", name="Open menu"
    ).click()
    page.get_by_role("menuitem", name="Remove email").click()
    profile.locator(".cl-formButtonPrimary").click()
    expect(emails.get_by_text(second, exact=True)).to_have_count(0)

    # Security: this device is listed; the password changes, the old one then fails.
    _go_to(page, "security")
    expect(profile.locator(".cl-activeDevice")).to_have_count(1)
    expect(profile.locator(".cl-activeDevice")).to_contain_text("This device")
    profile.locator(".cl-profileSectionPrimaryButton__password").click()
    profile.locator("input[name=currentPassword]").fill("Wrong#2026pk")
    profile.locator("input[name=newPassword]").fill(NEW_PASSWORD)
    profile.locator("input[name=confirmPassword]").fill(NEW_PASSWORD)
    profile.locator(".cl-formButtonPrimary").click()
    expect(profile.locator("#error-currentPassword")).to_contain_text("Password is incorrect")
    profile.locator("input[name=currentPassword]").fill(PASSWORD)
    profile.locator(".cl-formButtonPrimary").click()
    expect(profile.locator(".cl-profileSectionPrimaryButton__password")).to_be_visible()
    expect(profile.get_by_text("Delete account")).to_have_count(0)
    screenshot(page, "manage-account-security")

    page.keyboard.press("Escape")
    page.locator(".cl-userButtonTrigger").click()
    page.get_by_role("menuitem", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/sign-in/?"))
    sign_in(page, email, NEW_PASSWORD, go=False)
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))


def test_manage_account_speaks_urdu_on_an_urdu_page(page: Page, devauth, app):
    page.context.add_cookies([{"name": "pk_theme", "value": "dark", "url": app.url}])
    signed_in_new_user(page, devauth, app, english=False)
    _open_manage_account(page, "اکاؤنٹ کا انتظام")
    profile = page.locator(".cl-userProfile-root")
    # Clerk's card takes the page's dark greys, not its own white.
    card = Image.open(io.BytesIO(profile.locator(".cl-cardBox").screenshot())).convert("L")
    assert ImageStat.Stat(card).median[0] < 60, ImageStat.Stat(card).median
    expect(profile.locator(".cl-navbarButton__account").first).to_contain_text("پروفائل")
    expect(profile).not_to_contain_text("Email addresses")
    # Right to left, the close button sits in the left corner, off the title.
    close = page.locator(".cl-modalCloseButton")
    card = profile.locator(".cl-cardBox").bounding_box()
    assert close.bounding_box()["x"] < card["x"] + card["width"] / 2
    screenshot(page, "manage-account-urdu")
    _go_to(page, "security")
    expect(profile.locator(".cl-activeDevice")).to_have_count(1)
    expect(profile).not_to_contain_text("Active devices")
    screenshot(page, "manage-account-urdu-security")
