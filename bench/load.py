"""`make load`: simulated signed-in users through the production topology.

Starts what `make prod` starts (deploy/prod.py: supervisord, PostgreSQL, Redis,
nginx, the backend workers; data in .cache/load, kept between runs) and drives N
tabs over Reflex's event protocol through nginx (bench/event_client.py). Each tab
belongs to its own imported user and signs in with a real session token minted by
the built-in identity server; then, in a closed loop (send, wait for the update):

    users:      open the profile (ProfileState.load), save a preference
                (PreferencesState.set_notification, alternating SMS on/off)
    moderators: read the moderation queue (ModerationState.load; 2,000
                submissions seeded once), save a preference

Beside it, on the same templates and database server, the floor app
(bench/floor_app: one handler that writes one row) shows what Reflex itself costs.
Each run prints one line: users, events/s, p50/p95/p99 ms, errors, lost writes
(acknowledged saves whose value is not in the database). App and floor take turns,
three runs each per N, and are compared by their medians. Then, per topology: memory
per connected user (worker RSS, Redis), and the time a tab takes to show its page
again after `kill -9` of the worker serving it.

Usage: python bench/load.py [--users 50 200] [--workers 1 2] [--seconds 20] [--runs 3]
Loopback only; every run stops by itself (ramp + seconds + drain <= 60 s).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(PROJECT_ROOT / "bench"))

from event_client import Disconnected, Tab, error_toast, state_name, touches  # noqa: E402

from deploy import prod  # noqa: E402
from tests.utils.servers import consecutive_free_ports, free_port  # noqa: E402

DATA = PROJECT_ROOT / ".cache" / "load"
FLOOR_APP = PROJECT_ROOT / "bench" / "floor_app"
MODERATOR_SHARE = 10  # one tab in ten is a moderator's
QUEUE_ROWS = 2_000
RAMP = 5.0  # seconds over which tabs connect and sign in
DRAIN = 10.0  # seconds to wait for events in flight when a run ends
TOKEN_LIFETIME = 60  # the identity server's session tokens, as Clerk's

AUTH = state_name("pk_rentals.state.auth", "auth_state")
PROFILE = state_name("pk_rentals.state.profile", "profile_state")
PREFERENCES = state_name("pk_rentals.state.preferences", "preferences_state")
MODERATION = state_name("pk_rentals.state.moderation", "moderation_state")
FLOOR = state_name("floor.floor", "floor_state")


# --- topologies ------------------------------------------------------------------------


def shared_state(workers: int) -> dict[str, str]:
    """One worker keeps tab state in its own memory; more share it through Redis
    (production refuses more than one worker without it)."""
    return {} if workers > 1 else {"REFLEX_REDIS_URL": ""}


def app_topology(workers: int) -> prod.Topology:
    DATA.mkdir(parents=True, exist_ok=True)
    DATA.chmod(0o755)  # PostgreSQL runs as postgres and must reach its folder
    return prod.Topology(
        root=DATA,
        listen=free_port(),
        workers=workers,
        worker_port_base=consecutive_free_ports(workers),
        pg_port=free_port(),
        redis_port=free_port(),
        extra_env={
            "PK_SIGN_IN_ATTEMPTS_PER_MINUTE": "1000000",
            "PK_DEVAUTH_API_REQUESTS": "0",
            **shared_state(workers),
        },
    )


def floor_topology(app: prod.Topology) -> prod.Topology:
    """The floor app: its own workers and nginx from the same templates, on the app's
    PostgreSQL server (database ``floor``) and Redis."""
    return dataclasses.replace(
        app,
        root=DATA / "floor",
        listen=free_port(),
        worker_port_base=consecutive_free_ports(app.workers),
        app_dir=FLOOR_APP,
        database="floor",
        data_services=False,
    )


@contextlib.contextmanager
def running_app(workers: int):
    top = app_topology(workers)
    prod.down(top)  # a run cut short leaves supervisord up
    started = time.monotonic()
    env = prod.up(top, timeout=240)
    print(f"  pk_rentals: {workers} worker(s) up in {time.monotonic() - started:.0f} s", flush=True)
    try:
        yield top, env
    finally:
        prod.down(top)


@contextlib.contextmanager
def running_floor(app: prod.Topology, app_env: dict[str, str]):
    top = floor_topology(app)
    top.path("site").mkdir(parents=True, exist_ok=True)
    top.path("site", "index.html").write_text("floor\n")
    prod.down(top)
    prod.create_database(top)
    _sql(top, "CREATE TABLE IF NOT EXISTS floor_writes (token text, seq integer)")
    # Reflex, Redis, pool and CPU settings as pk_rentals' workers have them.
    tuning = {
        k: v
        for k, v in app_env.items()
        if k.startswith(("REFLEX_", "SQLALCHEMY_")) or k == "PK_PIN_WORKERS"
    }
    env = {
        **os.environ,
        **tuning,
        "REFLEX_DB_URL": top.db_url,
        "GRANIAN_WORKERS": "1",
        "PK_PUBLIC_URL": top.url,
        "PK_IDENTITY_PROVIDER": "clerk",
        "PK_MEDIA_STORAGE": "local",
    }
    for name in ("REFLEX_API_URL", "REFLEX_DEPLOY_URL", "REFLEX_WEB_WORKDIR"):
        env.pop(name, None)
    prod.write_configs(top, env)
    prod.start_supervisor(top, env)
    try:
        prod.start_workers_and_nginx(top, "/ping", 120)  # the floor has no /healthz
        yield top
    finally:
        prod.down(top)


def _sql(top: prod.Topology, statement: str, params: tuple = ()) -> list[tuple]:
    import psycopg

    url = top.db_url.replace("+psycopg", "")
    with psycopg.connect(url, autocommit=True, connect_timeout=3) as connection:
        cursor = connection.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


# --- users and tokens ------------------------------------------------------------------


@dataclasses.dataclass
class User:
    email: str
    clerk_user_id: str
    moderator: bool
    session_id: str = ""
    token: str = ""
    token_minted: float = 0.0


def cli(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "pk_rentals.cli", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"cli {' '.join(args)}: {result.stdout}{result.stderr}")
    return result.stdout


def prepare_users(top: prod.Topology, env: dict[str, str], count: int) -> list[User]:
    """``count`` users with complete profiles (the import command, as an operator
    would), one in ten a moderator; kept in the data folder between runs."""
    rows = DATA / "users.jsonl"
    rows.write_text(
        "".join(
            json.dumps(
                {
                    "external_id": f"load-{n}",
                    "email": f"load.{n}@example.pk",
                    "first_name": "Load",
                    "last_name": f"User {n}",
                    "phone": f"0300{n:07d}",
                    "city": "Lahore",
                    "province": "Punjab",
                    "language": "en",
                }
            )
            + "\n"
            for n in range(count)
        )
    )
    cli(env, "import-users", str(rows), "--report", str(DATA / "users.failures.csv"))
    found = dict(
        _sql(
            top,
            "SELECT clerk_email, clerk_user_id FROM users WHERE clerk_email LIKE 'load.%%'",
        )
    )
    moderators = {
        email
        for (email,) in _sql(
            top,
            "SELECT clerk_email FROM users WHERE clerk_email LIKE 'load.%%' AND role = 'moderator'",
        )
    }
    users = []
    for n in range(count):
        email = f"load.{n}@example.pk"
        moderator = n % MODERATOR_SHARE == 0
        if moderator and email not in moderators:
            cli(env, "grant-role", email, "moderator")
        users.append(User(email, found[email], moderator))
    return users


def seed_queue(top: prod.Topology, env: dict[str, str]) -> None:
    """Submissions for the moderators to read (once per data folder)."""
    (count,) = _sql(top, "SELECT count(*) FROM verification_submissions")[0]
    if count >= QUEUE_ROWS:
        return
    subprocess.run(
        [sys.executable, "-c", f"from moderation_queue import seed; seed({QUEUE_ROWS})"],
        cwd=PROJECT_ROOT / "bench",
        env={**env, "PYTHONPATH": f"{PROJECT_ROOT}:{PROJECT_ROOT / 'bench'}"},
        check=True,
        capture_output=True,
    )


class Identity:
    """The built-in identity server's Backend API, through nginx: sessions and tokens."""

    def __init__(self, top: prod.Topology):
        from pk_rentals.devauth.instance import Instance

        secret = Instance.load_or_create(top.path("devauth")).secret_key
        self.client = httpx.AsyncClient(
            base_url=f"{top.url}/_devauth/v1",
            headers={"Authorization": f"Bearer {secret}"},
            timeout=30,
        )

    async def token(self, user: User, *, fresh: bool = False) -> str:
        """The user's session token; like clerk-js, a new one when it is 45 s old
        (``fresh``: a new one now, for a run that lasts up to 45 s)."""
        if not fresh and user.token and time.monotonic() - user.token_minted < TOKEN_LIFETIME - 15:
            return user.token
        if not user.session_id:
            created = await self.client.post("/sessions", json={"user_id": user.clerk_user_id})
            created.raise_for_status()
            user.session_id = created.json()["id"]
        minted = await self.client.post(f"/sessions/{user.session_id}/tokens")
        minted.raise_for_status()
        user.token, user.token_minted = minted.json()["jwt"], time.monotonic()
        return user.token


# --- one run ---------------------------------------------------------------------------


@dataclasses.dataclass
class Tally:
    latencies: list[float] = dataclasses.field(default_factory=list)  # in the window
    errors: dict[str, int] = dataclasses.field(default_factory=dict)
    events: int = 0  # all acknowledged, ramp included (for CPU per event)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


class Clock:
    def __init__(self, ramp: float, seconds: float):
        self.start = time.monotonic()
        self.measure_from = self.start + ramp
        self.stop_at = self.measure_from + seconds

    def measuring(self, at: float) -> bool:
        return self.measure_from <= at < self.stop_at

    @property
    def over(self) -> bool:
        return time.monotonic() >= self.stop_at

    async def stagger(self) -> None:
        """Tabs open spread over the ramp, as people arrive."""
        await asyncio.sleep(random.uniform(0, max(0.0, self.measure_from - self.start - 1)))


def refused(update: dict) -> bool:
    """A sign-out, a request for a fresh token, or an error toast instead of the work."""
    text = json.dumps(update.get("events") or [])
    return "__pkSignOut" in text or "__pkFreshToken" in text or error_toast(update)


async def sign_in(tab: Tab, token: str, *, timeout: float = 30) -> None:
    """What ClerkSession does with each fresh token from clerk-js."""
    await tab.send(
        AUTH, "receive_token", {"token": token}, until=touches(AUTH, "checked"), timeout=timeout
    )
    if tab.value(AUTH, "signed_in") is not True:
        raise Disconnected("the token was refused")


def _answered(state: str, var: str, value):
    """The update that carries ``state.var == value``, or a refusal."""
    expected = touches(state, var, value)
    return lambda update: refused(update) or expected(update)


def read_page(tab: Tab, moderator: bool):
    """At most ``DRAIN`` s, so a run ends by ramp + seconds + DRAIN."""
    if moderator:
        tab.path = "/moderation"
        until = _answered(MODERATION, "queue_loading", False)
        return tab.send(MODERATION, "load", until=until, timeout=DRAIN)
    tab.path = "/profile"
    return tab.send(PROFILE, "load", until=_answered(PROFILE, "revision", ...), timeout=DRAIN)


def save_sms(tab: Tab, on: bool, *, timeout: float = DRAIN):
    tab.path = "/settings"
    return tab.send(
        PREFERENCES,
        "set_notification",
        {"channel": "sms", "on": on},
        until=_answered(PREFERENCES, "notify_sms", on),
        timeout=timeout,
    )


async def timed(tally: Tally, clock: Clock, send) -> bool:
    """One event; its latency counts when it ends inside the measured window."""
    try:
        took, update = await send
    except TimeoutError:
        tally.error("timeout")
        return False
    except Disconnected:
        tally.error("disconnected")
        return False
    if refused(update):
        tally.error("refused")
        return False
    tally.events += 1
    if clock.measuring(time.monotonic()):
        tally.latencies.append(took)
    return True


async def app_tab(url: str, user: User, token: str, clock: Clock, tally: Tally, last: dict):
    """A signed-in user's tab: their page, then a closed loop of reads and saves."""
    tab = Tab(url, path="/moderation" if user.moderator else "/profile")
    await clock.stagger()
    try:
        await tab.connect()
        await sign_in(tab, token)
    except (TimeoutError, Disconnected, OSError):
        tally.error("sign-in")
        await tab.close()
        return
    sms = True
    try:
        while not clock.over and await timed(tally, clock, read_page(tab, user.moderator)):
            if clock.over:
                break
            sms = not sms
            last[user.clerk_user_id] = ("sent", sms)
            if not await timed(tally, clock, save_sms(tab, sms)):
                break
            last[user.clerk_user_id] = ("acked", sms)
    finally:
        await tab.close()


async def floor_tab(url: str, clock: Clock, tally: Tally, acked: dict):
    tab = Tab(url)
    await clock.stagger()
    try:
        await tab.connect()
    except (TimeoutError, Disconnected, OSError):
        tally.error("connect")
        await tab.close()
        return
    seq = 0
    try:
        while not clock.over:
            seq += 1
            write = tab.send(FLOOR, "write", {"seq": seq}, until=touches(FLOOR, "count", seq))
            if not await timed(tally, clock, write):
                break
            acked[tab.token] = seq
    finally:
        await tab.close()


@dataclasses.dataclass
class Result:
    app: str
    workers: int
    users: int
    seconds: float
    tally: Tally
    lost: int
    cpu_seconds: float  # the workers' CPU over the run

    def line(self) -> str:
        q = self.quantiles
        errors = sum(self.tally.errors.values())
        detail = f" {self.tally.errors}" if errors else ""
        return (
            f"{self.app:10} workers={self.workers} users={self.users:<4} "
            f"events/s={self.rate:7.1f}  p50={q[49] * 1000:6.1f} p95={q[94] * 1000:6.1f} "
            f"p99={q[98] * 1000:6.1f} ms  worker CPU/event={self.cpu_per_event * 1000:5.2f} ms  "
            f"errors={errors}{detail}  lost writes={self.lost}"
        )

    @property
    def quantiles(self) -> list[float]:
        latencies = self.tally.latencies
        if len(latencies) < 2:
            return [float("nan")] * 99
        return statistics.quantiles(latencies, n=100, method="inclusive")

    @property
    def rate(self) -> float:
        return len(self.tally.latencies) / self.seconds

    @property
    def p95(self) -> float:
        return self.quantiles[94]

    @property
    def cpu_per_event(self) -> float:
        return self.cpu_seconds / max(1, self.tally.events)


def lost_saves(top: prod.Topology, last: dict[str, tuple[str, bool]]) -> int:
    """Saves acknowledged to a tab whose value is not in the database; one still in
    flight when the tab stopped (an error already) may be either value."""
    stored = dict(
        _sql(
            top,
            "SELECT clerk_user_id, (notification_settings->>'sms')::boolean FROM users "
            "WHERE clerk_user_id = ANY(%s)",
            (list(last),),
        )
    )
    return sum(
        1
        for user_id, (state, value) in last.items()
        if state == "acked" and stored.get(user_id) is not value
    )


async def run_app(top: prod.Topology, users: list[User], seconds: float) -> Result:
    identity = Identity(top)
    tokens = await asyncio.gather(*(identity.token(user, fresh=True) for user in users))
    await identity.client.aclose()
    clock, tally, last = Clock(RAMP, seconds), Tally(), {}
    cpu = worker_cpu(top)
    await asyncio.gather(
        *(app_tab(top.url, u, t, clock, tally, last) for u, t in zip(users, tokens, strict=True))
    )
    cpu = worker_cpu(top) - cpu
    return Result("pk_rentals", top.workers, len(users), seconds, tally, lost_saves(top, last), cpu)


async def run_floor(top: prod.Topology, count: int, seconds: float) -> Result:
    _sql(top, "TRUNCATE floor_writes")
    clock, tally, acked = Clock(RAMP, seconds), Tally(), {}
    cpu = worker_cpu(top)
    await asyncio.gather(*(floor_tab(top.url, clock, tally, acked) for _ in range(count)))
    cpu = worker_cpu(top) - cpu
    rows = dict(_sql(top, "SELECT token, count(*) FROM floor_writes GROUP BY token"))
    lost = sum(max(0, seq - rows.get(token, 0)) for token, seq in acked.items())
    return Result("floor", top.workers, count, seconds, tally, lost, cpu)


# --- memory and recovery ----------------------------------------------------------------


def worker_processes(top: prod.Topology) -> list[psutil.Process]:
    """Every process of every supervised worker program."""
    found = []
    for pid in prod.worker_pids(top).values():
        with contextlib.suppress(psutil.NoSuchProcess):
            process = psutil.Process(pid)
            found += [process, *process.children(recursive=True)]
    return found


def worker_rss(top: prod.Topology) -> int:
    return sum(_per_process(top, lambda p: p.memory_info().rss))


def worker_cpu(top: prod.Topology) -> float:
    return sum(_per_process(top, lambda p: sum(p.cpu_times()[:2])))  # user + system


def _per_process(top: prod.Topology, measure) -> list:
    """``measure`` of each worker process still there."""
    found = []
    for process in worker_processes(top):
        with contextlib.suppress(psutil.NoSuchProcess):
            found.append(measure(process))
    return found


def redis_memory(top: prod.Topology) -> int:
    import redis

    return int(redis.Redis(port=top.redis_port).info("memory")["used_memory"])


async def memory_per_user(top: prod.Topology, users: list[User]) -> str:
    """Worker RSS (and Redis memory) per tab signed in and showing its profile."""
    identity = Identity(top)
    tokens = await asyncio.gather(*(identity.token(user, fresh=True) for user in users))
    await identity.client.aclose()
    shared = top.workers > 1
    rss_before = worker_rss(top)
    redis_before = redis_memory(top) if shared else 0
    tabs = []
    for token in tokens:
        tab = Tab(top.url, path="/profile")
        await tab.connect()
        await sign_in(tab, token)
        await read_page(tab, moderator=False)
        tabs.append(tab)
    await asyncio.sleep(1)
    rss_after = worker_rss(top)
    for tab in tabs:
        await tab.close()
    # Redis holds each tab's state for an hour after it closes; with the oplock a
    # worker writes it back when it lets go of the tab (at most 5 s later).
    await asyncio.sleep(6)
    redis_after = redis_memory(top) if shared else 0
    line = (
        f"  memory per connected signed-in user ({len(users)} tabs on /profile): "
        f"worker RSS {(rss_after - rss_before) / len(users) / 1024:.0f} KB"
    )
    if shared:
        line += f", Redis {(redis_after - redis_before) / len(users) / 1024:.1f} KB"
    return line


class Recovery:
    """Tabs on /profile saving in a loop; ``kill -9`` of one worker's serving process.
    Each tab on it then does what the page does: reconnect (Reflex's 200 ms x attempt
    back-off), sign in again with a fresh token, show the profile. Recovery = the kill
    to the profile shown again; every acknowledged save must be in the database."""

    def __init__(self, top: prod.Topology, users: list[User]):
        self.top, self.users = top, users
        self.identity = Identity(top)
        self.killed_at = 0.0
        self.last: dict[str, tuple[str, bool]] = {}

    async def one_kill(self, victim: str) -> tuple[list[float], float]:
        """The tabs' recovery times (those on the killed worker) and the worker's own
        time from the kill to healthy again under the supervisor."""
        tokens = await asyncio.gather(
            *(self.identity.token(user, fresh=True) for user in self.users)
        )
        tabs = []
        for token in tokens:
            tab = Tab(self.top.url, path="/profile")
            await tab.connect()
            await sign_in(tab, token)
            tabs.append(tab)
        self.killed_at = 0.0
        restart, *results = await asyncio.gather(
            self.kill_soon(victim),
            *(self.keep_saving(tab, user) for tab, user in zip(tabs, self.users, strict=True)),
        )
        for tab in tabs:
            await tab.close()
        return [r for r in results if r is not None], restart

    async def kill_soon(self, victim: str) -> float:
        """``kill -9`` in 2 s; then the seconds until the supervisor's new process for
        that port answers its health check."""
        await asyncio.sleep(2)
        # supervisorctl and the health check in threads: the tabs share this loop.
        pid = (await asyncio.to_thread(prod.worker_pids, self.top))[victim]
        self.killed_at = time.monotonic()
        os.kill(pid, signal.SIGKILL)  # the process holding the port
        while time.monotonic() - self.killed_at < 60:
            await asyncio.sleep(0.1)
            if await asyncio.to_thread(prod.restarted, self.top, victim, pid):
                return time.monotonic() - self.killed_at
        raise SystemExit(f"{victim} did not come back within 60 s")

    async def keep_saving(self, tab: Tab, user: User) -> float | None:
        """A person changing a setting every half second, until 3 s after the kill;
        the seconds this tab took to show its page again, if it had to."""
        sms, recovered = True, None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.killed_at and time.monotonic() - self.killed_at > 3:
                return recovered
            sms = not sms
            self.last[user.clerk_user_id] = ("sent", sms)
            try:
                _took, update = await save_sms(tab, sms, timeout=10)
                if not refused(update):
                    self.last[user.clerk_user_id] = ("acked", sms)
            except (Disconnected, TimeoutError):
                if await self.reconnect(tab, user, deadline):
                    recovered = time.monotonic() - self.killed_at
            await asyncio.sleep(0.5)
        return recovered

    async def reconnect(self, tab: Tab, user: User, deadline: float) -> bool:
        """As the page does: a refused or failed connection is tried again after 200 ms
        x attempt; a connected socket is not given up, its answers are waited for."""
        await tab.close()

        def left() -> float:
            return max(0.1, deadline - time.monotonic())

        attempt = 0
        while time.monotonic() < deadline:
            attempt += 1
            await asyncio.sleep(0.2 * attempt)
            try:
                await tab.connect(timeout=5, hydrate_timeout=left())
                await sign_in(tab, await self.identity.token(user), timeout=left())
                await tab.send(PROFILE, "load", until=touches(PROFILE, "revision"), timeout=left())
                return True
            except (Disconnected, TimeoutError, OSError):
                await tab.close()
        return False

    async def run(self, kills: int = 3) -> str:
        timings, restarts = [], []
        victims = sorted(prod.worker_pids(self.top))
        for kill in range(kills):
            hit, restart = await self.one_kill(victims[kill % len(victims)])
            timings.extend(hit)
            restarts.append(restart)
        await self.identity.client.aclose()
        lost = lost_saves(self.top, self.last)
        if not timings:
            return "  recovery after kill -9: no tab was on the killed worker"
        return (
            f"  recovery after kill -9 of the serving worker ({kills} kills, {len(timings)} "
            f"tabs hit): page back in median {statistics.median(timings):.2f} s, max "
            f"{max(timings):.2f} s; worker restarted and healthy in median "
            f"{statistics.median(restarts):.1f} s; lost writes={lost}"
        )


# --- main ------------------------------------------------------------------------------


def compare(
    top: prod.Topology,
    floor: prod.Topology | None,
    users: list[User],
    seconds: float,
    runs: int,
) -> list[str]:
    """``runs`` runs of the app, each followed by one of the floor, so both meet the
    same drift of the machine; every run's line, then the medians' ratio.

    One run of each was not enough while workers were not pinned to a CPU: the same
    floor run on the same code came out either near 2,000 or near 2,800 events/s
    (BENCHMARKS.md, "Seventh pass" and "Eighth pass"). Pinned, a cell's runs spread a
    few per cent; the medians keep one slow minute of the machine from deciding."""
    apps: list[Result] = []
    floors: list[Result] = []
    lines: list[str] = []

    def show(result: Result, kept: list[Result]) -> None:
        kept.append(result)
        lines.append(result.line())
        print(lines[-1], flush=True)

    for _ in range(runs):
        show(asyncio.run(run_app(top, users, seconds)), apps)
        if floor is not None:
            show(asyncio.run(run_floor(floor, len(users), seconds)), floors)
    if runs > 1:
        lines += [median_line(results) for results in (apps, floors) if results]
    if floors:
        rate = statistics.median(r.rate for r in apps) / statistics.median(r.rate for r in floors)
        p95 = statistics.median(r.p95 for r in apps) / statistics.median(r.p95 for r in floors)
        lines.append(
            f"  -> pk_rentals/floor{' (medians)' if runs > 1 else ''}: throughput "
            f"{rate:.2f}x (goal >= 0.5), p95 {p95:.2f}x (goal <= 2)"
        )
    print("\n".join(lines[len(apps) + len(floors) :]), flush=True)
    return lines


def median_line(results: list[Result]) -> str:
    """The median events/s and p95 of several runs; errors and lost writes summed."""
    first = results[0]
    errors = sum(sum(r.tally.errors.values()) for r in results)
    return (
        f"{first.app:10} workers={first.workers} users={first.users:<4} median of "
        f"{len(results)}: events/s={statistics.median(r.rate for r in results):7.1f}  "
        f"p95={statistics.median(r.p95 for r in results) * 1000:6.1f} ms  "
        f"(events/s {min(r.rate for r in results):.0f}-{max(r.rate for r in results):.0f})  "
        f"errors={errors}  lost writes={sum(r.lost for r in results)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--runs", type=int, default=3, help="runs of each app per N")
    parser.add_argument("--no-floor", action="store_true")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs is at least 1")
    if RAMP + args.seconds + DRAIN > 60:
        parser.error("a run is at most 60 s: --seconds <= 45")
    if RAMP + args.seconds > TOKEN_LIFETIME - 10:
        parser.error("session tokens last 60 s: --seconds <= 45")
    print(
        f"make load: {os.cpu_count()} CPUs, users {args.users}, workers {args.workers}, "
        f"{RAMP:.0f} s ramp + {args.seconds:.0f} s measured per run",
        flush=True,
    )
    summary: list[str] = []
    for workers in args.workers:
        with running_app(workers) as (top, env):
            users = prepare_users(top, env, max(args.users))
            seed_queue(top, env)
            # Memory first, on workers that have served nothing but a warm-up.
            asyncio.run(memory_per_user(top, users[:10]))
            line = asyncio.run(memory_per_user(top, users[: min(200, len(users))]))
            print(line, flush=True)
            summary.append(line)
            floor_cm = contextlib.nullcontext() if args.no_floor else running_floor(top, env)
            with floor_cm as floor:
                for count in args.users:
                    summary += compare(top, floor, users[:count], args.seconds, args.runs)
            line = asyncio.run(Recovery(top, users[:20]).run())
            print(line, flush=True)
            summary.append(line)
    print("\n".join(["", "summary:", *summary]))


if __name__ == "__main__":
    main()
