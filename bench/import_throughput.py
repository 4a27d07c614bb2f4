"""User import throughput through the Backend API (users per minute), with the
built-in identity server's rate limit off and at Clerk's development-instance
limit (100 requests per 10 s).

Serves the app's HTTP routes with the built-in identity server on a free 127.0.0.1
port (a scratch SQLite database; its webhooks go back to the same app, as in
production). Each run imports N new users from generated rows through
``services/user_import.Importer`` with Clerk's official SDK, exactly what
``python -m pk_rentals.cli import-users`` does: two list calls per 100 rows (by
external_id, by email), one create per user, the user's local rows. Runs: no
password (forced reset), bcrypt digests, and no password under the rate limit.

Usage: python bench/import_throughput.py [--users N]   (from the project root)
"""

from __future__ import annotations

import argparse
import os
import time

from scratch import scratch_project

scratch = scratch_project()

import bcrypt  # noqa: E402

from pk_rentals import migrations  # noqa: E402
from pk_rentals.api import create_api  # noqa: E402
from pk_rentals.devauth import backend  # noqa: E402
from pk_rentals.devauth import server as devauth_server  # noqa: E402
from pk_rentals.services import user_import  # noqa: E402
from pk_rentals.services.identity.config import clerk_config  # noqa: E402
from pk_rentals.services.identity.sessions import backend_api as clerk_client  # noqa: E402
from pk_rentals.settings import get_settings  # noqa: E402
from tests.utils.http_server import serve  # noqa: E402

DIGEST = bcrypt.hashpw(b"Bench#2026pk", bcrypt.gensalt(10)).decode()


def rows(prefix: str, count: int, *, digest: bool) -> list[tuple[int, dict]]:
    made = []
    for n in range(count):
        row = {
            "external_id": f"{prefix}-{n}",
            "email": f"{prefix}.{n}@example.pk",
            "first_name": "Bench",
            "last_name": f"User {n}",
            "phone": f"0300{n:07d}",
            "city": "Lahore",
            "province": "Punjab",
            "language": "ur",
        }
        if digest:
            row |= {"password_digest": DIGEST, "password_hasher": "bcrypt"}
        made.append((n + 2, row))
    return made


def configure(limit: int) -> None:
    os.environ["PK_DEVAUTH_API_REQUESTS"] = str(limit)
    get_settings.cache_clear()
    devauth_server.get_server.cache_clear()
    clerk_config.cache_clear()
    backend.instance_rate_limit.hits.clear()


def run(name: str, prefix: str, count: int, *, digest: bool, limit: int) -> None:
    configure(limit)
    started = time.perf_counter()
    with clerk_client() as clerk:
        report = user_import.Importer(clerk).run(rows(prefix, count, digest=digest))
    elapsed = time.perf_counter() - started
    if report.counts["created"] != count:
        raise SystemExit(f"{name}: {report.counts} {report.failures[:3]}")
    print(
        f"{name:44} {count} users in {elapsed:6.1f} s = {count / elapsed * 60:7.0f} users/min"
        f"  (429s waited out: {report.rate_limited}, {report.waited_seconds:.0f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=300)
    count = parser.parse_args().users
    migrations.upgrade(os.environ["REFLEX_DB_URL"])
    with serve(create_api()) as url:
        os.environ["PK_BACKEND_URL"] = os.environ["PK_PUBLIC_URL"] = url
        run("no limit, no password (forced reset)", "open", count, digest=False, limit=0)
        run("no limit, bcrypt digests", "bcrypt", count, digest=True, limit=0)
        run("Clerk dev limit 100/10 s, no password", "limited", count, digest=False, limit=100)


if __name__ == "__main__":
    main()
