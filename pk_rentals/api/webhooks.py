"""``POST /webhooks/clerk``: user events from Clerk, or from the built-in identity server.

Each answer tells svix what to do next: 2xx ends the delivery; 400 (signature) and
422 (payload) are the sender's problem; 503 (database down) asks for a retry,
which svix does with backoff. Effects and the processed ``svix-id`` commit in one
transaction, so a redelivery is either a duplicate or a complete retry.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session
from svix.webhooks import Webhook, WebhookVerificationError

from pk_rentals import db
from pk_rentals.models import ProcessedWebhook
from pk_rentals.services import security_events
from pk_rentals.services.identity.accounts import (
    ClerkUser,
    apply_clerk_user,
    delete_clerk_user,
    validation_reason,
)
from pk_rentals.services.identity.clerk_ids import ClerkUserId
from pk_rentals.services.identity.config import clerk_config
from pk_rentals.services.security_events import Failure

log = logging.getLogger(__name__)
router = APIRouter()

# Svix message ids (``msg_`` + base62); anything else is refused before any work.
SVIX_ID = re.compile(r"msg_[A-Za-z0-9_-]{1,64}")

Effect = Callable[[Session], object]


class ClerkEvent(BaseModel):
    """Clerk's event envelope; ``instance_id`` and ``event_attributes`` are not needed."""

    model_config = ConfigDict(extra="ignore")

    object: Literal["event"]
    type: str = Field(min_length=1)
    data: dict
    timestamp: int  # Unix milliseconds


class DeletedUser(BaseModel):
    """``data`` of ``user.deleted``: ``{"deleted": true, "id": "user_...", "object": "user"}``."""

    id: ClerkUserId


@router.post("/webhooks/clerk")
async def clerk_webhook(request: Request) -> JSONResponse:
    body = await request.body()
    try:
        verifier = Webhook(clerk_config().webhook_secret)
    except Exception:  # empty or non-base64 secret: svix raises several kinds
        log.exception("the Clerk webhook signing secret is missing or malformed")
        return _error(503, "the webhook signing secret is not configured")
    svix_id = request.headers.get("svix-id", "")
    if not SVIX_ID.fullmatch(svix_id):
        await _bad_signature("bad_svix_id")
        return _error(400, "svix-id: expected msg_ followed by up to 64 letters, digits, - or _")
    try:
        verifier.verify(body, dict(request.headers))
    except WebhookVerificationError as error:
        await _bad_signature("signature_mismatch")
        return _error(400, f"signature check failed: {error}")
    except ValueError:  # svix chokes on a mangled signature header or a non-UTF-8 body
        await _bad_signature("malformed_headers")
        return _error(400, "signature check failed: malformed svix headers or body")
    try:
        event = ClerkEvent.model_validate_json(body)
        effect = _effect_of(event)
    except ValidationError as error:
        return _error(422, f"not a Clerk event: {validation_reason(error)}")
    except ValueError as error:
        return _error(422, str(error))
    if effect is None:
        return JSONResponse({"status": "ignored"})
    try:
        status = await run_in_threadpool(_apply_once, svix_id, event.type, effect)
    except (SQLAlchemyError, OSError):
        log.exception("webhook %s (%s) not applied; svix will retry", svix_id, event.type)
        return _error(503, "the database is unavailable; retry later")
    return JSONResponse({"status": status})


def _effect_of(event: ClerkEvent) -> Effect | None:
    """What the event does to our rows; None for event types we do not use."""
    if event.type in ("user.created", "user.updated"):
        clerk_user = ClerkUser.from_json(event.data)
        return lambda session: apply_clerk_user(session, clerk_user)
    if event.type == "user.deleted":
        try:
            deleted = DeletedUser.model_validate(event.data)
        except ValidationError as error:
            raise ValueError(f"not a deleted Clerk user: {validation_reason(error)}") from None
        return lambda session: delete_clerk_user(session, deleted.id)
    return None


def _apply_once(svix_id: str, event_type: str, effect: Effect) -> str:
    """Record ``svix_id`` first, then apply the effect; both commit together.

    The record is flushed before any effect so that a concurrent redelivery waits
    on its primary key and then sees a duplicate (and, on SQLite, so the whole
    delivery runs inside one write transaction).
    """
    with db.session() as session:
        session.add(ProcessedWebhook(svix_id=svix_id, event_type=event_type))
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            return "duplicate"
        effect(session)
        session.commit()
    return "processed"


async def _bad_signature(reason: str) -> None:
    await run_in_threadpool(security_events.record, Failure.WEBHOOK_SIGNATURE_BAD, reason=reason)


def _error(status_code: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status_code)
