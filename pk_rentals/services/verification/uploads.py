"""Receiving one image of a submission: checked, re-encoded and kept as a draft."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from pk_rentals import db
from pk_rentals.models import (
    MediaKind,
    UploadAttempt,
    User,
    VerificationUpload,
)
from pk_rentals.models.base import utcnow
from pk_rentals.services import security_events
from pk_rentals.services.images import accept_image
from pk_rentals.services.security_events import Failure
from pk_rentals.services.storage import get_media_store
from pk_rentals.services.verification.codes import (
    _consume_code,
)
from pk_rentals.services.verification.common import (
    DraftUpload,
    UploadRefused,
    _check_email_verified,
    _check_may_submit,
    _draft_view,
    _kind,
    _user,
)
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)

# --- uploads ---------------------------------------------------------------------------


SELFIE_CODE_REFUSALS = frozenset({"code_invalid", "code_used", "code_expired"})


def receive_upload(
    clerk_user_id: str,
    kind: MediaKind | str,
    data: bytes,
    *,
    code: str | None = None,
    now: datetime | None = None,
) -> DraftUpload:
    """Check and store one image as a draft of this user (raises ``UploadRefused``).

    A selfie needs its one-time code; the server's own receive time is recorded. A
    refused code is a failed attempt for the moderators' Security tab.
    """
    try:
        return _receive_upload(clerk_user_id, kind, data, code=code, now=now)
    except UploadRefused as refused:
        if refused.code in SELFIE_CODE_REFUSALS:
            security_events.record(
                Failure.SELFIE_CODE_REFUSED, clerk_user_id=clerk_user_id, reason=refused.code
            )
        raise


def _receive_upload(
    clerk_user_id: str,
    kind: MediaKind | str,
    data: bytes,
    *,
    code: str | None,
    now: datetime | None,
) -> DraftUpload:
    """Three steps, the slow one outside any transaction: the checks (and the selfie
    code spent), then decoding and storing (no database connection held: a worker has
    fewer connections than upload threads), then the draft's row."""
    now = now or utcnow()
    kind = _kind(kind)
    settings = get_settings()
    with db.session() as session:
        user = _user(session, clerk_user_id)
        _count_the_attempt(session, user, now, settings.uploads_per_hour)
        _check_email_verified(session, user, UploadRefused)
        _check_may_submit(session, user, UploadRefused)
        if kind is MediaKind.SELFIE:
            _consume_code(session, user, code or "", now)
            session.commit()  # a refused image still spends the code: no retries on one code
        user_id = user.id
    image = accept_image(data, kind=kind)
    ref = get_media_store().put(clerk_user_id, kind, image.data)
    upload = VerificationUpload(
        user_id=user_id,
        kind=kind,
        ref=ref,
        bytes=len(image.data),
        width=image.width,
        height=image.height,
        received_at=now,
    )
    with db.session() as session:
        session.add(upload)
        session.commit()
        return _draft_view(upload)


def _count_the_attempt(session: Session, user: User, now: datetime, per_hour: int) -> None:
    """Write this attempt, then count the hour's: committed first, so of requests sent
    in parallel the later ones see the earlier ones and at most ``per_hour`` pass. A
    refused image has used its attempt too: only the checks before it are cheap."""
    session.add(UploadAttempt(user_id=user.id, at=now))
    session.commit()
    tried = session.exec(
        select(sa.func.count())
        .select_from(UploadAttempt)
        .where(UploadAttempt.user_id == user.id, UploadAttempt.at > now - timedelta(hours=1))
    ).one()
    if tried > per_hour:
        raise UploadRefused("rate_limited", 429)
