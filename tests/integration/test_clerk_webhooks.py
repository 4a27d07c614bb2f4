"""POST /webhooks/clerk keeps the app's user rows in step with Clerk, and only
accepts what Clerk (or the built-in identity server) signed."""

import asyncio
import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlmodel import func, select

from pk_rentals import db
from pk_rentals.api import create_api
from pk_rentals.models import ClerkUserTombstone, ProcessedWebhook, User, UserPreferences
from pk_rentals.services.identity.config import clerk_config
from pk_rentals.settings import get_settings
from tests.utils.clerk_payloads import (
    clerk_user_json,
    deleted_user_json,
    event_body,
    new_webhook_secret,
    svix_headers,
)
from tests.utils.servers import free_port

pytestmark = pytest.mark.anyio

USER_ID = "user_29w83sxmDNGwOuEthce5gg56FcC"
MAY_28 = 1_716_883_200_000  # ms


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def deliver(body: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """POST ``body`` as svix would, signed with the app's secret unless ``headers``."""
    headers = headers if headers is not None else svix_headers(secret(), body)
    transport = httpx.ASGITransport(app=create_api())
    async with httpx.AsyncClient(transport=transport, base_url="http://pk.test") as client:
        return await client.post("/webhooks/clerk", content=body, headers=headers)


def secret() -> str:
    return clerk_config().webhook_secret


async def users() -> list[User]:
    """The app's user rows (read in a thread: the database guard refuses the loop)."""

    def read() -> list[User]:
        with db.session() as session:
            return list(session.exec(select(User)))

    return await asyncio.to_thread(read)


async def count(model) -> int:
    def read() -> int:
        with db.session() as session:
            return session.exec(select(func.count()).select_from(model)).one()

    return await asyncio.to_thread(read)


def user_event(event_type: str = "user.created", **fields) -> str:
    return event_body(event_type, clerk_user_json(USER_ID, **fields))


async def test_signed_user_created_makes_the_user(use_database):
    response = await deliver(user_event())
    assert response.status_code == 200
    assert response.json() == {"status": "processed"}
    [user] = await users()
    assert (user.clerk_user_id, user.clerk_email) == (USER_ID, "ayesha.khan@example.pk")
    assert user.display_name == "Ayesha Khan"
    assert await count(UserPreferences) == 1


async def test_user_updated_refreshes_the_copy(use_database):
    await deliver(user_event(updated_at=MAY_28))
    response = await deliver(
        user_event("user.updated", updated_at=MAY_28 + 1000, email="ayesha@example.com.pk")
    )
    assert response.status_code == 200
    [user] = await users()
    assert user.clerk_email == "ayesha@example.com.pk"


async def test_role_in_public_metadata_is_copied_and_withdrawn(use_database):
    await deliver(user_event(updated_at=MAY_28, public_metadata={"role": "moderator"}))
    assert (await users())[0].role == "moderator"
    await deliver(user_event("user.updated", updated_at=MAY_28 + 1000, public_metadata={}))
    assert (await users())[0].role == "user"


async def test_tampered_body_is_refused(use_database):
    body = user_event()
    headers = svix_headers(secret(), body)
    response = await deliver(body.replace("ayesha.khan@", "mallory@"), headers)
    assert response.status_code == 400
    assert "signature" in response.json()["error"]
    assert await users() == []


async def test_body_signed_with_another_secret_is_refused(use_database):
    body = user_event()
    response = await deliver(body, svix_headers(new_webhook_secret(), body))
    assert response.status_code == 400
    assert await users() == []


async def test_delivery_signed_ten_minutes_ago_is_refused(use_database):
    body = user_event()
    then = datetime.now(UTC) - timedelta(minutes=10)
    response = await deliver(body, svix_headers(secret(), body, at=then))
    assert response.status_code == 400
    assert "too old" in response.json()["error"]
    assert await users() == []


@pytest.mark.parametrize(
    "drop", ["svix-id", "svix-timestamp", "svix-signature", "all"], ids=lambda name: name
)
async def test_delivery_without_svix_headers_is_refused(use_database, drop):
    body = user_event()
    headers = svix_headers(secret(), body)
    headers = {"content-type": "application/json"} if drop == "all" else headers
    headers.pop(drop, None)
    response = await deliver(body, headers)
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize("signature", ["garbage", "v1,not-base64!", "v2,abc v1"])
async def test_mangled_signature_header_is_a_400_not_a_crash(use_database, signature):
    body = user_event()
    headers = {**svix_headers(secret(), body), "svix-signature": signature}
    response = await deliver(body, headers)
    assert response.status_code == 400


async def test_redelivery_of_the_same_message_is_a_duplicate_applied_once(use_database):
    body = user_event(updated_at=MAY_28)
    headers = svix_headers(secret(), body, msg_id="msg_2a0JbLZ2Yh9cVf1GkPq7XzRt")
    first = await deliver(body, headers)
    # Meanwhile the user changed their email in Clerk and that update arrived.
    await deliver(user_event("user.updated", updated_at=MAY_28 + 1, email="new@example.pk"))
    second = await deliver(body, headers)
    assert first.json() == {"status": "processed"}
    assert second.status_code == 200
    assert second.json() == {"status": "duplicate"}
    [user] = await users()
    assert user.clerk_email == "new@example.pk"
    assert await count(ProcessedWebhook) == 2


@pytest.mark.parametrize("late", [MAY_28 - 1000, MAY_28 + 60_000], ids=["older", "newer"])
async def test_update_after_deletion_does_not_bring_the_user_back(use_database, late):
    await deliver(user_event(updated_at=MAY_28))
    deleted = await deliver(event_body("user.deleted", deleted_user_json(USER_ID)))
    assert deleted.json() == {"status": "processed"}
    assert await users() == []
    response = await deliver(user_event("user.updated", updated_at=late))
    assert response.status_code == 200
    assert await users() == []
    assert await count(UserPreferences) == 0
    assert await count(ClerkUserTombstone) == 1


async def test_deletion_of_a_user_we_never_saw_keeps_a_tombstone(use_database):
    response = await deliver(event_body("user.deleted", deleted_user_json(USER_ID)))
    assert response.status_code == 200
    await deliver(user_event("user.created"))
    assert await users() == []
    assert await count(ClerkUserTombstone) == 1


async def test_unknown_event_type_is_accepted_and_ignored(use_database):
    response = await deliver(event_body("session.created", {"id": "sess_1", "object": "session"}))
    assert response.status_code == 200
    assert response.json() == {"status": "ignored"}
    assert await count(ProcessedWebhook) == 0


def envelope_without(key: str) -> str:
    envelope = json.loads(user_event())
    del envelope[key]
    return json.dumps(envelope)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("this is not json", "not a Clerk event"),
        ("[1, 2, 3]", "not a Clerk event"),
        (envelope_without("type"), "type"),
        (envelope_without("data"), "data"),
        (json.dumps({**json.loads(user_event()), "object": "user"}), "object"),
        (json.dumps({**json.loads(user_event()), "data": "user_1"}), "data"),
        (event_body("user.created", {"first_name": "Ayesha"}), "id"),
        (event_body("user.created", clerk_user_json("usr_bad")), "id"),
        (event_body("user.deleted", {"deleted": True, "object": "user"}), "id"),
        (event_body("user.deleted", deleted_user_json("user_../../media")), "id"),
        (event_body("user.created", clerk_user_json("user_2abc-DEF")), "letters and digits"),
        (event_body("user.created", clerk_user_json("user_" + "a" * 10_240)), "at most 64"),
        (event_body("user.created", clerk_user_json("")), "empty"),
        (event_body("user.deleted", deleted_user_json("user_" + "a" * 10_240)), "at most 64"),
        (event_body("user.deleted", deleted_user_json("user_2abc_DEF")), "letters and digits"),
    ],
    ids=[
        "not-json",
        "json-array",
        "no-type",
        "no-data",
        "not-an-event",
        "data-not-object",
        "created-without-id",
        "created-bad-id",
        "deleted-without-id",
        "deleted-path-id",
        "created-id-other-characters",
        "created-10kb-id",
        "created-empty-id",
        "deleted-10kb-id",
        "deleted-id-other-characters",
    ],
)
async def test_signed_but_odd_payload_is_a_422_with_a_reason(use_database, body, reason):
    response = await deliver(body)
    assert response.status_code == 422
    assert reason in response.json()["error"]
    assert len(response.text) < 1000  # the reason, not the payload echoed back
    assert await count(ProcessedWebhook) == 0
    assert await count(User) == await count(ClerkUserTombstone) == 0


async def test_database_down_is_a_503_so_svix_retries(monkeypatch):
    url = f"postgresql+psycopg://app:hunter2@127.0.0.1:{free_port()}/pk"
    monkeypatch.setenv("REFLEX_DB_URL", url)
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    try:
        response = await deliver(user_event())
    finally:
        db.get_engine.cache_clear()
    assert response.status_code == 503
    assert "retry" in response.json()["error"]
    assert "hunter2" not in response.text
