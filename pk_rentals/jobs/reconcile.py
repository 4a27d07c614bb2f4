"""Reconciliation and orphan cleanup: local rows of accounts Clerk no longer has.

Three passes, each safe to interrupt and to run again (a re-run finishes what a
killed one left; a second complete run counts zeros):

1. ``users`` rows whose Clerk user no longer exists: removed with everything of
   theirs (rows, images, sessions ended, a tombstone) by ``delete_clerk_user``,
   exactly as the ``user.deleted`` webhook would have: this is what finishes an
   account deletion whose webhook never arrived.
2. ``user_preferences`` rows with no ``users`` row: removed (the next sign-in
   creates both again if the Clerk account still exists).
3. Stored images that no row references (submissions, drafts, the approved refs in
   ``user_verifications``): removed.

Nothing younger than ``PK_RECONCILE_GRACE_SECONDS`` is touched: a sign-up or an
upload in flight has its image or its row before the rest.

**Asking Clerk.** The local rows are walked in keyset batches of
``PK_RECONCILE_BATCH_SIZE`` (≤ 100, Clerk's cap on ``user_id`` filters) and
Clerk is asked about exactly those ids: ``GET /v1/users/count?user_id=…`` (a few
bytes back) and, only when the count is short, ``GET /v1/users?user_id=…`` to
learn which are missing. Why not page through Clerk's whole user list and
compare: offset pages shift when accounts are created or deleted meanwhile, so a
live account can fall between two pages and look deleted, which would delete a
real person's data; the whole list must also be held in memory. Per-id batches
cost one small request per 100 local users when nothing is missing, hold one
batch in memory, and a Clerk error stops the job before anything is deleted for
the batch it was asked about.

**Two safeguards before pass 1 removes anyone.** A Backend API of the wrong
instance (a staging ``CLERK_SECRET_KEY`` beside production settings) knows none of
our users, and would have them all removed within the hour.

- *The instance check*, first: the Backend API's JWKS (``GET /v1/jwks``, served to
  the secret key) must hold the key this app checks session tokens with
  (``CLERK_JWT_KEY``, or the keys at ``CLERK_JWKS_URL``), compared by the public key
  itself. If it does not, the job stops before asking about anyone.
- *The removal limit*: pass 1 walks twice. The first walk only counts who Clerk
  does not know; when that is more than ``PK_RECONCILE_MAX_REMOVE_SHARE`` (0.05) of
  the users checked and more than ``PK_RECONCILE_MAX_REMOVE_MIN`` (5), the job
  removes nobody and fails with one sentence saying how many of how many. The
  second walk asks again and removes, never more users than the first counted:
  someone deleted at Clerk in between waits for the next run. It is skipped when
  nobody is missing, so a quiet hour still costs one request per 100 users.

Both stops raise ``JobRefused``: the run is recorded as failed (the worker tries
again five minutes later, and refuses again until the keys or the setting are
fixed) and ``cli run-job reconcile`` exits non-zero with the sentence. A dry run
makes the same checks, names each user it would remove, and fails the same way.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from jwt.algorithms import RSAAlgorithm
from jwt.exceptions import InvalidKeyError
from sqlmodel import select

from pk_rentals import db
from pk_rentals.jobs.runner import JobRefused
from pk_rentals.models import (
    Role,
    User,
    UserPreferences,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.services.identity.accounts import ClerkUser, delete_clerk_user
from pk_rentals.services.identity.config import ClerkConfig, clerk_config
from pk_rentals.services.identity.sessions import backend_api
from pk_rentals.services.storage import StoredMedia, get_media_store
from pk_rentals.settings import Settings, get_settings

log = logging.getLogger("pk_rentals.jobs.reconcile")

IMAGE_CHUNK = 500  # refs looked up in the database at once


def run(now: datetime, *, dry_run: bool) -> dict[str, int]:
    settings = get_settings()
    cutoff = now - timedelta(seconds=settings.reconcile_grace_seconds)
    counts: Counter[str] = Counter()
    with backend_api() as clerk:
        require_same_instance(clerk, clerk_config())
        _remove_users_gone_from_clerk(clerk, cutoff, settings, dry_run, counts)
        _refresh_staff_roles(clerk, dry_run, counts)
    _remove_orphan_preferences(cutoff, dry_run, counts)
    _remove_orphan_images(cutoff, dry_run, counts)
    return {
        name: counts[name]
        for name in (
            "users_checked",
            "users_removed",
            "staff_checked",
            "roles_changed",
            "preferences_removed",
            "images_checked",
            "images_removed",
        )
    }


# --- 0. the Backend API belongs to our instance ----------------------------------------


def require_same_instance(clerk, config: ClerkConfig) -> None:
    """Refuse unless the Backend API serves the key this app checks tokens with.

    Unreachable keys (either side) raise their HTTP error, as any Clerk error does.
    """
    served = _public_keys(key.model_dump() for key in clerk.jwks.get_jwks().keys or [])
    if served & _token_keys(config):
        return
    source = "CLERK_JWT_KEY" if config.jwt_key else "the keys at CLERK_JWKS_URL"
    raise JobRefused(
        f"Refused to run: the Backend API at {config.api_url} belongs to another Clerk "
        f"instance than the one whose session tokens this app accepts (none of its keys is "
        f"{source}), so every user would look deleted; nothing was removed. Set "
        "CLERK_SECRET_KEY (and CLERK_API_URL) and CLERK_ISSUER/CLERK_JWT_KEY "
        "(or CLERK_JWKS_URL) from the same Clerk instance."
    )


def _token_keys(config: ClerkConfig) -> set[tuple[int, int]]:
    """(modulus, exponent) of each key a session token may be signed with here."""
    if config.jwt_key:
        numbers = serialization.load_pem_public_key(config.jwt_key.encode()).public_numbers()
        return {(numbers.n, numbers.e)}
    response = httpx.get(config.jwks_url, timeout=get_settings().clerk_api_timeout)
    response.raise_for_status()
    return _public_keys(response.json().get("keys") or [])


def _public_keys(jwks) -> set[tuple[int, int]]:
    """(modulus, exponent) of the RSA keys among these JWKs; others are left out."""
    found = set()
    for jwk in jwks:
        try:
            numbers = RSAAlgorithm.from_jwk(jwk).public_numbers()
        except (InvalidKeyError, ValueError, TypeError, KeyError):
            continue  # not an RSA public key: Clerk signs session tokens with RS256
        found.add((numbers.n, numbers.e))
    return found


# --- 1. users whose Clerk account is gone ----------------------------------------------


def _remove_users_gone_from_clerk(
    clerk, cutoff: datetime, settings: Settings, dry_run: bool, counts: Counter
) -> None:
    batch_size = settings.reconcile_batch_size
    checked, gone = 0, 0
    for batch in _user_id_batches(cutoff, batch_size):  # counting only
        checked += len(batch)
        for clerk_user_id in missing_at_clerk(clerk, batch):
            gone += 1
            if dry_run:
                log.info("would remove %s: Clerk has no such user", clerk_user_id)
    counts["users_checked"] += checked
    if gone > removal_limit(checked, settings):
        raise JobRefused(_too_many_gone(gone, checked, settings))
    if dry_run or not gone:
        counts["users_removed"] += gone
        return
    for batch in _user_id_batches(cutoff, batch_size):
        for clerk_user_id in missing_at_clerk(clerk, batch):
            log.info("removing %s: Clerk has no such user", clerk_user_id)
            with db.session() as session:
                delete_clerk_user(session, clerk_user_id)
            counts["users_removed"] += 1
            if counts["users_removed"] == gone:
                return  # anyone missing since the count waits for the next run


def removal_limit(checked: int, settings: Settings) -> int:
    """How many of ``checked`` users one run may remove."""
    # Rounded first: 0.29 * 100 is 28.999999999999996 in floating point.
    share = math.floor(round(settings.reconcile_max_remove_share * checked, 6))
    return max(share, settings.reconcile_max_remove_min)


def _too_many_gone(gone: int, checked: int, settings: Settings) -> str:
    return (
        f"Refused to remove {gone} of {checked} users: Clerk's Backend API knows none of "
        f"them, more than PK_RECONCILE_MAX_REMOVE_SHARE={settings.reconcile_max_remove_share:g} "
        f"(or PK_RECONCILE_MAX_REMOVE_MIN={settings.reconcile_max_remove_min}) allows, so "
        "nothing was removed; check that CLERK_SECRET_KEY is this app's Clerk instance, and "
        "if these accounts really were deleted, raise PK_RECONCILE_MAX_REMOVE_SHARE for one "
        "run (--dry-run lists them)."
    )


def _user_id_batches(cutoff: datetime, size: int) -> Iterator[list[str]]:
    """Clerk ids of ``users`` older than ``cutoff``, in keyset batches (a deletion
    between batches never makes the walk skip anyone)."""
    after = ""
    while True:
        with db.session() as session:
            batch = list(
                session.exec(
                    select(User.clerk_user_id)
                    .where(User.clerk_user_id > after, User.created_at <= cutoff)
                    .order_by(User.clerk_user_id)
                    .limit(size)
                )
            )
        if not batch:
            return
        yield batch
        after = batch[-1]


def missing_at_clerk(clerk, clerk_user_ids: list[str]) -> list[str]:
    """Which of these ids (≤ 100) Clerk has no user for; SDK errors propagate."""
    present = clerk.users.count(request={"user_id": clerk_user_ids}).total_count
    if present == len(clerk_user_ids):
        return []
    found = clerk.users.list(request={"user_id": clerk_user_ids, "limit": len(clerk_user_ids)})
    return sorted(set(clerk_user_ids) - {user.id for user in found or []})


# --- 1b. staff roles, read again from Clerk -----------------------------------------------


def _refresh_staff_roles(clerk, dry_run: bool, counts: Counter) -> None:
    """Moderators' and admins' roles as Clerk holds them now. The ``user.updated``
    webhook carries a role change; if that one delivery is lost, a removed moderator
    would keep the review pages. Staff are few: each run asks Clerk about all of them
    (100 per request) and applies what it says, so a lost webhook costs at most the
    job's interval."""
    with db.session() as session:
        staff = list(session.exec(select(User.clerk_user_id).where(User.role != Role.USER)))
    counts["staff_checked"] += len(staff)
    for start in range(0, len(staff), 100):
        batch = staff[start : start + 100]
        found = clerk.users.list(request={"user_id": batch, "limit": len(batch)}) or []
        for account in found:
            clerk_user = ClerkUser.from_json(account.model_dump(mode="json"))
            with db.session() as session:
                user = session.exec(
                    select(User).where(User.clerk_user_id == clerk_user.id)
                ).one_or_none()
                if user is None or user.role == clerk_user.role:
                    continue
                counts["roles_changed"] += 1
                log.info(
                    "%s %s from %s to %s: Clerk's role differs",
                    "would change" if dry_run else "changing",
                    clerk_user.id,
                    user.role,
                    clerk_user.role,
                )
                if not dry_run:
                    user.role = clerk_user.role
                    session.add(user)
                    session.commit()


# --- 2. preferences without a user -----------------------------------------------------


def _orphan_preferences():
    return ~sa.exists().where(User.clerk_user_id == UserPreferences.clerk_user_id)


def _remove_orphan_preferences(cutoff: datetime, dry_run: bool, counts: Counter) -> None:
    old_orphans = sa.and_(UserPreferences.created_at <= cutoff, _orphan_preferences())
    with db.session() as session:
        orphans = list(session.exec(select(UserPreferences.clerk_user_id).where(old_orphans)))
        for clerk_user_id in orphans:
            log.info("%s preferences of %s: no users row", _verb(dry_run), clerk_user_id)
        if not dry_run and orphans:
            # The condition is asked again in the DELETE: a user created meanwhile keeps them.
            session.exec(sa.delete(UserPreferences).where(old_orphans))
            session.commit()
    counts["preferences_removed"] += len(orphans)


# --- 3. images no row references -------------------------------------------------------


def _remove_orphan_images(cutoff: datetime, dry_run: bool, counts: Counter) -> None:
    store = get_media_store()
    chunk: list[StoredMedia] = []
    for stored in store.list_stored():
        counts["images_checked"] += 1
        if stored.stored_at > cutoff:
            continue  # an upload in flight: its row may not be written yet
        chunk.append(stored)
        if len(chunk) >= IMAGE_CHUNK:
            _remove_unreferenced(store, chunk, dry_run, counts)
            chunk = []
    _remove_unreferenced(store, chunk, dry_run, counts)


def _remove_unreferenced(store, chunk: list[StoredMedia], dry_run: bool, counts: Counter) -> None:
    if not chunk:
        return
    refs = [stored.ref for stored in chunk]
    with db.session() as session:
        referenced = referenced_refs(session, refs)
    for ref in refs:
        if ref in referenced:
            continue
        counts["images_removed"] += 1
        log.info("%s image %s: no row refers to it", _verb(dry_run), ref)
        if not dry_run:
            store.delete(ref)


def referenced_refs(session, refs: list[str]) -> set[str]:
    """Those of ``refs`` that a submission, a draft or a verification record holds."""
    columns = (
        VerificationSubmission.cnic_front_ref,
        VerificationSubmission.cnic_back_ref,
        VerificationSubmission.selfie_ref,
        VerificationUpload.ref,
        UserVerification.cnic_front_url,
        UserVerification.cnic_back_url,
        UserVerification.verification_selfie_url,
    )
    found: set[str] = set()
    for column in columns:
        found.update(session.exec(select(column).where(column.in_(refs))))
    return found


def _verb(dry_run: bool) -> str:
    return "would remove" if dry_run else "removing"
