"""Whether the person is asked to retake their selfie before sending it.

The quick check is a nudge, never a gate: after two failed checks the selfie may be
sent anyway and the moderator sees the flags. So the upload answer the browser
relays is trusted here: lying to it only skips a nudge.
"""

from __future__ import annotations

from pk_rentals.services.faces.checks import SELFIE_PROBLEMS

FAILED_CHECKS_BEFORE_SENDING_ANYWAY = 2


def problems_in_answer(upload_answer: object) -> list[str]:
    """The quick check's problems in an upload answer (any JSON a client sends);
    nothing when the check was unavailable or the answer is not one."""
    check = upload_answer.get("face_check") if isinstance(upload_answer, dict) else None
    if not (isinstance(check, dict) and check.get("available") is True):
        return []
    problems = check.get("problems")
    return [p for p in problems if p in SELFIE_PROBLEMS] if isinstance(problems, list) else []


def retake_needed(problems: list[str], failed_checks: int) -> bool:
    """Ask for another selfie while it has problems, until the tries run out."""
    return bool(problems) and failed_checks < FAILED_CHECKS_BEFORE_SENDING_ANYWAY
