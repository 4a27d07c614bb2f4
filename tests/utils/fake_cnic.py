"""Generated CNIC fronts (never real people's cards) and non-cards, for OCR tests."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
)
CONDITIONS = ("clear", "rotated", "blurred", "dim", "warped")


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _face(size: tuple[int, int]) -> Image.Image:
    try:
        from skimage import data

        return Image.fromarray(data.astronaut()).crop((150, 20, 330, 230)).resize(size)
    except Exception:  # a drawn face when scikit-image's data is missing
        face = Image.new("RGB", size, (200, 180, 160))
        ImageDraw.Draw(face).ellipse((20, 20, size[0] - 20, size[1] - 20), fill=(230, 190, 160))
        return face


def card_front(
    number: str,
    expiry: str = "12.03.2031",
    font: str = FONTS[0],
    face: Image.Image | None = None,
) -> Image.Image:
    """The front of a smart CNIC at 856 by 540, its English headings and fields, with
    ``face`` as its photo (scikit-image's astronaut unless given)."""
    card = Image.new("RGB", (856, 540), (214, 236, 214))
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, 856, 90), fill=(22, 110, 60))
    draw.text((30, 12), "PAKISTAN", font=_font(font, 34), fill="white")
    draw.text((30, 52), "National Identity Card", font=_font(font, 26), fill="white")
    card.paste(face.resize((200, 240)) if face is not None else _face((200, 240)), (620, 120))
    small, big = _font(font, 20), _font(font, 28)
    fields = (
        ("Name", "Ali Raza"),
        ("Father Name", "Muhammad Raza"),
        ("Gender", "M    Country of Stay  Pakistan"),
        ("Identity Number", number),
        ("Date of Birth", "01.01.1990      Date of Issue  12.03.2021"),
        ("Date of Expiry", expiry),
    )
    for row, (label, value) in enumerate(fields):
        y = 110 + row * 70
        draw.text((30, y), label, font=small, fill=(60, 60, 60))
        draw.text((30, y + 24), value, font=big, fill=(10, 10, 10))
    return card


def _on_table(card: Image.Image, rng: random.Random) -> Image.Image:
    table = Image.new("RGB", (1280, 960), (120 + rng.randint(0, 30), 90, 60))
    table = table.filter(ImageFilter.GaussianBlur(3))
    table.paste(card, (rng.randint(80, 320), rng.randint(80, 300)))
    return table


def _warp(card: Image.Image, rng: random.Random) -> Image.Image:
    w, h = card.size
    d = [rng.randint(0, 40) for _ in range(8)]
    quad = (d[0], d[1], d[2], h - d[3], w - d[4], h - d[5], w - d[6], d[7])
    return card.transform(card.size, Image.Transform.QUAD, quad, Image.Resampling.BICUBIC)


def photo(
    number: str,
    condition: str = "clear",
    seed: int = 0,
    font: str = FONTS[0],
    face: Image.Image | None = None,
) -> bytes:
    """A phone-quality JPEG of a generated card under ``condition`` (see ``CONDITIONS``)."""
    rng = random.Random(seed)
    card = card_front(number, font=font, face=face)
    if condition == "warped":
        card = _warp(card, rng)
    image = _on_table(card, rng)
    if condition == "rotated":
        image = image.rotate(rng.choice((-1, 1)) * rng.uniform(5, 15), fillcolor=(120, 90, 60))
    if condition == "blurred":
        image = image.filter(ImageFilter.GaussianBlur(1.6))
    if condition == "dim":
        image = Image.eval(image, lambda v: int(v * 0.45))
    return _jpeg(image, quality=72)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()


def selfie() -> bytes:
    return _jpeg(ImageOps.fit(_face((480, 640)), (480, 640)), 80)


def receipt() -> bytes:
    page = Image.new("RGB", (500, 800), "white")
    draw = ImageDraw.Draw(page)
    lines = ("GENERAL STORE", "Milk 1L   250", "Bread     180", "TOTAL     430")
    for row, line in enumerate(lines):
        draw.text((40, 40 + row * 50), line, font=_font(FONTS[0], 28), fill="black")
    return _jpeg(page, 80)


def blank_page() -> bytes:
    return _jpeg(Image.new("RGB", (800, 1100), (245, 245, 240)), 80)


def random_number(rng: random.Random) -> str:
    digits = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(12))
    return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"
