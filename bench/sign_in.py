"""Time from the sign-in click to the first authenticated page (warm, median of N).

Builds and serves the app as the e2e tests do (production mode, a scratch SQLite
database, the built-in identity server), creates one account through the Backend
API, then signs in N times in fresh browser profiles through Clerk's <SignIn/>:
the clock starts at the final "Continue" click and stops when the signed-in
page shows the user's email.

Usage: python bench/sign_in.py [--runs N]   (from the project root)
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

import httpx
from playwright.sync_api import sync_playwright

from pk_rentals import migrations
from pk_rentals.devauth.instance import Instance
from tests.utils.app_server import app_server
from tests.utils.browser import CHROMIUM, CHROMIUM_ARGS

PASSWORD = "Bench#2026pk"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    scratch = Path(tempfile.mkdtemp(prefix="pk-bench-"))
    db_url = f"sqlite:///{scratch / 'app.db'}"
    migrations.upgrade(db_url)
    devauth_dir = scratch / "devauth"
    secret = Instance.load_or_create(devauth_dir).secret_key
    with (
        app_server(
            db_url=db_url, redis_url="", artifacts=scratch, PK_DEVAUTH_DIR=str(devauth_dir)
        ) as app,
        sync_playwright() as playwright,
    ):
        httpx.post(
            f"{app.url}/_devauth/v1/users",
            json={"email_address": ["bench@example.pk"], "password": PASSWORD},
            headers={"Authorization": f"Bearer {secret}"},
        ).raise_for_status()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        timings = []
        for run in range(runs + 1):  # the first run warms the server and caches
            context = browser.new_context(base_url=app.url, viewport={"width": 360, "height": 800})
            page = context.new_page()
            page.goto("/sign-in")
            page.fill("input[name=identifier]", "bench@example.pk")
            page.get_by_role("button", name="Continue", exact=True).click()
            page.fill("input[name=password]", PASSWORD)
            started = time.perf_counter()
            page.get_by_role("button", name="Continue", exact=True).click()
            page.get_by_test_id("signed-in-as").wait_for(timeout=30_000)
            elapsed = time.perf_counter() - started
            if run:
                timings.append(elapsed)
                print(f"run {run}: {elapsed * 1000:.0f} ms")
            context.close()
        browser.close()
    print(f"median of {runs}: {statistics.median(timings) * 1000:.0f} ms")


if __name__ == "__main__":
    os.environ.setdefault("PK_ENV", "test")
    main()
