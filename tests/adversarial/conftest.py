"""The adversarial suite: requests and events an attacker can send, from tables.

Every case asks for the ``case`` fixture and ends with ``case.record(...)`` (or
``case.http``), which notes its two outcomes (accepted wrongly? a server error?)
before asserting that neither happened, so a failing case is still counted
(tests/utils/attacks.py). A case that ends with an exception before recording
counts as a server error. At the end of the session one line sums them up:
``N cases, A accepted wrongly, E server errors``. Tests without ``case`` are
controls (the same request done right succeeds) and are not counted.

Backend: PostgreSQL only (what production runs). Each module gets a fresh database
copied from the session's migrated template, a private media folder, and the app's
HTTP routes with the built-in identity server on one real 127.0.0.1 port
(``target``), all kept for the whole module; cases leave rows behind, so each one
checks only the rows it is about.
"""

from __future__ import annotations

import secrets

import httpx
import pytest

from pk_rentals import db, migrations
from pk_rentals.services import cnic
from pk_rentals.settings import get_settings
from tests.utils.attacks import OUTCOMES, Case, Outcome, Target
from tests.utils.identity_server import identity_server

METRICS_TOKEN = "metrics-" + secrets.token_hex(20)


@pytest.fixture
def case(request) -> Case:
    return Case(request.node.nodeid)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if call.when != "call" or "case" not in getattr(item, "fixturenames", ()):
        return
    if item.nodeid in OUTCOMES:
        return
    if call.excinfo is not None:
        # An exception escaped the case before it recorded anything.
        OUTCOMES[item.nodeid] = Outcome(accepted_wrongly=False, server_error=True)
        return
    report = outcome.get_result()
    report.outcome = "failed"
    report.longrepr = f"{item.nodeid}: the case never recorded its outcome"


def pytest_terminal_summary(terminalreporter):
    if not OUTCOMES:
        return
    accepted = sum(outcome.accepted_wrongly for outcome in OUTCOMES.values())
    errors = sum(outcome.server_error for outcome in OUTCOMES.values())
    terminalreporter.write_line(
        f"{len(OUTCOMES)} cases, {accepted} accepted wrongly, {errors} server errors"
    )


@pytest.fixture(scope="module")
def attack_database(database_factory, _migrated_templates) -> str:
    """A fresh PostgreSQL database at the head revision, for one module."""
    if "postgresql" not in _migrated_templates:
        template = database_factory("postgresql")
        migrations.upgrade(template)
        _migrated_templates["postgresql"] = template
    return database_factory("postgresql", template=_migrated_templates["postgresql"])


@pytest.fixture(scope="module")
def attack_env(attack_database, tmp_path_factory):
    """One module's settings: its database and media folder, long-lived session tokens
    (no case may pass because a token ran out), no face-check process, a metrics
    token, and an upload allowance no table exhausts by accident."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("REFLEX_DB_URL", attack_database)
        env.setenv("PK_MEDIA_DIR", str(tmp_path_factory.mktemp("media")))
        env.setenv("PK_SESSION_TOKEN_LIFETIME", "900")
        env.setenv("PK_FACE_CHECKS_ENABLED", "false")
        env.setenv("PK_METRICS_TOKEN", METRICS_TOKEN)
        env.setenv("PK_UPLOADS_PER_HOUR", "100000")
        get_settings.cache_clear()
        db.get_engine.cache_clear()
        cnic.clear_key_cache()
        yield env
        db.get_engine().dispose()
        db.get_engine.cache_clear()
        get_settings.cache_clear()
        cnic.clear_key_cache()


@pytest.fixture(scope="module")
def target(attack_env, dns_server) -> Target:
    with (
        identity_server(attack_env, dns_server.resolver_setting) as (url, config),
        httpx.Client(base_url=url, timeout=30) as http,
    ):
        yield Target(url, config, http)
