"""Default avatars: Clerk gives every user an ``image_url`` (a generated picture
when none was uploaded, with ``has_image`` false). The identity server draws an
initials SVG at ``/_devauth/avatars/{user_id}.svg`` so clerk-js never shows a
broken image. A picture the user uploaded is served from ``/_devauth/images/``."""

from __future__ import annotations

import hashlib
import html

from fastapi import APIRouter
from fastapi.responses import Response

from pk_rentals.devauth import instance
from pk_rentals.devauth.store import Account, ProfileImage, primary_email

router = APIRouter()

# Radix step-9 colours that keep white initials readable (WCAG AA for large text).
COLOURS = ("#30a46c", "#0090ff", "#8e4ec6", "#e54666", "#ad7f58", "#12a594", "#d6409f")


def avatar_url(account: Account) -> str:
    """The account's image, or its generated default (a same-origin path)."""
    return account.image_url or f"{instance.MOUNT}/avatars/{account.id}.svg"


def _initials(account: Account | None, email: str | None) -> str:
    names = [n for n in (account and (account.first_name, account.last_name)) or () if n]
    if names:
        return "".join(name[0] for name in names[:2]).upper()
    return (email or "?")[0].upper()


@router.get("/avatars/{user_id}.svg")
def default_avatar(user_id: str) -> Response:
    from pk_rentals.devauth.server import get_server

    with get_server().session() as session:
        account = session.get(Account, user_id)
        email = primary_email(session, account) if account is not None else None
    colour = COLOURS[hashlib.sha256(user_id.encode()).digest()[0] % len(COLOURS)]
    letters = html.escape(_initials(account, email))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img">'
        f'<rect width="64" height="64" fill="{colour}"/>'
        '<text x="32" y="41" font-family="system-ui, sans-serif" font-size="26" '
        f'font-weight="600" text-anchor="middle" fill="#fff">{letters}</text></svg>'
    )
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "max-age=300"})


@router.get("/images/{image_id}.jpg")
def uploaded_image(image_id: str) -> Response:
    """A picture a user uploaded (already a clean JPEG). Its address changes with every
    upload, so it may be cached for good."""
    from pk_rentals.devauth.server import get_server

    with get_server().session() as session:
        image = session.get(ProfileImage, image_id)
        if image is None:
            return Response(status_code=404)
        return Response(
            image.data,
            media_type="image/jpeg",
            headers={"Cache-Control": "public, max-age=31536000, immutable"},
        )
