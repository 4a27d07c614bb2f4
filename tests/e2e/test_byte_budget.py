"""A first visit fits a phone on a slow link: the bytes on the wire stay within budget.

Bytes are deterministic, so the budget is a test (the times are a benchmark:
bench/first_visit.py --link slow). A visit starts from an empty cache with only
the language cookie and counts every response's encoded body, as Chromium
received it, until the page has drawn and the network has settled.
"""

from __future__ import annotations

import contextlib

import httpx
import pytest
from playwright.sync_api import expect

from bench.first_visit import a_public_profile, first_visit

KIB = 1024
PUBLIC_PROFILE = "/u/{id}"
# Signed-out visitors of the light pages need no sign-in code: English pages carry
# no font either; Urdu ones add one Nastaliq weight. Sign-in loads Clerk's card.
BUDGET_KIB = {
    ("/", "english"): 380,
    (PUBLIC_PROFILE, "english"): 380,
    ("/", "urdu"): 540,
    (PUBLIC_PROFILE, "urdu"): 540,
    ("/sign-in", "english"): 700,
    ("/sign-in", "urdu"): 860,
}
VISITS = [pytest.param(path, language, id=f"{language}{path}") for path, language in BUDGET_KIB]


@pytest.fixture(scope="module")
def profile_path(app) -> str:
    return PUBLIC_PROFILE.format(id=a_public_profile(app.db_url))


@pytest.mark.parametrize(("path", "language"), VISITS)
def test_first_visit_fits_the_budget(browser, app, profile_path, path, language):
    url_path = profile_path if path == PUBLIC_PROFILE else path
    downloads = first_visit(browser, app.url, language, url_path)
    wire = sum(download.wire for download in downloads)
    heaviest = sorted(downloads, key=lambda download: -download.wire)[:5]
    assert wire <= BUDGET_KIB[(path, language)] * KIB, (
        f"{url_path} in {language}: {wire / KIB:.1f} KiB on the wire; heaviest: "
        + ", ".join(f"{d.url} ({d.wire / KIB:.1f})" for d in heaviest)
    )


def test_a_public_profile_shows_text_before_its_javascript(browser, app, profile_path):
    """Its address carries an id, so nothing is prerendered at it: the app answers
    with the page's prerendered shell, which draws the header at once and hydrates
    into the profile without a hydration error."""
    shell = httpx.get(app.url + profile_path)
    assert shell.status_code == 200
    assert "پی کے رینٹلز" in shell.text  # the header's name, drawn by the HTML alone

    context = browser.new_context(base_url=app.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(profile_path)
    expect(page.get_by_role("banner")).to_contain_text("پی کے رینٹلز")
    context.close()

    with _watched_page(browser, app) as page:
        page.goto(profile_path)
        expect(page.get_by_test_id("public-name")).to_be_visible()
        page.goto("/u/nobody-has-this-id")
        expect(page.get_by_test_id("public-profile")).to_have_count(0)


@pytest.mark.parametrize("path", ["/sign-in", "/sign-up"])
def test_sign_in_and_sign_up_show_text_before_clerk_arrives(browser, app, path):
    """Their first step is prerendered at its own address: the header shows while
    clerk-js (about 250 KiB) is still on the way, and Clerk's card then draws in it
    without a hydration error."""
    assert "پی کے رینٹلز" in httpx.get(app.url + path, follow_redirects=True).text
    with _watched_page(browser, app) as page:
        page.goto(path)
        expect(page.locator(".cl-formButtonPrimary")).to_be_visible()


@contextlib.contextmanager
def _watched_page(browser, app):
    """A fresh page whose console must stay free of errors (a hydration error shows
    there) until the block ends."""
    context = browser.new_context(base_url=app.url)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        yield page
        assert errors == []
    finally:
        context.close()
