"""The identity server's webhook sender: Clerk's events, delivered the way svix does.

Events wait in a queue; one daemon thread delivers them in the order they were
sent (so ``user.created`` reaches the app before its ``user.updated``). Each
attempt is signed afresh with svix, because the receiver refuses a timestamp more
than five minutes old; the ``svix-id`` stays the same, so the receiver can drop a
delivery it already applied. A connection error or any non-2xx answer is retried
after each of ``retry_delays`` seconds, then given up with a log line. svix's own
schedule runs for days; ours is short, because the receiver is the app next door.
"""

from __future__ import annotations

import collections
import dataclasses
import json
import logging
import queue
import secrets
import threading
import time
from datetime import UTC, datetime

import httpx
from svix.webhooks import Webhook

log = logging.getLogger(__name__)

INSTANCE_ID = "ins_devauth"
DEFAULT_RETRY_DELAYS = (0.5, 1, 2, 4, 8, 16)


@dataclasses.dataclass
class Delivery:
    """How one message fared, for tests and diagnostics."""

    id: str  # the svix-id, msg_...
    type: str
    attempts: int = 0
    last_status: int | None = None  # HTTP status of the last attempt; None: no answer
    last_error: str | None = None
    delivered: bool = False


class WebhookSender:
    """Deliver Clerk event envelopes to ``url``, signed with ``secret`` (``whsec_...``)."""

    def __init__(
        self,
        url: str,
        secret: str,
        *,
        retry_delays: tuple[float, ...] = DEFAULT_RETRY_DELAYS,
        timeout: float = 5,
        history: int = 100,
    ):
        self.url = url
        self._signer = Webhook(secret)
        self._retry_delays = tuple(retry_delays)
        self._client = httpx.Client(timeout=timeout)
        self._queue: queue.Queue[tuple[Delivery, str] | None] = queue.Queue()
        self._history: collections.deque[Delivery] = collections.deque(maxlen=history)
        self._lock = threading.Lock()
        self._drained = threading.Condition(self._lock)
        self._pending = 0
        self._closing = threading.Event()
        self._worker = threading.Thread(target=self._run, name="devauth-webhooks", daemon=True)
        self._worker.start()

    def send(self, event_type: str, data: dict) -> str:
        """Queue an event (``data`` is serialised now) and return its ``msg_...`` id."""
        if self._closing.is_set():
            raise RuntimeError("the webhook sender is closed")
        message_id = "msg_" + secrets.token_hex(14)
        payload = json.dumps(
            {
                "data": data,
                "object": "event",
                "type": event_type,
                "timestamp": int(time.time() * 1000),
                "instance_id": INSTANCE_ID,
            }
        )
        delivery = Delivery(id=message_id, type=event_type)
        with self._lock:
            self._history.append(delivery)
            self._pending += 1
        self._queue.put((delivery, payload))
        return message_id

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued event was delivered or given up; False on timeout."""
        with self._drained:
            return self._drained.wait_for(lambda: self._pending == 0, timeout)

    def deliveries(self) -> list[Delivery]:
        """Copies of the most recent deliveries' records, oldest first."""
        with self._lock:
            return [dataclasses.replace(delivery) for delivery in self._history]

    def delivery(self, message_id: str) -> Delivery | None:
        return next((d for d in self.deliveries() if d.id == message_id), None)

    def close(self, timeout: float = 10) -> None:
        """Stop retrying and drop what is still queued (``flush`` first to wait for it)."""
        if not self._closing.is_set():
            self._closing.set()
            self._queue.put(None)
        self._worker.join(timeout)
        self._client.close()

    def __enter__(self) -> WebhookSender:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # --- the worker thread -------------------------------------------------------------

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            delivery, payload = item
            try:
                if self._closing.is_set():
                    log.warning("webhook %s %s dropped: sender closed", delivery.type, delivery.id)
                else:
                    self._deliver(delivery, payload)
            except Exception:  # a bug here must not stop later deliveries
                log.exception("webhook %s %s failed", delivery.type, delivery.id)
            finally:
                with self._drained:
                    self._pending -= 1
                    self._drained.notify_all()

    def _deliver(self, delivery: Delivery, payload: str) -> None:
        for delay in (0, *self._retry_delays):
            if delay and self._closing.wait(delay):
                break  # closing: no more retries
            if self._attempt(delivery, payload):
                return
        log.warning(
            "webhook %s %s to %s not delivered after %d attempts (last: %s)",
            delivery.type,
            delivery.id,
            self.url,
            delivery.attempts,
            delivery.last_error or delivery.last_status,
        )

    def _attempt(self, delivery: Delivery, payload: str) -> bool:
        now = datetime.now(UTC)
        headers = {
            "svix-id": delivery.id,
            "svix-timestamp": str(int(now.timestamp())),
            "svix-signature": self._signer.sign(delivery.id, now, payload),
            "content-type": "application/json",
        }
        try:
            response = self._client.post(self.url, content=payload, headers=headers)
        except httpx.HTTPError as error:
            status, problem = None, f"{type(error).__name__}: {error}"
        else:
            status, problem = response.status_code, None
        with self._lock:
            delivery.attempts += 1
            delivery.last_status = status
            delivery.last_error = problem
            delivery.delivered = status is not None and 200 <= status < 300
            return delivery.delivered
