"""A person deletes their own account from /settings in Chromium: the explanation,
the typed confirmation, the deletion at Clerk, sign-out and the goodbye page; their
rows and images are gone, the moderators' record stays without them, and signing
up again with the same email starts clean."""

from __future__ import annotations

import re
import time

import httpx
from playwright.sync_api import Page, expect
from sqlmodel import func, select

from pk_rentals import db, routes
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    ClerkUserTombstone,
    ProcessedWebhook,
    User,
    UserPreferences,
    VerificationSubmission,
)
from pk_rentals.services.storage import get_media_store
from tests.utils.browser import screenshot
from tests.utils.journeys import create_account, sign_in
from tests.utils.running_app import account, submit_through_api
from tests.utils.verification import unique_cnic


def clerk_status(devauth, clerk_user_id: str) -> int:
    return httpx.get(
        f"{devauth['api_url']}/users/{clerk_user_id}",
        headers={"Authorization": f"Bearer {devauth['secret_key']}"},
    ).status_code


def deleted_webhooks() -> int:
    with db.session() as session:
        return session.exec(
            select(func.count()).where(ProcessedWebhook.event_type == "user.deleted")
        ).one()


def with_a_moderators_note(clerk_user_id: str) -> int:
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == clerk_user_id)).one()
        submission = session.exec(
            select(VerificationSubmission).where(VerificationSubmission.user_id == user.id)
        ).one()
        entry = AuditEntry(
            action=AuditAction.REQUEST_RESUBMISSION,
            subject_id=user.id,
            submission_id=submission.id,
            level_before="unverified",
            level_after="unverified",
            reason_code="cnic_unreadable",
            note="Card of Sara Deleted is cut off at the left",
        )
        session.add(entry)
        session.commit()
        return entry.id


def test_deleting_my_account_removes_everything_and_a_new_sign_up_starts_clean(
    page: Page, devauth, app, app_db, check_a11y
):
    person = account(devauth, "Sara Deleted", "Karachi", "Sindh")
    submit_through_api(app, devauth, person, unique_cnic("4"))
    audit_id = with_a_moderators_note(person["id"])
    assert len(list(get_media_store().list_refs(person["id"]))) == 3
    webhooks_before = deleted_webhooks()

    sign_in(page, person["email"])
    page.wait_for_url(lambda url: "/sign-in" not in url)
    page.goto(routes.SETTINGS)
    section = page.get_by_test_id("settings-delete-account")
    expect(section).to_contain_text("CNIC number, CNIC photos and selfies")
    expect(section).to_contain_text("nothing in them that identifies you")
    check_a11y("settings-with-account-deletion")

    # A wrong word deletes nothing and says what to type.
    page.get_by_label("To confirm, type DELETE").fill("delete it")
    page.get_by_test_id("delete-account").click()
    expect(page.get_by_test_id("delete-problem")).to_have_text(
        "Type DELETE (or حذف) exactly, to show you mean it."
    )
    assert clerk_status(devauth, person["id"]) == 200
    page.get_by_label("To confirm, type DELETE").fill(" delete ")
    screenshot(page, "account-delete-settings")

    page.get_by_test_id("delete-account").click()

    expect(page).to_have_url(re.compile(rf"{routes.GOODBYE}/?$"), timeout=30_000)
    expect(page.get_by_test_id("goodbye")).to_contain_text("Your account has been deleted")
    screenshot(page, "account-delete-goodbye")
    assert clerk_status(devauth, person["id"]) == 404
    with db.session() as session:
        assert session.exec(select(User).where(User.clerk_user_id == person["id"])).all() == []
        assert (
            session.exec(
                select(UserPreferences).where(UserPreferences.clerk_user_id == person["id"])
            ).all()
            == []
        )
        assert session.get(ClerkUserTombstone, person["id"]) is not None
        entry = session.get(AuditEntry, audit_id)
        assert (entry.subject_id, entry.submission_id, entry.note) == (None, None, None)
        assert entry.reason_code == "cnic_unreadable"  # the decision itself stays
    assert list(get_media_store().list_refs(person["id"])) == []
    deadline = time.monotonic() + 15  # Clerk's user.deleted webhook arrives too
    while deleted_webhooks() == webhooks_before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert deleted_webhooks() == webhooks_before + 1

    # Signed out: the settings page sends the visitor to sign in.
    page.goto(routes.SETTINGS)
    page.wait_for_url(lambda url: "/sign-in" in url)

    # The same email signs up again and starts from nothing.
    again = create_account(devauth, person["email"])
    assert again["id"] != person["id"]
    sign_in(page, person["email"])
    page.wait_for_url(lambda url: "/profile/setup" in url)
    expect(page.get_by_test_id("profile-form")).to_be_visible()
    expect(page.locator("#display_name")).to_have_value("")
    with db.session() as session:
        fresh = session.exec(select(User).where(User.clerk_user_id == again["id"])).one()
        assert (
            session.exec(
                select(VerificationSubmission).where(VerificationSubmission.user_id == fresh.id)
            ).all()
            == []
        )


def test_the_goodbye_page_in_urdu(page: Page, app):
    page.context.add_cookies([{"name": "pk_lang", "value": "urdu", "url": app.url}])
    page.goto(routes.GOODBYE)
    expect(page.get_by_test_id("goodbye")).to_contain_text("آپ کا اکاؤنٹ حذف کر دیا گیا ہے")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    screenshot(page, "account-delete-goodbye-urdu")
