"""Prepare a card photo for OCR: upright, grey, contrast stretched, at a readable size."""

from __future__ import annotations

from PIL import Image, ImageFilter, ImageOps

# Tesseract reads best with glyphs about 20-30 px tall: a card about 1400 px wide.
TARGET_WIDTH = 1400


def prepare(image: Image.Image) -> Image.Image:
    """Grey, EXIF-upright, scaled to ``TARGET_WIDTH``, contrast stretched, lightly sharpened."""
    image = ImageOps.exif_transpose(image).convert("L")
    scale = TARGET_WIDTH / max(image.width, 1)
    if abs(scale - 1) > 0.1:
        size = (TARGET_WIDTH, max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    image = ImageOps.autocontrast(image, cutoff=1)
    return image.filter(ImageFilter.UnsharpMask(radius=2, percent=120, threshold=3))


def rotations(image: Image.Image, angles: tuple[float, ...] = (0, -8, 8, -15, 15)):
    """The image turned by each angle in turn, for a read that tries small skews."""
    for angle in angles:
        yield angle, image if angle == 0 else image.rotate(angle, expand=True, fillcolor=255)
