"""The reconciliation job against the built-in identity server through Clerk's SDK:
what it removes, what it leaves alone, dry runs, batches and re-runs."""

from __future__ import annotations

import os
from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.jobs import reconcile
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    ClerkUserTombstone,
    MediaKind,
    User,
    UserPreferences,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.models.base import utcnow
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.services.identity.clerk_ids import new_clerk_id
from pk_rentals.services.identity.config import clerk_config
from pk_rentals.services.storage import get_media_store
from pk_rentals.settings import get_settings
from tests.utils.servers import free_port
from tests.utils.verification import jpeg, make_submission

HOUR = timedelta(hours=1)


@pytest.fixture
def clerk(identity_server):
    """Calls to the identity server's Backend API."""
    url, config = identity_server

    def call(method: str, path: str, **kwargs) -> httpx.Response:
        response = httpx.request(
            method,
            f"{url}/_devauth/v1{path}",
            headers={"Authorization": f"Bearer {config.secret_key}"},
            **kwargs,
        )
        response.raise_for_status()
        return response

    return call


@pytest.fixture(autouse=True)
def _settings(monkeypatch, tmp_path):
    """Set before the identity server reads the settings: webhooks going nowhere (as
    if they never arrived), batches of 2 so that every walk spans several, a one-hour
    grace period, and a media folder of this test's own."""
    monkeypatch.setenv("PK_DEVAUTH_WEBHOOK_URL", f"http://127.0.0.1:{free_port()}/webhooks/clerk")
    monkeypatch.setenv("PK_MEDIA_DIR", str(tmp_path / "media"))
    monkeypatch.setenv("PK_RECONCILE_BATCH_SIZE", "2")
    monkeypatch.setenv("PK_RECONCILE_GRACE_SECONDS", "3600")


def clerk_user(clerk, email: str) -> str:
    return clerk("POST", "/users", json={"email_address": [email]}).json()["id"]


def local_user(clerk_user_id: str, *, age: timedelta = 2 * HOUR) -> User:
    """The rows sign-in makes, created ``age`` ago."""
    with db.session() as session:
        user = get_or_create_user(session, clerk_user_id)
        session.exec(
            sa.update(User)
            .where(User.id == user.id)
            .values(created_at=utcnow() - age, display_name=f"Person {clerk_user_id[-4:]}")
        )
        session.exec(
            sa.update(UserPreferences)
            .where(UserPreferences.clerk_user_id == clerk_user_id)
            .values(created_at=utcnow() - age)
        )
        session.commit()
        session.refresh(user)
        return user


def with_verification_history(user: User) -> None:
    """A submission (three images), a draft image and a moderator's audit note about them."""
    with db.session() as session:
        submission = make_submission(session, user)
        ref = get_media_store().put(user.clerk_user_id, MediaKind.SELFIE, jpeg(MediaKind.SELFIE))
        session.add(
            VerificationUpload(user_id=user.id, kind="selfie", ref=ref, bytes=1, width=1, height=1)
        )
        session.add(
            AuditEntry(
                action=AuditAction.REJECT,
                subject_id=user.id,
                submission_id=submission.id,
                level_before="basic",
                level_after="basic",
                reason_code="blurry_selfie",
                note="Selfie of Ayesha from Multan is blurred",
            )
        )
        session.commit()


def backdate_images(age: timedelta) -> None:
    store = get_media_store()
    moment = (utcnow() - age).timestamp()
    for ref in store.list_refs():
        folder, owner, name = ref.split("/")
        os.utime(store.media_dir / owner / folder / f"{name}.jpg", (moment, moment))


def run(dry_run: bool = False) -> dict[str, int]:
    return reconcile.run(utcnow(), dry_run=dry_run)


def rows(model, **where) -> list:
    with db.session() as session:
        statement = select(model)
        for name, value in where.items():
            statement = statement.where(getattr(model, name) == value)
        return list(session.exec(statement))


def test_users_whose_clerk_account_is_gone_are_removed_with_their_images(clerk):
    alive = [clerk_user(clerk, f"alive{n}@example.pk") for n in range(3)]
    for clerk_user_id in alive:
        with_verification_history(local_user(clerk_user_id))
    gone = [new_clerk_id("user") for _ in range(2)]
    for clerk_user_id in gone:
        with_verification_history(local_user(clerk_user_id))
    backdate_images(2 * HOUR)

    counts = run()

    assert counts["users_checked"] == 5
    assert counts["users_removed"] == 2
    assert counts["images_removed"] == 0  # their images went with them, not as orphans
    assert {u.clerk_user_id for u in rows(User)} == set(alive)
    assert {t.clerk_user_id for t in rows(ClerkUserTombstone)} == set(gone)
    assert {p.clerk_user_id for p in rows(UserPreferences)} == set(alive)
    assert len(rows(UserVerification)) == 3
    assert len(rows(VerificationSubmission)) == 3
    assert len(rows(VerificationUpload)) == 3
    owners = {ref.split("/")[1] for ref in get_media_store().list_refs()}
    assert owners == set(alive)
    # The moderators' record stays, without the people who are gone.
    audit = rows(AuditEntry)
    assert len(audit) == 5
    assert sum(1 for entry in audit if entry.subject_id is None and entry.note is None) == 2
    assert sum(1 for entry in audit if entry.note) == 3


def test_a_second_run_finds_nothing_to_do(clerk):
    local_user(new_clerk_id("user"))
    local_user(clerk_user(clerk, "zara@example.pk"))
    assert run()["users_removed"] == 1

    again = run()

    assert again == {
        "users_checked": 1,
        "users_removed": 0,
        "preferences_removed": 0,
        "images_checked": 0,
        "images_removed": 0,
    }


def test_a_dry_run_counts_and_says_what_it_would_do_but_changes_nothing(clerk, caplog):
    gone = new_clerk_id("user")
    with_verification_history(local_user(gone))
    orphan_preferences = new_clerk_id("user")
    with db.session() as session:
        session.add(
            UserPreferences(clerk_user_id=orphan_preferences, created_at=utcnow() - 2 * HOUR)
        )
        session.commit()
    stray = get_media_store().put(new_clerk_id("user"), MediaKind.SELFIE, jpeg(MediaKind.SELFIE))
    backdate_images(2 * HOUR)
    caplog.set_level("INFO", logger="pk_rentals.jobs")

    counts = run(dry_run=True)

    assert (counts["users_removed"], counts["preferences_removed"], counts["images_removed"]) == (
        1,
        1,
        1,
    )
    assert f"would remove {gone}: Clerk has no such user" in caplog.text
    assert f"would remove preferences of {orphan_preferences}" in caplog.text
    assert f"would remove image {stray}" in caplog.text
    assert len(rows(User)) == 1 and len(rows(UserPreferences)) == 2
    assert rows(ClerkUserTombstone) == []
    assert stray in set(get_media_store().list_refs())
    assert len(list(get_media_store().list_refs())) == 5


def test_nothing_younger_than_the_grace_period_is_touched(clerk):
    young_user = new_clerk_id("user")
    local_user(young_user, age=timedelta(minutes=5))  # a sign-up in flight
    young_preferences, old_preferences = new_clerk_id("user"), new_clerk_id("user")
    with db.session() as session:
        session.add(UserPreferences(clerk_user_id=young_preferences))
        session.add(UserPreferences(clerk_user_id=old_preferences, created_at=utcnow() - 2 * HOUR))
        session.commit()
    store = get_media_store()
    old_image = store.put(new_clerk_id("user"), MediaKind.CNIC_FRONT, jpeg(MediaKind.CNIC_FRONT))
    backdate_images(2 * HOUR)
    uploading = store.put(new_clerk_id("user"), MediaKind.SELFIE, jpeg(MediaKind.SELFIE))

    counts = run()

    assert counts["users_checked"] == 0
    assert [u.clerk_user_id for u in rows(User)] == [young_user]
    assert {p.clerk_user_id for p in rows(UserPreferences)} == {young_user, young_preferences}
    assert set(store.list_refs()) == {uploading}
    assert (counts["images_checked"], counts["images_removed"]) == (2, 1)
    assert old_image not in set(store.list_refs())


def test_images_still_referenced_by_a_draft_or_an_approval_stay(clerk):
    person = local_user(clerk_user(clerk, "bilal@example.pk"))
    store = get_media_store()
    draft = store.put(person.clerk_user_id, MediaKind.SELFIE, jpeg(MediaKind.SELFIE))
    approved = store.put(person.clerk_user_id, MediaKind.CNIC_FRONT, jpeg(MediaKind.CNIC_FRONT))
    replaced = store.put(person.clerk_user_id, MediaKind.CNIC_BACK, jpeg(MediaKind.CNIC_BACK))
    with db.session() as session:
        session.add(
            VerificationUpload(
                user_id=person.id, kind="selfie", ref=draft, bytes=1, width=1, height=1
            )
        )
        session.exec(
            sa.update(UserVerification)
            .where(UserVerification.user_id == person.id)
            .values(cnic_front_url=approved)
        )
        session.commit()
    backdate_images(2 * HOUR)

    counts = run()

    assert counts["images_removed"] == 1
    assert set(store.list_refs()) == {draft, approved}
    assert replaced not in set(store.list_refs())


def test_the_deletion_whose_webhook_never_arrived_is_finished(clerk):
    """The person deleted their account at Clerk; the webhook was lost."""
    person = clerk_user(clerk, "hina@example.pk")
    with_verification_history(local_user(person))
    clerk("DELETE", f"/users/{person}")
    assert len(rows(User, clerk_user_id=person)) == 1  # nothing told us yet

    counts = run()

    assert counts["users_removed"] == 1
    assert rows(User, clerk_user_id=person) == []
    assert rows(UserPreferences, clerk_user_id=person) == []
    assert rows(VerificationSubmission) == []
    assert list(get_media_store().list_refs(person)) == []
    assert [t.clerk_user_id for t in rows(ClerkUserTombstone)] == [person]


def test_clerk_down_stops_the_job_before_anything_is_deleted(clerk, monkeypatch):
    local_user(new_clerk_id("user"))
    monkeypatch.setenv("PK_BACKEND_URL", f"http://127.0.0.1:{free_port()}")  # nobody there
    get_settings.cache_clear()
    clerk_config.cache_clear()

    with pytest.raises(httpx.ConnectError):
        run()

    assert len(rows(User)) == 1
    assert rows(ClerkUserTombstone) == []
