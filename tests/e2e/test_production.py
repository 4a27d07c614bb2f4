"""The production topology (deploy/prod.py, what `make prod` runs), in Chromium:
nginx in front of 2 supervised workers sharing Redis and PostgreSQL. A journey
survives `kill -9` of each worker, a Redis restart and a PostgreSQL restart."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import shutil
import signal
import tempfile
import time
from pathlib import Path

import httpx
import psutil
import pytest
import sqlalchemy as sa
import websockets
from playwright.sync_api import Page, expect

from deploy import prod
from tests.utils.journeys import create_account, fill_details, new_email, new_mobile, sign_in
from tests.utils.servers import consecutive_free_ports, free_port


@pytest.fixture(scope="module")
def topology():
    # Not under pytest's tmp folder (0700): PostgreSQL runs as postgres and must reach it.
    root = Path(tempfile.mkdtemp(prefix="pk-prod-"))
    root.chmod(0o755)
    top = prod.Topology(
        root=root,
        listen=free_port(),
        workers=2,
        worker_port_base=consecutive_free_ports(2),
        pg_port=free_port(),
        redis_port=free_port(),
        extra_env={"PK_SIGN_IN_ATTEMPTS_PER_MINUTE": "300"},
    )
    try:
        prod.up(top, timeout=180)
        yield top
    finally:
        prod.down(top)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def devauth(topology):
    from pk_rentals.devauth.instance import Instance

    instance = Instance.load_or_create(topology.path("devauth"))
    return {"api_url": f"{topology.url}/_devauth/v1", "secret_key": instance.secret_key}


@pytest.fixture
def tab(browser, topology):
    context = browser.new_context(
        base_url=topology.url, viewport={"width": 360, "height": 800}, locale="en-PK"
    )
    context.set_default_timeout(20_000)
    context.add_cookies([{"name": "pk_lang", "value": "english", "url": topology.url}])
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and page.csp_violations.append(m.text),
    )
    yield page
    context.close()


def listening_pids(port: int) -> set[int]:
    """Every process with a listening socket on the port (granian binds with
    SO_REUSEPORT, so a leftover process could share it unnoticed)."""
    return {
        c.pid
        for c in psutil.net_connections(kind="tcp")
        if c.status == psutil.CONN_LISTEN and c.laddr.port == port
    }


def wait_restarted(top, name: str, old_pid: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if prod.restarted(top, name, old_pid):
            return
        time.sleep(0.3)
    raise AssertionError(f"supervisord did not bring {name} back within {timeout}s")


def saved_preferences(top, email: str) -> tuple[str, dict]:
    engine = sa.create_engine(top.db_url)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                sa.text(
                    "SELECT p.theme, u.notification_settings FROM users u "
                    "JOIN user_preferences p ON p.clerk_user_id = u.clerk_user_id "
                    "WHERE u.clerk_email = :email"
                ),
                {"email": email},
            ).one()
    finally:
        engine.dispose()
    return row[0], row[1]


def signed_in_with_profile(page: Page, devauth) -> str:
    email = new_email()
    create_account(devauth, email)
    sign_in(page, email)
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    typed, _ = new_mobile()
    fill_details(page, name="Hina Baloch", phone=typed, province="Sindh", city="Karachi")
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_test_id("setup-phone-step")).to_be_visible()
    return email


def toggle(page: Page, channel: str, state: str) -> None:
    switch = page.get_by_test_id(f"notify-{channel}")
    switch.click()
    expect(switch).to_have_attribute("data-state", state)


def test_journey_survives_kill_9_of_each_worker(tab: Page, devauth, topology):
    email = signed_in_with_profile(tab, devauth)
    tab.goto("/settings")
    tab.get_by_test_id("choice-dark").click()
    expect(tab.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    toggle(tab, "sms", "unchecked")

    # Kill each worker in turn (one of them holds this tab's websocket).
    for name, pid in sorted(prod.worker_pids(topology).items()):
        os.kill(pid, signal.SIGKILL)
        wait_restarted(topology, name, pid)
        # The page reconnects by itself and the user is still signed in.
        expect(tab.get_by_test_id("user-button")).to_be_visible()
        current = tab.get_by_test_id("notify-email").get_attribute("data-state")
        toggle(tab, "email", "unchecked" if current == "checked" else "checked")

    theme, notifications = saved_preferences(topology, email)
    assert theme == "dark"
    assert notifications["sms"] is False
    expected_email = tab.get_by_test_id("notify-email").get_attribute("data-state") == "checked"
    assert notifications["email"] is expected_email

    # Reloads land on either worker: the same signed-in page and saved choices.
    for _ in range(3):
        tab.reload()
        expect(tab.get_by_test_id("user-button")).to_be_visible()
        expect(tab.locator("html")).to_have_class(re.compile(r"\bdark\b"))
        expect(tab.get_by_test_id("notify-sms")).to_have_attribute("data-state", "unchecked")
    assert tab.csp_violations == []


def test_kill_9_of_a_worker_leaves_only_its_restart_on_the_port(topology):
    name, pid = sorted(prod.worker_pids(topology).items())[0]
    port = int(name.split("-")[1])
    # The process supervisord watches is the one serving: no child to orphan.
    assert listening_pids(port) == {pid}
    assert psutil.Process(pid).children(recursive=True) == []
    cpus = os.sched_getaffinity(pid)

    os.kill(pid, signal.SIGKILL)
    wait_restarted(topology, name, pid, timeout=20)
    restarted = prod.worker_pids(topology)[name]
    assert listening_pids(port) == {restarted}
    assert psutil.Process(restarted).children(recursive=True) == []
    assert os.sched_getaffinity(restarted) == cpus  # the restart is pinned as it was


def test_each_worker_runs_on_its_own_cpu(topology):
    """deploy/serve.py pins a worker and every thread it starts to one CPU (PIN)."""
    usable = os.sched_getaffinity(0)
    per_worker = {
        name: [os.sched_getaffinity(thread.id) for thread in psutil.Process(pid).threads()]
        for name, pid in prod.worker_pids(topology).items()
    }
    if len(usable) < 2:
        assert all(cpus == [usable] * len(cpus) for cpus in per_worker.values())
        return
    chosen = []
    for name, cpus in per_worker.items():
        assert len(cpus) > 1, f"{name} has started no threads yet"
        assert all(len(one) == 1 and one == cpus[0] for one in cpus), (name, cpus)
        chosen.append(next(iter(cpus[0])))
    assert len(set(chosen)) == len(chosen), per_worker


async def open_event_sockets(top, count: int) -> tuple[list, int]:
    """``count`` Reflex websockets through nginx, opened together: those that opened
    (the caller closes them) and how many nginx refused."""

    async def one():
        url = f"ws://127.0.0.1:{top.listen}/_event/?EIO=4&transport=websocket"
        try:
            socket = await websockets.connect(url, open_timeout=5)
        except (websockets.InvalidHandshake, OSError, TimeoutError):
            return None
        await asyncio.wait_for(socket.recv(), 5)  # Engine.IO's open packet
        return socket

    opened = await asyncio.gather(*(one() for _ in range(count)))
    return [s for s in opened if s is not None], opened.count(None)


async def close_all(sockets) -> None:
    await asyncio.gather(*(s.close() for s in sockets))


def test_tabs_leaving_a_killed_worker_all_reach_one_that_was_restarted(topology):
    """nginx must not ration websockets to a worker it once found down: with
    ``max_fails`` it lets one through per ``fail_timeout`` and trusts the worker again
    only when that one closes, hours later for a tab."""
    (first, first_pid), (second, second_pid) = sorted(prod.worker_pids(topology).items())

    async def journey() -> int:
        # The second worker restarts while tabs connect: nginx finds it refusing.
        prod.supervisorctl(topology, "stop", f"worker:{second}")
        sockets, refused = await open_event_sockets(topology, 8)
        await close_all(sockets)
        assert refused == 0  # the first worker took them all
        prod.supervisorctl(topology, "start", f"worker:{second}")
        wait_restarted(topology, second, second_pid)
        await asyncio.sleep(2.5)  # past fail_timeout: nginx lets one tab try it again
        held, _ = await open_event_sockets(topology, 4)
        try:
            os.kill(first_pid, signal.SIGKILL)
            psutil.Process(first_pid).wait(10)
            moved, refused = await open_event_sockets(topology, 8)
            await close_all(moved)
            return refused
        finally:
            await close_all(held)

    # Its own thread: Playwright's sync API leaves its event loop set on this one.
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        refused = thread.submit(asyncio.run, journey()).result()
    wait_restarted(topology, first, first_pid)
    assert refused == 0, f"nginx refused {refused} of 8 tabs leaving the killed worker"


def test_redis_restart_then_the_app_recovers(tab: Page, devauth, topology):
    email = signed_in_with_profile(tab, devauth)
    tab.goto("/settings")
    expect(tab.get_by_test_id("notify-sms")).to_have_attribute("data-state", "checked")
    prod.supervisorctl(topology, "restart", "redis")
    # Reflex reconnects to Redis; the next save goes through without an app restart.
    tab.reload()
    expect(tab.get_by_test_id("user-button")).to_be_visible()
    toggle(tab, "sms", "unchecked")
    assert saved_preferences(topology, email)[1]["sms"] is False


def test_postgres_restart_one_clear_toast_then_recovery(tab: Page, devauth, topology):
    email = signed_in_with_profile(tab, devauth)
    tab.goto("/settings")
    expect(tab.get_by_test_id("notify-sms")).to_have_attribute("data-state", "checked")
    prod.supervisorctl(topology, "stop", "postgres")
    try:
        tab.get_by_test_id("notify-sms").click()
        toast = tab.locator("[data-sonner-toast]", has_text="briefly unavailable")
        expect(toast).to_have_count(1)
    finally:
        prod.supervisorctl(topology, "start", "postgres")
    # The pool pings a connection that sat idle, and the failed statement renewed the
    # pool: no stuck connection, the next save works.
    tab.reload()
    expect(tab.get_by_test_id("user-button")).to_be_visible()
    switch = tab.get_by_test_id("notify-sms")
    target = "unchecked" if switch.get_attribute("data-state") == "checked" else "checked"
    toggle(tab, "sms", target)
    assert saved_preferences(topology, email)[1]["sms"] is (target == "checked")


def test_nginx_sends_brotli_and_serves_clerk_js_itself(topology):
    """The smaller Brotli copy when the browser takes it, and clerk-js from the site
    (no worker), cached for a year under its versioned URL, with the same headers."""
    from pk_rentals.devauth import clerk_js, instance

    page = httpx.get(f"{topology.url}/", headers={"Accept-Encoding": "br, gzip"})
    assert page.headers["content-encoding"] == "br"
    entry = httpx.get(topology.url + instance.CLERK_JS_PATH, headers={"Accept-Encoding": "br"})
    assert entry.status_code == 200
    assert entry.headers["content-encoding"] == "br"
    assert entry.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "frame-ancestors 'none'" in entry.headers["content-security-policy"]
    assert entry.content == (clerk_js.DIST / "clerk.browser.js").read_bytes()  # decoded
    assert int(entry.headers["content-length"]) < len(entry.content) / 3
    plain = httpx.get(topology.url + instance.CLERK_JS_PATH, headers={"Accept-Encoding": ""})
    assert "content-encoding" not in plain.headers
    assert plain.content == entry.content


def test_nginx_headers_and_body_limits(topology):
    page = httpx.get(f"{topology.url}/settings", headers={"Accept-Encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"  # precompressed by the export
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["permissions-policy"].startswith("camera=(self)")
    assert page.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "strict-transport-security" not in page.headers  # plain http here
    asset = re.search(r'/assets/[^"]+\.js', page.text).group(0)
    cached = httpx.get(topology.url + asset)
    assert cached.headers["cache-control"] == "public, max-age=31536000, immutable"
    big = b"x" * (10 * 1024 * 1024)
    assert (
        httpx.post(f"{topology.url}/api/verification/uploads/selfie", content=big).status_code
        == 413
    )
    assert httpx.post(f"{topology.url}/webhooks/clerk", content=b"x" * 300_000).status_code == 413
    # Under the route's limit the request reaches the app (401: no session token).
    assert (
        httpx.post(
            f"{topology.url}/api/verification/uploads/selfie", content=b"x" * 2_000_000
        ).status_code
        == 401
    )
    assert httpx.get(f"{topology.url}/healthz").json()["database"] == "ok"
    # A public profile's address is answered with its prerendered shell, whatever id.
    shell = httpx.get(f"{topology.url}/u/any-id-at-all")
    assert shell.status_code == 200 and "پی کے رینٹلز" in shell.text
    assert shell.headers["cache-control"] == "no-cache"
