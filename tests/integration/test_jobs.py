"""The job runner: the lease that keeps two workers apart, the schedule, the run log,
and ``cli run-job``'s exit codes; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlmodel import select

from pk_rentals import db
from pk_rentals.cli import EXIT_DATABASE, EXIT_INVALID_ARGUMENT, EXIT_JOB_BUSY
from pk_rentals.jobs import JOBS
from pk_rentals.jobs.runner import (
    Job,
    JobBusy,
    UnknownJob,
    Worker,
    acquire_lease,
    release_lease,
    run_job,
)
from pk_rentals.models import JobRun
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.settings import get_settings
from tests.utils.cli import run_cli

MINUTE = timedelta(minutes=1)


class Recorder:
    """A job that records each run; optionally waits for ``release`` or fails."""

    def __init__(self, *, hold: bool = False, fail: bool = False):
        self.runs: list[tuple] = []
        self.started = threading.Event()
        self.release = threading.Event()
        self.hold, self.fail = hold, fail

    def __call__(self, now, *, dry_run):
        self.runs.append((now, dry_run))
        self.started.set()
        if self.hold:
            assert self.release.wait(30)
        if self.fail:
            raise RuntimeError("the disk is full")
        return {"seen": 3, "changed": 0 if dry_run else 1}


@pytest.fixture
def jobs(use_database, monkeypatch):
    monkeypatch.setenv("PK_JOB_TRUST_INTERVAL_SECONDS", "600")  # the interval the test jobs use
    monkeypatch.setenv("PK_JOB_LEASE_SECONDS", "60")
    get_settings.cache_clear()
    return {"tidy": Job(Recorder(), "job_trust_interval_seconds")}


def runs(job: str) -> list[JobRun]:
    with db.session() as session:
        return list(session.exec(select(JobRun).where(JobRun.job == job).order_by(JobRun.id)))


def test_a_run_is_logged_with_counts_duration_and_status(jobs, caplog):
    caplog.set_level("INFO", logger="pk_rentals.jobs")

    result = run_job("tidy", jobs)

    assert result.status == "ok" and result.counts == {"seen": 3, "changed": 1}
    [row] = runs("tidy")
    assert (row.status, row.counts, row.dry_run, row.error) == ("ok", result.counts, False, None)
    assert row.duration_ms is not None and row.finished_at is not None
    assert "job tidy ok in" in caplog.text and "seen=3, changed=1" in caplog.text


def test_a_failing_job_is_logged_as_failed_with_its_error(use_database):
    jobs = {"tidy": Job(Recorder(fail=True), "job_trust_interval_seconds")}

    result = run_job("tidy", jobs)

    assert result.status == "failed"
    assert runs("tidy")[0].error == "RuntimeError: the disk is full"
    assert acquire_lease("tidy", "next-worker", lease=MINUTE)  # the lease was released


def test_a_dry_run_is_logged_as_one_and_takes_no_lease(jobs):
    assert acquire_lease("tidy", "another-worker", lease=MINUTE)

    result = run_job("tidy", jobs, dry_run=True)

    assert result.counts == {"seen": 3, "changed": 0}
    assert runs("tidy")[0].dry_run is True
    assert jobs["tidy"].run.runs[0][1] is True


def test_an_unknown_job_is_refused(jobs):
    with pytest.raises(UnknownJob):
        run_job("nope", jobs)


def test_a_lease_held_by_another_worker_refuses_until_it_expires(jobs):
    now = utcnow()
    assert acquire_lease("tidy", "worker-a", lease=MINUTE, now=now)
    assert not acquire_lease("tidy", "worker-b", lease=MINUTE, now=now + MINUTE / 2)
    with pytest.raises(JobBusy):
        run_job("tidy", jobs)
    # worker-a was killed: nobody renews, and after the lease worker-b may take over.
    assert acquire_lease("tidy", "worker-b", lease=MINUTE, now=now + 2 * MINUTE)


def test_a_released_lease_is_free_at_once(jobs):
    assert acquire_lease("tidy", "worker-a", lease=MINUTE)
    release_lease("tidy", "worker-a")
    assert acquire_lease("tidy", "worker-b", lease=MINUTE)


def test_two_workers_racing_for_a_lease_one_wins(jobs):
    start = threading.Barrier(8)
    won = []

    def contend(n: int):
        start.wait()
        if acquire_lease("tidy", f"worker-{n}", lease=MINUTE):
            won.append(n)

    threads = [threading.Thread(target=contend, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(won) == 1


def test_a_second_worker_does_not_run_a_job_the_first_is_running(jobs):
    slow = Recorder(hold=True)
    jobs = {"tidy": Job(slow, "job_trust_interval_seconds")}
    first = threading.Thread(target=Worker(jobs).tick)
    first.start()
    assert slow.started.wait(10)

    second = Worker(jobs).tick()

    slow.release.set()
    first.join()
    assert second == []
    assert len(slow.runs) == 1
    assert [row.status for row in runs("tidy")] == ["ok"]


def test_the_lease_is_renewed_while_a_long_job_runs(jobs, monkeypatch):
    monkeypatch.setenv("PK_JOB_LEASE_SECONDS", "1")
    get_settings.cache_clear()
    slow = Recorder(hold=True)
    jobs = {"tidy": Job(slow, "job_trust_interval_seconds")}
    first = threading.Thread(target=run_job, args=("tidy", jobs))
    first.start()
    assert slow.started.wait(10)
    time.sleep(2.5)  # more than two lease lengths

    taken = acquire_lease("tidy", "worker-b", lease=MINUTE)

    slow.release.set()
    first.join()
    assert not taken


def test_the_worker_runs_a_job_when_due_and_not_again_within_its_interval(jobs):
    worker, job = Worker(jobs), jobs["tidy"].run
    t0 = utcnow()

    assert [r.job for r in worker.tick(t0)] == ["tidy"]
    assert worker.tick(t0 + 5 * MINUTE) == []  # the interval is 10 minutes
    assert [r.job for r in Worker(jobs).tick(t0 + 10 * MINUTE)] == ["tidy"]  # a restarted one
    assert [now for now, _ in job.runs] == [t0, t0 + 10 * MINUTE]
    assert [as_utc(row.started_at) for row in runs("tidy")] == [t0, t0 + 10 * MINUTE]


def test_a_dry_run_does_not_count_as_the_last_run(jobs):
    run_job("tidy", jobs, dry_run=True)
    assert [r.job for r in Worker(jobs).tick()] == ["tidy"]


def test_a_failed_run_is_tried_again_after_five_minutes_and_the_worker_goes_on(jobs):
    failing, fine = Recorder(fail=True), Recorder()
    jobs = {
        "broken": Job(failing, "job_trust_interval_seconds"),
        "tidy": Job(fine, "job_trust_interval_seconds"),
    }
    t0 = utcnow()

    results = Worker(jobs).tick(t0)

    assert [(r.job, r.status) for r in results] == [("broken", "failed"), ("tidy", "ok")]
    assert Worker(jobs).tick(t0 + MINUTE) == []
    assert [r.job for r in Worker(jobs).tick(t0 + 5 * MINUTE)] == ["broken"]


def test_every_registered_job_has_an_interval_setting():
    settings = get_settings()
    assert {"reconcile", "trust"} <= set(JOBS)
    for job in JOBS.values():
        assert job.interval(settings) > timedelta(0)


# --- the CLI ---------------------------------------------------------------------------


cli = run_cli


def test_run_job_runs_the_trust_job_and_prints_its_counts(use_database):
    result = cli("run-job", "trust")
    assert result.returncode == 0, result.stderr
    assert "job trust ok in" in result.stdout and "users_checked=0" in result.stdout
    assert [row.status for row in runs("trust")] == ["ok"]


def test_run_job_with_an_unknown_name_exits_7_naming_the_jobs(use_database):
    result = cli("run-job", "cleanup")
    assert result.returncode == EXIT_INVALID_ARGUMENT
    assert "there is no job called 'cleanup'; the jobs are: reconcile, trust" in result.stderr


def test_run_job_while_another_worker_holds_it_exits_8(use_database):
    assert acquire_lease("trust", "the-worker", lease=MINUTE * 10)
    result = cli("run-job", "trust")
    assert result.returncode == EXIT_JOB_BUSY
    assert "job trust is running in another worker right now" in result.stderr
    assert cli("run-job", "trust", "--dry-run").returncode == 0  # a preview takes no lock


def test_run_job_on_an_unmigrated_database_exits_3(empty_database_url):
    result = cli("run-job", "trust", REFLEX_DB_URL=empty_database_url)
    assert result.returncode == EXIT_DATABASE
    assert "is it running and migrated" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_job_reconcile_with_clerk_unreachable_exits_6(use_database):
    from tests.utils.factories import make_user
    from tests.utils.servers import free_port

    with db.session() as session:
        make_user(session, created_at=utcnow() - timedelta(days=2))
    result = cli("run-job", "reconcile", PK_BACKEND_URL=f"http://127.0.0.1:{free_port()}")
    assert result.returncode == 6, result.stderr
    assert "Clerk's Backend API did not answer" in result.stderr
    assert [row.status for row in runs("reconcile")] == ["failed"]
