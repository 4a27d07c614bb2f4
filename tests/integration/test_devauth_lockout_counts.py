"""The identity server's counts in the database, called as the sign-in handler calls
them, from parallel sessions as parallel workers would: failed sign-ins (the product's
lockout) and the per-IP limit. On SQLite and PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import Session, func, select

from pk_rentals.devauth import accounts, passwords, store
from pk_rentals.devauth.store import Account, RateWindow

ATTEMPTS = 5
LOCKOUT_SECONDS = 3600
MINUTE = store.RATE_WINDOW_MS
T0 = 1_800_000_000_000 - 1_800_000_000_000 % MINUTE  # the start of a window, in ms


@pytest.fixture
def devauth_engine(engine):
    store.create_tables(engine)
    return engine


@pytest.fixture
def account_id(devauth_engine) -> str:
    with Session(devauth_engine) as session:
        account = accounts.create_account(
            session, email="hina@example.pk", password="Lahore#2026pk"
        )
        session.commit()
        return account.id


def fail_in_parallel(engine, count: int, **who) -> list[accounts.FailedSignIns]:
    start = threading.Barrier(count)

    def fail(_n: int) -> accounts.FailedSignIns:
        with Session(engine) as session:
            start.wait()
            return accounts.count_failed_sign_in(
                session, attempts=ATTEMPTS, lockout_seconds=LOCKOUT_SECONDS, **who
            )

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(fail, range(count)))


@pytest.mark.parametrize("email_has_account", [True, False])
def test_parallel_failures_each_count_once_and_exactly_one_starts_the_lockout(
    devauth_engine, account_id, email_has_account
):
    who = (
        {"account_id": account_id, "email": "hina@example.pk"}
        if email_has_account
        else {"account_id": None, "email": "ghost@example.pk"}
    )

    runs = fail_in_parallel(devauth_engine, 12, **who)

    assert sorted(r.count for r in runs) == list(range(1, 13))
    locked = [r for r in runs if r.lockout_until is not None]
    assert sorted(r.count for r in locked) == list(range(ATTEMPTS, 13))
    assert len({r.lockout_until for r in locked}) == 1  # later failures do not extend it


def test_a_right_password_checked_before_the_lockout_does_not_sign_in_after_it(
    devauth_engine, account_id
):
    with Session(devauth_engine) as session:
        digest = session.get(Account, account_id).password_digest
    fail_in_parallel(devauth_engine, ATTEMPTS, account_id=account_id, email="hina@example.pk")

    with Session(devauth_engine) as session:
        cleared = accounts.clear_failed_sign_ins(
            session, account_id=account_id, checked_digest=digest, new_digest=None
        )
        assert not cleared
        assert session.get(Account, account_id).failed_attempts == ATTEMPTS


def test_a_right_password_clears_the_run_and_stores_the_fresh_digest(devauth_engine, account_id):
    fail_in_parallel(devauth_engine, 3, account_id=account_id, email="hina@example.pk")
    fresh = passwords.digest("Lahore#2026pk")
    with Session(devauth_engine) as session:
        digest = session.get(Account, account_id).password_digest
        assert accounts.clear_failed_sign_ins(
            session, account_id=account_id, checked_digest=digest, new_digest=fresh
        )
        session.commit()
        account = session.get(Account, account_id)
        session.refresh(account)
        assert (account.failed_attempts, account.password_digest) == (0, fresh)


def test_parallel_hits_from_one_ip_never_pass_the_limit(devauth_engine):
    start = threading.Barrier(12)

    def hit(_n: int) -> bool:
        with Session(devauth_engine) as session:
            start.wait()
            return store.take_rate_hit(session, "sign_in_ip:10.0.0.7", 5, now=T0 + 1000)

    with ThreadPoolExecutor(12) as pool:
        allowed = list(pool.map(hit, range(12)))

    assert allowed.count(True) == 5
    with Session(devauth_engine) as session:
        assert session.get(RateWindow, ("sign_in_ip:10.0.0.7", T0)).hits == 5


def test_a_burst_at_the_end_of_a_minute_is_not_followed_by_another_at_the_start_of_the_next(
    devauth_engine,
):
    def hits(at: int, count: int) -> list[bool]:
        with Session(devauth_engine) as session:
            return [store.take_rate_hit(session, "ip", 4, now=at) for _ in range(count)]

    assert hits(T0 + MINUTE - 500, 5) == [True] * 4 + [False]
    assert hits(T0 + MINUTE + 500, 1) == [False]  # the last minute still holds 4
    assert hits(T0 + MINUTE + MINUTE // 2, 3) == [True] * 2 + [False]  # half of them left
    assert hits(T0 + 3 * MINUTE, 4) == [True] * 4  # long quiet: the full limit again


def test_a_new_window_deletes_the_stale_ones_of_every_ip(devauth_engine):
    with Session(devauth_engine) as session:
        store.take_rate_hit(session, "ip-a", 4, now=T0)
        store.take_rate_hit(session, "ip-b", 4, now=T0 + MINUTE)
        store.take_rate_hit(session, "ip-c", 4, now=T0 + 3 * MINUTE)
        windows = session.exec(select(RateWindow.key, RateWindow.window_start)).all()
    assert windows == [("ip-c", T0 + 3 * MINUTE)]


def test_an_unknown_email_whose_lockout_ended_leaves_no_row(devauth_engine, monkeypatch):
    with Session(devauth_engine) as session:
        for _ in range(ATTEMPTS):
            accounts.count_failed_sign_in(
                session,
                account_id=None,
                email="ghost@example.pk",
                attempts=ATTEMPTS,
                lockout_seconds=LOCKOUT_SECONDS,
            )
        later = store.now_ms() + LOCKOUT_SECONDS * 1000 + 1
        monkeypatch.setattr(accounts, "now_ms", lambda: later)
        run = accounts.count_failed_sign_in(
            session,
            account_id=None,
            email="other-ghost@example.pk",
            attempts=ATTEMPTS,
            lockout_seconds=LOCKOUT_SECONDS,
        )
        assert (run.count, run.lockout_until) == (1, None)
        rows = session.exec(select(func.count()).select_from(store.UnknownEmailLockout)).one()
    assert rows == 1
