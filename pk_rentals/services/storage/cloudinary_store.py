"""Verification images on Cloudinary, as ``type="authenticated"`` assets.

Public ids are ``<folder>/<owner>/<hex>`` (uploaded with ``folder=<folder>`` and
``public_id=<owner>/<hex>``), so the ref kept in the database is the public id and
one prefix per folder finds every image of a user. Authenticated assets are never
delivered by their plain URL; a browser gets an expiring signed URL.

The account comes from ``CLOUDINARY_URL``
(``cloudinary://API_KEY:API_SECRET@CLOUD_NAME``, optionally ``?upload_prefix=`` for
another API host, as the tests do). It is passed on every SDK call rather than
written into ``cloudinary.config()``, the SDK's process-wide global, so two stores
never share or overwrite each other's credentials.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import parse_qs, unquote, urlsplit

import cloudinary.api
import cloudinary.exceptions
import cloudinary.uploader
import cloudinary.utils
import httpx

from pk_rentals.services.storage.base import (
    ALL_FOLDERS,
    REF_PATTERN,
    MediaKind,
    MediaNotFound,
    MediaStoreError,
    StoredMedia,
    check_owner,
    check_ttl,
    new_ref,
    parse_ref,
)

# Seconds any one Cloudinary call may take: a failing upload must not hang a request.
TIMEOUT_SECONDS = 10
# A server-side read uses a signed URL just long enough for the request itself.
READ_URL_TTL_SECONDS = 60
PAGE_SIZE = 500  # the Admin API's largest page
JPEG_MAGIC = b"\xff\xd8\xff"
ASSET_TYPE = "authenticated"


@dataclasses.dataclass(frozen=True)
class CloudinaryAccount:
    cloud_name: str
    api_key: str
    api_secret: str = dataclasses.field(repr=False)
    upload_prefix: str | None = None  # None: the SDK's own, the real API
    signature_algorithm: str = "sha1"

    @classmethod
    def from_url(cls, url: str) -> CloudinaryAccount:
        """Parse ``cloudinary://KEY:SECRET@CLOUD[?upload_prefix=...]``; ValueError if not one."""
        parts = urlsplit(url)
        if parts.scheme != "cloudinary" or not (parts.hostname and parts.username):
            raise ValueError("CLOUDINARY_URL must look like cloudinary://KEY:SECRET@CLOUD_NAME")
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        return cls(
            cloud_name=parts.hostname,
            api_key=unquote(parts.username),
            api_secret=unquote(parts.password or ""),
            upload_prefix=query.get("upload_prefix"),
            signature_algorithm=query.get("signature_algorithm", "sha1"),
        )

    def options(self) -> dict:
        """The SDK options of this account, given on every call."""
        return {
            "cloud_name": self.cloud_name,
            "api_key": self.api_key,
            "api_secret": self.api_secret,
            "upload_prefix": self.upload_prefix,
            "signature_algorithm": self.signature_algorithm,
            "oauth_token": None,  # sign with the key and secret, whatever the global says
            "resource_type": "image",
            "timeout": TIMEOUT_SECONDS,
        }


class CloudinaryMediaStore:
    def __init__(self, account: CloudinaryAccount):
        self.account = account

    @classmethod
    def from_url(cls, url: str) -> CloudinaryMediaStore:
        return cls(CloudinaryAccount.from_url(url))

    # --- the MediaStore interface ----------------------------------------------------

    def put(self, owner: str, kind: MediaKind, data: bytes) -> str:
        if not data.startswith(JPEG_MAGIC):
            raise ValueError("only JPEGs cleaned by accept_image are stored")
        ref = new_ref(owner, kind)
        result = self._call(
            "upload",
            cloudinary.uploader.upload,
            data,
            folder=ref.folder,
            public_id=f"{ref.owner}/{ref.name}",
            type=ASSET_TYPE,
            overwrite=False,
        )
        if result.get("public_id") != str(ref):
            raise MediaStoreError(
                f"Cloudinary stored {result.get('public_id')!r}, expected {str(ref)!r}"
            )
        return str(ref)

    def read(self, ref: str) -> bytes:
        url = self.signed_url(ref, ttl_seconds=READ_URL_TTL_SECONDS)
        try:
            response = httpx.get(url, timeout=TIMEOUT_SECONDS)
        except httpx.HTTPError as error:
            raise MediaStoreError(f"Cloudinary download failed: {error!r}") from error
        if response.status_code == 404:
            raise MediaNotFound(ref)
        if response.status_code != 200:
            raise MediaStoreError(
                f"Cloudinary download failed: {response.status_code} {response.text[:200]}"
            )
        return response.content

    def signed_url(self, ref: str, *, ttl_seconds: int) -> str:
        """An Upload API download URL, signed with the API secret, that stops at ``expires_at``.

        Why not ``cloudinary_url(..., type="authenticated", sign_url=True)``: that
        delivery URL's signature covers only the public id and transformation and
        never expires, so a URL copied out of a moderator's browser would show a
        CNIC forever. Expiring delivery URLs need Cloudinary's token-based
        authentication, a paid add-on with its own key. ``private_download_url``
        works on every plan and Cloudinary refuses it after ``expires_at``. It
        names the API key (which is not a secret) and is served from the API host
        rather than the CDN, which suits a handful of moderators.
        """
        public_id = str(parse_ref(ref))
        expires_at = int(time.time()) + check_ttl(ttl_seconds)
        return cloudinary.utils.private_download_url(
            public_id, "jpg", type=ASSET_TYPE, expires_at=expires_at, **self.account.options()
        )

    def delete(self, ref: str) -> None:
        result = self._call(
            "destroy",
            cloudinary.uploader.destroy,
            str(parse_ref(ref)),
            type=ASSET_TYPE,
            invalidate=True,
        )
        if result.get("result") not in ("ok", "not found"):
            raise MediaStoreError(f"Cloudinary destroy failed: {result}")

    def delete_owner(self, owner: str) -> int:
        check_owner(owner)
        deleted = 0
        for folder in ALL_FOLDERS:
            cursor = None
            while True:  # 1,000 assets per call; next_cursor when there are more
                result = self._call(
                    "delete_resources_by_prefix",
                    cloudinary.api.delete_resources_by_prefix,
                    f"{folder}/{owner}/",  # the slash: user_ab must not take user_abc's
                    type=ASSET_TYPE,
                    invalidate=True,
                    **_page_after(cursor),
                )
                deleted += sum(1 for state in result["deleted"].values() if state == "deleted")
                cursor = result.get("next_cursor")
                if not cursor:
                    break
        return deleted

    def list_refs(self, owner: str | None = None) -> Iterator[str]:
        return (stored.ref for stored in self.list_stored(owner))

    def list_stored(self, owner: str | None = None) -> Iterator[StoredMedia]:
        owner_part = f"{check_owner(owner)}/" if owner is not None else ""
        for folder in ALL_FOLDERS:
            cursor = None
            while True:
                page = self._call(
                    "resources",
                    cloudinary.api.resources,
                    type=ASSET_TYPE,
                    prefix=f"{folder}/{owner_part}",
                    max_results=PAGE_SIZE,
                    **_page_after(cursor),
                )
                for resource in page["resources"]:
                    if REF_PATTERN.fullmatch(resource["public_id"]):
                        yield StoredMedia(resource["public_id"], _created_at(resource))
                cursor = page.get("next_cursor")
                if not cursor:
                    break

    # --- calling the SDK -------------------------------------------------------------

    def _call(self, action: str, function, *args, **options) -> dict:
        """``function(*args, **options)`` as this account; its errors as MediaStoreError."""
        try:
            return function(*args, **options, **self.account.options())
        except cloudinary.exceptions.Error as error:
            raise MediaStoreError(f"Cloudinary {action} failed: {error}") from error


def _created_at(resource: dict) -> datetime:
    """The Admin API's ``created_at`` (``2026-11-23T10:15:00Z``) as an aware UTC time."""
    moment = datetime.fromisoformat(resource["created_at"].replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _page_after(cursor: str | None) -> dict:
    # Sent only when there is one: the Admin API's JSON bodies would carry a null.
    return {"next_cursor": cursor} if cursor else {}
