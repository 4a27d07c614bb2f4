"""SQL statements per signed-in page load once the preferences are in state.

Preferences are cached in the tab's state at sign-in. Signs a real account in
through the app's own AuthState (a session token from the built-in identity server,
the app's HTTP routes on a local port), then loads the settings page's data
(``PreferencesState.load``) N times, counting statements at the engine: with the
preferences read at sign-in, and with them lost (as after a worker restart).

Usage: python bench/preferences_state.py [--runs N]   (from the project root)
Runs on a scratch SQLite file and on a scratch PostgreSQL cluster on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PK_ENV", "test")
os.environ["PK_DEVAUTH_DIR"] = tempfile.mkdtemp()

import httpx
from reflex.state import State

import pk_rentals.pk_rentals  # noqa: F401 - registers the app's states
from pk_rentals import db, migrations
from pk_rentals.api import create_api
from pk_rentals.devauth import server as devauth_server
from pk_rentals.services.identity.config import clerk_config
from pk_rentals.settings import get_settings
from pk_rentals.state.auth import AuthState
from pk_rentals.state.preferences import PreferencesState
from tests.utils.frontend_api import FrontendClient
from tests.utils.http_server import serve
from tests.utils.servers import create_database, postgres_server
from tests.utils.statements import StatementCounter

PASSWORD = "Bench#2026pk"


def _fresh(url: str) -> None:
    os.environ["REFLEX_DB_URL"] = url
    for cache in (get_settings, db.get_engine, devauth_server.get_server, clerk_config):
        cache.cache_clear()


def bench(url: str, runs: int) -> None:
    migrations.upgrade(url)
    _fresh(url)
    with serve(create_api()) as base:
        os.environ["PK_BACKEND_URL"] = os.environ["PK_PUBLIC_URL"] = base
        _fresh(url)
        secret = clerk_config().secret_key
        email = f"bench{time.time_ns()}@example.pk"
        httpx.post(
            f"{base}/_devauth/v1/users",
            json={"email_address": [email], "password": PASSWORD},
            headers={"Authorization": f"Bearer {secret}"},
        ).raise_for_status()
        with FrontendClient(f"{base}/_devauth") as browser:
            browser.sign_in(email, PASSWORD).raise_for_status()
            token = browser.post(f"/client/sessions/{browser.session_id}/tokens").json()["jwt"]
        root = State(_reflex_internal_init=True)
        auth = root.get_substate(AuthState.get_full_name().split(".")[1:])
        preferences = root.get_substate(PreferencesState.get_full_name().split(".")[1:])
        asyncio.run(AuthState.receive_token.fn(auth, token))

        def load(cached: bool) -> tuple[int, float]:
            counts, timings = [], []
            for _ in range(runs):
                preferences.loaded = preferences.loaded and cached
                with StatementCounter(db.get_engine()) as counter:
                    started = time.perf_counter()
                    asyncio.run(PreferencesState.load.fn(preferences))
                    timings.append((time.perf_counter() - started) * 1000)
                counts.append(len(counter.statements))
                if not cached:
                    preferences.loaded = False
            return max(counts), statistics.median(timings)

        name = url.split(":", 1)[0]
        for label, cached in (("in state (read at sign-in)", True), ("state lost", False)):
            statements, median = load(cached)
            print(f"| {name} | {label} | {statements} | {median:.2f} ms |")
    db.get_engine().dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    runs = parser.parse_args().runs
    print(f"/settings page load, {runs} runs each")
    print("| database | preferences | SQL statements | median server time |")
    print("|---|---|---|---|")
    bench(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}", runs)
    with postgres_server() as server:
        bench(create_database(server, "bench_preferences"), runs)


if __name__ == "__main__":
    main()
