"""clerk-js for the built-in identity server, served the way Clerk's CDN serves it.

The browser build (``clerk.browser.js`` and the chunks it loads on demand) is about
1 MB per sign-in page uncompressed and 0.3 MB in Brotli, so it is compressed once,
at install time (``python -m pk_rentals.devauth.clerk_js``, which ``make`` runs after
installing clerk-js), and each request gets the smallest copy its
``Accept-Encoding`` allows. The URL carries clerk-js's version, so a browser may
keep a file for a year without asking again (``immutable``).

``make prod`` copies the same files into the static site, where nginx serves them
with ``gzip_static``/``brotli_static`` and the same headers (deploy/prod.py).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import brotli
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse

from pk_rentals.devauth import instance
from pk_rentals.settings import PROJECT_ROOT

DIST = PROJECT_ROOT / "tools" / "node_modules" / "@clerk" / "clerk-js" / "dist"
# The entry file and the chunks webpack names after it; nothing else of the package.
BROWSER_FILE = re.compile(r"^(clerk\.browser|[\w-]+_clerk\.browser_[0-9a-f]+_[\d.]+)\.js$")
CACHE_CONTROL = "public, max-age=31536000, immutable"
# Suffix and Content-Encoding of each precompressed copy, smallest first.
ENCODINGS = ((".br", "br"), (".gz", "gzip"))

router = APIRouter()


def browser_files(dist: Path = DIST) -> list[Path]:
    if not dist.is_dir():
        return []
    return sorted(path for path in dist.iterdir() if BROWSER_FILE.match(path.name))


def precompress(dist: Path = DIST) -> int:
    """Write ``.br`` and ``.gz`` beside each browser file that lacks a current one;
    return how many were written. Maximum levels: this runs once per install."""
    written = 0
    for path in browser_files(dist):
        data = None
        for suffix, _encoding in ENCODINGS:
            target = path.with_name(path.name + suffix)
            if target.exists() and target.stat().st_mtime >= path.stat().st_mtime:
                continue
            data = data if data is not None else path.read_bytes()
            packed = (
                brotli.compress(data, quality=11) if suffix == ".br" else gzip.compress(data, 9)
            )
            partial = target.with_name(target.name + ".partial")
            partial.write_bytes(packed)
            partial.replace(target)  # never a half-written copy under the real name
            written += 1
    return written


def accepted_encodings(header: str) -> set[str]:
    """The codings an ``Accept-Encoding`` header allows (``q=0`` refuses one)."""
    accepted = set()
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            if float(quality) > 0:
                accepted.add(name.strip())
        except ValueError:
            continue
    return accepted


def chosen_copy(path: Path, accept_encoding: str) -> tuple[Path, str | None]:
    """The smallest copy of ``path`` the client accepts, and its Content-Encoding."""
    accepted = accepted_encodings(accept_encoding)
    for suffix, encoding in ENCODINGS:
        copy = path.with_name(path.name + suffix)
        if (encoding in accepted or "*" in accepted) and copy.is_file():
            return copy, encoding
    return path, None


@router.get("/clerk-js/{version}/{name}")
def clerk_js_file(version: str, name: str, request: Request) -> FileResponse:
    if version != instance.CLERK_JS_VERSION or not BROWSER_FILE.match(name):
        raise HTTPException(404)
    path = DIST / name
    if not path.is_file():
        raise HTTPException(404)
    copy, encoding = chosen_copy(path, request.headers.get("accept-encoding", ""))
    headers = {"Cache-Control": CACHE_CONTROL, "Vary": "Accept-Encoding"}
    if encoding:
        headers["Content-Encoding"] = encoding
    return FileResponse(copy, media_type="text/javascript; charset=utf-8", headers=headers)


if __name__ == "__main__":
    if not DIST.is_dir():
        sys.exit(f"clerk-js is not installed in {DIST}")
    print(f"clerk-js: {precompress()} precompressed copies written in {DIST}")
