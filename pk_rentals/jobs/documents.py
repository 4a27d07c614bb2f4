"""The document-checks job: read the card fronts of submissions that have no check yet."""

from datetime import datetime

from pk_rentals.services.documents import checks


def run(now: datetime, *, dry_run: bool = False) -> dict[str, int]:
    """One batch of the backfill (every missing check is due, whatever ``now``)."""
    return checks.run(now, dry_run=dry_run)
