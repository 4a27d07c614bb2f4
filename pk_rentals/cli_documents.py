"""Operator commands for the CNIC card photo: ``read-cnic IMAGE``.

``read-cnic`` reads an operator's own image and prints one JSON object; it is the only
place the full number read off a card is printed (never stored).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# An image that is missing or not an image: an argument that can never be valid.
EXIT_BAD_IMAGE = 7
# The OCR engine (Debian tesseract-ocr) is not installed: tools/system-deps.sh installs it.
EXIT_NO_ENGINE = 10
COMMANDS = ("read-cnic",)


def add_document_commands(commands: argparse._SubParsersAction) -> None:
    """Register the document commands on the CLI's sub-parsers."""
    read = commands.add_parser("read-cnic", help="read a CNIC photo; print one JSON object")
    read.add_argument("image", metavar="IMAGE")


class DocumentCommandError(Exception):
    """A problem the operator can fix: one sentence on stderr and ``exit_code``."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


def run_document_command(args: argparse.Namespace) -> int:
    """Run one document command; its exit code, as the CLI's other commands."""
    try:
        if args.command == "read-cnic":
            print(json.dumps(read_cnic(args.image)))
    except DocumentCommandError as error:
        print(f"pk_rentals: {error}", file=sys.stderr)
        return error.exit_code
    return 0


def read_cnic(path: str) -> dict:
    """``{"is_cnic", "number", "expiry", "confidence"}`` for the image at ``path``."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(Path(path))
        image.load()
    except (OSError, UnidentifiedImageError):
        raise DocumentCommandError(f"{path} is not a readable image file", EXIT_BAD_IMAGE) from None
    try:
        from pk_rentals.services.documents.reading import read_card

        read = read_card(image)
    except (ImportError, OSError) as error:
        name = type(error).__name__
        message = f"the OCR engine is unavailable ({name}); run tools/system-deps.sh"
        raise DocumentCommandError(message, EXIT_NO_ENGINE) from None
    card = read.card
    return {
        "is_cnic": card.is_cnic,
        "number": card.number,
        "expiry": card.expiry.isoformat() if card.expiry else None,
        "confidence": read.confidence,
    }
