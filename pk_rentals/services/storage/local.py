"""Verification images in a private local folder, served only through signed URLs.

Layout ``<media_dir>/<owner>/<folder>/<hex>.jpg`` (ref ``<folder>/<owner>/<hex>``):
one folder per Clerk user, which account deletion removes whole
(``pk_rentals.services.identity.accounts.user_media_dir``). Folders are 0700 and
files 0600, written to a temporary file and renamed, so a reader never sees half
an image. The folder is never under ``assets/``: nothing in it is public.

A signed URL is ``/media/<ref>?exp=<unix time>&sig=<hex>``, an HMAC-SHA256 of the
ref and the expiry under a key derived from ``PK_SECRET_KEY``; the route in
``pk_rentals.api.media`` serves the file only while the signature holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pk_rentals.services.storage.base import (
    ALL_FOLDERS,
    REF_PATTERN,
    MediaKind,
    MediaNotFound,
    MediaRef,
    StoredMedia,
    check_owner,
    check_ttl,
    new_ref,
    parse_ref,
)

URL_PREFIX = "/media/"
JPEG_MAGIC = b"\xff\xd8\xff"
# Domain separation: this key signs media URLs and nothing else.
_KEY_PURPOSE = b"pk_rentals media URL signing v1"


_EXPIRY = re.compile(r"[0-9]{1,12}")  # a Unix time in seconds, until year 33658


class InvalidSignedUrl(Exception):
    """A signed media URL that must not be served; ``reason`` says why."""

    def __init__(self, reason: str):
        self.reason = reason  # "invalid_signature" or "expired"
        super().__init__(reason)


class LocalMediaStore:
    def __init__(self, media_dir: Path, *, secret_key: str):
        self.media_dir = Path(media_dir)
        self._url_key = hmac.new(secret_key.encode(), _KEY_PURPOSE, hashlib.sha256).digest()

    # --- the MediaStore interface ----------------------------------------------------

    def put(self, owner: str, kind: MediaKind, data: bytes) -> str:
        if not data.startswith(JPEG_MAGIC):
            raise ValueError("only JPEGs cleaned by accept_image are stored")
        ref = new_ref(owner, kind)
        path = self._path(ref)
        self.media_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for directory in (path.parent.parent, path.parent):
            directory.mkdir(mode=0o700, exist_ok=True)
        _write_atomically(path, data)
        return str(ref)

    def read(self, ref: str) -> bytes:
        try:
            return self._path(parse_ref(ref)).read_bytes()
        except FileNotFoundError:
            raise MediaNotFound(ref) from None

    def signed_url(self, ref: str, *, ttl_seconds: int) -> str:
        ref = str(parse_ref(ref))
        expires_at = int(time.time()) + check_ttl(ttl_seconds)
        return f"{URL_PREFIX}{ref}?exp={expires_at}&sig={self._signature(ref, expires_at)}"

    def delete(self, ref: str) -> None:
        self._path(parse_ref(ref)).unlink(missing_ok=True)

    def delete_owner(self, owner: str) -> int:
        count = sum(1 for _ in self.list_refs(check_owner(owner)))
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(self.media_dir / owner)
        return count

    def list_refs(self, owner: str | None = None) -> Iterator[str]:
        return (stored.ref for stored in self.list_stored(owner))

    def list_stored(self, owner: str | None = None) -> Iterator[StoredMedia]:
        if owner is not None:
            owner_dirs = [self.media_dir / check_owner(owner)]
        elif self.media_dir.is_dir():
            owner_dirs = sorted(self.media_dir.iterdir())
        else:
            owner_dirs = []
        for owner_dir in owner_dirs:
            for folder in ALL_FOLDERS:
                for path in sorted((owner_dir / folder).glob("*.jpg")):
                    ref = f"{folder}/{owner_dir.name}/{path.stem}"
                    if not REF_PATTERN.fullmatch(ref):
                        continue
                    try:  # the file's modification time: when it was stored
                        stored_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                    except FileNotFoundError:  # deleted while we listed
                        continue
                    yield StoredMedia(ref, stored_at)

    # --- signed URLs -----------------------------------------------------------------

    def check_signed_url(self, ref: str, exp: str, sig: str, *, now: float | None = None) -> None:
        """Return if ``sig`` signs ``ref`` until ``exp`` and that time has not passed.

        Raises InvalidSignedUrl. The signature is checked before the expiry, so a
        forged URL learns nothing, and compared in constant time.
        """
        # ASCII digits of a plausible Unix time only: ``str.isdigit`` also says yes to
        # "²", and ``int`` refuses a 5,000-digit string; either was a 500.
        if not _EXPIRY.fullmatch(exp) or not hmac.compare_digest(
            sig.encode(), self._signature(ref, int(exp)).encode()
        ):
            raise InvalidSignedUrl("invalid_signature")
        if int(exp) <= (time.time() if now is None else now):
            raise InvalidSignedUrl("expired")

    def _signature(self, ref: str, expires_at: int) -> str:
        message = f"{ref}\n{expires_at}".encode()
        return hmac.new(self._url_key, message, hashlib.sha256).hexdigest()

    def _path(self, ref: MediaRef) -> Path:
        return self.media_dir / ref.owner / ref.folder / f"{ref.name}.jpg"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (0600) through a temporary file in the same folder."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")  # 0600
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
