"""SQL statements and median server time for one profile page load.

A profile page's data is one call of the profile service: ``own_profile`` for
/profile (the owner's page) and ``public_profile`` for /u/{id}. This script creates
a complete profile in a scratch database, then times each call N times (warm) and
counts the SQL statements it sends. No Backend API call happens: Clerk's fields come
from the locally synced copy.

Usage: python bench/profile_page.py [--runs N]   (from the project root)
Runs on a scratch SQLite file (the embedded default) and on a scratch PostgreSQL
cluster started on 127.0.0.1 as the tests do.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from pk_rentals import db, migrations
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.services.profile import own_profile, parse_profile, public_profile, save_profile
from pk_rentals.settings import get_settings
from tests.utils.servers import create_database, postgres_server
from tests.utils.statements import StatementCounter

CLERK_USER_ID = "user_benchProfile000000000000"
FORM = {
    "display_name": "Ayesha Khan",
    "phone": "0300-1234567",
    "province": "Punjab",
    "city": "Lahore",
    "preferred_language": "urdu",
}


def measure(load, runs: int) -> tuple[int, float]:
    load()  # warm: connection pool, statement cache
    with StatementCounter(db.get_engine()) as counter:
        load()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        load()
        timings.append((time.perf_counter() - started) * 1000)
    return len(counter.statements), statistics.median(timings)


def bench(url: str, runs: int) -> None:
    migrations.upgrade(url)
    os.environ["REFLEX_DB_URL"] = url
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    with db.session() as session:
        get_or_create_user(session, CLERK_USER_ID)
        user_id = str(save_profile(CLERK_USER_ID, parse_profile(FORM), session=session).id)

    def own() -> None:
        with db.session() as session:
            assert own_profile(CLERK_USER_ID, connection=session) is not None

    def public() -> None:
        with db.session() as session:
            assert public_profile(user_id, connection=session) is not None

    for name, load in (("/profile (own)", own), ("/u/{id} (public)", public)):
        statements, median = measure(load, runs)
        print(f"| {url.split(':', 1)[0]} | {name} | {statements} | {median:.2f} ms |")
    db.get_engine().dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    print(f"{runs} runs each, warm")
    print("| database | page | SQL statements | median server time |")
    print("|---|---|---|---|")
    bench(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}", runs)
    with postgres_server() as server:
        bench(create_database(server, "bench_profile"), runs)


if __name__ == "__main__":
    main()
