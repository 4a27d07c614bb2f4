"""Reconciliation and orphan cleanup (seed 004 "orphaned preferences cleanup job").

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
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    User,
    UserPreferences,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.services.identity.accounts import delete_clerk_user
from pk_rentals.services.identity.sessions import backend_api
from pk_rentals.services.storage import StoredMedia, get_media_store
from pk_rentals.settings import get_settings

log = logging.getLogger("pk_rentals.jobs.reconcile")

IMAGE_CHUNK = 500  # refs looked up in the database at once


def run(now: datetime, *, dry_run: bool) -> dict[str, int]:
    settings = get_settings()
    cutoff = now - timedelta(seconds=settings.reconcile_grace_seconds)
    counts: Counter[str] = Counter()
    _remove_users_gone_from_clerk(cutoff, settings.reconcile_batch_size, dry_run, counts)
    _remove_orphan_preferences(cutoff, dry_run, counts)
    _remove_orphan_images(cutoff, dry_run, counts)
    return {
        name: counts[name]
        for name in (
            "users_checked",
            "users_removed",
            "preferences_removed",
            "images_checked",
            "images_removed",
        )
    }


# --- 1. users whose Clerk account is gone ----------------------------------------------


def _remove_users_gone_from_clerk(
    cutoff: datetime, batch_size: int, dry_run: bool, counts: Counter
) -> None:
    with backend_api() as clerk:
        for batch in _user_id_batches(cutoff, batch_size):
            counts["users_checked"] += len(batch)
            for clerk_user_id in missing_at_clerk(clerk, batch):
                counts["users_removed"] += 1
                if dry_run:
                    log.info("would remove %s: Clerk has no such user", clerk_user_id)
                    continue
                log.info("removing %s: Clerk has no such user", clerk_user_id)
                with db.session() as session:
                    delete_clerk_user(session, clerk_user_id)


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
