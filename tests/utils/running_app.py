"""People and submissions placed straight into the session's running app: its
database, its upload API with real session tokens, and its command line."""

from __future__ import annotations

import io
import os
from pathlib import Path

import httpx
from PIL import Image, ImageDraw
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import Language, User
from pk_rentals.models.base import utcnow
from pk_rentals.services import verification
from pk_rentals.services.identity.accounts import get_or_create_user
from tests.utils.accounts import email_verified_at_clerk
from tests.utils.cli import run_cli
from tests.utils.frontend_api import FrontendClient
from tests.utils.journeys import PASSWORD, create_account, new_email


def app_cli(app, *args: str, timeout: float = 120):
    """The command line beside the running app, on its database and identity server."""
    return run_cli(
        *args,
        timeout=timeout,
        PK_BACKEND_URL=app.url,
        PK_PUBLIC_URL=app.url,
        REFLEX_DB_URL=app.db_url,
        PK_DEVAUTH_DIR=str(Path(os.environ["PK_DEVAUTH_DIR"]).parent / "app-devauth"),
    )


def grant_role(app, who: str, role: str = "moderator") -> None:
    result = app_cli(app, "grant-role", who, role, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"is now {role}" in result.stdout


def photo(label: str, colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (1024, 768), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((362, 184, 662, 584), fill=(230, 200, 170), outline=(60, 40, 30), width=8)
    draw.text((40, 40), label, fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def profile_done(clerk_id: str, name: str, city: str, province: str) -> None:
    with db.session() as session:
        user = get_or_create_user(session, clerk_id)
        user.display_name, user.city, user.province = name, city, province
        user.preferred_language = Language.ENGLISH  # what sign-in applies to the page
        user.profile_completed_at = utcnow()
        email_verified_at_clerk(session, user)
        session.add(user)
        session.commit()


def account(devauth, name: str, city: str = "Lahore", province: str = "Punjab") -> dict:
    email = new_email()
    created = create_account(devauth, email)
    profile_done(created["id"], name, city, province)
    return {"id": created["id"], "email": email, "name": name}


def submit_through_api(app, devauth, person: dict, cnic: str) -> None:
    """Three images over HTTP with a Bearer session token, then the submission."""
    with FrontendClient(devauth["api_url"].removesuffix("/v1")) as browser:
        assert browser.sign_in(person["email"], PASSWORD).status_code == 200
        token = browser.post(f"/client/sessions/{browser.session_id}/tokens").json()["jwt"]
    code = verification.issue_selfie_code(person["id"]).code
    colours = {
        "cnic_front": (120, 170, 140),
        "cnic_back": (150, 150, 190),
        "selfie": (196, 160, 120),
    }
    for kind, colour in colours.items():
        answer = httpx.post(
            f"{app.url}/api/verification/uploads/{kind}",
            headers={"Authorization": f"Bearer {token}"},
            files={
                "image": (f"{kind}.jpg", photo(f"{kind} {person['name']}", colour), "image/jpeg")
            },
            data={"code": code} if kind == "selfie" else None,
            timeout=20,
        )
        assert answer.status_code == 201, answer.text
    verification.submit(person["id"], cnic)


def moderator(devauth, app, name: str) -> dict:
    person = account(devauth, name)
    grant_role(app, person["email"])
    return person


def clerk_id_of(email: str) -> str:

    from pk_rentals import db

    with db.session() as session:
        return session.exec(select(User.clerk_user_id).where(User.clerk_email == email)).one()
