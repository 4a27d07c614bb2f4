"""Server time to accept one live selfie, and the bytes it stores.

A selfie arrives as the /verify page sends it: a JPEG the browser made from a
camera frame (long side 1280 px, quality 0.85). Here that frame is a real face
photo (scikit-image's astronaut) on a 1280x960 canvas, encoded at quality 85.
Each run is one ``receive_upload``: the one-time code checked and spent, the image
sniffed, decoded, turned upright, re-encoded without metadata, written to private
storage, and the draft row inserted. Times exclude HTTP (see the e2e test for the
whole path).

Usage: python bench/selfie_accept.py [--runs N]   (from the project root)
Runs on a scratch SQLite file and on a scratch PostgreSQL cluster on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa
from PIL import Image
from skimage import data as sample_images

from pk_rentals import db, migrations
from pk_rentals.models import User, VerificationUpload
from pk_rentals.models.base import utcnow
from pk_rentals.services import verification
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.services.images import accept_image
from pk_rentals.settings import get_settings
from tests.utils.accounts import email_verified_at_clerk
from tests.utils.servers import create_database, postgres_server

CLERK_USER_ID = "user_benchSelfie0000000000000"


def browser_selfie() -> bytes:
    face = Image.fromarray(sample_images.astronaut()).resize((900, 900))
    frame = Image.new("RGB", (1280, 960), (40, 44, 52))
    frame.paste(face, (190, 30))
    out = io.BytesIO()
    frame.save(out, "JPEG", quality=85)
    return out.getvalue()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench(url: str, runs: int, selfie: bytes) -> None:
    migrations.upgrade(url)
    os.environ["REFLEX_DB_URL"] = url
    os.environ["PK_MEDIA_DIR"] = tempfile.mkdtemp()
    os.environ["PK_UPLOADS_PER_HOUR"] = str(runs * 2)
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    with db.session() as session:
        user = get_or_create_user(session, CLERK_USER_ID)
        user.profile_completed_at = utcnow()
        email_verified_at_clerk(session, user)
        session.add(user)
        session.commit()
    timings = []
    for _ in range(runs):
        code = verification.issue_selfie_code(CLERK_USER_ID).code
        started = time.perf_counter()
        draft = verification.receive_upload(CLERK_USER_ID, "selfie", selfie, code=code)
        timings.append((time.perf_counter() - started) * 1000)
    with db.session() as session:  # keep the scratch database small between runs
        session.execute(sa.delete(VerificationUpload))
        session.execute(sa.delete(User))
        session.commit()
    print(
        f"| {url.split(':', 1)[0]} | {statistics.median(timings):.1f} ms "
        f"| {percentile(timings, 0.95):.1f} ms | {len(selfie):,} B | {draft.bytes:,} B |"
    )
    db.get_engine().dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    selfie = browser_selfie()
    checks = []
    for _ in range(runs):
        started = time.perf_counter()
        accept_image(selfie, kind="selfie")
        checks.append((time.perf_counter() - started) * 1000)
    print(f"{runs} selfies each; image checks alone: median {statistics.median(checks):.1f} ms")
    print("| database | median accept | p95 accept | bytes received | bytes stored |")
    print("|---|---|---|---|---|")
    bench(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}", runs, selfie)
    with postgres_server() as server:
        bench(create_database(server, "bench_selfie"), runs, selfie)


if __name__ == "__main__":
    main()
