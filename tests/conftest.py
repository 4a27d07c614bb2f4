"""Fixtures every suite shares: real databases, Redis, the app, Chromium.

DB fixtures are parametrised, so a test that asks for ``engine`` runs once on
SQLite and once on PostgreSQL. Servers start once per session on free
127.0.0.1 ports and stop at the end.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

# Settings are read from the environment: pin the test ones before any import of
# pk_rentals, and keep the developer's data/ folder out of reach.
_SCRATCH = Path(tempfile.mkdtemp(prefix="pk-tests-"))
os.environ["PK_ENV"] = "test"
os.environ["REFLEX_DB_URL"] = f"sqlite:///{_SCRATCH / 'default.db'}"
os.environ["PK_MEDIA_DIR"] = str(_SCRATCH / "media")
os.environ["PK_DEVAUTH_DIR"] = str(_SCRATCH / "devauth")
os.environ.pop("REFLEX_REDIS_URL", None)

from pk_rentals.db import create_engine  # noqa: E402
from pk_rentals.services.identity.config import clerk_config  # noqa: E402
from pk_rentals.settings import get_settings  # noqa: E402
from tests.utils import servers  # noqa: E402
from tests.utils.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BACKENDS = ("sqlite", "postgresql")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SCRATCH, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test reads the environment afresh (monkeypatched variables take effect)."""
    get_settings.cache_clear()
    clerk_config.cache_clear()
    yield
    get_settings.cache_clear()
    clerk_config.cache_clear()


# --- servers -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_url():
    """URL of the maintenance database of a PostgreSQL cluster started for this session."""
    with servers.postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url():
    with servers.redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def dns_server():
    """A real DNS server on 127.0.0.1 with the test zone (tests/utils/dns_server.py):
    sign-up's deliverability check asks it instead of the internet."""
    from tests.utils.dns_server import dns_server as serve_dns

    with serve_dns() as server:
        yield server


# --- databases -----------------------------------------------------------------------


def _new_database(backend: str, request, template: str | None = None) -> str:
    """A new database on ``backend``, empty or copied from ``template``'s URL."""
    name = f"pk_{uuid.uuid4().hex[:12]}"
    if backend == "sqlite":
        path = _SCRATCH / f"{name}.db"
        if template:
            shutil.copyfile(template.removeprefix("sqlite:///"), path)
        return f"sqlite:///{path}"
    template_name = template.rsplit("/", 1)[1] if template else None
    return servers.create_database(request.getfixturevalue("postgres_url"), name, template_name)


@pytest.fixture(scope="session")
def database_factory(request):
    """``make(backend, template=None)``: a new database's URL, for suites that keep
    one database per module (the adversarial suite)."""
    return lambda backend, template=None: _new_database(backend, request, template)


@pytest.fixture(scope="session")
def _migrated_templates() -> dict[str, str]:
    """Per backend, the URL of a database migrated to head once; tests get copies."""
    return {}


@pytest.fixture(params=BACKENDS)
def empty_database_url(request) -> str:
    """A new, empty database (for migration tests), on each backend."""
    return _new_database(request.param, request)


@pytest.fixture(params=BACKENDS)
def database_url(request, _migrated_templates) -> str:
    """A new database at the head revision, on each backend."""
    from pk_rentals import migrations

    backend = request.param
    if backend not in _migrated_templates:
        template = _new_database(backend, request)
        migrations.upgrade(template)
        _migrated_templates[backend] = template
    return _new_database(backend, request, template=_migrated_templates[backend])


@pytest.fixture
def engine(database_url):
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    from sqlmodel import Session

    with Session(engine) as session:
        yield session


@pytest.fixture
def use_database(monkeypatch, database_url):
    """Point the app's settings (and so pk_rentals.db) at this test's database."""
    from pk_rentals import db

    monkeypatch.setenv("REFLEX_DB_URL", database_url)
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    yield database_url
    db.get_engine().dispose()
    db.get_engine.cache_clear()


# --- the running app and the browser -------------------------------------------------


@pytest.fixture(scope="session")
def app(postgres_url, redis_url, dns_server):
    """The app in production mode on PostgreSQL + Redis, started once per session."""
    from pk_rentals import migrations
    from tests.utils.app_server import E2E_TOKEN_LIFETIME, app_server

    ARTIFACTS.mkdir(exist_ok=True)
    db_url = servers.create_database(postgres_url, "pk_app")
    migrations.upgrade(db_url)
    with app_server(
        db_url=db_url,
        redis_url=redis_url,
        artifacts=ARTIFACTS,
        # Debug logs, scanned for secrets by tests/e2e/test_privacy.py.
        loglevel="debug",
        PK_LOG_LEVEL="DEBUG",
        PK_DEVAUTH_DIR=str(_SCRATCH / "app-devauth"),
        # Seconds, not minutes, so the idle-timeout test can wait for both.
        IDLE_WARNING_SECONDS="15",
        IDLE_TIMEOUT_SECONDS="30",
        PK_SESSION_TOKEN_LIFETIME=str(E2E_TOKEN_LIFETIME),
        PK_SIGN_IN_ATTEMPTS_PER_MINUTE="300",
        # The card front's quick read always answers, however busy the machine: what
        # it says is under test, not how fast (bench/document_reading.py).
        PK_DOCUMENT_QUICK_READ_SECONDS="60",
        # Sign-up emails (…@example.pk) are checked against the test zone, offline.
        PK_DNS_RESOLVER=dns_server.resolver_setting,
    ) as server:
        yield server


@pytest.fixture(scope="session")
def devauth(app):
    """The running app's identity server: its Backend API URL and secret key."""
    from pk_rentals.devauth.instance import Instance

    instance = Instance.load_or_create(_SCRATCH / "app-devauth")
    return {"api_url": f"{app.url}/_devauth/v1", "secret_key": instance.secret_key}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions do: a 2-core CI machine running the whole
    # suite can take more than Playwright's default 5 s to answer a save.
    expect.set_options(timeout=15_000)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, app):
    """A fresh browser profile (no cookies) on a phone-sized screen, at the app's URL."""
    context = browser.new_context(
        base_url=app.url, viewport={"width": 360, "height": 800}, locale="ur-PK"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def check_a11y(page):
    """``check_a11y(name)``: fail on serious or critical axe violations on ``page`` now."""
    from tests.utils.a11y import assert_accessible

    return functools.partial(assert_accessible, page)
