"""What the storage backends share: kinds, folders, refs, errors, URL lifetimes.

A ref is the opaque string the database keeps for one stored image, the same on
every backend: ``<folder>/<owner>/<32 hex digits>``, e.g.
``cnic/user_2abc/0f1e...``. On Cloudinary it is the asset's public_id; on the
local backend it maps to ``<media_dir>/<owner>/<folder>/<hex>.jpg``. Refs and
owners are checked against fixed patterns before they touch a path or a URL, so
neither can climb out of its folder.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import datetime

from pk_rentals.models.enums import MediaKind
from pk_rentals.services.identity.clerk_ids import CLERK_USER_ID_PATTERN

FOLDERS: dict[MediaKind, str] = {
    MediaKind.SELFIE: "verification-selfies",
    MediaKind.CNIC_FRONT: "cnic",
    MediaKind.CNIC_BACK: "cnic",
}
ALL_FOLDERS: tuple[str, ...] = tuple(dict.fromkeys(FOLDERS.values()))

_OWNER = CLERK_USER_ID_PATTERN.removeprefix("^").removesuffix("$")
_FOLDER = "|".join(re.escape(folder) for folder in ALL_FOLDERS)
REF_PATTERN = re.compile(rf"(?P<folder>{_FOLDER})/(?P<owner>{_OWNER})/(?P<name>[0-9a-f]{{32}})")


# The longest life a signed URL may be given: long enough to look at a photo.
MAX_SIGNED_URL_TTL_SECONDS = 3600


class MediaNotFound(LookupError):
    """No stored image has this ref (never stored, or deleted)."""


class MediaStoreError(Exception):
    """The storage backend failed or refused the request (message says which and why)."""


@dataclasses.dataclass(frozen=True)
class MediaRef:
    folder: str
    owner: str
    name: str  # uuid4 hex: unguessable, and safe in a path and a URL

    def __str__(self) -> str:
        return f"{self.folder}/{self.owner}/{self.name}"


@dataclasses.dataclass(frozen=True)
class StoredMedia:
    """One stored image as a listing shows it: its ref and when it was stored (UTC),
    so orphan cleanup can leave an upload in flight alone."""

    ref: str
    stored_at: datetime


def check_owner(owner: str) -> str:
    """``owner`` itself if it is a Clerk user id (``user_...``), else ValueError."""
    if not isinstance(owner, str) or not re.fullmatch(CLERK_USER_ID_PATTERN, owner):
        raise ValueError(f"not a Clerk user id (user_...): {owner!r}")
    return owner


def new_ref(owner: str, kind: MediaKind) -> MediaRef:
    return MediaRef(FOLDERS[MediaKind(kind)], check_owner(owner), uuid.uuid4().hex)


def parse_ref(ref: str) -> MediaRef:
    """The parts of a ref; ValueError for anything that is not exactly one."""
    match = REF_PATTERN.fullmatch(ref) if isinstance(ref, str) else None
    if match is None:
        raise ValueError(f"not a media ref: {ref!r}")
    return MediaRef(match["folder"], match["owner"], match["name"])


def check_ttl(ttl_seconds: int) -> int:
    if not 0 < ttl_seconds <= MAX_SIGNED_URL_TTL_SECONDS:
        raise ValueError(f"ttl_seconds must be 1..{MAX_SIGNED_URL_TTL_SECONDS}: {ttl_seconds}")
    return ttl_seconds
