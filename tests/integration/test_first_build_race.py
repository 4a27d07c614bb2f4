"""A worker restarted under load gets its first requests all at once, each in a
thread: they must share one engine (one connection pool) and one identity server,
not build one each (PostgreSQL ran out of connections in ``make load``)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from pk_rentals import db
from pk_rentals.devauth import server as devauth_server

THREADS = 16


def all_at_once(get):
    """``get()`` from THREADS threads released together."""
    start = threading.Barrier(THREADS)

    def call(_):
        start.wait()
        return get()

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(call, range(THREADS)))


def slowed(monkeypatch, module, name, built: list):
    """``module.name`` that takes 50 ms and records each build: a first build slower
    than the threads' arrival, as on a loaded machine."""
    real = getattr(module, name)

    def build(*args, **kwargs):
        time.sleep(0.05)
        made = real(*args, **kwargs)
        built.append(made)
        return made

    monkeypatch.setattr(module, name, build)


def test_threads_racing_to_the_first_engine_share_one(use_database, monkeypatch):
    built = []
    slowed(monkeypatch, db, "create_engine", built)
    db.get_engine.cache_clear()
    engines = all_at_once(db.get_engine)
    assert len(built) == 1
    assert all(engine is built[0] for engine in engines)


def test_threads_racing_to_the_first_identity_server_share_one(use_database, monkeypatch):
    built = []
    slowed(monkeypatch, devauth_server, "IdentityServer", built)
    devauth_server.get_server.cache_clear()
    try:
        servers = all_at_once(devauth_server.get_server)
    finally:
        devauth_server.get_server.cache_clear()
    assert len(built) == 1
    assert all(server is built[0] for server in servers)
