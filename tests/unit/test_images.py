"""Uploaded verification images: what is refused, and what a kept copy looks like.

Every test image is made here with Pillow, so the suite needs no fixture files.
"""

from __future__ import annotations

import io
import os
import threading

import pytest
from PIL import ExifTags, Image, ImageCms

from pk_rentals.i18n import MESSAGES
from pk_rentals.services.images import (
    HTTP_STATUS,
    MAX_LONG_SIDE,
    ImageRefusal,
    ImageRefused,
    accept_image,
    decoding_slot,
)
from pk_rentals.services.storage import MediaKind

RED, BLUE = (220, 20, 20), (20, 20, 220)


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def photo(size=(640, 480), fmt="JPEG", **options) -> bytes:
    """A noisy picture (noise compresses badly, like a real photo)."""
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    return encode(image, fmt, **options)


def halves(size=(640, 480)) -> Image.Image:
    """Left half red, right half blue: shows which way an image was turned."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def refusal(data: bytes, kind=MediaKind.SELFIE) -> ImageRefused:
    with pytest.raises(ImageRefused) as caught:
        accept_image(data, kind=kind)
    return caught.value


# --- kept, and cleaned ---------------------------------------------------------------


def test_gps_exif_and_colour_profile_are_gone_from_the_kept_copy():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (74.0, 21.0, 3.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upload = photo(exif=exif.tobytes(), icc_profile=icc)
    with Image.open(io.BytesIO(upload)) as original:  # the upload really carries them
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert original.info.get("icc_profile")

    clean = accept_image(upload, kind=MediaKind.SELFIE)

    with Image.open(io.BytesIO(clean.data)) as kept:
        assert kept.format == "JPEG"
        assert dict(kept.getexif()) == {}
        assert "icc_profile" not in kept.info
    assert b"Exif" not in clean.data
    assert b"PhoneMaker" not in clean.data


def test_exif_orientation_is_applied_so_the_kept_copy_stands_upright():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # "turn 90° clockwise to view", as phones write
    upload = encode(halves((640, 480)), "JPEG", exif=exif.tobytes(), quality=95)

    clean = accept_image(upload, kind=MediaKind.SELFIE)

    assert (clean.width, clean.height) == (480, 640)
    with Image.open(io.BytesIO(clean.data)) as kept:
        top, bottom = kept.getpixel((240, 20)), kept.getpixel((240, 620))
    assert top[0] > 150 > top[2]  # the red half is now on top
    assert bottom[2] > 150 > bottom[0]


def test_transparent_png_becomes_a_jpeg_with_a_white_background():
    image = Image.new("RGBA", (640, 480), (0, 0, 0, 0))
    image.paste((*RED, 255), (0, 0, 320, 480))

    clean = accept_image(encode(image, "PNG"), kind=MediaKind.CNIC_FRONT)

    assert (clean.format, clean.source_format) == ("JPEG", "PNG")
    with Image.open(io.BytesIO(clean.data)) as kept:
        assert kept.mode == "RGB"
        assert min(kept.getpixel((600, 240))) > 240  # was transparent: white
        assert kept.getpixel((20, 240))[0] > 200  # was red: still red


def test_webp_is_accepted_and_stored_as_jpeg():
    clean = accept_image(photo(fmt="WEBP"), kind=MediaKind.CNIC_BACK)
    assert clean.source_format == "WEBP"
    assert clean.data.startswith(b"\xff\xd8\xff")


def test_large_photo_is_scaled_down_to_the_stored_size():
    clean = accept_image(encode(halves((4000, 3000)), "JPEG"), kind=MediaKind.CNIC_FRONT)
    assert (clean.width, clean.height) == (MAX_LONG_SIDE, 1200)


def test_portrait_cnic_photo_of_sufficient_size_is_accepted():
    clean = accept_image(photo((300, 500)), kind=MediaKind.CNIC_FRONT)
    assert (clean.width, clean.height) == (300, 500)


# --- refused -------------------------------------------------------------------------


def test_pdf_renamed_to_jpg_is_not_an_image():
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
    refused = refusal(pdf)
    assert (refused.code, refused.http_status) == (ImageRefusal.NOT_AN_IMAGE, 415)


def test_text_file_is_not_an_image():
    assert refusal(b"hello, this is not a picture\n" * 50).code is ImageRefusal.NOT_AN_IMAGE


def test_empty_upload_is_not_an_image():
    assert refusal(b"").code is ImageRefusal.NOT_AN_IMAGE


def test_gif_is_refused_although_pillow_could_read_it():
    assert refusal(photo(fmt="GIF")).code is ImageRefusal.NOT_AN_IMAGE


def test_png_body_behind_a_jpeg_signature_is_not_an_image():
    forged = b"\xff\xd8\xff" + photo(fmt="PNG")
    assert refusal(forged).code is ImageRefusal.NOT_AN_IMAGE


def test_webp_signature_on_a_text_file_is_not_an_image():
    forged = b"RIFF\x00\x10\x00\x00WEBP" + b"not really a picture" * 100
    assert refusal(forged).code is ImageRefusal.NOT_AN_IMAGE


def test_truncated_jpeg_is_corrupt():
    whole = photo((800, 600))
    refused = refusal(whole[: len(whole) // 2])
    assert (refused.code, refused.http_status) == (ImageRefusal.CORRUPT, 422)


def test_decompression_bomb_is_refused_without_decoding_it():
    # 20000 x 20000 one-bit pixels: 400 megapixels in a file of a few kilobytes.
    bomb = encode(Image.new("1", (20_000, 20_000)), "PNG", optimize=True)
    assert len(bomb) < 200_000
    refused = refusal(bomb)
    assert (refused.code, refused.http_status) == (ImageRefusal.TOO_MANY_PIXELS, 422)


def test_image_over_our_pixel_cap_but_under_pillows_is_refused():
    big = encode(Image.new("1", (8000, 6000)), "PNG")  # 48 MP
    assert refusal(big).code is ImageRefusal.TOO_MANY_PIXELS


def test_a_tiny_palette_png_of_ten_megapixels_is_refused_before_it_is_decoded():
    """1.3 KB on the wire, 112 MB once decoded: a PNG is decoded whole, so its cap is a
    screenshot's or a scan's size, not a camera's."""
    bomb = encode(Image.new("P", (3650, 2740)), "PNG", optimize=True)  # 10 MP
    assert len(bomb) < 20_000
    assert refusal(bomb).code is ImageRefusal.TOO_MANY_PIXELS


def test_a_phone_cameras_50_megapixel_jpeg_is_accepted_at_a_fraction_of_its_size():
    # A 50 MP mode of a mid-range phone (smooth, so it fits the 8 MB upload limit).
    scene = Image.linear_gradient("L").resize((8160, 6120)).convert("RGB")
    camera = encode(scene, "JPEG", quality=80)
    clean = accept_image(camera, kind=MediaKind.CNIC_FRONT)
    assert max(clean.width, clean.height) <= 1600


def test_small_selfie_is_too_small():
    refused = refusal(photo((300, 400)))
    assert (refused.code, refused.http_status) == (ImageRefusal.TOO_SMALL, 422)


def test_small_cnic_photo_is_too_small():
    assert refusal(photo((380, 260)), MediaKind.CNIC_FRONT).code is ImageRefusal.TOO_SMALL


def test_upload_over_8_mb_is_too_large_before_anything_is_decoded():
    refused = refusal(b"\xff\xd8\xff" + bytes(8 * 1024 * 1024))
    assert (refused.code, refused.http_status) == (ImageRefusal.TOO_LARGE, 413)


def test_size_limit_comes_from_the_settings(monkeypatch):
    monkeypatch.setenv("PK_MAX_IMAGE_BYTES", "1000")
    assert refusal(photo()).code is ImageRefusal.TOO_LARGE


def test_uploads_beyond_the_workers_decoding_slots_wait_then_are_told_to_retry(monkeypatch):
    monkeypatch.setenv("PK_IMAGE_DECODES_PER_WORKER", "1")
    monkeypatch.setenv("PK_IMAGE_DECODE_WAIT_SECONDS", "0.2")
    started, release = threading.Event(), threading.Event()

    def hold_the_slot():
        with decoding_slot():
            started.set()
            release.wait(5)

    holder = threading.Thread(target=hold_the_slot)
    holder.start()
    started.wait(5)
    try:
        refused = refusal(photo())
        assert (refused.code, refused.http_status) == (ImageRefusal.BUSY, 503)
    finally:
        release.set()
        holder.join()
    assert accept_image(photo(), kind=MediaKind.SELFIE).format == "JPEG"  # its turn now


def test_every_refusal_has_a_status_and_a_sentence_in_both_languages():
    assert set(HTTP_STATUS) == set(ImageRefusal)
    assert set(HTTP_STATUS.values()) <= {413, 415, 422, 503}  # 503: try again shortly
    for code in ImageRefusal:
        message = MESSAGES[f"upload.{code}"]
        assert message["en"].endswith(".") and message["ur"].endswith("۔")
