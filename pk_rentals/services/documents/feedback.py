"""A quick read of the card front just uploaded on /verify, so the person can retake
the photo or correct the number before sending.

Like the selfie's quick check it is a nudge, never a gate: when the read is slow or
the check process is off, nothing is said; after two failed reads the photo may be
sent anyway, and the moderator sees the document flags. The typed number is compared
through the blind index; the number read never leaves the server.
"""

from __future__ import annotations

import asyncio
import dataclasses

from pk_rentals.models import DocumentOutcome
from pk_rentals.services import cnic as cnic_rules
from pk_rentals.services.documents.checks import outcome_of, read_front
from pk_rentals.services.faces import pool
from pk_rentals.services.faces.checks import _upload_bytes
from pk_rentals.services.faces.pool import ChecksUnavailable
from pk_rentals.settings import get_settings

PROBLEM_OF = {
    DocumentOutcome.UNREADABLE: "card_unreadable",
    DocumentOutcome.NOT_CNIC: "card_not_cnic",
    DocumentOutcome.MISMATCH: "card_number_differs",
}
CARD_PROBLEMS = frozenset(PROBLEM_OF.values())


@dataclasses.dataclass(frozen=True)
class QuickRead:
    available: bool
    problems: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"available": self.available, "problems": list(self.problems)}


def _typed_index(typed: str | None) -> str | None:
    try:
        return cnic_rules.blind_index(cnic_rules.normalize_cnic(typed or ""))
    except cnic_rules.CnicInvalid:
        return None  # nothing typed yet (or not a CNIC): only readability is said


async def quick_read_upload(upload_id: str, typed_cnic: str | None) -> QuickRead:
    """The card front draft ``upload_id`` (already the caller's, just stored), read."""
    settings = get_settings()
    if not settings.face_checks_enabled:
        return QuickRead(available=False)
    try:
        data = await asyncio.to_thread(_upload_bytes, upload_id)
        # The person waits with the photo in front of them: past this, say nothing.
        timeout = settings.document_quick_read_seconds
        report = await pool.run_async(read_front, data, timeout=timeout)
    except ChecksUnavailable:
        return QuickRead(available=False)
    typed_index = _typed_index(typed_cnic)
    if report["number"] is not None and typed_index is None:
        return QuickRead(available=True)  # readable; nothing typed to compare with
    problem = PROBLEM_OF.get(outcome_of(report, typed_index or ""))
    return QuickRead(available=True, problems=(problem,) if problem else ())


def problems_in_answer(upload_answer: object) -> list[str]:
    """The quick read's problems in an upload answer (any JSON a client sends)."""
    check = upload_answer.get("document_check") if isinstance(upload_answer, dict) else None
    if not (isinstance(check, dict) and check.get("available") is True):
        return []
    problems = check.get("problems")
    return [p for p in problems if p in CARD_PROBLEMS] if isinstance(problems, list) else []
