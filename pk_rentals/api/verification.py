"""Verification images over HTTP, with a Bearer session token (never Reflex's /_upload,
which neither authenticates nor caps sizes).

- ``POST /api/verification/uploads/{kind}``: one image (``cnic_front``, ``cnic_back``
  or ``selfie``) as multipart field ``image``; a selfie also sends ``code``, the
  one-time code burned into it. The /verify page uses this. A selfie's answer also
  carries ``face_check``: the quick check (faces, blur, brightness), run in
  the face-check process while this route awaits it, so the camera can offer a retake.
  A card front may also send ``cnic``, the number typed so far; its answer carries
  ``document_check``: a quick read of the card (readable, a CNIC, the same number).
- ``POST /api/verification/selfie``: the same for a selfie, answering 201
  with the upload and the user's verification status, for API clients.
- ``GET /api/verification/status``: that status on its own.

Errors are JSON ``{"error": code, "message": English, "message_ur": Urdu}`` with
401 (no or bad token), 403, 404, 409, 411, 413, 415, 422 or 429.
"""

from __future__ import annotations

import functools
import logging

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from pk_rentals.i18n import MESSAGES
from pk_rentals.models import MediaKind
from pk_rentals.services import verification
from pk_rentals.services.documents import feedback as card_feedback
from pk_rentals.services.faces import checks as face_checks
from pk_rentals.services.identity import sessions
from pk_rentals.services.identity.tokens import TokenError
from pk_rentals.services.images import ImageRefused
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/verification")

# Room for the multipart envelope and the code around the image itself.
MULTIPART_OVERHEAD = 64 * 1024


class ApiError(Exception):
    def __init__(self, code: str, status: int):
        self.code, self.status = code, status


def error_response(code: str, status: int) -> JSONResponse:
    message = MESSAGES.get(f"upload.{code}") or MESSAGES["upload.unexpected"]
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(
        {"error": code, "message": message["en"], "message_ur": message["ur"]},
        status_code=status,
        headers=headers,
    )


async def _signed_in_user(request: Request) -> str:
    """The Clerk user id of a live session token in ``Authorization: Bearer``."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError("token_missing", 401)
    try:
        claims = await run_in_threadpool(sessions.verify_token, token.strip())
    except TokenError as error:
        log.info("verification API: token refused: %s", error.problem)
        raise ApiError("token_invalid", 401) from None
    verdict = await run_in_threadpool(sessions.admit, claims, touch=True)
    if verdict is not sessions.Verdict.ACTIVE:
        raise ApiError("session_ended", 401)
    return claims.user_id


async def _read_image(request: Request) -> tuple[bytes, dict[str, str]]:
    """The ``image`` part and the text fields (``code``, ``cnic``), refusing oversized
    bodies unread."""
    limit = get_settings().max_image_bytes
    length = request.headers.get("content-length")
    if length is None:
        raise ApiError("length_required", 411)
    if not length.isdigit() or int(length) > limit + MULTIPART_OVERHEAD:
        raise ApiError("too_large", 413)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise ApiError("not_multipart", 415)
    async with request.form(max_files=1, max_fields=4) as form:
        image = form.get("image")
        fields = {
            name: value[:64]
            for name in ("code", "cnic")
            if isinstance(value := form.get(name), str)
        }
        if not isinstance(image, UploadFile):
            raise ApiError("image_missing", 422)
        data = await image.read(limit + 1)
    if len(data) > limit:
        raise ApiError("too_large", 413)
    return data, fields


async def _upload(
    request: Request, clerk_user_id: str, kind: str
) -> tuple[verification.DraftUpload, dict[str, str]]:
    data, fields = await _read_image(request)
    draft = await run_in_threadpool(
        verification.receive_upload, clerk_user_id, kind, data, code=fields.get("code")
    )
    return draft, fields


def _guarded(handler):
    """Answer every refusal as JSON with its status; never a 500 for bad input."""

    @functools.wraps(handler)  # FastAPI reads the handler's own parameters
    async def endpoint(request: Request, **params):
        try:
            return await handler(request, **params)
        except ApiError as error:
            return error_response(error.code, error.status)
        except ImageRefused as error:
            return error_response(error.code, error.http_status)
        except verification.VerificationError as error:
            return error_response(error.code, error.http_status)

    return endpoint


@router.post("/uploads/{kind}", status_code=201)
@_guarded
async def upload_image(request: Request, kind: str):
    """One image of a submission, kept as a draft until the user submits."""
    if kind not in {k.value for k in MediaKind}:
        raise ApiError("unknown_kind", 404)
    draft, fields = await _upload(request, await _signed_in_user(request), kind)
    answer = draft.as_json()
    if kind == MediaKind.SELFIE.value:
        answer["face_check"] = (await face_checks.quick_check_upload(draft.upload_id)).as_json()
    elif kind == MediaKind.CNIC_FRONT.value:
        read = await card_feedback.quick_read_upload(draft.upload_id, fields.get("cnic"))
        answer["document_check"] = read.as_json()
    return JSONResponse(answer, status_code=201)


@router.post("/selfie", status_code=201)
@_guarded
async def upload_selfie(request: Request):
    """A live selfie with its one-time code, in one request (for API clients)."""
    clerk_user_id = await _signed_in_user(request)
    draft, _fields = await _upload(request, clerk_user_id, MediaKind.SELFIE.value)
    check = await face_checks.quick_check_upload(draft.upload_id)
    status = await run_in_threadpool(verification.status_of, clerk_user_id)
    return JSONResponse(
        {"upload": draft.as_json(), "face_check": check.as_json(), "status": status.as_json()},
        status_code=201,
    )


@router.get("/status")
@_guarded
async def verification_status(request: Request):
    clerk_user_id = await _signed_in_user(request)
    status = await run_in_threadpool(verification.status_of, clerk_user_id)
    return JSONResponse(status.as_json())
