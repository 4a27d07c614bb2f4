"""`make run`, the newcomer's first command, through the whole journey in Urdu.

The app is started exactly as the README says, in a fresh copy of the project with
no setting changed, on a machine whose DNS answers "no such domain" for every name
(as an offline machine's does). A person signs up through Clerk's form, sets up the
profile, verifies the phone, sends the CNIC, card photos and a live selfie; a
moderator approves in a second browser; a visitor sees the green badge. All the
while the dev server must never restart the backend: the app's own writes
(database, media, keys) are no source change.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.utils.browser import ARTIFACTS, screenshot
from tests.utils.dev_server import DevServer, copy_project, make_run
from tests.utils.dns_server import OFFLINE_ZONE, dns_server
from tests.utils.journeys import (
    code_from_outbox,
    fill_and_send,
    fill_details,
    new_email,
    new_mobile,
    read_status,
    sign_in,
    sign_up,
)
from tests.utils.ltr import assert_reads_left_to_right


@pytest.fixture(scope="module")
def dev_app() -> Iterator[DevServer]:
    ARTIFACTS.mkdir(exist_ok=True)
    root = copy_project(Path(tempfile.mkdtemp(prefix="pk-make-run-")))
    with (
        dns_server(OFFLINE_ZONE) as offline_dns,
        make_run(
            root, ARTIFACTS / "make-run.log", PK_DNS_RESOLVER=offline_dns.resolver_setting
        ) as server,
    ):
        yield server


def _context(browser: Browser, server: DevServer, width: int = 360) -> BrowserContext:
    context = browser.new_context(
        base_url=server.url, viewport={"width": width, "height": 800}, locale="ur-PK"
    )
    context.set_default_timeout(30_000)  # dev mode compiles each page on its first visit
    return context


def _user_id(server: DevServer, email: str) -> str:
    """The person's id, read from the SQLite file `make run` writes."""
    with sqlite3.connect(server.database) as connection:
        (user_id,) = connection.execute(
            "SELECT id FROM users WHERE clerk_email = ?", (email,)
        ).fetchone()
    return str(uuid.UUID(user_id))


def _profile_and_phone(page: Page, identity_server: str, name: str) -> str:
    typed, e164 = new_mobile()
    expect(page.get_by_test_id("profile-form")).to_be_visible()
    # The form starts from the language the page is in (Urdu here).
    urdu = page.locator("[role=radio][value=urdu]")
    expect(urdu).to_have_attribute("aria-checked", "true")
    fill_details(page, name=name, phone=typed, province="Punjab", city="Lahore")
    screenshot(page, "make-run-profile-setup-ur")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_test_id("setup-phone-step")).to_be_visible()
    page.get_by_test_id("phone-send-code").click()
    page.get_by_test_id("phone-code").fill(code_from_outbox(identity_server, e164))
    page.get_by_test_id("phone-verify").click()
    expect(page.get_by_test_id("phone-verified")).to_be_visible()
    page.get_by_test_id("setup-finish").click()
    expect(page).to_have_url(re.compile(r"/profile/?$"))
    expect(page.get_by_test_id("trust-badge-basic")).to_be_visible()
    return e164


def test_make_run_serves_the_whole_journey_in_urdu_without_restarting(
    dev_app: DevServer, camera_browser: Browser, browser: Browser, media_files
):
    backend = dev_app.backend_pid()
    identity_server = f"{dev_app.url}/_devauth"

    # A renter signs up with a real-looking address the offline DNS cannot check.
    user = _context(camera_browser, dev_app)
    page = user.new_page()
    email = new_email("gmail.com")
    sign_up(page, identity_server, email)
    e164 = _profile_and_phone(page, identity_server, "عائشہ خان")
    phone = page.get_by_test_id("phone-verified").locator("bdi")
    assert_reads_left_to_right(phone, ["+92", e164[3:6], e164[6:]])
    screenshot(page, "make-run-profile-ur")

    assert read_status(page) == "none"
    cnic = fill_and_send(page, media_files)
    assert read_status(page) == "pending"
    masked = page.get_by_test_id("status-cnic").locator("bdi")
    assert_reads_left_to_right(masked, [cnic[:5], "*******", cnic[-1]])
    screenshot(page, "make-run-verify-pending-ur")

    # A moderator signs up, an operator grants the role beside `make run`; the
    # moderator, who has no renter profile, signs in on a laptop and reaches the
    # queue on every load, never profile setup.
    signing_up = _context(browser, dev_app)
    reviewer_email = new_email("gmail.com")
    sign_up(signing_up.new_page(), identity_server, reviewer_email)
    signing_up.close()
    granted = dev_app.cli("grant-role", reviewer_email, "moderator")
    assert granted.returncode == 0, granted.stderr
    reviewer_context = _context(browser, dev_app, width=1280)
    reviewer = reviewer_context.new_page()
    reviewer.goto("/moderation")  # the queue's link, signed out: sign in first
    expect(reviewer).to_have_url(re.compile(r"/sign-in"))
    sign_in(reviewer, reviewer_email, go=False)
    for visit in range(2):
        if visit:
            reviewer.reload()
        expect(reviewer.get_by_test_id("moderation-content")).to_be_visible()
        reviewer.wait_for_timeout(1_000)  # a redirect to profile setup would come by now
        expect(reviewer).to_have_url(re.compile(r"/moderation/?$"))
    item = reviewer.get_by_test_id("queue-item").filter(has_text="عائشہ خان")
    masked_groups = [cnic[:5], "*******", cnic[-1]]
    assert_reads_left_to_right(item.locator("bdi", has_text="*"), masked_groups)
    item.click()
    expect(reviewer.get_by_test_id("detail-name")).to_have_text("عائشہ خان")
    assert_reads_left_to_right(reviewer.get_by_test_id("cnic-number").locator("bdi"), masked_groups)
    screenshot(reviewer, "make-run-moderation-detail-ur")
    reviewer.get_by_test_id("decide-approve").click()
    expect(reviewer.get_by_test_id("decided-summary")).to_be_visible()
    assert read_status(page) == "approved"

    visitor = _context(browser, dev_app)
    public = visitor.new_page()
    public.goto(f"/u/{_user_id(dev_app, email)}")
    expect(public.get_by_test_id("trust-badge-verified")).to_be_visible()
    screenshot(public, "make-run-public-badge-ur")

    for context in (user, reviewer_context, visitor):
        context.close()
    assert dev_app.restart_lines() == []
    assert dev_app.backend_pid() == backend, "the dev server restarted the backend"


def test_a_visitor_who_chose_english_keeps_it_through_sign_up_and_profile(
    dev_app: DevServer, browser: Browser
):
    context = _context(browser, dev_app)
    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("language-toggle").click()  # the header's "English"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    sign_up(page, f"{dev_app.url}/_devauth", new_email("gmail.com"))

    expect(page.get_by_test_id("profile-form")).to_be_visible()
    expect(page.locator("[role=radio][value=english]")).to_have_attribute("aria-checked", "true")
    typed, _ = new_mobile()
    fill_details(page, name="Omar Farooq", phone=typed, province="Sindh", city="Karachi")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_test_id("setup-phone-step")).to_be_visible()
    page.goto("/profile")
    expect(page.get_by_test_id("profile-name")).to_have_text("Omar Farooq")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    context.close()


def test_make_run_serves_this_machine_only(dev_app):
    """The outbox lists every code, and media URLs are signed with the published
    development secret: the page server (which forwards /api, /media and /_devauth to
    the backend) and the backend both listen on loopback addresses only."""
    ports = {urlsplit(dev_app.url).port, urlsplit(dev_app.backend_url).port}
    listening = {
        (c.laddr.ip, c.laddr.port)
        for c in psutil.net_connections("tcp")
        if c.status == psutil.CONN_LISTEN and c.laddr.port in ports
    }
    assert {port for _ip, port in listening} == ports
    assert all(ip_address(ip).is_loopback for ip, _port in listening), listening
