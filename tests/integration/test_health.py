"""GET /healthz tells a load balancer whether this instance can reach its database."""

import httpx
import pytest

from pk_rentals import db
from pk_rentals.api import create_api
from pk_rentals.settings import get_settings
from tests.utils.servers import free_port


async def get_health() -> httpx.Response:
    transport = httpx.ASGITransport(app=create_api())
    async with httpx.AsyncClient(transport=transport, base_url="http://pk.test") as client:
        return await client.get("/healthz")


@pytest.mark.anyio
async def test_healthz_is_200_when_the_database_answers(use_database):
    response = await get_health()
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.anyio
async def test_healthz_is_503_with_a_reason_when_the_database_is_down(monkeypatch):
    url = f"postgresql+psycopg://app:hunter2@127.0.0.1:{free_port()}/pk"
    monkeypatch.setenv("REFLEX_DB_URL", url)
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    try:
        response = await get_health()
    finally:
        db.get_engine.cache_clear()
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["reason"].startswith("database unreachable")
    assert "hunter2" not in response.text


@pytest.fixture
def anyio_backend():
    return "asyncio"
