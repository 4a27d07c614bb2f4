"""Running jobs: a lease per job in the database, one logged row per run, the schedule.

A job is a plain function ``run(now, *, dry_run) -> dict[str, int]`` (counts). The
runner adds what every job needs and none should write itself:

- **the lease** (``job_locks``): a real run first takes the job's row, only when
  its lease has expired, with one conditional UPDATE, which PostgreSQL (the second
  writer waits on the row and re-reads it) and SQLite (one writer at a time) both
  make atomic; a thread renews it while the job runs, and a worker killed halfway
  simply stops renewing. A dry run changes nothing, so it takes no lease.
- **the log** (``job_runs`` + one log line): start, end, duration, counts, error.
  A job that stops itself on purpose raises ``JobRefused``: its sentence is the
  error, logged without a traceback (nothing went wrong in the code).
- **the schedule**: a job is due when its last real run started at least its
  interval ago (five minutes after a failed one). The question is asked of
  ``job_runs`` after taking the lease, so two workers, or a restarted one, never
  run a job twice in one interval.

No Reflex imports here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import JobLock, JobRun
from pk_rentals.models.base import as_utc, utcnow
from pk_rentals.settings import Settings, get_settings

log = logging.getLogger("pk_rentals.jobs")

JobFunction = Callable[..., Mapping[str, int]]  # run(now, *, dry_run) -> counts


@dataclasses.dataclass(frozen=True)
class Job:
    """A registered job: its function and the setting that says how often it runs."""

    run: JobFunction
    interval_setting: str  # a Settings field, in seconds

    def interval(self, settings: Settings) -> timedelta:
        return timedelta(seconds=getattr(settings, self.interval_setting))


class UnknownJob(KeyError):
    """No job is registered under that name."""


class JobBusy(Exception):
    """Another worker holds the job's lease right now."""


class JobRefused(Exception):
    """A job's safety stop: it changed nothing and says why, in one sentence for the
    operator. The run is recorded as failed, so the worker tries again soon and
    ``cli run-job`` exits non-zero."""


@dataclasses.dataclass(frozen=True)
class RunResult:
    job: str
    status: str  # "ok" or "failed"
    dry_run: bool
    counts: dict[str, int]
    duration_ms: int
    error: str | None = None
    failure: Exception | None = dataclasses.field(default=None, compare=False, repr=False)

    def summary(self) -> str:
        counts = ", ".join(f"{name}={value}" for name, value in self.counts.items()) or "nothing"
        mode = " (dry run)" if self.dry_run else ""
        outcome = "ok" if self.status == "ok" else f"FAILED: {self.error}"
        return f"job {self.job}{mode} {outcome} in {self.duration_ms} ms: {counts}"


def new_holder() -> str:
    """Who holds a lease: host and process, plus a random part per run."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


# --- the lease -------------------------------------------------------------------------


def acquire_lease(name: str, holder: str, *, lease: timedelta, now: datetime | None = None) -> bool:
    """Take ``name``'s lease for ``lease`` unless another holder has an unexpired one."""
    now = now or utcnow()
    with db.session() as session:
        _ensure_lock_row(session, name)
        taken = session.exec(
            sa.update(JobLock)
            .where(
                JobLock.name == name,
                sa.or_(JobLock.expires_at <= now, JobLock.holder == holder),
            )
            .values(holder=holder, expires_at=now + lease)
        )
        session.commit()
        return taken.rowcount == 1


def renew_lease(name: str, holder: str, *, lease: timedelta) -> bool:
    """Extend a lease we hold; False if it was lost (expired and taken by another)."""
    with db.session() as session:
        renewed = session.exec(
            sa.update(JobLock)
            .where(JobLock.name == name, JobLock.holder == holder)
            .values(expires_at=utcnow() + lease)
        )
        session.commit()
        return renewed.rowcount == 1


def release_lease(name: str, holder: str) -> None:
    with db.session() as session:
        session.exec(
            sa.update(JobLock)
            .where(JobLock.name == name, JobLock.holder == holder)
            .values(expires_at=utcnow())
        )
        session.commit()


def _ensure_lock_row(session: Session, name: str) -> None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    long_ago = utcnow() - timedelta(days=365)
    session.exec(
        insert(JobLock)
        .values(name=name, holder="", expires_at=long_ago)
        .on_conflict_do_nothing(index_elements=["name"])
    )


@contextlib.contextmanager
def _held(name: str, holder: str, lease: timedelta) -> Iterator[None]:
    """Renew the lease every third of its length until the block ends, then release it."""
    stop = threading.Event()

    def keep_alive():
        while not stop.wait(lease.total_seconds() / 3):
            try:
                if not renew_lease(name, holder, lease=lease):
                    log.warning("job %s: lease lost to another worker", name)
                    return
            except sa.exc.SQLAlchemyError as error:
                log.warning("job %s: could not renew the lease (%s)", name, error)

    thread = threading.Thread(target=keep_alive, name=f"lease-{name}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        release_lease(name, holder)


# --- one run ---------------------------------------------------------------------------


# A failed run (Clerk or the database away for a moment) is tried again this soon,
# rather than a whole interval later.
RETRY_AFTER_FAILURE = timedelta(minutes=5)


def last_run(name: str) -> tuple[datetime, str] | None:
    """Start time and status of the last real (not dry) run of ``name``."""
    with db.session() as session:
        row = session.exec(
            select(JobRun.started_at, JobRun.status)
            .where(JobRun.job == name, ~JobRun.dry_run)
            .order_by(JobRun.started_at.desc(), JobRun.id.desc())
            .limit(1)
        ).first()
    return (as_utc(row[0]), row[1]) if row else None


def is_due(last: tuple[datetime, str] | None, interval: timedelta, now: datetime) -> bool:
    if last is None:
        return True
    started, status = last
    wait = min(interval, RETRY_AFTER_FAILURE) if status == "failed" else interval
    return now - started >= wait


def run_job(
    name: str,
    jobs: Mapping[str, Job],
    *,
    dry_run: bool = False,
    only_if_due: bool = False,
    now: datetime | None = None,
) -> RunResult | None:
    """Run ``name`` once now and log the run; raises UnknownJob or JobBusy.

    With ``only_if_due`` (the worker) returns None, running nothing, when the job's
    last real run started less than its interval ago.
    """
    if name not in jobs:
        raise UnknownJob(name)
    job, settings = jobs[name], get_settings()
    now = now or utcnow()
    if dry_run:
        return _run_and_log(name, job, new_holder(), now, dry_run=True)
    holder, lease = new_holder(), timedelta(seconds=settings.job_lease_seconds)
    if not acquire_lease(name, holder, lease=lease, now=now):
        raise JobBusy(name)
    with _held(name, holder, lease):
        if only_if_due and not is_due(last_run(name), job.interval(settings), now):
            return None
        return _run_and_log(name, job, holder, now, dry_run=False)


def _run_and_log(name: str, job: Job, holder: str, now: datetime, *, dry_run: bool) -> RunResult:
    with db.session() as session:
        row = JobRun(job=name, holder=holder, dry_run=dry_run, started_at=now)
        session.add(row)
        session.commit()
        run_id = row.id
    started = time.monotonic()
    counts: dict[str, int] = {}
    error, failure = None, None
    try:
        counts = {key: int(value) for key, value in job.run(now, dry_run=dry_run).items()}
    except JobRefused as refused:  # the sentence says it all: the summary line logs it
        error, failure = str(refused), refused
    except Exception as raised:  # one job's failure is logged; the worker goes on
        error, failure = f"{type(raised).__name__}: {raised}", raised
        log.exception("job %s failed", name)
    except BaseException:  # Ctrl+C or SIGTERM: record it, then stop
        _finish(run_id, "failed", counts, started, "interrupted")
        raise
    result = RunResult(
        job=name,
        status="failed" if error else "ok",
        dry_run=dry_run,
        counts=counts,
        duration_ms=_finish(run_id, "failed" if error else "ok", counts, started, error),
        error=error,
        failure=failure,
    )
    (log.error if error else log.info)("%s", result.summary())
    return result


def _finish(run_id: int, status: str, counts: dict, started: float, error: str | None) -> int:
    duration_ms = round((time.monotonic() - started) * 1000)
    with db.session() as session:
        row = session.get(JobRun, run_id)
        row.status, row.counts, row.error = status, counts, error
        row.finished_at, row.duration_ms = utcnow(), duration_ms
        session.add(row)
        session.commit()
    return duration_ms


# --- the worker ------------------------------------------------------------------------


class Worker:
    """Runs every registered job when it is due, until ``stop`` is set."""

    def __init__(self, jobs: Mapping[str, Job], *, stop: threading.Event | None = None):
        self.jobs = jobs
        self.stop = stop or threading.Event()

    def tick(self, now: datetime | None = None) -> list[RunResult]:
        """One pass over the jobs: run those that are due and free; never raises."""
        results = []
        for name in self.jobs:
            if self.stop.is_set():
                break
            try:
                result = run_job(name, self.jobs, only_if_due=True, now=now)
            except JobBusy:
                log.info("job %s is running in another worker; skipped", name)
                continue
            except sa.exc.SQLAlchemyError as error:  # the database is down: try next tick
                log.warning("job %s not started: the database failed (%s)", name, error)
                continue
            if result is not None:
                results.append(result)
        return results

    def run_forever(self) -> None:
        settings = get_settings()
        names = ", ".join(
            f"{name} every {job.interval(settings).total_seconds():g} s"
            for name, job in self.jobs.items()
        )
        log.info("worker started: %s", names)
        while not self.stop.is_set():
            self.tick()
            self.stop.wait(settings.worker_poll_seconds)
        log.info("worker stopped")
