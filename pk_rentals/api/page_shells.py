"""``GET /u/{id}`` in a production build served by the app itself: the prerendered
shell of the public profile (pk_rentals/page_shells.py), so its header, footer and
"loading" show before the JavaScript arrives. nginx does the same in ``make prod``."""

from __future__ import annotations

import functools

from fastapi import APIRouter, Request
from fastapi.responses import Response
from reflex import constants
from reflex.config import get_config
from reflex.utils.precompressed_staticfiles import PrecompressedStaticFiles
from reflex.utils.prerequisites import get_web_dir

from pk_rentals import routes
from pk_rentals.page_shells import SHELLS, shell_file

router = APIRouter()


@functools.cache
def _built_pages() -> PrecompressedStaticFiles:
    """The build's client folder, served as Reflex serves it (its gzip copies too)."""
    return PrecompressedStaticFiles(
        directory=get_web_dir() / constants.Dirs.STATIC,
        html=True,
        encodings=get_config().frontend_compression_formats,
    )


@router.get("/u/{profile_id}")
async def public_profile_shell(request: Request, profile_id: str) -> Response:
    return await _built_pages().get_response(
        shell_file(SHELLS[routes.PUBLIC_PROFILE]), request.scope
    )
