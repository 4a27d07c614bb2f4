"""Bytes a live selfie costs the user's data plan: the JPEG the /verify page uploads
per capture (median of N), for a VGA and a 1280x960 front camera.

Builds and serves the app as the e2e tests do (production mode, a scratch SQLite
database, the built-in identity server). Chromium's fake camera films a real face
(scikit-image's astronaut photo); each run opens /verify, starts the camera,
captures, and uploads with the page's own code (time and one-time code burned in,
long side ≤ 1280 px, JPEG quality 0.85). The size is the body the page sent.

Usage: python bench/selfie_bytes.py [--runs N]   (from the project root)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from playwright.sync_api import sync_playwright

from pk_rentals import db, migrations
from pk_rentals.devauth.instance import Instance
from pk_rentals.models.base import utcnow
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.settings import get_settings
from tests.utils.accounts import email_verified_at_clerk
from tests.utils.app_server import app_server
from tests.utils.browser import CHROMIUM, CHROMIUM_ARGS, fake_camera_args
from tests.utils.fake_camera import take_selfie, write_face_mjpeg

PASSWORD = "Bench#2026pk"
CAMERAS = {"640x480": (640, 480), "1280x960": (1280, 960)}


def ready_account(app_url: str, secret: str, email: str) -> None:
    """An account with a finished profile, so sign-in lands on a usable /verify."""
    created = httpx.post(
        f"{app_url}/_devauth/v1/users",
        json={"email_address": [email], "password": PASSWORD},
        headers={"Authorization": f"Bearer {secret}"},
    )
    created.raise_for_status()
    with db.session() as session:
        user = get_or_create_user(session, created.json()["id"])
        user.display_name, user.city, user.province = "Bench User", "Lahore", "Punjab"
        user.profile_completed_at = utcnow()
        email_verified_at_clerk(session, user)
        session.add(user)
        session.commit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    scratch = Path(tempfile.mkdtemp(prefix="pk-bench-"))
    db_url = f"sqlite:///{scratch / 'app.db'}"
    migrations.upgrade(db_url)
    os.environ["REFLEX_DB_URL"] = db_url
    get_settings.cache_clear()
    devauth_dir = scratch / "devauth"
    secret = Instance.load_or_create(devauth_dir).secret_key
    print("| front camera | median bytes per selfie | min | max |")
    print("|---|---|---|---|")
    with (
        app_server(
            db_url=db_url,
            redis_url="",
            artifacts=scratch,
            PK_DEVAUTH_DIR=str(devauth_dir),
            PK_MEDIA_DIR=str(scratch / "media"),
        ) as app,
        sync_playwright() as playwright,
    ):
        for name, size in CAMERAS.items():
            email = f"bench{size[0]}@example.pk"
            ready_account(app.url, secret, email)
            camera = write_face_mjpeg(scratch / f"face{size[0]}.mjpeg", size=size)
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *fake_camera_args(camera)]
            )
            context = browser.new_context(base_url=app.url, viewport={"width": 360, "height": 800})
            context.set_default_timeout(30_000)
            page = context.new_page()
            page.goto("/sign-in")
            page.fill("input[name=identifier]", email)
            page.locator(".cl-formButtonPrimary").click()
            page.fill("input[name=password]", PASSWORD)
            page.locator(".cl-formButtonPrimary").click()
            page.wait_for_url(lambda url: "/sign-in" not in url)
            page.goto("/verify")
            sizes = [take_selfie(page, again=run > 0) for run in range(runs)]
            browser.close()
            median = statistics.median(sizes)
            print(f"| {name} | {median:,.0f} B | {min(sizes):,} B | {max(sizes):,} B |")


if __name__ == "__main__":
    os.environ.setdefault("PK_ENV", "test")
    main()
