"""A real face for Chromium's fake camera, and test images for the upload API.

Chromium plays an MJPEG file (concatenated JPEG frames) as its fake video device
with ``--use-file-for-fake-video-capture`` (tests/utils/browser.py
``fake_camera_args``). The face is scikit-image's ``astronaut`` sample photo
(public domain, shipped inside the wheel: no download at test time).
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


def write_face_mjpeg(path: Path, frames: int = 15, size: tuple[int, int] = CAMERA_SIZE) -> Path:
    """An MJPEG file of ``frames`` frames of the face, each nudged a pixel, like video."""
    photo = face_photo().resize(size, Image.LANCZOS)
    with path.open("wb") as out:
        for frame in range(frames):
            shifted = Image.new("RGB", size)
            shifted.paste(photo, (frame % 3 - 1, 0))
            shifted.save(out, "JPEG", quality=90)
    return path


def card_jpeg(path: Path, side: str, size: tuple[int, int] = (1200, 756)) -> Path:
    """A plain drawing of a CNIC side (no real data), as a phone photo would be."""
    image = Image.new("RGB", size, (214, 234, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(30, 90, 60), width=8)
    draw.text((60, 60), f"PAKISTAN - CNIC {side.upper()} (test image)", fill=(20, 40, 30))
    if side == "front":
        draw.rectangle((60, 160, 360, 560), fill=(170, 180, 175))
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
