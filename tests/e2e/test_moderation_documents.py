"""Moderators see what the card front says, in Chromium: the document flags in the
queue (each a filter), and in the detail view the read (masked) number beside the
typed one with the dates, as left-to-right islands in Urdu. The stored checks are
written as the check process writes them; reading cards is tested in integration."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import DocumentCheck, User, VerificationSubmission
from tests.utils.browser import screenshot_from_top as screenshot
from tests.utils.journeys import open_moderation, queue_item
from tests.utils.running_app import account, moderator, submit_through_api
from tests.utils.verification import unique_cnic

SHOTS = Path("/tmp/shots-D")


def store_check(clerk_id: str, outcome: str, **read) -> None:
    """The stored check of the person's newest submission, as the check process stores it."""
    with db.session() as session:
        submission_id = session.exec(
            select(VerificationSubmission.id)
            .join(User, User.id == VerificationSubmission.user_id)
            .where(User.clerk_user_id == clerk_id)
            .order_by(VerificationSubmission.submitted_at.desc())
        ).first()
        session.add(
            DocumentCheck(
                submission_id=submission_id,
                outcome=outcome,
                engine="tesseract 5.3.0",
                confidence=0.83,
                **read,
            )
        )
        session.commit()


def laptop_shot(page: Page, name: str, around: str) -> None:
    """The 1280x800 view as a moderator sees it, the ``around`` test id in the middle."""
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_test_id(around).evaluate("e => e.scrollIntoView({block: 'center'})")
    page.mouse.move(0, 0)
    page.wait_for_timeout(200)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def choose_flag(page: Page, name: str) -> None:
    page.get_by_test_id("filter-flag").click()
    page.get_by_role("option", name=name).click()


def test_document_flags_in_the_queue_and_the_card_read_in_the_detail(
    page: Page, devauth, app, app_db
):
    differs = account(devauth, "Imran Document", "Lahore", "Punjab")
    expired = account(devauth, "Nadia Document", "Lahore", "Punjab")
    for person in (differs, expired):
        submit_through_api(app, devauth, person, unique_cnic("3"))
    store_check(
        differs["id"],
        "mismatch",
        read_masked="42101-*******-9",
        expiry=date(2031, 3, 12),
        issue=date(2021, 3, 12),
        birth=date(1990, 1, 1),
    )
    store_check(expired["id"], "match", read_masked="35202-*******-3", expiry=date(2020, 1, 1))
    sana = moderator(devauth, app, "Sana Moderator")

    open_moderation(page, app, sana)
    page.set_viewport_size({"width": 1280, "height": 800})
    differs_flag = queue_item(page, "Imran Document").get_by_test_id("flag-card_number_differs")
    expect(differs_flag).to_be_visible()
    expect(queue_item(page, "Nadia Document").get_by_test_id("flag-card_expired")).to_be_visible()
    laptop_shot(page, "queue-flags-en", "queue-list")
    choose_flag(page, "Card number differs")
    expect(queue_item(page, "Imran Document")).to_be_visible()
    expect(queue_item(page, "Nadia Document")).to_have_count(0)
    laptop_shot(page, "queue-card-number-differs-en", "queue-list")

    queue_item(page, "Imran Document").click()
    expect(page.get_by_test_id("document-read")).to_contain_text("42101-*******-9")
    expect(page.get_by_test_id("document-typed")).to_contain_text("*******")
    expect(page.get_by_test_id("document-expiry")).to_contain_text("2031-03-12")
    expect(page.get_by_test_id("document-aid")).to_be_visible()
    laptop_shot(page, "detail-document-en", "document-check")
    screenshot(page, "moderation-document-detail-en")

    page.get_by_test_id("language-toggle").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    read = page.get_by_test_id("document-read").locator("bdi")
    expect(read).to_have_attribute("dir", "ltr")
    assert read.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    assert read.evaluate("e => e.getClientRects().length") == 1  # one line, never wrapped
    expect(page.get_by_test_id("document-expiry").locator("bdi")).to_have_text("2031-03-12")
    laptop_shot(page, "detail-document-ur", "document-check")
    screenshot(page, "moderation-document-detail-ur")

    page.goto("/moderation")
    choose_flag(page, "کارڈ کی میعاد ختم")
    expect(queue_item(page, "Nadia Document")).to_be_visible()
    expect(queue_item(page, "Imran Document")).to_have_count(0)
    laptop_shot(page, "queue-card-expired-ur", "queue-list")
    screenshot(page, "moderation-document-queue-ur")
