"""Checking and cleaning an uploaded image (selfie, CNIC photo, profile photo).

What the client says an upload is (file name, content type) is ignored: the bytes
must start like a JPEG, PNG or WebP and Pillow must decode them as that same
format. The image is then turned upright (EXIF orientation), flattened to RGB,
scaled down to a long side of at most ``MAX_LONG_SIDE`` and re-encoded as a new
JPEG, which carries none of the original's metadata (EXIF, GPS, ICC, XMP).

A refused image raises ``ImageRefused`` with one of ``ImageRefusal``'s codes; each
code has its HTTP status (``HTTP_STATUS``) and a sentence in Urdu and English in
i18n.py (``upload.<code>``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import io
import threading
from collections.abc import Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

from pk_rentals.models.enums import MediaKind
from pk_rentals.settings import get_settings

# Decoding is refused above this many pixels, per format, before any pixel is read:
# a tiny file can announce gigabytes of pixels (a "decompression bomb"; a 1.3 KB
# palette PNG of 10 MP took 112 MB to decode). A JPEG from a phone camera (12 MP,
# 50 MP in some modes) is decoded at 1/2 to 1/8 scale (``Image.draft``), so it may be
# large; a PNG or WebP is decoded whole, so it must be about a screenshot's or a
# scan's size. The browser already shrinks big photos to a JPEG before sending.
MAX_PIXELS: dict[str, int] = {"JPEG": 50_000_000, "PNG": 6_000_000, "WEBP": 6_000_000}
MAX_LONG_SIDE = 1600  # the stored copy: enough to read a CNIC, small to keep
JPEG_QUALITY = 85
# Smallest (short side, long side) in pixels per kind, either way round: a CNIC
# photo may be portrait, and a selfie under 320 px shows too little of a face.
MIN_SIDES: dict[MediaKind, tuple[int, int]] = {
    MediaKind.SELFIE: (320, 320),
    MediaKind.CNIC_FRONT: (250, 400),
    MediaKind.CNIC_BACK: (250, 400),
}
# A profile photo is shown at most 96 px wide (twice that on dense screens); one
# smaller than an icon shows nobody.
PROFILE_PHOTO_LONG_SIDE = 400
PROFILE_PHOTO_MIN_SIDES = (48, 48)
# The first bytes of each accepted format, and the name Pillow gives it.
_SIGNATURES = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}
_PILLOW_FORMATS = ["JPEG", "PNG", "WEBP"]
_WHITE = (255, 255, 255)


class ImageRefusal(enum.StrEnum):
    TOO_LARGE = "too_large"
    NOT_AN_IMAGE = "not_an_image"
    CORRUPT = "corrupt"
    TOO_MANY_PIXELS = "too_many_pixels"
    TOO_SMALL = "too_small"
    BUSY = "busy"  # every decoding slot of this worker is taken: try again shortly


# The HTTP answer for each refusal; the sentences users read are in i18n.py
# (``upload.<code>``), with every other message.
HTTP_STATUS: dict[ImageRefusal, int] = {
    ImageRefusal.TOO_LARGE: 413,
    ImageRefusal.NOT_AN_IMAGE: 415,
    ImageRefusal.CORRUPT: 422,
    ImageRefusal.TOO_MANY_PIXELS: 422,
    ImageRefusal.TOO_SMALL: 422,
    ImageRefusal.BUSY: 503,
}


class ImageRefused(Exception):
    """An upload that is not an acceptable image; ``code`` says why."""

    def __init__(self, code: ImageRefusal, detail: str = ""):
        self.code = code
        self.http_status = HTTP_STATUS[code]
        super().__init__(f"{code}: {detail}" if detail else str(code))


@dataclasses.dataclass(frozen=True)
class CleanImage:
    data: bytes  # a new JPEG, without metadata
    width: int
    height: int
    format: str  # always "JPEG": what ``data`` is
    source_format: str  # what was uploaded: "JPEG", "PNG" or "WEBP"


def accept_image(data: bytes, *, kind: MediaKind) -> CleanImage:
    """Check an upload and return its clean JPEG copy; raise ImageRefused otherwise."""
    return _accept(data, MIN_SIDES[MediaKind(kind)], MAX_LONG_SIDE)


def accept_profile_photo(data: bytes) -> CleanImage:
    """A picture for the account menu, under the same checks: a clean JPEG with a long
    side of at most ``PROFILE_PHOTO_LONG_SIDE``, small for the phones that load it."""
    return _accept(data, PROFILE_PHOTO_MIN_SIDES, PROFILE_PHOTO_LONG_SIDE)


def _accept(data: bytes, min_sides: tuple[int, int], long_side: int) -> CleanImage:
    if len(data) > get_settings().max_image_bytes:
        raise ImageRefused(ImageRefusal.TOO_LARGE, f"{len(data)} bytes")
    sniffed = sniff_format(data)
    if sniffed is None:
        raise ImageRefused(ImageRefusal.NOT_AN_IMAGE, "unknown leading bytes")
    with decoding_slot():
        image = _open(data, sniffed)
        _check_dimensions(image.size, min_sides)
        _decode(image, long_side)
        return _clean_copy(image, sniffed, long_side)


@functools.cache
def _decoding_slots(size: int) -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(size)


@contextlib.contextmanager
def decoding_slot() -> Iterator[None]:
    """One of this worker's ``PK_IMAGE_DECODES_PER_WORKER`` decoding slots. Decoding
    takes memory and a CPU: many uploads at once would exhaust the worker, so the
    rest wait up to ``PK_IMAGE_DECODE_WAIT_SECONDS``, then are told to try again."""
    settings = get_settings()
    slots = _decoding_slots(settings.image_decodes_per_worker)
    if not slots.acquire(timeout=settings.image_decode_wait_seconds):
        raise ImageRefused(ImageRefusal.BUSY, "no decoding slot free")
    try:
        yield
    finally:
        slots.release()


def sniff_format(data: bytes) -> str | None:
    """The format the first bytes announce ("JPEG", "PNG", "WEBP"), or None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return next((name for magic, name in _SIGNATURES.items() if data.startswith(magic)), None)


def _open(data: bytes, sniffed: str) -> Image.Image:
    """The image with only its header read; a bomb is refused before any pixel."""
    try:
        image = Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS)
    except Image.DecompressionBombError as error:  # Pillow's own cap, far above ours
        raise ImageRefused(ImageRefusal.TOO_MANY_PIXELS, str(error)) from None
    except UnidentifiedImageError:  # the right first bytes, then no such image
        raise ImageRefused(ImageRefusal.NOT_AN_IMAGE, f"not a {sniffed}") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageRefused(ImageRefusal.CORRUPT, str(error)) from None
    if image.format != sniffed:
        raise ImageRefused(ImageRefusal.NOT_AN_IMAGE, f"{sniffed} header, {image.format} body")
    width, height = image.size
    if width * height > MAX_PIXELS[sniffed]:
        raise ImageRefused(ImageRefusal.TOO_MANY_PIXELS, f"{width}x{height}")
    return image


def _check_dimensions(size: tuple[int, int], min_sides: tuple[int, int]) -> None:
    min_short, min_long = min_sides
    short, long = sorted(size)
    if short < min_short or long < min_long:
        raise ImageRefused(ImageRefusal.TOO_SMALL, f"{size[0]}x{size[1]}")


def _decode(image: Image.Image, long_side: int) -> None:
    if image.format == "JPEG":
        # Decode at 1/2, 1/4 or 1/8 scale when that still covers the stored size.
        image.draft("RGB", (long_side, long_side))
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ImageRefused(ImageRefusal.CORRUPT, str(error)) from None


def _clean_copy(image: Image.Image, source_format: str, long_side: int) -> CleanImage:
    upright = ImageOps.exif_transpose(image)
    rgb = _flatten_to_rgb(upright)
    rgb.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
    # Only the pixels go on: Pillow writes a comment it read (``info["comment"]``, a
    # JPEG COM segment of up to 64 KB, e.g. a script) into the copy it saves.
    rgb.info.clear()
    out = io.BytesIO()
    # No exif=, icc_profile= or xmp= arguments: the new file carries no metadata.
    rgb.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return CleanImage(out.getvalue(), rgb.width, rgb.height, "JPEG", source_format)


def _flatten_to_rgb(image: Image.Image) -> Image.Image:
    """RGB pixels; transparent areas become white (as a form on paper), not black."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if not has_alpha:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, _WHITE)
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat
