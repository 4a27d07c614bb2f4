"""What the moderation screen may send: the choices it offers, checked before any
call, so a forged event changes nothing."""

from __future__ import annotations

from pk_rentals.models import SubmissionStatus
from pk_rentals.services.moderation.decisions import NOTE_MAX
from pk_rentals.services.moderation.vocabulary import Decision, Flag
from pk_rentals.services.verification import REJECTION_REASONS

STATUSES = tuple(status.value for status in SubmissionStatus)
FLAGS = tuple(flag.value for flag in Flag)
DECISIONS = tuple(decision.value for decision in Decision)
TABS = ("review", "security")
AUDIT_PAGE = 25
ALL_FLAGS = "all"


def status_choice(status: str) -> str | None:
    """A queue status filter, or None for anything the screen does not offer."""
    return status if status in STATUSES else None


def flag_choice(flag: str) -> str | None:
    """A flag filter ("all" or a flag), or None for anything else."""
    return flag if flag == ALL_FLAGS or flag in FLAGS else None


def flag_for_query(flag: str) -> str | None:
    """The flag the queue query filters on: none for "all"."""
    return None if flag == ALL_FLAGS else flag


def decision_choice(decision: str) -> Decision | None:
    return Decision(decision) if decision in DECISIONS else None


def reason_choice(code: str) -> str:
    """A rejection reason the service knows, or "" (none chosen)."""
    return code if code in REJECTION_REASONS else ""


def clipped_note(note: str) -> str:
    """At most one character over the limit, so the service still says too long."""
    return note[: NOTE_MAX + 1]


def problem_id(code: str) -> str:
    """The message id of a refusal the moderator can correct."""
    return f"moderation.error.{code}"


def done_id(decision: Decision) -> str:
    return f"moderation.done.{decision.value}"
