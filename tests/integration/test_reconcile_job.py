"""The reconciliation job against the built-in identity server through Clerk's SDK:
what it removes, what it leaves alone, dry runs, batches and re-runs, and the two
safeguards against a misconfigured Backend API: the removal limit and the instance
check."""

from __future__ import annotations

import os
from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.cli import EXIT_JOB_FAILED
from pk_rentals.devauth.keys import SigningKey
from pk_rentals.jobs import JOBS, reconcile
from pk_rentals.jobs.runner import RunResult, run_job
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    ClerkUserTombstone,
    JobRun,
    MediaKind,
    Role,
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
from tests.utils.cli import run_cli
from tests.utils.http_server import serve
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
        "staff_checked": 0,
        "roles_changed": 0,
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


# --- the removal limit -----------------------------------------------------------------


def people(clerk, alive: int, gone: int) -> tuple[list[str], list[str]]:
    """``alive`` local users Clerk knows and ``gone`` ones it does not, all past the
    grace period."""
    known = [clerk_user(clerk, f"tenant{n}@example.pk") for n in range(alive)]
    unknown = [new_clerk_id("user") for _ in range(gone)]
    for clerk_user_id in known + unknown:
        local_user(clerk_user_id)
    return known, unknown


def removal_limit(monkeypatch, *, share: str, floor: str) -> None:
    monkeypatch.setenv("PK_RECONCILE_MAX_REMOVE_SHARE", share)
    monkeypatch.setenv("PK_RECONCILE_MAX_REMOVE_MIN", floor)
    get_settings.cache_clear()  # the identity server fixture read them already


def run_logged(dry_run: bool = False) -> RunResult:
    """The job as the worker and ``cli run-job`` run it: logged in ``job_runs``."""
    return run_job("reconcile", JOBS, dry_run=dry_run)


def test_a_run_where_most_users_are_unknown_to_clerk_removes_nobody_and_fails_saying_why(
    clerk, caplog
):
    known, unknown = people(clerk, alive=2, gone=8)
    caplog.set_level("INFO", logger="pk_rentals.jobs")

    result = run_logged()

    assert result.status == "failed"
    assert "8 of 10 users" in result.error
    assert "PK_RECONCILE_MAX_REMOVE_SHARE" in result.error
    assert "nothing was removed" in result.error
    assert {u.clerk_user_id for u in rows(User)} == set(known + unknown)
    assert rows(ClerkUserTombstone) == []
    assert [(r.status, r.error) for r in rows(JobRun)] == [("failed", result.error)]
    # One line says it, without a traceback.
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and errors[0].exc_info is None
    assert "8 of 10 users" in errors[0].getMessage()


def test_the_limit_is_decided_over_the_whole_run_before_the_first_batch_is_touched(
    clerk, monkeypatch
):
    """Batches of 2: the unknown users come first in the walk, and the share is only
    exceeded once the last batch has been counted."""
    removal_limit(monkeypatch, share="0.2", floor="1")
    unknown = [f"user_00{new_clerk_id('user')[7:]}" for _ in range(3)]  # sort first
    for clerk_user_id in unknown:
        local_user(clerk_user_id)
    people(clerk, alive=7, gone=0)

    result = run_logged()

    assert result.status == "failed"
    assert "3 of 10 users" in result.error
    assert len(rows(User)) == 10
    assert rows(ClerkUserTombstone) == []


def test_a_run_under_the_limit_still_removes_the_users_clerk_has_deleted(clerk, monkeypatch):
    removal_limit(monkeypatch, share="0.2", floor="1")
    known, unknown = people(clerk, alive=8, gone=2)

    result = run_logged()

    assert result.status == "ok", result.error
    assert (result.counts["users_checked"], result.counts["users_removed"]) == (10, 2)
    assert {u.clerk_user_id for u in rows(User)} == set(known)
    assert {t.clerk_user_id for t in rows(ClerkUserTombstone)} == set(unknown)


def test_the_floor_lets_a_small_install_remove_its_one_deleted_account(clerk):
    """1 of 2 is half the users, far above the share; the floor of 5 allows it."""
    known, unknown = people(clerk, alive=1, gone=1)

    result = run_logged()

    assert result.status == "ok", result.error
    assert result.counts["users_removed"] == 1
    assert [u.clerk_user_id for u in rows(User)] == known
    assert [t.clerk_user_id for t in rows(ClerkUserTombstone)] == unknown


def test_a_dry_run_over_the_limit_names_them_and_says_the_real_run_would_refuse(clerk, caplog):
    _, unknown = people(clerk, alive=0, gone=6)
    caplog.set_level("INFO", logger="pk_rentals.jobs")

    result = run_logged(dry_run=True)

    assert result.status == "failed"
    assert "6 of 6 users" in result.error
    for clerk_user_id in unknown:
        assert f"would remove {clerk_user_id}: Clerk has no such user" in caplog.text
    assert len(rows(User)) == 6


def test_users_deleted_at_clerk_during_the_run_wait_for_the_next_run(clerk, monkeypatch):
    """The removing pass never removes more users than the counting pass found."""
    known, _ = people(clerk, alive=3, gone=1)
    walks = 0
    real_batches = reconcile._user_id_batches

    def batches(*args):
        nonlocal walks
        walks += 1
        if walks == 2:  # between the count and the removals
            clerk("DELETE", f"/users/{known[0]}")
        yield from real_batches(*args)

    monkeypatch.setattr(reconcile, "_user_id_batches", batches)

    counts = run()

    assert walks == 2
    assert counts["users_removed"] == 1
    assert len(rows(User)) == 3 and len(rows(ClerkUserTombstone)) == 1
    monkeypatch.setattr(reconcile, "_user_id_batches", real_batches)
    assert run()["users_removed"] == 1  # the next run finishes it
    assert {u.clerk_user_id for u in rows(User)} == set(known[1:])


def test_the_removal_limit_settings_are_checked(monkeypatch):
    from pk_rentals.settings import SettingsError, load_settings

    monkeypatch.setenv("PK_RECONCILE_MAX_REMOVE_SHARE", "1.5")
    monkeypatch.setenv("PK_RECONCILE_MAX_REMOVE_MIN", "-1")

    with pytest.raises(SettingsError) as refused:
        load_settings()

    problems = " ".join(refused.value.problems)
    assert "PK_RECONCILE_MAX_REMOVE_SHARE" in problems
    assert "PK_RECONCILE_MAX_REMOVE_MIN" in problems


def test_cli_run_job_reconcile_over_the_limit_exits_non_zero_with_the_sentence(clerk):
    """The subprocess inherits this test's database and identity server settings."""
    people(clerk, alive=1, gone=6)

    result = run_cli("run-job", "reconcile")

    assert result.returncode == EXIT_JOB_FAILED, result.stderr
    assert "6 of 7 users" in result.stderr
    assert "PK_RECONCILE_MAX_REMOVE_SHARE" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(rows(User)) == 7
    assert [r.status for r in rows(JobRun)] == ["failed"]


# --- the instance check ----------------------------------------------------------------


def test_the_backend_api_serves_the_instance_keys_to_the_secret_key_only(identity_server):
    url, config = identity_server
    keys = f"{url}/_devauth/v1/jwks"

    assert httpx.get(keys).status_code == 401
    served = httpx.get(keys, headers={"Authorization": f"Bearer {config.secret_key}"}).json()

    # Clerk's shape, {"keys": [JWK, ...]}: the keys its session tokens are signed with.
    assert [key["kty"] for key in served["keys"]] == ["RSA"]
    assert served == httpx.get(f"{url}/_devauth/.well-known/jwks.json").json()


@pytest.fixture
def other_instance_jwks():
    """A JWKS URL serving the key of another Clerk instance."""
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    document = SigningKey.generate().jwks()
    app = Starlette(routes=[Route("/jwks", lambda _request: JSONResponse(document))])
    with serve(app) as url:
        yield f"{url}/jwks"


def verify_tokens_with(monkeypatch, config, *, jwt_key: str = "", jwks_url: str = "") -> None:
    """The app as deployed against Clerk: the Backend API and its secret key from
    ``config``, token checks with the given key."""
    for name, value in {
        "PK_IDENTITY_PROVIDER": "clerk",
        "CLERK_API_URL": config.api_url,
        "CLERK_SECRET_KEY": config.secret_key,
        "CLERK_ISSUER": config.issuer,
        "CLERK_JWT_KEY": jwt_key,
        "CLERK_JWKS_URL": jwks_url,
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    clerk_config.cache_clear()


@pytest.mark.parametrize("key_source", ["CLERK_JWT_KEY", "CLERK_JWKS_URL"])
def test_a_backend_api_of_another_clerk_instance_is_refused_before_anything_is_removed(
    clerk, identity_server, other_instance_jwks, monkeypatch, caplog, key_source
):
    _, config = identity_server
    people(clerk, alive=0, gone=1)  # under the limit: only the instance check can stop it
    if key_source == "CLERK_JWT_KEY":
        verify_tokens_with(monkeypatch, config, jwt_key=SigningKey.generate().public_pem())
    else:
        verify_tokens_with(monkeypatch, config, jwks_url=other_instance_jwks)
    caplog.set_level("INFO", logger="pk_rentals.jobs")

    result = run_logged()

    assert result.status == "failed"
    assert "CLERK_SECRET_KEY" in result.error
    assert "CLERK_ISSUER" in result.error and "CLERK_JWT_KEY" in result.error
    assert "another Clerk instance" in result.error
    assert len(rows(User)) == 1 and rows(ClerkUserTombstone) == []
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and errors[0].exc_info is None


@pytest.mark.parametrize("key_source", ["CLERK_JWT_KEY", "CLERK_JWKS_URL"])
def test_a_backend_api_of_the_same_instance_passes_the_check(
    clerk, identity_server, monkeypatch, key_source
):
    _, config = identity_server
    people(clerk, alive=1, gone=1)
    if key_source == "CLERK_JWT_KEY":
        verify_tokens_with(monkeypatch, config, jwt_key=config.jwt_key)
    else:
        verify_tokens_with(monkeypatch, config, jwks_url=config.jwks_url)

    result = run_logged()

    assert result.status == "ok", result.error
    assert result.counts["users_removed"] == 1


def test_a_moderator_removed_at_clerk_loses_the_role_here_though_the_webhook_was_lost(clerk):
    """The role lives at Clerk (``public_metadata.role``); the webhook that carries its
    change goes nowhere in these tests, as if lost."""
    removed, kept = clerk_user(clerk, "removed@example.pk"), clerk_user(clerk, "kept@example.pk")
    for clerk_user_id in (removed, kept):
        clerk(
            "PATCH",
            f"/users/{clerk_user_id}/metadata",
            json={"public_metadata": {"role": "moderator"}},
        )
        local_user(clerk_user_id)
        with db.session() as session:
            session.exec(
                sa.update(User)
                .where(User.clerk_user_id == clerk_user_id)
                .values(role=Role.MODERATOR)
            )
            session.commit()
    clerk("PATCH", f"/users/{removed}/metadata", json={"public_metadata": {"role": "user"}})

    counts = run()
    assert (counts["staff_checked"], counts["roles_changed"]) == (2, 1)
    roles = {u.clerk_user_id: u.role for u in rows(User)}
    assert roles == {removed: Role.USER, kept: Role.MODERATOR}
    assert run()["roles_changed"] == 0
