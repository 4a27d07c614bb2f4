"""Two identity-server workers on one database, as production runs two or more
backend processes behind nginx: the per-IP sign-in limit and the lockout of an email
without account hold across them, so a second worker gives an attacker nothing
more, and an email with no account still answers like one with an account."""

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from pk_rentals.devauth import accounts
from pk_rentals.devauth import server as devauth_server
from pk_rentals.settings import PROJECT_ROOT, get_settings
from tests.utils.frontend_api import FrontendClient
from tests.utils.servers import free_port

PASSWORD = "Hyderabad#2026pk"
KNOWN = "rabia@example.pk"
UNKNOWN = "no-account@example.pk"
START_TIMEOUT = 60


@contextlib.contextmanager
def worker(env: dict[str, str], log_path) -> Iterator[str]:
    """The app's HTTP routes in a process of their own (uvicorn, one worker)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**env, "PK_BACKEND_URL": url, "PK_PUBLIC_URL": url}
    command = [sys.executable, "-m", "uvicorn", "--factory", "pk_rentals.api:create_api"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None, log_path.read_text()
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            assert time.monotonic() < deadline, f"worker not serving; see {log_path}"
            time.sleep(0.1)
        yield f"{url}/_devauth"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def start_workers(use_database, tmp_path) -> Iterator[Callable[..., tuple[str, str]]]:
    """``start_workers(attempts_per_minute)``: two workers on this test's database,
    which already holds the identity server's tables, keys and the account ``KNOWN``."""
    devauth_server.get_server.cache_clear()
    server = devauth_server.get_server()
    with server.session() as session:
        accounts.create_account(session, email=KNOWN, password=PASSWORD)
        session.commit()
    server.webhooks.close()
    devauth_server.get_server.cache_clear()

    with contextlib.ExitStack() as stack:

        def start(attempts_per_minute: int) -> tuple[str, str]:
            env = {**os.environ, "PK_SIGN_IN_ATTEMPTS_PER_MINUTE": str(attempts_per_minute)}
            return tuple(
                stack.enter_context(worker(env, tmp_path / f"worker-{n}.log")) for n in (1, 2)
            )

        yield start


def sign_in_by_turns(workers: tuple[str, ...], email: str, count: int) -> list[httpx.Response]:
    """``count`` wrong passwords for ``email``, each from a new browser, sent to the
    workers in turn (as nginx spreads requests)."""
    answers = []
    for n in range(count):
        with FrontendClient(workers[n % len(workers)]) as browser:
            answers.append(browser.sign_in(email, f"Wrong#{n}pass"))
    return answers


def codes(answers: list[httpx.Response]) -> list[tuple[int, str]]:
    return [(a.status_code, a.json()["errors"][0]["code"]) for a in answers]


def test_two_workers_share_the_per_ip_sign_in_limit(start_workers):
    workers = start_workers(attempts_per_minute=4)

    answers = []
    for n in range(6):
        with FrontendClient(workers[n % 2]) as browser:
            answers.append(browser.sign_in(f"guess-{n}@example.pk", "Wrong#1pass"))

    assert (
        codes(answers) == [(422, "form_password_incorrect")] * 4 + [(429, "too_many_requests")] * 2
    )


def test_two_workers_share_the_lockout_of_an_email_without_account(start_workers):
    workers = start_workers(attempts_per_minute=1000)
    limit = get_settings().lockout_attempts

    unknown = sign_in_by_turns(workers, UNKNOWN, limit + 1)
    known = sign_in_by_turns(workers, KNOWN, limit + 1)

    assert codes(unknown) == codes(known)
    assert (
        codes(unknown)
        == [(422, "form_password_incorrect")] * (limit - 1) + [(403, "user_locked")] * 2
    )
    sixth_unknown, sixth_known = unknown[-1].json()["errors"][0], known[-1].json()["errors"][0]
    assert sixth_unknown["long_message"] == sixth_known["long_message"]
    left = sixth_unknown["meta"]["lockout_expires_in_seconds"]
    assert abs(left - sixth_known["meta"]["lockout_expires_in_seconds"]) <= 2
