"""deploy/prod.py: the nginx policy it renders, and whose X-Forwarded-For is believed."""

import asyncio
import collections
import gc

import pytest

from deploy import prod, serve
from pk_rentals.api import trust_proxy_headers
from pk_rentals.settings import get_settings


def test_local_trial_policy_names_no_external_origin():
    policy = prod.content_security_policy(
        {"PK_PUBLIC_URL": "http://localhost:8080", "PK_IDENTITY_PROVIDER": "builtin"}
    )
    assert "https://" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "connect-src 'self' ws://localhost:8080" in policy


def test_production_policy_allows_clerk_and_cloudinary_only():
    key = "pk_live_" + __import__("base64").b64encode(b"clerk.rentals.pk$").decode()
    policy = prod.content_security_policy(
        {
            "PK_PUBLIC_URL": "https://rentals.pk",
            "PK_IDENTITY_PROVIDER": "clerk",
            "CLERK_PUBLISHABLE_KEY": key,
            "CLERK_JS_URL": "https://cdn.rentals.pk/clerk.browser.js",
            "PK_MEDIA_STORAGE": "cloudinary",
        }
    )
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "https://clerk.rentals.pk" in script_src
    assert "https://cdn.rentals.pk" in script_src
    assert "connect-src 'self' wss://rentals.pk https://clerk.rentals.pk" in policy
    assert "https://res.cloudinary.com" in policy


def test_render_refuses_a_missing_value():
    assert prod.render("listen {{port}};", {"port": "80"}) == "listen 80;"
    with pytest.raises(KeyError):
        prod.render("listen {{port}};", {})


def _client_seen(monkeypatch, trusted: str, peer: str, forwarded: str) -> str:
    monkeypatch.setenv("PK_TRUSTED_PROXIES", trusted)
    get_settings.cache_clear()
    seen = {}

    async def app(scope, receive, send):
        seen["client"] = scope["client"][0]

    scope = {
        "type": "http",
        "client": (peer, 5000),
        "headers": [(b"x-forwarded-for", forwarded.encode())],
    }
    asyncio.run(trust_proxy_headers(app)(scope, None, None))
    return seen["client"]


def test_forwarded_client_address_is_believed_from_the_proxy(monkeypatch):
    assert _client_seen(monkeypatch, "127.0.0.1", "127.0.0.1", "203.0.113.9") == "203.0.113.9"


def test_forwarded_client_address_is_ignored_from_anyone_else(monkeypatch):
    assert _client_seen(monkeypatch, "127.0.0.1", "198.51.100.7", "203.0.113.9") == "198.51.100.7"
    assert _client_seen(monkeypatch, "", "127.0.0.1", "203.0.113.9") == "127.0.0.1"


def test_a_worker_freezes_what_loading_the_app_made(monkeypatch):
    """deploy.serve hands granian the app's ASGI callable with the objects made while
    loading it frozen, so full collections stop walking them, and collects the young
    generation less often than CPython's default (BENCHMARKS.md)."""
    # Any "module:factory" target: Reflex's is "pk_rentals.pk_rentals:app".
    monkeypatch.setenv(serve.APP_TARGET, "collections:OrderedDict")
    thresholds = gc.get_threshold()
    gc.unfreeze()
    try:
        assert isinstance(serve.frozen_app(), collections.OrderedDict)
        assert gc.get_freeze_count() > 1000
        assert gc.get_threshold() == serve.GC_THRESHOLDS
        assert serve.GC_THRESHOLDS[0] > thresholds[0]
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_workers_on_consecutive_ports_get_a_cpu_each_then_share_evenly():
    two = [serve.worker_cpu(port, {0, 1}) for port in (8101, 8102)]
    assert sorted(two) == [0, 1]
    four_on_two = [serve.worker_cpu(port, {0, 1}) for port in range(8101, 8105)]
    assert collections.Counter(four_on_two) == {0: 2, 1: 2}
    # Only CPUs this process may use (a container's set), each once for three workers.
    assert sorted(serve.worker_cpu(port, {2, 5, 7}) for port in (9000, 9001, 9002)) == [2, 5, 7]


def test_a_worker_with_one_usable_cpu_is_left_as_it_is():
    assert serve.worker_cpu(8101, {3}) is None


def test_the_topology_pins_its_workers_unless_the_operator_says_not(monkeypatch, tmp_path):
    top = prod.Topology(root=tmp_path)
    monkeypatch.delenv("PK_PIN_WORKERS", raising=False)
    assert prod.app_environment(top)["PK_PIN_WORKERS"] == "1"
    monkeypatch.setenv("PK_PIN_WORKERS", "0")
    assert prod.app_environment(top)["PK_PIN_WORKERS"] == "0"


class WouldServe(Exception):
    """Raised where deploy/serve.py would start listening."""


def _serve(monkeypatch, host: str, **env: str) -> None:
    """``python -m deploy.serve --host HOST`` up to the moment it would listen."""
    from reflex.utils import processes

    # serve() writes Reflex's variables into this process: put them back afterwards
    # (monkeypatch restores only what it changed, so it sets each before removing it).
    for name in [*serve.reflex_backend_environment(host, 8101), serve.APP_TARGET, serve.PIN]:
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    def would_serve(*_args, **_kwargs):
        raise WouldServe

    monkeypatch.setattr(processes, "handle_port", would_serve)
    serve.main(["--host", host, "--port", "8101"])


@pytest.mark.parametrize("host", ["0.0.0.0", "10.0.0.5", "::"])
def test_a_worker_refuses_to_serve_the_built_in_identity_server_to_other_machines(
    monkeypatch, host
):
    """Its outbox lists every sign-in and phone code: the several-hosts recipe is Clerk's."""
    with pytest.raises(SystemExit) as refused:
        _serve(monkeypatch, host, PK_SECRET_KEY="a-real-secret-" + "x" * 40)
    assert "REFLEX_BACKEND_HOST" in str(refused.value)
    assert "--host" in str(refused.value)


def test_a_worker_on_loopback_serves_the_built_in_identity_server(monkeypatch):
    with pytest.raises(WouldServe):
        _serve(monkeypatch, "127.0.0.1")
