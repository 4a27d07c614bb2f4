"""Submissions for moderation tests: real JPEGs in the configured private store,
rows built like ``services.verification.submit`` builds them."""

from __future__ import annotations

import io
import itertools
from datetime import datetime, timedelta

from PIL import Image, ImageDraw
from sqlmodel import Session

from pk_rentals.models import MediaKind, User, VerificationSubmission
from pk_rentals.models.base import utcnow
from pk_rentals.services import cnic as cnic_rules
from pk_rentals.services.storage import get_media_store, new_ref

_numbers = itertools.count(1_000_001)
COLORS = {
    MediaKind.SELFIE: (196, 160, 120),
    MediaKind.CNIC_FRONT: (120, 170, 140),
    MediaKind.CNIC_BACK: (150, 150, 190),
}


def jpeg(kind: MediaKind, width: int = 960, height: int = 640, label: str = "") -> bytes:
    """A plain picture with its kind written on it, so screenshots show which is which."""
    image = Image.new("RGB", (width, height), COLORS[kind])
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, width - 40, height - 40), outline=(40, 40, 40), width=6)
    draw.text((70, 70), f"{kind.value} {label}", fill=(20, 20, 20))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def unique_cnic(first_digit: str = "3") -> str:
    """A valid CNIC no other test uses (province from the first digit: 3 = Punjab)."""
    return f"{first_digit}5202-{next(_numbers):07d}-3"


def make_submission(
    session: Session,
    user: User,
    *,
    cnic: str | None = None,
    submitted_at: datetime | None = None,
    attempt: int = 1,
    store_images: bool = True,
    **fields,
) -> VerificationSubmission:
    cnic = cnic_rules.normalize_cnic(cnic or unique_cnic())
    submitted_at = submitted_at or utcnow()
    refs = {}
    for kind in MediaKind:
        if store_images:
            refs[kind] = get_media_store().put(
                user.clerk_user_id, kind, jpeg(kind, label=user.display_name)
            )
        else:
            refs[kind] = str(new_ref(user.clerk_user_id, kind))  # no file behind it
    row = VerificationSubmission(
        user_id=user.id,
        attempt=attempt,
        cnic_encrypted=cnic_rules.encrypt(cnic),
        cnic_index=cnic_rules.blind_index(cnic),
        cnic_masked=cnic_rules.mask_cnic(cnic),
        cnic_province=cnic_rules.province_of(cnic).value,
        profile_province=user.province or None,
        cnic_front_ref=refs[MediaKind.CNIC_FRONT],
        cnic_back_ref=refs[MediaKind.CNIC_BACK],
        selfie_ref=refs[MediaKind.SELFIE],
        selfie_received_at=submitted_at - timedelta(seconds=60),
        submitted_at=submitted_at,
        **{"selfie_bytes": 12_000, "selfie_age_seconds": 60, **fields},
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return row
