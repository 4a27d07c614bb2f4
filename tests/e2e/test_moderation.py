"""Moderators review submissions in Chromium: the queue, a submission beside it,
reject with a reason, approve the resubmission (with the keyboard), two
moderators at once, the audited reveal, the audit log; and a plain user sees
nothing. Submissions arrive through the real upload API with Bearer tokens."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Browser, Page, expect

from pk_rentals.models.base import utcnow
from pk_rentals.services import verification
from pk_rentals.settings import get_settings
from tests.utils.browser import lines_per_font_size
from tests.utils.browser import screenshot_from_top as screenshot
from tests.utils.journeys import (
    choose_reason,
    open_moderation,
    queue_item,
    sign_in,
)
from tests.utils.running_app import (
    account,
    moderator,
    submit_through_api,
)
from tests.utils.verification import unique_cnic


def image_loaded(page: Page, testid: str) -> bool:
    return (
        page.get_by_test_id(testid)
        .locator("img")
        .evaluate("img => img.complete && img.naturalWidth > 0")
    )


def test_reject_with_a_reason_then_approve_the_resubmission_by_keyboard(
    page: Page, devauth, app, app_db, check_a11y
):
    applicant = account(devauth, "Ayesha Siddiqui", "Karachi", "Sindh")
    submit_through_api(app, devauth, applicant, unique_cnic("3"))  # Punjab card, Sindh profile
    sana = moderator(devauth, app, "Sana Moderator")

    open_moderation(page, app, sana)
    expect(page.get_by_test_id("nav-moderation")).to_be_visible()
    item = queue_item(page, "Ayesha Siddiqui")
    expect(item).to_be_visible()
    expect(item.get_by_test_id("flag-province_mismatch")).to_be_visible()
    expect(page.get_by_test_id("stats-chart")).to_be_visible()
    screenshot(page, "moderation-queue-en")
    check_a11y("moderation-queue")

    item.click()
    expect(page.get_by_test_id("detail-name")).to_have_text("Ayesha Siddiqui")
    expect(page.get_by_test_id("cnic-number")).to_contain_text("*******")
    expect(page.get_by_test_id("flag-explained")).to_contain_text("Sindh")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.pk-moderation-thumb')]"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )
    for testid in ("image-selfie", "image-cnic-front", "image-cnic-back"):
        assert image_loaded(page, testid), testid
    page.get_by_test_id("image-selfie").click()
    expect(page.get_by_test_id("image-selfie-zoom")).to_be_visible()
    screenshot(page, "moderation-zoom-en")
    page.get_by_test_id("zoom-close").click()
    expect(page.get_by_test_id("image-selfie-zoom")).to_be_hidden()

    page.get_by_test_id("reveal-cnic").click()
    expect(page.get_by_test_id("cnic-number")).to_have_text(re.compile(r"^\d{5}-\d{7}-\d$"))
    screenshot(page, "moderation-detail-en")
    check_a11y("moderation-detail")

    expect(page.get_by_test_id("decide-reject")).to_be_disabled()  # no reason yet
    choose_reason(page, "We could not read your CNIC photos.")
    page.get_by_test_id("decision-note").fill("Glare over the number; photograph it flat.")
    page.wait_for_timeout(600)  # the note is sent after a short pause in typing
    page.get_by_test_id("decide-reject").click()
    expect(page.get_by_test_id("decided-summary")).to_contain_text("Rejected")
    expect(page.get_by_test_id("decided-summary")).to_contain_text("Sana Moderator")
    assert verification.status_of(applicant["id"]).reason_code == "cnic_unreadable"

    # The user resubmits; the moderator approves it with the keyboard only.
    submit_through_api(app, devauth, applicant, unique_cnic("3"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/moderation")
    expect(queue_item(page, "Ayesha Siddiqui")).to_be_visible()
    page.keyboard.press("?")
    expect(page.get_by_test_id("shortcuts-dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("shortcuts-dialog")).to_be_hidden()
    # J opens the oldest in the queue (other tests' submissions may come before hers).
    page.keyboard.press("j")
    expect(page.get_by_test_id("detail-name")).to_be_visible()
    queue_item(page, "Ayesha Siddiqui").click()
    expect(page.get_by_test_id("detail-name")).to_have_text("Ayesha Siddiqui")
    expect(page.get_by_test_id("earlier-attempts")).to_contain_text("Rejected")
    page.get_by_test_id("decision-note").fill("all good")  # typing "a" approves nothing
    expect(page.get_by_test_id("decide-approve")).to_be_enabled()
    page.get_by_test_id("detail-name").click()  # leave the field
    page.keyboard.press("a")
    expect(page.get_by_test_id("decided-summary")).to_contain_text("Approved")
    assert verification.status_of(applicant["id"]).level == "verified"

    page.get_by_test_id("audit-link").click()
    rows = page.get_by_test_id("audit-row")
    expect(rows.first).to_contain_text("Approved")
    expect(page.locator("[data-action=reveal_cnic]")).to_contain_text("Sana Moderator")
    expect(page.locator("[data-action=reject]")).to_contain_text("We could not read")
    screenshot(page, "moderation-audit-en")
    check_a11y("moderation-audit")

    # The same pages in Urdu.
    page.get_by_test_id("language-toggle").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    screenshot(page, "moderation-audit-ur")
    page.goto("/moderation")
    page.get_by_test_id("filter-status").click()
    page.get_by_role("option", name="منظور شدہ").click()
    queue_item(page, "Ayesha Siddiqui").click()
    expect(page.get_by_test_id("decided-summary")).to_be_visible()
    screenshot(page, "moderation-detail-ur")
    page.get_by_test_id("filter-status").click()
    page.get_by_role("option", name="زیرِ غور").click()
    # Nastaliq's tails fit in a select's text ("تمام درخواستیں" read "تمام درخواستہ").
    flag_text = page.get_by_test_id("filter-flag").locator(".rt-SelectTriggerInner")
    assert lines_per_font_size(flag_text) >= 2
    # Right to left, the chosen option's check mark leads: on the right.
    page.get_by_test_id("filter-flag").click()
    chosen = page.get_by_role("option", name="تمام درخواستیں")
    mark, row = chosen.locator(".rt-SelectItemIndicator").bounding_box(), chosen.bounding_box()
    assert mark["x"] > row["x"] + row["width"] / 2, (mark, row)
    page.keyboard.press("Escape")
    screenshot(page, "moderation-queue-ur")


def test_the_second_moderator_is_told_who_decided_first(
    page: Page, browser: Browser, devauth, app, app_db
):
    applicant = account(devauth, "Imran Qureshi", "Peshawar", "Khyber Pakhtunkhwa")
    submit_through_api(app, devauth, applicant, unique_cnic("1"))
    first, second = moderator(devauth, app, "Hina First"), moderator(devauth, app, "Omar Second")

    other = browser.new_context(base_url=app.url, viewport={"width": 1280, "height": 800})
    try:
        late = other.new_page()
        for tab, person in ((page, first), (late, second)):
            tab.set_viewport_size({"width": 1280, "height": 800})
            open_moderation(tab, app, person)
            queue_item(tab, "Imran Qureshi").click()
            expect(tab.get_by_test_id("detail-name")).to_have_text("Imran Qureshi")

        page.get_by_test_id("decide-approve").click()
        expect(page.get_by_test_id("decided-summary")).to_contain_text("Approved")

        choose_reason(late, "Our team could not accept this submission.")
        late.get_by_test_id("decide-reject").click()
        notice = late.get_by_test_id("already-decided")
        expect(notice).to_contain_text("Approved")
        expect(notice).to_contain_text("Hina First")
        expect(late.get_by_test_id("decided-summary")).to_contain_text("Hina First")
        expect(queue_item(late, "Imran Qureshi")).to_have_count(0)  # no longer pending
        screenshot(late, "moderation-already-decided-en")
    finally:
        other.close()


def test_a_plain_user_sees_no_moderation_data(page: Page, devauth, app, app_db):
    applicant = account(devauth, "Zainab Hidden", "Quetta", "Balochistan")
    submit_through_api(app, devauth, applicant, unique_cnic("5"))
    plain = account(devauth, "Plain User")

    for path in ("/moderation/", "/moderation/audit/"):
        html = httpx.get(f"{app.url}{path}").text  # the prerendered page
        assert "Zainab" not in html
        assert "queue-item" not in html and "audit-row" not in html

    page.context.add_cookies([{"name": "pk_lang", "value": "english", "url": app.url}])
    sign_in(page, plain["email"])
    expect(page.get_by_test_id("user-button")).to_be_visible()
    expect(page.get_by_test_id("nav-moderation")).to_have_count(0)
    for path in ("/moderation", "/moderation/audit"):
        page.goto(path)
        expect(page.get_by_test_id("moderation-no-access")).to_contain_text(
            "You do not have access"
        )
        assert page.get_by_test_id("queue-item").count() == 0
        assert "Zainab" not in page.content()
    screenshot(page, "moderation-no-access-en")


def test_photos_deleted_by_the_retention_job_are_said_so_not_shown_broken(
    page: Page, devauth, app, app_db
):
    from datetime import timedelta

    from pk_rentals.jobs import retention
    from pk_rentals.services import moderation

    applicant = account(devauth, "Rashid Old Case", "Multan", "Punjab")
    submit_through_api(app, devauth, applicant, unique_cnic("3"))
    reviewer = moderator(devauth, app, "Farah Retention")
    pending = moderation.queue(reviewer["id"]).items
    (mine,) = [item for item in pending if item.display_name == "Rashid Old Case"]
    moderation.decide(reviewer["id"], mine.id, "reject", reason_code="selfie_unclear")
    later = utcnow() + timedelta(days=get_settings().retention_images_days + 1)
    assert retention.run(later)["submission_images_purged"] >= 1

    page.set_viewport_size({"width": 1280, "height": 800})
    open_moderation(page, app, reviewer)
    page.get_by_test_id("filter-status").click()
    page.get_by_role("option", name="Rejected").click()
    queue_item(page, "Rashid Old Case").click()
    expect(page.get_by_test_id("detail-name")).to_have_text("Rashid Old Case")
    expect(page.get_by_test_id("images-purged")).to_contain_text("deleted under the retention")
    expect(page.get_by_test_id("decided-summary")).to_contain_text("Rejected")
    expect(page.get_by_test_id("faces-purged")).to_be_visible()  # not "still running"
    screenshot(page, "moderation-images-purged-en")
    page.get_by_test_id("language-toggle").click()
    expect(page.get_by_test_id("images-purged")).to_contain_text("حذف")
    screenshot(page, "moderation-images-purged-ur")
    page.get_by_test_id("theme-toggle").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    screenshot(page, "moderation-images-purged-ur-dark")
