"""Four people with complete profiles (two users, a moderator, an admin) and what they
send, for the server-side verification and moderation suites; real JPEGs."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import Role, User, UserVerification, VerificationSubmission
from pk_rentals.models.base import utcnow
from pk_rentals.services import cnic, verification
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.settings import get_settings
from tests.utils.accounts import email_verified_at_clerk

ALI = "user_2verifyALI000000000000000"
SARA = "user_2verifySARA00000000000000"
MOD = "user_2verifyMOD000000000000000"
ADMIN = "user_2verifyADMIN0000000000000"
CNIC = "3520212345673"  # Punjab


def photo(width: int = 1280, height: int = 960, colour=(180, 140, 110)) -> bytes:
    """A real JPEG with some structure, as a phone camera makes."""
    image = Image.new("RGB", (width, height), colour)
    for x in range(0, width, 40):
        image.paste((x % 255, 90, 200 - x % 200), (x, 0, x + 20, height))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def seat_people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Two users with complete profiles, a moderator and an admin; media in tmp (the
    ``people`` fixture of tests/integration)."""
    monkeypatch.setenv("PK_MEDIA_DIR", str(tmp_path / "media"))
    get_settings.cache_clear()
    cnic.clear_key_cache()
    with db.session() as session:
        for clerk_id, name, province, role in (
            (ALI, "Ali Raza", "Punjab", Role.USER),
            (SARA, "Sara Baloch", "Sindh", Role.USER),
            (MOD, "Moderator Hina", "Punjab", Role.MODERATOR),
            (ADMIN, "Admin Bilal", "Punjab", Role.ADMIN),
        ):
            user = get_or_create_user(session, clerk_id)
            user.display_name, user.city, user.province = name, "Lahore", province
            user.role, user.profile_completed_at = role, utcnow()
            email_verified_at_clerk(session, user)
            session.add(user)
            session.commit()
    yield tmp_path / "media"
    cnic.clear_key_cache()


def upload_all(clerk_id: str, now=None) -> None:
    verification.receive_upload(clerk_id, "cnic_front", photo(), now=now)
    verification.receive_upload(clerk_id, "cnic_back", photo(colour=(90, 90, 90)), now=now)
    code = verification.issue_selfie_code(clerk_id, now=now).code
    verification.receive_upload(clerk_id, "selfie", photo(960, 1280), code=code, now=now)


def submit(clerk_id: str, number: str = CNIC) -> verification.VerificationStatus:
    upload_all(clerk_id)
    return verification.submit(clerk_id, number)


def newest_submission_id(clerk_id: str) -> str:
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == clerk_id)).one()
        row = session.exec(
            select(VerificationSubmission)
            .where(VerificationSubmission.user_id == user.id)
            .order_by(VerificationSubmission.attempt.desc())
        ).first()
        return str(row.id)


def level_of(clerk_id: str) -> str:
    with db.session() as session:
        return session.exec(
            select(UserVerification.verification_level)
            .join(User, User.id == UserVerification.user_id)
            .where(User.clerk_user_id == clerk_id)
        ).one()
