"""Private storage of verification images (selfies, CNIC photos) behind one interface.

Two backends: a local private folder (development and tests) and Cloudinary
(``type="authenticated"`` assets). Chosen by ``PK_MEDIA_STORAGE``. Only images
cleaned by ``pk_rentals.services.images.accept_image`` (JPEG) are stored. Who may
see an image is decided where a URL is minted; the signed URL is the capability.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from pk_rentals.services.storage.base import (
    ALL_FOLDERS,
    FOLDERS,
    MAX_SIGNED_URL_TTL_SECONDS,
    MediaKind,
    MediaNotFound,
    MediaRef,
    MediaStoreError,
    StoredMedia,
    check_owner,
    new_ref,
    parse_ref,
)
from pk_rentals.services.storage.local import LocalMediaStore
from pk_rentals.settings import MediaStorage, get_settings

__all__ = [
    "ALL_FOLDERS",
    "FOLDERS",
    "MAX_SIGNED_URL_TTL_SECONDS",
    "LocalMediaStore",
    "MediaKind",
    "MediaNotFound",
    "MediaRef",
    "MediaStore",
    "MediaStoreError",
    "StoredMedia",
    "check_owner",
    "get_media_store",
    "new_ref",
    "parse_ref",
]


class MediaStore(Protocol):
    def put(self, owner: str, kind: MediaKind, data: bytes) -> str:
        """Store a cleaned JPEG for ``owner``; return its ref (kept in the database)."""

    def read(self, ref: str) -> bytes:
        """The stored bytes (for server-side checks); MediaNotFound when missing."""

    def signed_url(self, ref: str, *, ttl_seconds: int) -> str:
        """A URL a browser can load for ``ttl_seconds``; mint it only after an auth check."""

    def delete(self, ref: str) -> None:
        """Delete one image; nothing happens when it is already gone."""

    def delete_owner(self, owner: str) -> int:
        """Delete every image of one Clerk user; return how many were deleted."""

    def list_refs(self, owner: str | None = None) -> Iterator[str]:
        """Every stored ref (of one owner, or of all)."""

    def list_stored(self, owner: str | None = None) -> Iterator[StoredMedia]:
        """Every stored image with the time it was stored, for orphan cleanup."""


def get_media_store() -> MediaStore:
    """The store ``PK_MEDIA_STORAGE`` names, configured from the settings."""
    settings = get_settings()
    if settings.media_storage is MediaStorage.CLOUDINARY:
        # Imported here: only processes that use Cloudinary load its SDK.
        from pk_rentals.services.storage.cloudinary_store import CloudinaryMediaStore

        return CloudinaryMediaStore.from_url(settings.cloudinary_url.get_secret_value())
    return LocalMediaStore(settings.media_dir, secret_key=settings.secret_key.get_secret_value())
