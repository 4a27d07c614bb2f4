"""The identity server delivers webhooks as Clerk does: signed with svix, retried
until the receiver answers 2xx, in order, and given up after the last retry."""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Iterator

import pytest
import uvicorn
from sqlmodel import select
from svix.webhooks import Webhook

from pk_rentals import db
from pk_rentals.api import create_api
from pk_rentals.devauth.webhooks import WebhookSender
from pk_rentals.models import ClerkUserTombstone, ProcessedWebhook, User
from pk_rentals.services.identity.config import clerk_config
from tests.utils.clerk_payloads import clerk_user_json, new_webhook_secret
from tests.utils.servers import free_port, wait_for_port
from tests.utils.webhook_receiver import Receiver

FAST_RETRIES = (0.05, 0.05, 0.05)


@pytest.fixture
def receiver_factory() -> Iterator:
    receivers: list[Receiver] = []

    def make(statuses: list[int]) -> Receiver:
        receivers.append(Receiver(statuses))
        return receivers[-1]

    yield make
    for receiver in receivers:
        receiver.close()


def test_sender_retries_until_the_receiver_answers_2xx(receiver_factory):
    receiver = receiver_factory([500, 500, 200])
    secret = new_webhook_secret()
    with WebhookSender(receiver.url, secret, retry_delays=FAST_RETRIES) as sender:
        message_id = sender.send("user.created", clerk_user_json())
        assert sender.flush(10)
        record = sender.delivery(message_id)
    assert message_id.startswith("msg_")
    assert (record.attempts, record.last_status, record.delivered) == (3, 200, True)
    assert len(receiver.requests) == 3
    for headers, body in receiver.requests:
        Webhook(secret).verify(body, headers)  # raises if the signature is wrong
        assert headers["svix-id"] == message_id
        assert headers["content-type"] == "application/json"
    event = json.loads(receiver.requests[-1][1])
    assert event["object"] == "event"
    assert event["type"] == "user.created"
    assert event["data"]["id"] == "user_29w83sxmDNGwOuEthce5gg56FcC"
    assert event["instance_id"] == "ins_devauth"
    assert isinstance(event["timestamp"], int)


def test_a_4xx_answer_is_retried_too(receiver_factory):
    receiver = receiver_factory([400])
    with WebhookSender(receiver.url, new_webhook_secret(), retry_delays=FAST_RETRIES) as sender:
        message_id = sender.send("user.updated", clerk_user_json())
        assert sender.flush(10)
        assert sender.delivery(message_id).attempts == 2


def test_sender_gives_up_after_the_last_retry_when_the_receiver_is_down(caplog):
    url = f"http://127.0.0.1:{free_port()}/webhooks/clerk"
    with (
        caplog.at_level(logging.WARNING, logger="pk_rentals.devauth.webhooks"),
        WebhookSender(url, new_webhook_secret(), retry_delays=(0.01, 0.01)) as sender,
    ):
        message_id = sender.send("user.deleted", {"deleted": True, "id": "user_1"})
        assert sender.flush(10)
        record = sender.delivery(message_id)
    assert (record.attempts, record.delivered, record.last_status) == (3, False, None)
    assert "ConnectError" in record.last_error
    assert f"{message_id} to {url} not delivered after 3 attempts" in caplog.text


def test_events_arrive_in_the_order_they_were_sent(receiver_factory):
    receiver = receiver_factory([500])  # the first one needs a retry; the others wait
    with WebhookSender(receiver.url, new_webhook_secret(), retry_delays=FAST_RETRIES) as sender:
        for event_type in ("user.created", "user.updated", "user.deleted"):
            sender.send(event_type, {"id": "user_1"})
        assert sender.flush(10)
    delivered = [json.loads(body)["type"] for _headers, body in receiver.requests]
    assert delivered == ["user.created", "user.created", "user.updated", "user.deleted"]


def test_delivery_record_keeps_only_the_most_recent(receiver_factory):
    receiver = receiver_factory([])
    with WebhookSender(receiver.url, new_webhook_secret(), history=2) as sender:
        ids = [sender.send("user.updated", {"id": f"user_{n}"}) for n in range(3)]
        assert sender.flush(10)
        assert [d.id for d in sender.deliveries()] == ids[1:]
        assert all(d.delivered for d in sender.deliveries())


def test_flush_says_false_when_deliveries_are_still_retrying(receiver_factory):
    receiver = receiver_factory([500, 500])
    with WebhookSender(receiver.url, new_webhook_secret(), retry_delays=(0.5, 0.5)) as sender:
        sender.send("user.created", {"id": "user_1"})
        assert sender.flush(0.1) is False
        assert sender.flush(10) is True


def test_a_closed_sender_refuses_new_events(receiver_factory):
    sender = WebhookSender(receiver_factory([]).url, new_webhook_secret())
    sender.close()
    with pytest.raises(RuntimeError, match="closed"):
        sender.send("user.created", {"id": "user_1"})


@contextlib.contextmanager
def running_app() -> Iterator[str]:
    """The app's API served by uvicorn on a free port, as the identity server reaches it."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_api(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def test_the_app_accepts_what_the_identity_server_sends(use_database):
    user = clerk_user_json(email="bilal@example.pk")
    with (
        running_app() as base_url,
        WebhookSender(
            base_url + "/webhooks/clerk", clerk_config().webhook_secret, retry_delays=FAST_RETRIES
        ) as sender,
    ):
        created = sender.send("user.created", user)
        deleted = sender.send("user.deleted", {"deleted": True, "id": user["id"], "object": "user"})
        late = sender.send("user.updated", {**user, "updated_at": user["updated_at"] + 1})
        assert sender.flush(20)
        records = [sender.delivery(message_id) for message_id in (created, deleted, late)]
    assert [(r.delivered, r.attempts, r.last_status) for r in records] == [(True, 1, 200)] * 3
    with db.session() as session:
        assert session.exec(select(User)).all() == []
        assert len(session.exec(select(ProcessedWebhook)).all()) == 3
        assert session.get(ClerkUserTombstone, user["id"]) is not None
