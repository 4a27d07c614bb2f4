"""The real app, built and served in production mode on one free port.

`reflex run --env prod --single-port` is what an operator runs; the tests drive
that, against the session's PostgreSQL and Redis, never an in-process shortcut.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from pk_rentals.settings import PROJECT_ROOT
from tests.utils.servers import free_port

START_TIMEOUT = 600  # a first build on a new machine installs the frontend packages

# The e2e app's session tokens live 20 s, not Clerk's 60 s, as its idle limits are
# seconds, not minutes: every journey renews its token several times, and a test can
# outlast one without waiting a minute.
E2E_TOKEN_LIFETIME = 20


@dataclasses.dataclass(frozen=True)
class AppServer:
    url: str
    db_url: str
    redis_url: str
    log: Path
    pid: int  # `reflex run`, the root of the app's process tree


def start_logged(command: list[str], *, cwd: Path, env: dict, log: Path) -> subprocess.Popen:
    """``command`` in its own process group (stopped as one), its output in ``log``."""
    with log.open("w") as output:
        return subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def wait_serving(url: str, process: subprocess.Popen, log: Path, name: str = "the app") -> None:
    """Until ``url`` answers both ``/healthz`` and its first page (/healthz can answer
    before the pages are mounted, or before the dev page server compiled them)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}; see {log}")
        with contextlib.suppress(httpx.HTTPError):
            healthy = httpx.get(f"{url}/healthz", timeout=2).status_code == 200
            if healthy and httpx.get(f"{url}/", timeout=10).status_code == 200:
                return
        time.sleep(0.5)
    raise TimeoutError(f"{name} did not serve {url} in {START_TIMEOUT}s; see {log}")


@contextlib.contextmanager
def app_server(
    *, db_url: str, redis_url: str, artifacts: Path, loglevel: str = "info", **env: str
) -> Iterator[AppServer]:
    port = free_port()
    url = f"http://localhost:{port}"
    log = artifacts / "app-server.log"
    environment = {
        **os.environ,
        "PK_ENV": "test",
        "PK_PUBLIC_URL": url,
        "PK_BACKEND_URL": url,
        "REFLEX_DB_URL": db_url,
        "REFLEX_REDIS_URL": redis_url,
        "REFLEX_API_URL": url,
        "REFLEX_DEPLOY_URL": url,
        **env,
    }
    command = [
        "reflex",
        "run",
        "--env",
        "prod",
        "--single-port",
        "--frontend-port",
        str(port),
        "--backend-port",
        str(port),
        "--loglevel",
        loglevel,
    ]
    process = start_logged(command, cwd=PROJECT_ROOT, env=environment, log=log)
    try:
        wait_serving(url, process, log)
        yield AppServer(url=url, db_url=db_url, redis_url=redis_url, log=log, pid=process.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
