"""The OCR engine call: Tesseract 5 (Debian ``tesseract-ocr``) through pytesseract."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pytesseract
from PIL import Image

from pk_rentals.services.documents.cnic_text import CardText, parse_card_text
from pk_rentals.services.documents.preprocess import prepare, rotations

# One uniform block of sparse text: the card's fields are scattered labels and values.
_CONFIG = "--oem 1 --psm 11"


@dataclass(frozen=True)
class CardRead:
    """What one photo says; ``confidence`` is Tesseract's mean word confidence, 0..1."""

    card: CardText
    confidence: float


@functools.cache
def engine_version() -> str:
    return f"tesseract {pytesseract.get_tesseract_version()}"


def _ocr(image: Image.Image) -> tuple[str, float]:
    data = pytesseract.image_to_data(image, config=_CONFIG, output_type=pytesseract.Output.DICT)
    words = [(w, float(c)) for w, c in zip(data["text"], data["conf"], strict=True) if w.strip()]
    text = " ".join(w for w, _ in words)
    confidences = [c for _, c in words if c >= 0]
    return text, (sum(confidences) / len(confidences) / 100 if confidences else 0.0)


def read_card(image: Image.Image) -> CardRead:
    """Read the front; try small skews until the number is found."""
    best: CardRead | None = None
    for _angle, turned in rotations(prepare(image)):
        text, confidence = _ocr(turned)
        read = CardRead(parse_card_text(text), round(confidence, 3))
        if read.card.number and read.card.is_cnic:
            return read
        if best is None or (read.card.number and not best.card.number):
            best = read
    return best
