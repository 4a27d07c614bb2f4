"""Reconciliation job time over many users with a share of orphans.

A scratch SQLite database at head; N Clerk accounts bulk-inserted into the built-in
identity server's tables and N ``users`` + ``user_preferences`` rows two days old,
of which ORPHANS percent have no Clerk account (as if their deletion webhook was
lost). The app's HTTP routes (with the Backend API) run on a local port, and the
job asks them through Clerk's SDK exactly as in production. Three runs: a dry
run, the real run (deleting the orphans), and a second run (steady state: nothing
missing, one ``count`` request per 100 users).

Usage: python bench/reconcile.py [--users 100000] [--orphans 1.0]   (from the project root)
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import timedelta

from scratch import scratch_project

# Nobody listens on port 9: the run sends no webhooks.
SCRATCH = scratch_project(
    prefix="pk-bench-reconcile-", PK_DEVAUTH_WEBHOOK_URL="http://127.0.0.1:9/webhooks/clerk"
)

import sqlalchemy as sa  # noqa: E402

from pk_rentals import db, migrations  # noqa: E402
from pk_rentals.api import create_api  # noqa: E402
from pk_rentals.devauth import server as devauth_server  # noqa: E402
from pk_rentals.devauth.store import Account  # noqa: E402
from pk_rentals.jobs import reconcile  # noqa: E402
from pk_rentals.models import User, UserPreferences  # noqa: E402
from pk_rentals.models.base import utcnow  # noqa: E402
from pk_rentals.services.identity.clerk_ids import new_clerk_id  # noqa: E402
from pk_rentals.services.identity.config import clerk_config  # noqa: E402
from pk_rentals.settings import get_settings  # noqa: E402
from tests.utils.http_server import serve  # noqa: E402

CHUNK = 5000


def populate(users: int, orphan_percent: float) -> int:
    engine = db.get_engine()
    devauth_server.get_server()  # creates the identity server's tables
    orphans = round(users * orphan_percent / 100)
    every = users // orphans if orphans else users + 1
    old = utcnow() - timedelta(days=2)
    ids = [new_clerk_id("user") for _ in range(users)]
    with engine.begin() as connection:
        for start in range(0, users, CHUNK):
            part = ids[start : start + CHUNK]
            connection.execute(
                sa.insert(Account),
                [
                    {"id": i, "public_metadata": {}, "private_metadata": {}, "unsafe_metadata": {}}
                    for n, i in enumerate(part, start)
                    if n % every != 0
                ],
            )
            connection.execute(
                sa.insert(User),
                [
                    {
                        "id": __import__("uuid").uuid4(),
                        "clerk_user_id": i,
                        "display_name": "Bench",
                        "city": "Lahore",
                        "province": "Punjab",
                        "created_at": old,
                        "updated_at": old,
                    }
                    for i in part
                ],
            )
            connection.execute(
                sa.insert(UserPreferences),
                [
                    {
                        "id": __import__("uuid").uuid4(),
                        "clerk_user_id": i,
                        "created_at": old,
                        "updated_at": old,
                    }
                    for i in part
                ],
            )
    return sum(1 for n in range(users) if n % every == 0)


def timed(label: str, dry_run: bool) -> None:
    started = time.perf_counter()
    counts = reconcile.run(utcnow(), dry_run=dry_run)
    seconds = time.perf_counter() - started
    per_thousand = seconds / max(counts["users_checked"], 1) * 1000
    print(f"{label:<22} {seconds:8.1f} s  {per_thousand:6.3f} s per 1,000 users  {counts}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--orphans", type=float, default=1.0, help="percent")
    args = parser.parse_args()
    migrations.upgrade()
    with serve(create_api()) as url:
        os.environ.update(PK_BACKEND_URL=url, PK_PUBLIC_URL=url)
        get_settings.cache_clear()
        clerk_config.cache_clear()
        devauth_server.get_server.cache_clear()
        db.get_engine.cache_clear()
        started = time.perf_counter()
        orphans = populate(args.users, args.orphans)
        print(
            f"{args.users} users, {orphans} without a Clerk account "
            f"(inserted in {time.perf_counter() - started:.1f} s), SQLite, batches of "
            f"{get_settings().reconcile_batch_size}"
        )
        timed("dry run", True)
        timed("run (deletes orphans)", False)
        timed("second run", False)


if __name__ == "__main__":
    main()
