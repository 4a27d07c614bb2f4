"""Operator commands for the CNIC card photo.

- ``read-cnic IMAGE`` reads an operator's own image and prints one JSON object; it is
  the only place the full number read off a card is printed (never stored).
- ``run-document-checks [--since DATE]`` fills in submissions without a document check.
- ``document-calibration`` prints the read rates on decided submissions.
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
EXIT_DATABASE = 3  # as the CLI's other commands
COMMANDS = ("read-cnic", "run-document-checks", "document-calibration")


def add_document_commands(commands: argparse._SubParsersAction) -> None:
    """Register the document commands on the CLI's sub-parsers."""
    read = commands.add_parser("read-cnic", help="read a CNIC photo; print one JSON object")
    read.add_argument("image", metavar="IMAGE")
    checks = commands.add_parser(
        "run-document-checks", help="read the CNIC front of submissions that have no check"
    )
    checks.add_argument("--since", metavar="DATE", help="only submissions from YYYY-MM-DD on")
    commands.add_parser(
        "document-calibration", help="card read rates on decided submissions, by outcome"
    )


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
        elif args.command == "run-document-checks":
            print(run_document_checks(args.since))
        elif args.command == "document-calibration":
            print(document_calibration())
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


def _since(since: str | None):
    from datetime import UTC, datetime

    try:
        return datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None
    except ValueError:
        raise DocumentCommandError(
            f"{since!r} is not a date; use YYYY-MM-DD.", EXIT_BAD_IMAGE
        ) from None


def _database_work(work):
    """Settings checked as the CLI's other commands; a database failure is one sentence."""
    from sqlalchemy.exc import SQLAlchemyError

    from pk_rentals.cli import _settings

    _settings()
    try:
        return work()
    except SQLAlchemyError as error:
        message = f"the database failed: {error.__class__.__name__}"
        raise DocumentCommandError(message, EXIT_DATABASE) from None


def run_document_checks(since: str | None) -> str:
    """Read the card fronts of submissions without a check (or an unavailable one)."""
    from pk_rentals.services.documents import checks

    start = _since(since)
    counts = _database_work(lambda: checks.backfill(since=start, limit=10**9))
    return (
        f"{counts['missing']} submissions needed document checks: {counts['checked']} "
        f"checked, {counts['unavailable']} still unavailable."
    )


def document_calibration() -> str:
    from pk_rentals.services.documents import calibration

    return calibration.format_report(_database_work(calibration.report))
