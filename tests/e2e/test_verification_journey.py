"""The whole verification journey, both people in Chromium: a user sends a CNIC, card photos
and a live selfie from the (fake) front camera; a moderator rejects it with a
reason; the user reads the reason and sends again; the moderator approves; anyone
then sees the green "ID Verified" badge on the user's public profile."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect
from sqlmodel import select

from pk_rentals import db, routes
from pk_rentals.models import User
from tests.utils.browser import screenshot
from tests.utils.journeys import choose_reason, fill_and_send, open_moderation, read_status, sign_in
from tests.utils.running_app import account, moderator


def decide(page: Page, name: str, button: str, reason: str | None = None) -> None:
    page.goto("/moderation")
    page.get_by_test_id("queue-item").filter(has_text=name).click()
    expect(page.get_by_test_id("detail-name")).to_have_text(name)
    if reason:
        choose_reason(page, reason)
    page.get_by_test_id(button).click()
    expect(page.get_by_test_id("decided-summary")).to_be_visible()


def test_rejected_then_resubmitted_then_approved_shows_the_green_badge(
    camera_page: Page, page: Page, browser: Browser, devauth, app, app_db, media_files
):
    user_page, moderator_page = camera_page, page
    person = account(devauth, "Bilal Ahmed", "Lahore", "Punjab")
    reviewer = moderator(devauth, app, "Nadia Reviewer")

    sign_in(user_page, person["email"])
    user_page.wait_for_url(lambda url: "/sign-in" not in url)
    user_page.goto(routes.VERIFY)
    fill_and_send(user_page, media_files)
    assert read_status(user_page) == "pending"

    moderator_page.set_viewport_size({"width": 1280, "height": 800})  # moderators: laptops
    open_moderation(moderator_page, app, reviewer)
    decide(
        moderator_page,
        "Bilal Ahmed",
        "decide-reject",
        "Your selfie is blurred, dark or does not show your whole face.",
    )

    assert read_status(user_page) == "rejected"
    rejected = user_page.get_by_test_id("status-rejected")
    expect(rejected).to_contain_text("Your selfie is blurred")
    expect(rejected).to_contain_text("facing a window")  # what to do
    screenshot(user_page, "journey-rejected-en")
    fill_and_send(user_page, media_files)  # sends again, with a new selfie
    assert read_status(user_page) == "pending"

    decide(moderator_page, "Bilal Ahmed", "decide-approve")
    expect(moderator_page.get_by_test_id("decided-summary")).to_contain_text("Approved")
    assert read_status(user_page) == "approved"

    with db.session() as session:
        user_id = session.exec(select(User.id).where(User.clerk_user_id == person["id"])).one()
    visitor = browser.new_context(base_url=app.url, viewport={"width": 360, "height": 800})
    public = visitor.new_page()
    public.goto(routes.public_profile(str(user_id)))
    expect(public.get_by_test_id("trust-badge-verified")).to_be_visible()
    screenshot(public, "journey-public-badge-ur")
    visitor.close()
