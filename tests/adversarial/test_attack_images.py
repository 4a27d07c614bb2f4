"""Files an attacker uploads as verification images, with a valid session token (the
token is not under test here: the image handling is).

``REFUSED``: polyglots that are no image, decompression bombs (PNG, JPEG, WebP
announcing huge sizes in a few bytes), truncated and header-only files, the wrong
format behind the right name, SVG with a script, a PDF renamed ``.jpg``, empty,
0x0 and oversized uploads, broken multipart. Each must be a 4xx JSON error in both
languages, and leave no upload row.

``CLEANED``: unusual but real images (CMYK, 16-bit, palette with transparency,
animated, EXIF with GPS, a JPEG with a ZIP or a script appended). Each may be
accepted, but only as a fresh single-frame RGB JPEG without metadata and without
a byte of what was smuggled in.

PostgreSQL (tests/adversarial/conftest.py).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

import pytest
from PIL import Image
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import VerificationUpload
from pk_rentals.services.images import MAX_LONG_SIDE
from pk_rentals.services.storage import get_media_store
from pk_rentals.settings import get_settings
from tests.utils.attacks import count_rows, user_id_of

# The corrupt-EXIF row makes Pillow warn, in the server thread.
pytestmark = pytest.mark.filterwarnings("ignore:Corrupt EXIF data")

PAYLOADS = (b"<?php", b"<script", b"PK\x03\x04", b"shell.php", b"GPS", b"%PDF")


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def striped(mode: str = "RGB", size=(640, 400)) -> Image.Image:
    """A picture with some structure, in ``mode``."""
    image = Image.new("RGB", size, (200, 180, 150))
    for x in range(0, size[0], 40):
        image.paste((x % 255, 90, 60), (x, 0, x + 16, size[1]))
    return image.convert(mode) if mode != "RGB" else image


def jpeg(**options) -> bytes:
    return encoded(striped(), "JPEG", **options)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_declaring(width: int, height: int, *, pixels: bytes | None = b"") -> bytes:
    """A PNG whose header announces ``width`` x ``height`` (8-bit RGB) over a few bytes
    of compressed data (``pixels=None``: no IDAT at all)."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data = b"" if pixels is None else png_chunk(b"IDAT", zlib.compress(pixels, 9))
    return PNG_SIGNATURE + header + data + png_chunk(b"IEND", b"")


def jpeg_declaring(width: int, height: int) -> bytes:
    """A real small JPEG whose frame header is rewritten to ``width`` x ``height``."""
    data = bytearray(jpeg())
    at = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


def webp_lossless_declaring(width: int, height: int) -> bytes:
    """A VP8L header announcing ``width`` x ``height``, then a few bytes."""
    bits = (width - 1) | ((height - 1) << 14)
    payload = b"\x2f" + struct.pack("<I", bits) + b"\x00" * 16
    chunk = b"VP8L" + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def webp_extended_declaring(width: int, height: int) -> bytes:
    """A VP8X header with a ``width`` x ``height`` canvas and nothing to draw on it."""
    payload = b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little")
    payload += (height - 1).to_bytes(3, "little")
    chunk = b"VP8X" + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def with_segment(data: bytes, marker: bytes, body: bytes) -> bytes:
    """A JPEG with one more segment right after its start marker."""
    return data[:2] + marker + struct.pack(">H", len(body) + 2) + body + data[2:]


def exif() -> bytes:
    info = Image.Exif()
    info[0x010E] = "an EXIF block and no picture"  # ImageDescription
    return info.tobytes()


def exif_with_gps() -> bytes:
    info = Image.Exif()
    info[0x010E] = "<?php system($_GET['c']); ?>"  # ImageDescription
    info[0x8825] = {1: "N", 2: (31.0, 30.0, 0.0), 3: "E", 4: (74.0, 20.0, 0.0)}  # GPS
    return encoded(striped(), "JPEG", exif=info.tobytes())


def rotated() -> bytes:
    info = Image.Exif()
    info[0x0112] = 6  # Orientation: rotate 90° to display
    return encoded(striped(size=(640, 400)), "JPEG", exif=info.tobytes())


def with_icc_profile() -> bytes:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return encoded(striped(), "JPEG", icc_profile=profile)


def zip_archive() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("shell.php", "<?php system($_GET['c']); ?>")
    return out.getvalue()


def animated(fmt: str) -> bytes:
    frames = [striped(), striped().rotate(180)]
    return encoded(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100)


def cmyk_jpeg() -> bytes:
    return encoded(striped("CMYK"), "JPEG")


def sixteen_bit_png() -> bytes:
    return encoded(Image.new("I;16", (640, 400), 40_000), "PNG")


def palette_with_transparency() -> bytes:
    image = striped().convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    return encoded(image, "PNG", transparency=0)


SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" onload="alert(1)">
<script>fetch('/api/verification/status').then(r => r.text()).then(alert)</script>
</svg>"""
PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog /OpenAction <</S /JavaScript /JS (app.alert(1))>> >>"
PDF += b" endobj\ntrailer <</Root 1 0 R>>\n%%EOF"

# name -> (bytes, file name, declared type)
REFUSED: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "jpeg_magic_then_php": (
        lambda: b"\xff\xd8\xff\xe0<?php system($_GET['c']); ?>",
        "shell.php.jpg",
        "image/jpeg",
    ),
    "jpeg_magic_then_html": (
        lambda: b"\xff\xd8\xff<html><script>alert(1)</script></html>",
        "page.jpg",
        "image/jpeg",
    ),
    "png_magic_then_zip": (lambda: PNG_SIGNATURE + zip_archive(), "a.png", "image/png"),
    "gif_with_a_jar_appended": (
        lambda: encoded(striped(), "GIF") + zip_archive(),
        "a.jpg",
        "image/jpeg",
    ),
    "png_bomb_100000_square": (lambda: png_declaring(100_000, 100_000), "b.png", "image/png"),
    "png_bomb_3000_square": (lambda: png_declaring(3000, 3000), "b.png", "image/png"),
    "png_bomb_of_real_zeros": (
        lambda: png_declaring(2450, 2450, pixels=b"\0" * (2450 * (1 + 3 * 2450))),
        "zeros.png",
        "image/png",
    ),
    "jpeg_bomb_65000_square": (
        lambda: jpeg_declaring(65_000, 65_000),
        "b.jpg",
        "image/jpeg",
    ),
    "jpeg_bomb_8000_by_7000": (lambda: jpeg_declaring(8000, 7000), "b.jpg", "image/jpeg"),
    "webp_lossless_bomb": (
        lambda: webp_lossless_declaring(16_384, 16_384),
        "b.webp",
        "image/webp",
    ),
    "webp_extended_bomb": (
        lambda: webp_extended_declaring(16_384, 16_384),
        "b.webp",
        "image/webp",
    ),
    "jpeg_truncated": (lambda: jpeg()[: len(jpeg()) // 2], "t.jpg", "image/jpeg"),
    "png_truncated": (
        lambda: encoded(striped(), "PNG")[: len(encoded(striped(), "PNG")) // 2],
        "t.png",
        "image/png",
    ),
    "webp_truncated": (
        lambda: encoded(striped(), "WEBP")[: len(encoded(striped(), "WEBP")) // 2],
        "t.webp",
        "image/webp",
    ),
    "jpeg_exif_only": (
        lambda: with_segment(b"\xff\xd8\xff\xd9", b"\xff\xe1", b"Exif\x00\x00" + exif()),
        "e.jpg",
        "image/jpeg",
    ),
    "jpeg_start_of_image_only": (lambda: b"\xff\xd8\xff", "s.jpg", "image/jpeg"),
    "png_header_without_pixels": (
        lambda: png_declaring(640, 400, pixels=None),
        "h.png",
        "image/png",
    ),
    "png_zero_by_zero": (lambda: png_declaring(0, 0), "z.png", "image/png"),
    "jpeg_zero_by_zero": (lambda: jpeg_declaring(0, 0), "z.jpg", "image/jpeg"),
    "one_pixel": (lambda: encoded(Image.new("RGB", (1, 1)), "PNG"), "p.png", "image/png"),
    "gif_named_jpeg": (lambda: encoded(striped(), "GIF"), "a.jpg", "image/jpeg"),
    "animated_gif": (lambda: animated("GIF"), "a.gif", "image/gif"),
    "bmp_named_jpeg": (lambda: encoded(striped(), "BMP"), "a.jpg", "image/jpeg"),
    "tiff_named_jpeg": (lambda: encoded(striped(), "TIFF"), "a.jpg", "image/jpeg"),
    "png_body_behind_jpeg_magic": (
        lambda: b"\xff\xd8\xff" + encoded(striped(), "PNG"),
        "a.jpg",
        "image/jpeg",
    ),
    "jpeg_body_behind_webp_magic": (
        lambda: b"RIFF\x00\x00\x00\x00WEBP" + jpeg(),
        "a.webp",
        "image/webp",
    ),
    "svg_with_script": (lambda: SVG, "card.jpg", "image/svg+xml"),
    "pdf_renamed_jpg": (lambda: PDF, "cnic.jpg", "image/jpeg"),
    "html_page": (lambda: b"<!doctype html><script>alert(1)</script>", "a.jpg", "text/html"),
    "empty_file": (lambda: b"", "empty.jpg", "image/jpeg"),
}


# Unusual but real images: accepted only as a clean JPEG.
CLEANED: dict[str, Callable[[], bytes]] = {
    "jpeg_with_a_zip_appended": lambda: jpeg() + zip_archive(),
    "jpeg_with_html_appended": lambda: jpeg() + b"<script>alert(document.cookie)</script>",
    "jpeg_with_php_in_a_comment": lambda: with_segment(
        jpeg(), b"\xff\xfe", b"<?php system($_GET['c']); ?>"
    ),
    "jpeg_with_php_and_gps_in_exif": exif_with_gps,
    "jpeg_with_corrupt_exif": lambda: with_segment(
        jpeg(), b"\xff\xe1", b"Exif\x00\x00II*\x00\xff\xff\xff\x7f" + b"\x00" * 32
    ),
    "jpeg_with_orientation_6": rotated,
    "jpeg_with_icc_profile": with_icc_profile,
    "png_with_script_in_text": lambda: (
        (png := encoded(striped(), "PNG"))[:33]
        + png_chunk(b"tEXt", b"Comment\x00<script>alert(1)</script>")
        + png[33:]
    ),
    "cmyk_jpeg": cmyk_jpeg,
    "grayscale_jpeg": lambda: encoded(striped("L"), "JPEG"),
    "progressive_jpeg": lambda: jpeg(progressive=True),
    "sixteen_bit_png": sixteen_bit_png,
    "palette_png_with_transparency": palette_with_transparency,
    "grey_and_alpha_png": lambda: encoded(striped("LA"), "PNG"),
    "one_bit_png": lambda: encoded(striped("1"), "PNG"),
    "transparent_webp": lambda: encoded(striped("RGBA"), "WEBP", lossless=True),
    "animated_webp": lambda: animated("WEBP"),
    "animated_png": lambda: animated("PNG"),
    "png_declared_as_jpeg": lambda: encoded(striped(), "PNG"),
    "largest_png_allowed": lambda: encoded(striped(size=(2449, 2449)), "PNG"),
    # 7000x7000 announced over 640x400 of scan data that ends properly: libjpeg fills
    # the rest with grey. Under the JPEG pixel cap, decoded at 1/4 scale: bounded work,
    # and what is stored is a plain grey-and-stripes JPEG of the uploader's own.
    "jpeg_huge_frame_tiny_data": lambda: jpeg_declaring(7000, 7000),
}
CLEANED_NAMES = {"png_declared_as_jpeg": ("../../../../etc/passwd.jpg", "text/html")}


@pytest.fixture(scope="module")
def uploader(target):
    return target.person("bilal")


def upload(target, person, data: bytes, filename="card.jpg", content_type="image/jpeg", **options):
    return target.http.post(
        "/api/verification/uploads/cnic_front",
        headers=person.bearer(),
        files={"image": (filename, data, content_type)},
        **options,
    )


def uploads_of(person) -> int:
    return count_rows(VerificationUpload, VerificationUpload.user_id == user_id_of(person.clerk_id))


IMAGE_REFUSALS = {"not_an_image", "corrupt", "too_many_pixels", "too_small"}


def judge_refusal(case, target, person, name, send, status=None):
    """Refused: a 4xx and no upload row. An image's refusal is 415 or 422 with one of
    the image codes, in English and Urdu; a malformed request's, ``status``."""
    before = uploads_of(person)
    answer = send()
    wrote = uploads_of(person) != before
    case.http(answer, accepted_wrongly=answer.status_code < 400 or wrote, what=name)
    body = answer.json()
    if status is None:
        assert answer.status_code in {415, 422}, answer.text
        assert body["error"] in IMAGE_REFUSALS
    else:
        assert answer.status_code == status, answer.text
    if "detail" not in body:  # else the framework answered (no route, a broken form)
        assert body["error"] and body["message"] and body["message_ur"], body


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_file_that_is_no_acceptable_image_is_refused(case, target, uploader, name):
    make, filename, content_type = REFUSED[name]
    data = make()
    judge_refusal(
        case, target, uploader, name, lambda: upload(target, uploader, data, filename, content_type)
    )


def newest_upload(person) -> VerificationUpload:
    with db.session() as session:
        return session.exec(
            select(VerificationUpload)
            .where(VerificationUpload.user_id == user_id_of(person.clerk_id))
            .order_by(VerificationUpload.received_at.desc())
        ).first()


def smuggled(stored: bytes) -> list[str]:
    """What the stored copy still carries that a clean JPEG must not."""
    found = [payload.decode(errors="replace") for payload in PAYLOADS if payload in stored]
    image = Image.open(io.BytesIO(stored))
    if image.format != "JPEG" or image.mode != "RGB":
        found.append(f"{image.format} {image.mode}")
    if len(image.getexif()) or {"exif", "icc_profile", "xmp", "comment"} & set(image.info):
        found.append(f"metadata {sorted(image.info)}")
    if getattr(image, "n_frames", 1) != 1 or max(image.size) > MAX_LONG_SIDE:
        found.append(f"{getattr(image, 'n_frames', 1)} frames of {image.size}")
    return found


@pytest.mark.parametrize("name", list(CLEANED))
def test_an_unusual_image_is_stored_only_as_a_clean_jpeg(case, target, uploader, name):
    filename, content_type = CLEANED_NAMES.get(name, ("card.jpg", "image/jpeg"))
    answer = upload(target, uploader, CLEANED[name](), filename, content_type)
    found = []
    if answer.status_code == 201:
        row = newest_upload(uploader)
        assert str(row.id) == answer.json()["upload_id"]
        assert row.ref.split("/")[1] == uploader.clerk_id  # in the uploader's own folder
        found = smuggled(get_media_store().read(row.ref))
    case.http(answer, accepted_wrongly=bool(found), what=f"{name}: {found}")
    assert answer.status_code == 201, answer.text


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("over_the_byte_limit", 413),
        ("no_content_length", 411),
        ("not_multipart", 415),
        ("image_as_a_text_field", 422),
        ("two_images", 400),
        ("broken_multipart", 422),
        ("unknown_kind", 404),
        ("kind_path_traversal", 404),
    ],
)
def test_a_malformed_upload_request_is_refused(case, target, uploader, name, status):
    limit = get_settings().max_image_bytes
    url = "/api/verification/uploads/cnic_front"
    headers = uploader.bearer()

    def send():
        if name == "over_the_byte_limit":
            return upload(target, uploader, b"\xff\xd8\xff" + b"0" * limit)
        if name == "no_content_length":
            return target.http.post(
                url,
                headers={**headers, "Content-Type": "multipart/form-data; boundary=x"},
                content=iter([b"--x\r\n", jpeg(), b"\r\n--x--\r\n"]),
            )
        if name == "not_multipart":
            return target.http.post(
                url, headers={**headers, "Content-Type": "image/jpeg"}, content=jpeg()
            )
        if name == "image_as_a_text_field":
            return target.http.post(
                url,
                headers=headers,
                data={"image": "card.jpg"},
                files={"other": ("note.txt", b"not the image", "text/plain")},
            )
        if name == "two_images":
            return target.http.post(
                url,
                headers=headers,
                files=[("image", ("a.jpg", jpeg(), "image/jpeg"))] * 2,
            )
        if name == "broken_multipart":
            return target.http.post(
                url,
                headers={**headers, "Content-Type": "multipart/form-data; boundary=zz"},
                content=b'--zz\r\nContent-Disposition: form-data; name="image"; filename=',
            )
        kind = "passport" if name == "unknown_kind" else "..%2F..%2Fstatus"
        return upload_to(target, headers, kind)

    judge_refusal(case, target, uploader, name, send, status)


def upload_to(target, headers, kind: str):
    return target.http.post(
        f"/api/verification/uploads/{kind}",
        headers=headers,
        files={"image": ("card.jpg", jpeg(), "image/jpeg")},
    )


def test_a_plain_photo_is_accepted(target, uploader):
    """The control: the same route takes an ordinary photo."""
    assert upload(target, uploader, jpeg()).status_code == 201
