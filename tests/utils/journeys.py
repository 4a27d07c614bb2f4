"""What a person does in the app, step by step, for the journeys that need it: sign
up through Clerk's form, fill the profile, send CNIC, card photos and a selfie."""

from __future__ import annotations

import itertools
import random
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from tests.utils.fake_camera import take_selfie

PASSWORD = "Lahore#2026pk"
CONTINUE = ".cl-formButtonPrimary"  # Clerk's primary button, in any language
_numbers = itertools.count(1)


def new_email(domain: str = "example.pk") -> str:
    return f"e2e{time.time_ns()}{next(_numbers)}@{domain}"


def code_from_outbox(identity_server: str, to: str) -> str:
    """The newest code the identity server (its URL, ``…/_devauth``) sent to ``to``."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        messages = httpx.get(f"{identity_server}/outbox.json", params={"to": to})
        if messages.json():
            return messages.json()[0]["code"]
        time.sleep(0.2)
    raise AssertionError(f"no code for {to} in the outbox")


def sign_in(page: Page, email: str, password: str = PASSWORD, *, go: bool = True) -> None:
    """Clerk's sign-in form: at /sign-in, or (``go=False``) where the page already is."""
    if go:
        page.goto("/sign-in")
    page.fill("input[name=identifier]", email)
    page.locator(CONTINUE).click()
    page.fill("input[name=password]", password)
    page.locator(CONTINUE).click()


def sign_up(page: Page, identity_server: str, email: str) -> None:
    """Clerk's sign-up form, in the page's language: email, password, the emailed code."""
    page.goto("/sign-up")
    page.fill("input[name=emailAddress]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator(CONTINUE).click()
    code_field = page.locator("input[autocomplete='one-time-code']").first
    expect(code_field).to_be_visible()
    code_field.click()
    page.keyboard.type(code_from_outbox(identity_server, email))
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))


def new_mobile() -> tuple[str, str]:
    """A random Jazz number as typed (0300-…) and in E.164."""
    digits = f"{random.randrange(10**7):07d}"
    return f"0300-{digits}", f"+92300{digits}"


def fill_details(page: Page, *, name: str, phone: str, province: str, city: str) -> None:
    page.fill("#display_name", name)
    page.fill("#phone", phone)
    page.select_option("#province", province)
    expect(page.locator(f"#city option[value='{city}']")).to_have_count(1)
    page.select_option("#city", city)


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


def upload_front(page: Page, path: Path) -> None:
    """The card front, as a person does it: when the quick read asks for a retake
    (the test cards are drawings, not readable CNICs), take it again once, after
    which the photo may be sent anyway."""
    step = page.get_by_test_id("verify-step-photos")
    for attempt in range(2):
        before = int(step.get_attribute("data-card-reads") or 0)
        upload_card(page, "front", path)
        expect(page.get_by_test_id("photo-cnic_front-done")).to_be_visible()
        expect(step).to_have_attribute("data-card-reads", str(before + 1))
        asked_again = page.get_by_test_id("card-feedback").is_visible() and not (
            page.get_by_test_id("card-send-anyway").is_visible()
        )
        if not asked_again or attempt:
            return


def new_cnic() -> str:
    """13 digits of a Lahore CNIC nobody else in this run has (CNICs are unique)."""
    return f"35202{random.randrange(10**8):08d}"


def dashed(digits: str) -> str:
    return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


def fill_and_send(page: Page, media_files: dict[str, Path], cnic: str | None = None) -> str:
    """CNIC typed without dashes (a new one unless given), both card photos, a live
    selfie, then send: the CNIC."""
    cnic = cnic or new_cnic()
    page.get_by_test_id("cnic-input").type(cnic)
    expect(page.get_by_test_id("cnic-input")).to_have_value(dashed(cnic))
    upload_front(page, media_files["front"])
    upload_card(page, "back", media_files["back"])
    expect(page.get_by_test_id("photo-cnic_back-done")).to_be_visible()
    take_selfie(page)
    expect(page.get_by_test_id("verify-submit")).to_be_enabled()
    page.get_by_test_id("verify-submit").click()
    expect(page.get_by_test_id("status-pending")).to_be_visible()
    return cnic


# --- against the session's app (its identity server's fixture dict, ``devauth``) ---


def outbox_code(devauth, email: str) -> str:
    return code_from_outbox(devauth["api_url"].removesuffix("/v1"), email)


def create_account(devauth, email: str) -> dict:
    response = httpx.post(
        f"{devauth['api_url']}/users",
        json={"email_address": [email], "password": PASSWORD},
        headers={"Authorization": f"Bearer {devauth['secret_key']}"},
    )
    response.raise_for_status()
    return response.json()


def signed_in_new_user(page: Page, devauth, app, *, english: bool = True) -> str:
    email = new_email()
    create_account(devauth, email)
    if english:
        page.context.add_cookies([{"name": "pk_lang", "value": "english", "url": app.url}])
    sign_in(page, email)
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    expect(page.get_by_test_id("profile-form")).to_be_visible()
    return email


def set_up_profile(page: Page, devauth, app, name: str, province: str, city: str, **kw):
    """A new account, signed in, with its profile saved: (email, typed phone, E.164)."""
    email = signed_in_new_user(page, devauth, app, **kw)
    typed, e164 = new_mobile()
    fill_details(page, name=name, phone=typed, province=province, city=city)
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_test_id("setup-phone-step")).to_be_visible()
    return email, typed, e164


def open_moderation(page: Page, app, person: dict, *, english: bool = True) -> None:
    page.context.add_cookies(
        [{"name": "pk_lang", "value": "english" if english else "urdu", "url": app.url}]
    )
    sign_in(page, person["email"])
    expect(page.get_by_test_id("user-button")).to_be_visible()
    page.goto("/moderation")
    expect(page.get_by_test_id("moderation-content")).to_be_visible()


def queue_item(page: Page, name: str):
    return page.get_by_test_id("queue-item").filter(has_text=name)


def choose_reason(page: Page, reason_text: str) -> None:
    page.get_by_test_id("decision-reason").click()
    page.get_by_role("option", name=reason_text).click()
