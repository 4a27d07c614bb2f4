"""Reading the CNIC front offline: read rate of the number by condition, false
"mismatch" rate, and CPU per card (the check process's work, Tesseract included).

Cards are generated (``tests/utils/fake_cnic.py``), never real people's: the front of
a smart CNIC in three fonts, each condition on its own seeds. A card "carries the
typed number", so any number read that differs from it is a false mismatch.

Usage: python bench/document_reading.py [--cards N]   (from the project root)
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageFilter

from pk_rentals.services.documents.checks import read_front
from tests.utils import fake_cnic


def upright_clear(number: str, seed: int, font: str) -> bytes:
    """The card alone, flat and sharp (a scan or a careful photo)."""
    del seed
    return fake_cnic._jpeg(fake_cnic.card_front(number, font=font), 85)


def on_table(condition: str):
    def make(number: str, seed: int, font: str) -> bytes:
        return fake_cnic.photo(number, condition, seed=seed, font=font)

    return make


def jpeg_phone(number: str, seed: int, font: str) -> bytes:
    """On the table, recompressed hard (a phone's messaging app at quality 35)."""
    image = Image.open(io.BytesIO(fake_cnic.photo(number, seed=seed, font=font)))
    return fake_cnic._jpeg(image.filter(ImageFilter.SMOOTH), 35)


CONDITIONS = {
    "upright clear": upright_clear,
    "table background": on_table("clear"),
    "rotation ±5-15°": on_table("rotated"),
    "blur (sigma 1.6)": on_table("blurred"),
    "dim (x0.45)": on_table("dim"),
    "JPEG q35": jpeg_phone,
    "perspective": on_table("warped"),
}
NON_CARDS = {
    "receipt": fake_cnic.receipt,
    "blank page": fake_cnic.blank_page,
    "selfie": fake_cnic.selfie,
}


def cpu_seconds() -> float:
    """This process and its finished children (Tesseract runs as a child)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def read(data: bytes) -> tuple[dict, float]:
    started = cpu_seconds()
    report = read_front(data)
    return report, cpu_seconds() - started


def run_condition(make, cards: int, rng: random.Random) -> dict:
    exact = mismatched = 0
    cpu = []
    for i in range(cards):
        number = fake_cnic.random_number(rng)
        report, seconds = read(make(number, i, fake_cnic.FONTS[i % len(fake_cnic.FONTS)]))
        cpu.append(seconds)
        exact += report["number"] == number
        mismatched += report["number"] is not None and report["number"] != number
    return {"cards": cards, "exact": exact, "mismatch": mismatched, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=20, help="cards per condition")
    args = parser.parse_args()
    rng = random.Random(28)
    all_cpu, all_cards, all_mismatch = [], 0, 0
    print("| condition | number read exactly | false mismatch | CPU per card, median |")
    print("|---|---|---|---|")
    for name, make in CONDITIONS.items():
        r = run_condition(make, args.cards, rng)
        all_cpu += r["cpu"]
        all_cards += r["cards"]
        all_mismatch += r["mismatch"]
        print(
            f"| {name} | {r['exact']}/{r['cards']} ({100 * r['exact'] / r['cards']:.0f} %) "
            f"| {r['mismatch']}/{r['cards']} | {statistics.median(r['cpu']):.2f} s |"
        )
    for name, make in NON_CARDS.items():
        report, seconds = read(make())
        verdict = (
            "not a CNIC" if not report["is_cnic"] and not report["number"] else "read as a card"
        )
        print(f"| {name} (not a card) | {verdict} | - | {seconds:.2f} s |")
    print(
        f"\nall cards: false mismatch {all_mismatch}/{all_cards}, "
        f"CPU per card median {statistics.median(all_cpu):.2f} s, "
        f"p95 {sorted(all_cpu)[round(0.95 * (len(all_cpu) - 1))]:.2f} s"
    )


if __name__ == "__main__":
    main()
