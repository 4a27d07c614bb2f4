"""The signed-in user's picture: upload and remove, as Clerk's "Manage account" does.

The upload passes the app's image checks (services/images.py: the bytes must be a
real JPEG, PNG or WebP, of sane size) and is stored as a new small JPEG without the
original's metadata: a phone photo's EXIF can carry where it was taken.
"""

from __future__ import annotations

import base64
import binascii

from fastapi import Request
from fastapi.responses import Response
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool

from pk_rentals.devauth import accounts, instance
from pk_rentals.devauth.errors import ClerkAPIError, not_found
from pk_rentals.devauth.frontend.call import DEV_BROWSER_HEADER, Call, _reply, _run, router
from pk_rentals.devauth.frontend.me import _me
from pk_rentals.devauth.store import Account, ProfileImage, new_id
from pk_rentals.i18n import text
from pk_rentals.services import images
from pk_rentals.services.images import ImageRefusal, ImageRefused

# Clerk has no codes for these refusals: each names the app's own, and clerk-js shows
# the app's Urdu sentence for it (i18n/clerk_account.py) or the English long message.
REFUSAL_CODES = {
    ImageRefusal.TOO_LARGE: "image_too_large",
    ImageRefusal.NOT_AN_IMAGE: "image_not_an_image",
    ImageRefusal.CORRUPT: "image_corrupt",
    ImageRefusal.TOO_MANY_PIXELS: "image_too_many_pixels",
    ImageRefusal.TOO_SMALL: "image_too_small",
    ImageRefusal.BUSY: "image_busy",
}


def image_url(image_id: str) -> str:
    return f"{instance.MOUNT}/images/{image_id}.jpg"


async def _upload(request: Request) -> bytes:
    """The file as clerk-js sends it: a form's ``file`` part, or the body itself (a
    base64 string) with ``application/octet-stream``."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        part = (await request.form()).get("file")
        return await part.read() if hasattr(part, "read") else b""
    body = await request.body()
    try:
        return base64.b64decode(body.split(b",")[-1], validate=True)
    except (binascii.Error, ValueError):
        return body


@router.post("/me/profile_image")
async def profile_image(request: Request) -> Response:
    call = await Call.read(request)
    if call.method == "DELETE":
        return await run_in_threadpool(_run, _remove_image, call)
    # Who is asking comes first: nobody signed out makes the server decode a picture.
    refused = await run_in_threadpool(_run, _signed_in, call)
    if refused is not None:
        return refused
    data = await _upload(request)
    try:
        clean = await run_in_threadpool(images.accept_profile_photo, data)
    except ImageRefused as refused:
        return ClerkAPIError(
            422,
            REFUSAL_CODES[refused.code],
            "is not an accepted image",
            text(f"upload.{refused.code.value}", "en"),
            param="file",
        ).response({DEV_BROWSER_HEADER: call.dev_browser})
    return await run_in_threadpool(_run, _set_image, call, clean.data)


def _signed_in(session: Session, call: Call) -> None:
    _me(session, call)


def _set_image(session: Session, call: Call, data: bytes) -> Response:
    client, account = _me(session, call)
    _drop_images(session, account)
    stored = ProfileImage(id=new_id("img"), user_id=account.id, data=data)
    session.add(stored)
    account.image_url = image_url(stored.id)
    accounts.touch(account)
    session.add(account)
    session.flush()
    file_name = account.image_url.rsplit("/", 1)[-1]
    shape = {"object": "image", "id": stored.id, "name": file_name}
    response = _reply(session, call, client, shape | {"public_url": account.image_url})
    call.server.emit_user("user.updated", session, account)
    return response


def _remove_image(session: Session, call: Call) -> Response:
    client, account = _me(session, call)
    if account.image_url is None:
        raise not_found("profile image")
    _drop_images(session, account)
    account.image_url = None
    accounts.touch(account)
    session.add(account)
    session.flush()
    response = _reply(session, call, client, {"object": "image", "deleted": True})
    call.server.emit_user("user.updated", session, account)
    return response


def _drop_images(session: Session, account: Account) -> None:
    for old in session.exec(select(ProfileImage).where(ProfileImage.user_id == account.id)):
        session.delete(old)
