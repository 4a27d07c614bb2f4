"""A real face for Chromium's fake camera, and test images for the upload API.

Chromium plays an MJPEG file (concatenated JPEG frames) as its fake video device
with ``--use-file-for-fake-video-capture`` (tests/utils/browser.py
``fake_camera_args``). The face is scikit-image's ``astronaut`` sample photo
(public domain, shipped inside the wheel: no download at test time). Another
person is matplotlib's sample photo of Grace Hopper (also in its wheel). Cards can
carry either face as their ID photo, for the face checks.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

CAMERA_SIZE = (640, 480)


def face_photo() -> Image.Image:
    """The astronaut portrait, cropped to 4:3 around the face, at camera size."""
    from skimage import data  # imported here: scipy and numpy load only when needed

    photo = Image.fromarray(data.astronaut())  # 512 x 512, the face in the upper half
    width = photo.width
    return photo.crop((0, 0, width, width * 3 // 4)).resize(CAMERA_SIZE, Image.LANCZOS)


# Head-and-shoulders crops (3:4, like a CNIC photo) around each face.
PORTRAITS = {"astronaut": (133, 27, 313, 267), "grace_hopper": (108, 32, 428, 459)}


def other_face_photo() -> Image.Image:
    """Grace Hopper: a second real person (matplotlib's sample data, 512 x 600)."""
    from matplotlib import cbook

    with Image.open(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)) as photo:
        return photo.convert("RGB")


def portrait(person: str) -> Image.Image:
    """The ID-card photo of ``astronaut`` or ``grace_hopper``."""
    if person == "astronaut":
        from skimage import data

        photo = Image.fromarray(data.astronaut())
    else:
        photo = other_face_photo()
    return photo.crop(PORTRAITS[person])


def write_face_mjpeg(path: Path, frames: int = 15, size: tuple[int, int] = CAMERA_SIZE) -> Path:
    """An MJPEG file of ``frames`` frames of the face, each nudged a pixel, like video."""
    photo = face_photo().resize(size, Image.LANCZOS)
    with path.open("wb") as out:
        for frame in range(frames):
            shifted = Image.new("RGB", size)
            shifted.paste(photo, (frame % 3 - 1, 0))
            shifted.save(out, "JPEG", quality=90)
    return path


def card_jpeg(
    path: Path, side: str, size: tuple[int, int] = (1200, 756), face: str | None = None
) -> Path:
    """A plain drawing of a CNIC side (no real data), as a phone photo would be; a front
    with ``face`` (``astronaut`` or ``grace_hopper``) carries that person's photo."""
    image = Image.new("RGB", size, (214, 234, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(30, 90, 60), width=8)
    draw.text((60, 60), f"PAKISTAN - CNIC {side.upper()} (test image)", fill=(20, 40, 30))
    if side == "front":
        draw.rectangle((60, 160, 360, 560), fill=(170, 180, 175))
        if face:
            image.paste(portrait(face).resize((300, 400), Image.LANCZOS), (60, 160))
    else:
        draw.rectangle((60, size[1] - 200, size[0] - 60, size[1] - 80), fill=(20, 20, 20))
    image.save(path, "JPEG", quality=88)
    return path


def pdf_named_jpg(path: Path) -> Path:
    """A small, valid PDF saved under a .jpg name: what a confused phone user might pick."""
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(buffer, "PDF")
    path.write_bytes(buffer.getvalue())
    return path


def take_selfie(page: Page, *, again: bool = False) -> int:
    """Open the camera (``again``: retake after an uploaded one), capture, use the
    photo; the JPEG's size in bytes."""
    page.get_by_test_id("selfie-retake" if again else "selfie-start").click()
    video = page.get_by_test_id("selfie-video")
    expect(video).to_be_visible()
    page.wait_for_function(
        "() => { const v = document.querySelector('[data-testid=selfie-video]');"
        " return v && v.readyState >= 2 && v.videoWidth > 0; }"
    )
    page.get_by_test_id("selfie-capture").click()
    expect(page.get_by_test_id("selfie-still")).to_be_visible()
    page.get_by_test_id("selfie-use").click()
    expect(page.get_by_test_id("selfie-done")).to_be_visible()
    return int(page.get_by_test_id("selfie-camera").get_attribute("data-bytes"))


def selfie_jpeg(variant: str = "sharp", quality: int = 85) -> bytes:
    """The astronaut as a phone selfie: ``sharp``, ``blurred`` (Gaussian radius 3: the
    face is still found, no longer sharp), ``dark`` (a fifth of the light), or
    ``no_face`` (scikit-image's coffee cup)."""
    from PIL import ImageEnhance, ImageFilter

    if variant == "no_face":
        from skimage import data

        image = Image.fromarray(data.coffee()).resize(CAMERA_SIZE, Image.LANCZOS)
    else:
        image = face_photo()
    if variant == "blurred":
        image = image.filter(ImageFilter.GaussianBlur(3))
    elif variant == "dark":
        image = ImageEnhance.Brightness(image).enhance(0.2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def card_bytes(face: str | None) -> bytes:
    """A CNIC front as JPEG bytes, with ``face``'s photo on it (or none)."""
    buffer = io.BytesIO()
    card_jpeg(buffer, "front", face=face)  # type: ignore[arg-type] - Pillow takes a file
    return buffer.getvalue()
