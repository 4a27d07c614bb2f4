"""The built-in identity server answers this machine only: its outbox lists every
email and SMS code. A request from another peer gets a 404, whatever the settings."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from pk_rentals.api import create_api, trust_proxy_headers
from pk_rentals.settings import get_settings


def _get(
    path: str, client: tuple[str, int], forwarded_for: str = "", trusted_proxies: str = ""
) -> httpx.Response:
    """``path`` as the backend sees it from ``client``, through the proxy trust that
    wraps the whole backend in pk_rentals.pk_rentals."""

    async def call() -> httpx.Response:
        app = trust_proxy_headers(create_api())
        transport = httpx.ASGITransport(app=app, client=client)
        headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as http:
            return await http.get(path, headers=headers)

    return asyncio.run(call())


@pytest.fixture
def trusting(monkeypatch):
    def trust(proxies: str) -> None:
        monkeypatch.setenv("PK_TRUSTED_PROXIES", proxies)
        get_settings.cache_clear()

    return trust


@pytest.mark.parametrize(
    "peer", ["10.1.2.3", "192.168.1.20", "203.0.113.9", "fe80::1", "::1:2", "::ffff:10.1.2.3"]
)
@pytest.mark.parametrize("path", ["/_devauth/outbox.json", "/_devauth/outbox", "/_devauth/v1/jwks"])
def test_another_machine_gets_a_404_from_the_identity_server(use_database, peer, path):
    assert _get(path, (peer, 4321)).status_code == 404


@pytest.mark.parametrize("peer", ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
def test_this_machine_reads_the_outbox(use_database, peer):
    answer = _get("/_devauth/outbox.json", (peer, 4321))
    assert (answer.status_code, answer.json()) == (200, [])


def test_another_machine_through_a_proxy_on_this_one_gets_a_404(use_database):
    """`make run`'s page server listens on every address and forwards /_devauth from
    127.0.0.1, naming the visitor in X-Forwarded-For: a header may refuse, never admit."""
    answer = _get("/_devauth/outbox.json", ("127.0.0.1", 4321), forwarded_for="192.168.1.20")
    assert answer.status_code == 404
    chained = _get("/_devauth/outbox.json", ("127.0.0.1", 4321), "127.0.0.1, 203.0.113.9")
    assert chained.status_code == 404


def test_the_local_trial_behind_nginx_on_this_machine_reads_the_outbox(use_database, trusting):
    trusting("127.0.0.1")  # deploy/prod.py: nginx on 127.0.0.1 sets X-Forwarded-For
    answer = _get("/_devauth/outbox.json", ("127.0.0.1", 4321), forwarded_for="127.0.0.1")
    assert (answer.status_code, answer.json()) == (200, [])
    visitor = _get("/_devauth/outbox.json", ("127.0.0.1", 4321), forwarded_for="203.0.113.9")
    assert visitor.status_code == 404


def test_a_trusted_proxy_on_another_machine_cannot_vouch_for_this_one(use_database, trusting):
    """The connection's own peer must be this machine, whatever a proxy names."""
    trusting("10.0.0.2")
    answer = _get("/_devauth/outbox.json", ("10.0.0.2", 4321), forwarded_for="127.0.0.1")
    assert answer.status_code == 404
