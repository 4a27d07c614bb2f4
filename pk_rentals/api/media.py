"""``GET /media/<ref>?exp=&sig=``: one locally stored verification image, by signed URL.

The signature is the capability: whoever minted the URL (the verification code,
after checking that the viewer is the owner or a moderator) decided who may see
the image, for how long. Without a valid, unexpired signature: 403 with a JSON
reason; a signed ref whose file is gone: 404. Nothing here is cached anywhere.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from pk_rentals.services.storage import LocalMediaStore, MediaNotFound
from pk_rentals.services.storage.local import InvalidSignedUrl
from pk_rentals.settings import get_settings

router = APIRouter()

PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


@router.get("/media/{ref:path}")
def media(ref: str, exp: str = "", sig: str = "") -> Response:
    # A plain ``def``: FastAPI runs it in a worker thread, so the file read never
    # blocks the event loop.
    settings = get_settings()
    store = LocalMediaStore(settings.media_dir, secret_key=settings.secret_key.get_secret_value())
    try:
        store.check_signed_url(ref, exp, sig)
        data = store.read(ref)
    except InvalidSignedUrl as refused:
        return _error(403, refused.reason)
    except MediaNotFound:
        return _error(404, "not_found")
    return Response(data, media_type="image/jpeg", headers=PRIVATE_HEADERS)


def _error(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status, headers=PRIVATE_HEADERS)
