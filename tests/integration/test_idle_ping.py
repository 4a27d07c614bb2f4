"""The pool pings a connection only when it sat idle: a dead one is replaced before
anyone uses it, and a busy worker's events cost no extra round trip (PostgreSQL)."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from pk_rentals import db

IDLE = 0.05  # PING_AFTER_IDLE_SECONDS in these tests


@pytest.fixture
def engine(postgres_url, monkeypatch):
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", IDLE)
    engine = db.create_engine(postgres_url)
    pings = []
    real_ping = engine.dialect.do_ping

    def counted_ping(dbapi_connection):
        pings.append(dbapi_connection)
        return real_ping(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted_ping)
    engine.pings = pings
    yield engine
    engine.dispose()


def backend_pid(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()


def terminate(postgres_url, pid: int) -> None:
    """What a server restart or a dropped idle connection does to a pooled one."""
    killer = db.create_engine(postgres_url)
    with killer.connect() as connection:
        connection.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    killer.dispose()


def test_a_connection_back_in_use_at_once_is_not_pinged(engine):
    first = backend_pid(engine)
    assert backend_pid(engine) == first  # the same pooled connection
    assert engine.pings == []


def test_a_connection_that_sat_idle_is_pinged_once(engine):
    first = backend_pid(engine)
    time.sleep(IDLE * 2)
    assert backend_pid(engine) == first
    assert len(engine.pings) == 1


def test_a_connection_that_died_while_idle_is_replaced_without_an_error(engine, postgres_url):
    dead = backend_pid(engine)
    terminate(postgres_url, dead)
    time.sleep(IDLE * 2)
    replaced = backend_pid(engine)  # no error: the ping found it dead
    assert replaced != dead
    assert len(engine.pings) == 1


def test_a_connection_that_died_during_traffic_fails_once_then_the_pool_is_renewed(
    engine, postgres_url
):
    """The trade-off, pinned: within the idle window nobody pings, so the statement
    on the dead connection fails (the handler shows its error toast) and renews the
    pool; the next one gets a fresh connection."""
    dead = backend_pid(engine)
    terminate(postgres_url, dead)
    with pytest.raises(sa.exc.OperationalError) as failed:
        backend_pid(engine)
    assert failed.value.connection_invalidated
    assert backend_pid(engine) != dead
