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


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}; see {log}")
        # /healthz can answer before the static pages are mounted: wait for both.
        with contextlib.suppress(httpx.HTTPError):
            healthy = httpx.get(f"{url}/healthz", timeout=2).status_code == 200
            if healthy and httpx.get(f"{url}/", timeout=5).status_code == 200:
                return
        time.sleep(0.5)
    raise TimeoutError(f"the app did not become healthy in {START_TIMEOUT}s; see {log}")


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
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_healthy(url, process, log)
        yield AppServer(url=url, db_url=db_url, redis_url=redis_url, log=log, pid=process.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
