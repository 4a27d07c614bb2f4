"""``POST /webhooks/clerk``: Clerk's user events keep the local copy in sync.

Checked with svix (signature and a 5-minute timestamp window), deduplicated on
``svix-id`` in the same transaction as the effects. Answers: bad signature or
stale timestamp 400, duplicate 200, odd payload 422 with a reason, database
trouble 503 (Clerk retries), never 500.
"""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.concurrency import run_in_threadpool
from svix.webhooks import Webhook, WebhookVerificationError

from pk_rentals import db
from pk_rentals.models import ProcessedWebhook
from pk_rentals.services.identity import accounts
from pk_rentals.services.identity.config import clerk_config

log = logging.getLogger(__name__)
router = APIRouter()

USER_EVENTS = ("user.created", "user.updated", "user.deleted")


def _answer(status: int, **body) -> JSONResponse:
    return JSONResponse(body, status_code=status)


@router.post("/webhooks/clerk")
async def clerk_webhook(request: Request) -> JSONResponse:
    body = await request.body()
    try:
        Webhook(clerk_config().webhook_secret).verify(body, dict(request.headers))
    except WebhookVerificationError as error:
        return _answer(400, error=f"webhook not verified: {error}")
    try:
        event = json.loads(body)
    except ValueError:
        return _answer(422, error="the body is not JSON")
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        return _answer(422, error="the event has no type")
    if not isinstance(event.get("data"), dict):
        return _answer(422, error="the event has no data object")
    try:
        return await run_in_threadpool(_apply, request.headers["svix-id"], event)
    except OperationalError as error:
        log.warning("webhook %s not applied, database unavailable: %s", event["type"], error)
        return _answer(503, error="database unavailable, retry later")


def _apply(svix_id: str, event: dict) -> JSONResponse:
    event_type, data = event["type"], event["data"]
    if event_type not in USER_EVENTS:
        return _answer(200, status="ignored")
    try:
        clerk_user = None if event_type == "user.deleted" else accounts.ClerkUser.from_json(data)
    except ValueError as error:
        return _answer(422, error=str(error))
    user_id = data.get("id")
    if event_type == "user.deleted" and not (
        isinstance(user_id, str) and user_id.startswith("user_")
    ):
        return _answer(422, error="the deleted user has no Clerk id (user_...)")
    with db.session() as session:
        session.add(ProcessedWebhook(svix_id=svix_id, event_type=event_type))
        try:
            session.flush()
        except IntegrityError:
            return _answer(200, status="duplicate")
        if clerk_user is not None:
            accounts.apply_clerk_user(session, clerk_user)  # commits with the svix id
        else:
            accounts.delete_clerk_user(session, user_id)
        session.commit()
    return _answer(200, status="processed")
