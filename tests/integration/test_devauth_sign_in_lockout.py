"""The sign-in lockout under parallel sign-ins: every wrong password counts, whatever
the interleaving, and an email with no account answers exactly like one with an
account. Driven through the Frontend API as clerk-js calls it, on SQLite and
PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlmodel import Session

from pk_rentals import db
from pk_rentals.devauth import accounts, store
from pk_rentals.devauth.frontend import call, client, me, sessions, sign_ins, sign_ups
from pk_rentals.devauth.store import Account
from pk_rentals.settings import get_settings
from tests.utils.frontend_api import FrontendClient

PASSWORD = "Multan#2026pk"
KNOWN = "sana@example.pk"
UNKNOWN = "nobody-here@example.pk"
PARALLEL = 10


@pytest.fixture
def devauth(identity_server) -> str:
    url, config = identity_server
    created = httpx.post(
        f"{url}/_devauth/v1/users",
        json={"email_address": [KNOWN], "password": PASSWORD},
        headers={"Authorization": f"Bearer {config.secret_key}"},
    )
    created.raise_for_status()
    return f"{url}/_devauth"


def account(email: str) -> Account:
    with Session(db.get_engine()) as session:
        return session.get(Account, accounts.email_owner_id(session, email))


def attempt(browser: FrontendClient, flow_id: str, password: str) -> httpx.Response:
    return browser.post(
        f"/client/sign_ins/{flow_id}/attempt_first_factor",
        {"strategy": "password", "password": password},
    )


def parallel_wrong_passwords(devauth: str, email: str, count: int) -> list[httpx.Response]:
    """``count`` browsers each open a sign-in for ``email``, then all send a wrong
    password at the same moment."""
    browsers = [FrontendClient(devauth) for _ in range(count)]
    try:
        flows = [
            b.post("/client/sign_ins", {"identifier": email}).json()["response"]["id"]
            for b in browsers
        ]
        start = threading.Barrier(count)

        def send(n: int) -> httpx.Response:
            start.wait()
            return attempt(browsers[n], flows[n], f"Wrong#{n}pass")

        with ThreadPoolExecutor(count) as pool:
            return list(pool.map(send, range(count)))
    finally:
        for browser in browsers:
            browser.close()


def sequential_wrong_passwords(devauth: str, email: str, count: int) -> list[httpx.Response]:
    with FrontendClient(devauth) as browser:
        return [browser.sign_in(email, f"Wrong#{n}pass") for n in range(count)]


def statuses(answers: list[httpx.Response]) -> list[tuple[int, str]]:
    return [(a.status_code, a.json()["errors"][0]["code"]) for a in answers]


def test_parallel_wrong_passwords_all_count_and_the_fifth_locks_the_account(devauth):
    limit = get_settings().lockout_attempts

    answers = parallel_wrong_passwords(devauth, KNOWN, PARALLEL)

    assert sorted(statuses(answers)) == [(403, "user_locked")] * (PARALLEL - limit + 1) + [
        (422, "form_password_incorrect")
    ] * (limit - 1)
    locked = account(KNOWN)
    assert locked.failed_attempts == PARALLEL
    assert locked.is_locked()
    with FrontendClient(devauth) as browser:
        right = browser.sign_in(KNOWN, PASSWORD)
    assert (right.status_code, right.json()["errors"][0]["code"]) == (403, "user_locked")


def test_parallel_wrong_passwords_on_an_email_without_account_lock_it_the_same_way(devauth):
    limit = get_settings().lockout_attempts

    unknown = parallel_wrong_passwords(devauth, UNKNOWN, PARALLEL)
    known = parallel_wrong_passwords(devauth, KNOWN, PARALLEL)

    assert sorted(statuses(unknown)) == sorted(statuses(known))
    assert sorted(statuses(unknown)).count((422, "form_password_incorrect")) == limit - 1
    [after] = sequential_wrong_passwords(devauth, UNKNOWN, 1)
    assert statuses([after]) == [(403, "user_locked")]


def test_the_sixth_attempt_on_an_unknown_email_answers_like_a_locked_account(devauth):
    limit = get_settings().lockout_attempts

    known = sequential_wrong_passwords(devauth, KNOWN, limit + 1)
    unknown = sequential_wrong_passwords(devauth, UNKNOWN, limit + 1)

    assert statuses(unknown) == statuses(known)
    sixth_known, sixth_unknown = known[-1].json()["errors"][0], unknown[-1].json()["errors"][0]
    assert sixth_unknown["long_message"] == sixth_known["long_message"]
    assert sixth_unknown["meta"].keys() == sixth_known["meta"].keys()
    left = sixth_unknown["meta"]["lockout_expires_in_seconds"]
    assert abs(left - sixth_known["meta"]["lockout_expires_in_seconds"]) <= 2


def test_a_wrong_password_leaves_the_same_sign_in_on_the_client_for_any_email(devauth):
    clients = []
    for email in (KNOWN, UNKNOWN):
        with FrontendClient(devauth) as browser:
            answer = browser.post(
                "/client/sign_ins",
                {"identifier": email, "strategy": "password", "password": "Wrong#1pass"},
            )
            assert statuses([answer]) == [(422, "form_password_incorrect")]
            client = browser.request("GET", "/client").json()["response"]
            clients.append(client["sign_in"] and client["sign_in"]["status"])
    assert clients == ["needs_first_factor", "needs_first_factor"]


@pytest.fixture
def clock(monkeypatch):
    """Moves the identity server's clock forward (it runs in this process)."""
    real = store.now_ms
    offset = {"ms": 0}

    def now_ms() -> int:
        return real() + offset["ms"]

    frontend = (call, client, sign_ins, sign_ups, sessions, me)
    for module in (store, accounts, *(m for m in frontend if hasattr(m, "now_ms"))):
        monkeypatch.setattr(module, "now_ms", now_ms)

    def forward(seconds: int) -> None:
        offset["ms"] += seconds * 1000

    return forward


def test_after_the_lockout_ends_five_more_wrong_passwords_lock_again_for_any_email(devauth, clock):
    settings = get_settings()
    limit = settings.lockout_attempts
    runs = {}
    for email in (KNOWN, UNKNOWN):
        assert (
            statuses(parallel_wrong_passwords(devauth, email, limit + 2)).count(
                (403, "user_locked")
            )
            == 3
        )
    clock(settings.lockout_seconds + 1)
    for email in (KNOWN, UNKNOWN):
        runs[email] = statuses(sequential_wrong_passwords(devauth, email, limit + 1))
    assert runs[KNOWN] == runs[UNKNOWN]
    assert (
        runs[KNOWN] == [(422, "form_password_incorrect")] * (limit - 1) + [(403, "user_locked")] * 2
    )


def test_once_the_lockout_ends_the_right_password_signs_in_and_clears_the_count(devauth, clock):
    settings = get_settings()
    sequential_wrong_passwords(devauth, KNOWN, settings.lockout_attempts + 1)
    clock(settings.lockout_seconds + 1)

    with FrontendClient(devauth) as browser:
        assert browser.sign_in(KNOWN, PASSWORD).status_code == 200
    cleared = account(KNOWN)
    assert (cleared.failed_attempts, cleared.lockout_until) == (0, None)
