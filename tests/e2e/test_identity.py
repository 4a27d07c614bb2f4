"""Sign-up, sign-in, lockout and the idle timeout through Clerk's real components
(clerk-js 5, served locally) against the built-in identity server."""

import re
import time

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.utils.browser import screenshot
from tests.utils.dns_server import ALSO_MX_DOMAIN, NO_MAIL_DOMAIN
from tests.utils.journeys import CONTINUE, PASSWORD, create_account, new_email, outbox_code, sign_in


@pytest.fixture(autouse=True)
def _english(page: Page, app) -> None:
    """These tests read Clerk's English messages; Urdu has its own test below."""
    page.context.add_cookies([{"name": "pk_lang", "value": "english", "url": app.url}])


def test_clerks_components_speak_urdu_on_an_urdu_page(page: Page, app):
    page.context.clear_cookies()
    page.goto("/sign-in")
    expect(page.locator(CONTINUE)).to_have_text(re.compile("جاری رکھیں"))
    expect(page.get_by_text("ای میل ایڈریس", exact=True)).to_be_visible()
    page.fill("input[name=identifier]", new_email())
    page.locator(CONTINUE).click()
    page.fill("input[name=password]", "Whatever#123")
    page.locator(CONTINUE).click()
    expect(page.locator("#error-password").first).to_contain_text("پاس ورڈ غلط ہے")
    screenshot(page, "sign-in-urdu-wrong-password")


def test_sign_up_with_an_emailed_code_then_profile_setup_sign_out_and_sign_in(page: Page, devauth):
    email = new_email()
    page.goto("/sign-up")
    page.fill("input[name=emailAddress]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator(CONTINUE).click()
    expect(page.get_by_text("Verify your email")).to_be_visible()
    page.keyboard.type(outbox_code(devauth, email))

    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(email)
    screenshot(page, "profile-setup")

    page.locator(".cl-userButtonTrigger").click()
    page.get_by_role("menuitem", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/sign-in/?"))
    expect(page.get_by_test_id("header-sign-in")).to_be_visible()

    sign_in(page, email)
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    expect(page.get_by_test_id("user-button")).to_be_visible()


def test_a_weak_password_is_refused_by_clerks_form_and_the_email_is_kept(page: Page):
    email = new_email()
    page.goto("/sign-up")
    page.fill("input[name=emailAddress]", email)
    page.fill("input[name=password]", "password1")
    page.locator(CONTINUE).click()
    expect(page.get_by_text(re.compile("must contain")).first).to_be_visible()
    expect(page.locator("input[name=emailAddress]")).to_have_value(email)
    screenshot(page, "sign-up-weak-password")


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("mailinator.com", "Disposable email addresses are not accepted"),
        (NO_MAIL_DOMAIN, f"Email cannot be delivered to {NO_MAIL_DOMAIN}"),
    ],
    ids=["disposable", "no-mail-server"],
)
def test_sign_up_with_an_address_mail_cannot_reach_says_so_under_the_email(
    page: Page, domain, message
):
    email = f"e2e{time.time_ns()}@{domain}"
    page.goto("/sign-up")
    page.fill("input[name=emailAddress]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator(CONTINUE).click()
    expect(page.locator("#error-emailAddress")).to_contain_text(message)
    expect(page.locator("input[name=emailAddress]")).to_have_value(email)
    expect(page.locator("input[name=password]")).to_have_value(PASSWORD)
    expect(page.get_by_text("Verify your email")).to_have_count(0)
    screenshot(page, f"sign-up-refused-{domain.split('.')[0]}")


def test_sign_up_with_a_deliverable_address_goes_on_to_the_email_code(page: Page):
    email = f"e2e{time.time_ns()}@{ALSO_MX_DOMAIN}"
    page.goto("/sign-up")
    page.fill("input[name=emailAddress]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator(CONTINUE).click()
    expect(page.get_by_text("Verify your email")).to_be_visible()


def attempt_password(page: Page, password: str) -> dict:
    """Submit the password card; Clerk's answer to the attempt."""
    page.fill("input[name=password]", password)
    with page.expect_response(lambda r: "attempt_first_factor" in r.url) as answer:
        page.locator(CONTINUE).click()
    return {"status": answer.value.status, **answer.value.json()}


LOCKED_FOR_AN_HOUR = re.compile(r"account is locked\. You will be able to try again in 60 minutes")


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(page: Page, devauth):
    email = new_email()
    create_account(devauth, email)
    page.goto("/sign-in")
    page.fill("input[name=identifier]", email)
    page.locator(CONTINUE).click()
    expect(page).to_have_url(re.compile(r"/sign-in/factor-one"))
    for attempt in range(4):
        answer = attempt_password(page, f"Wrong#{attempt}pass")
        assert answer["errors"][0]["code"] == "form_password_incorrect"
        expect(page.locator("#error-password").first).to_contain_text("Password is incorrect")

    fifth = attempt_password(page, "Wrong#4pass")
    assert (fifth["status"], fifth["errors"][0]["code"]) == (403, "user_locked")
    # Clerk's card takes the visitor back to the start of sign-in and says why there.
    expect(page).to_have_url(re.compile(r"/sign-in/?$"))
    expect(page.locator(".cl-alert")).to_contain_text(LOCKED_FOR_AN_HOUR)
    screenshot(page, "sign-in-locked-after-five")

    # A sixth try, in the same tab and with the right password, is refused too.
    page.fill("input[name=identifier]", email)
    page.locator(CONTINUE).click()
    expect(page).to_have_url(re.compile(r"/sign-in/factor-one"))
    expect(page.locator(".cl-alert")).to_have_count(0)
    sixth = attempt_password(page, PASSWORD)
    assert (sixth["status"], sixth["errors"][0]["code"]) == (403, "user_locked")
    assert 3500 < sixth["errors"][0]["meta"]["lockout_expires_in_seconds"] <= 3600
    expect(page).to_have_url(re.compile(r"/sign-in/?$"))
    expect(page.locator(".cl-alert")).to_contain_text(LOCKED_FOR_AN_HOUR)
    expect(page.get_by_test_id("header-sign-in")).to_be_visible()
    screenshot(page, "sign-in-locked-sixth-try")


def test_an_unknown_email_fails_exactly_like_a_wrong_password(page: Page):
    sign_in(page, new_email(), "Whatever#123")
    expect(page.locator("#error-password")).to_contain_text("Password is incorrect")


def test_a_signed_out_visitor_of_a_protected_page_goes_to_sign_in_and_back(page: Page, devauth):
    page.goto("/profile/setup")
    expect(page).to_have_url(re.compile(r"/sign-in/?\?redirect_url=(%2F|/)profile(%2F|/)setup"))
    assert "Signed in as" not in page.content()
    email = new_email()
    create_account(devauth, email)
    page.fill("input[name=identifier]", email)
    page.locator(CONTINUE).click()
    page.fill("input[name=password]", PASSWORD)
    page.locator(CONTINUE).click()
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))


def test_idle_warning_then_stay_signed_in_then_timeout_signs_out(page: Page, devauth):
    email = new_email()
    create_account(devauth, email)
    sign_in(page, email)
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))

    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=25_000)  # warning after 15 s idle
    screenshot(page, "idle-warning")
    dialog.get_by_role("button", name=re.compile("Stay signed in|سائن اِن رہیں")).click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_test_id("user-button")).to_be_visible()

    expect(dialog).to_be_visible(timeout=25_000)
    expect(page).to_have_url(re.compile(r"/sign-in/?\?reason=idle"), timeout=25_000)
    expect(page.get_by_test_id("sign-out-reason")).to_be_visible()
    screenshot(page, "signed-out-idle")
    sessions = httpx.get(
        f"{devauth['api_url']}/sessions",
        params={"user_id": _user_id(devauth, email)},
        headers={"Authorization": f"Bearer {devauth['secret_key']}"},
    ).json()
    assert all(s["status"] != "active" for s in sessions)


def _user_id(devauth, email: str) -> str:
    users = httpx.get(
        f"{devauth['api_url']}/users",
        params={"email_address": email},
        headers={"Authorization": f"Bearer {devauth['secret_key']}"},
    ).json()
    return users[0]["id"]
