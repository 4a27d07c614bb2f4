"""Webhook sender of the identity server (first cut: one attempt, no retries)."""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from datetime import UTC, datetime

import httpx
from svix.webhooks import Webhook

log = logging.getLogger(__name__)


class WebhookSender:
    def __init__(self, url: str, secret: str, *, timeout: float = 5):
        self.url = url
        self.webhook = Webhook(secret)
        self.timeout = timeout

    def send(self, event_type: str, data: dict) -> str:
        message_id = "msg_" + secrets.token_urlsafe(18)
        threading.Thread(
            target=self._deliver, args=(message_id, event_type, data), daemon=True
        ).start()
        return message_id

    def _deliver(self, message_id: str, event_type: str, data: dict) -> None:
        now = datetime.now(UTC)
        payload = json.dumps(
            {
                "data": data,
                "object": "event",
                "type": event_type,
                "timestamp": int(time.time() * 1000),
            }
        )
        headers = {
            "svix-id": message_id,
            "svix-timestamp": str(int(now.timestamp())),
            "svix-signature": self.webhook.sign(message_id, now, payload),
            "content-type": "application/json",
        }
        try:
            httpx.post(self.url, content=payload, headers=headers, timeout=self.timeout)
        except httpx.HTTPError as error:
            log.warning("webhook %s to %s failed: %s", event_type, self.url, error)
