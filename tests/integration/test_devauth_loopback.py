"""The built-in identity server answers this machine only: its outbox lists every
email and SMS code. A request from another peer gets a 404, whatever the settings."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from pk_rentals.api import create_api


def _get(path: str, client: tuple[str, int]) -> httpx.Response:
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_api(), client=client)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as http:
            return await http.get(path)

    return asyncio.run(call())


@pytest.mark.parametrize("peer", ["10.1.2.3", "192.168.1.20", "203.0.113.9", "fe80::1"])
@pytest.mark.parametrize("path", ["/_devauth/outbox.json", "/_devauth/outbox", "/_devauth/v1/jwks"])
def test_another_machine_gets_a_404_from_the_identity_server(use_database, peer, path):
    assert _get(path, (peer, 4321)).status_code == 404


@pytest.mark.parametrize("peer", ["127.0.0.1", "::1"])
def test_this_machine_reads_the_outbox(use_database, peer):
    answer = _get("/_devauth/outbox.json", (peer, 4321))
    assert (answer.status_code, answer.json()) == (200, [])
