"""The moderation queue with 100,000 submissions: first page, a page deep in, one
submission in detail, the statistics.

Seeds 100,000 users, their verification rows and one submission each (about a
third pending, the rest decided; a few flagged) with bulk INSERTs, then times the
service calls a moderator's page makes (``moderation.queue``, ``moderation.detail``
and ``moderation.stats``, role check included) N times warm, and prints the query
plan of each queue query, which must use ``ix_verification_submissions_queue``.

Usage: python bench/moderation_queue.py [--rows N] [--runs N]   (from the project root)
Runs on a scratch SQLite file and on a scratch PostgreSQL cluster started on
127.0.0.1 as the tests do.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from pk_rentals import db, migrations
from pk_rentals.models import Role, User, UserVerification, VerificationSubmission
from pk_rentals.services import moderation
from pk_rentals.services.storage import new_ref
from pk_rentals.settings import get_settings
from tests.utils.servers import create_database, postgres_server

MODERATOR = "user_benchModerator0000000000"
INDEX = "ix_verification_submissions_queue"
START = datetime(2026, 1, 1, tzinfo=UTC)
CHUNK = 5_000
STATUSES = ("pending", "approved", "rejected", "resubmission_requested")


def seed(rows: int) -> None:
    rng = random.Random(6)
    engine = db.get_engine()
    moderator_id = uuid.uuid4()
    with engine.begin() as conn:
        conn.execute(
            sa.insert(User.__table__),
            [
                {
                    "id": moderator_id,
                    "clerk_user_id": MODERATOR,
                    "display_name": "Bench Moderator",
                    "city": "Lahore",
                    "province": "Punjab",
                    "role": Role.MODERATOR.value,
                }
            ],
        )
    for first in range(0, rows, CHUNK):
        users, verifications, submissions = [], [], []
        for n in range(first, min(first + CHUNK, rows)):
            user_id = uuid.uuid4()
            clerk_id = f"user_bench{n:09d}"
            submitted = START + timedelta(seconds=n * 97 + rng.randrange(90))
            status = STATUSES[0] if rng.random() < 0.35 else rng.choice(STATUSES[1:])
            decided = status != "pending"
            users.append(
                {
                    "id": user_id,
                    "clerk_user_id": clerk_id,
                    "display_name": f"Applicant {n}",
                    "city": "Karachi",
                    "province": "Sindh",
                }
            )
            verifications.append({"id": uuid.uuid4(), "user_id": user_id})
            submissions.append(
                {
                    "id": uuid.uuid4(),
                    "user_id": user_id,
                    "attempt": 1,
                    "status": status,
                    "cnic_encrypted": "x" * 120,
                    "cnic_index": f"{n:064x}",
                    "cnic_masked": "42101-*******-3",
                    "cnic_province": "Sindh",
                    "profile_province": "Sindh",
                    "cnic_front_ref": str(new_ref(clerk_id, "cnic_front")),
                    "cnic_back_ref": str(new_ref(clerk_id, "cnic_back")),
                    "selfie_ref": str(new_ref(clerk_id, "selfie")),
                    "selfie_received_at": submitted - timedelta(seconds=60),
                    "selfie_bytes": 40_000,
                    "flag_province_mismatch": rng.random() < 0.03,
                    "flag_duplicate_cnic": rng.random() < 0.005,
                    "selfie_age_seconds": 60 if rng.random() < 0.98 else 4_000,
                    "submitted_at": submitted,
                    "decided_at": submitted + timedelta(hours=rng.randrange(1, 48))
                    if decided
                    else None,
                    "decided_by": moderator_id if decided else None,
                    "reason_code": "other" if status in ("rejected",) else None,
                }
            )
        with engine.begin() as conn:
            conn.execute(sa.insert(User.__table__), users)
            conn.execute(sa.insert(UserVerification.__table__), verifications)
            conn.execute(sa.insert(VerificationSubmission.__table__), submissions)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def seed_end(rows: int) -> datetime:
    """Two days after the last seeded submission: every decision is made by then."""
    return START + timedelta(seconds=rows * 97, days=2)


def timed(call, runs: int) -> tuple[float, float]:
    call()  # warm
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)]


def plan(call) -> list[str]:
    """The plan of the queue query ``call`` sends, explained with its own parameters."""
    engine = db.get_engine()
    sent: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, *_args):
        if "ORDER BY verification_submissions.submitted_at" in statement:
            sent.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        sa.event.remove(engine, "before_cursor_execute", capture)
    statement, parameters = sent[-1]
    explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(explain + statement, parameters).all()
    if engine.dialect.name == "sqlite":
        return [f"{row[-1]}" for row in rows]
    return [row[0] for row in rows]


def bench(url: str, rows: int, runs: int) -> None:
    name = url.split(":", 1)[0]
    migrations.upgrade(url)
    os.environ["REFLEX_DB_URL"] = url
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    started = time.perf_counter()
    seed(rows)
    seeded = time.perf_counter() - started
    with db.session() as session:
        pending = session.exec(
            sa.select(sa.func.count())
            .select_from(VerificationSubmission)
            .where(VerificationSubmission.status == "pending")
        ).one()[0]
        deep = session.exec(
            sa.select(VerificationSubmission.submitted_at, VerificationSubmission.id)
            .where(VerificationSubmission.status == "pending")
            .order_by(VerificationSubmission.submitted_at, VerificationSubmission.id)
            .offset(pending * 2 // 3)
            .limit(1)
        ).one()
    deep_cursor = moderation.encode_cursor(*deep)
    one = moderation.queue(MODERATOR).items[0].id
    print(f"\n## {name}: {rows:,} submissions ({pending:,} pending), seeded in {seeded:.1f} s")
    calls = {
        "queue, first page (25)": lambda: moderation.queue(MODERATOR),
        f"queue, page at pending #{pending * 2 // 3:,} (cursor)": lambda: moderation.queue(
            MODERATOR, after=deep_cursor
        ),
        "queue, first page, flag province_mismatch": lambda: moderation.queue(
            MODERATOR, flag="province_mismatch"
        ),
        "queue, first page, status approved": lambda: moderation.queue(
            MODERATOR, status="approved"
        ),
        "detail (3 signed URLs, earlier attempts)": lambda: moderation.detail(MODERATOR, one),
        # The seed's last month holds ~26,700 submissions, ~17,000 of them decided.
        "stats (14 days; median wait of 30 days' decisions)": lambda: moderation.stats(
            MODERATOR, now=seed_end(rows)
        ),
    }
    print(f"| {name} | call | median | p95 |  ({runs} runs, warm)")
    print("|---|---|---|---|")
    for label, call in calls.items():
        median, p95 = timed(call, runs)
        print(f"| {name} | {label} | {median:.2f} ms | {p95:.2f} ms |")
    for label, call in list(calls.items())[:3]:
        lines = plan(call)
        used = any(INDEX in line for line in lines)
        print(f"\nplan of {label}: {'uses' if used else 'DOES NOT USE'} {INDEX}")
        for line in lines:
            print(f"    {line}")
    db.get_engine().dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("PK_ENV", "test")
    os.environ.setdefault("PK_MEDIA_DIR", tempfile.mkdtemp(prefix="bench-media-"))
    bench(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}", args.rows, args.runs)
    with postgres_server() as server:
        bench(create_database(server, "bench_moderation"), args.rows, args.runs)


if __name__ == "__main__":
    main()
