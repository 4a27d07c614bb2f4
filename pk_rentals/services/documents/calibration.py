"""How the card reads fare on decided submissions (``cli document-calibration``).

Per decision (approved, rejected): how many card fronts were read at all (a number
found), and the share of each outcome. On approved submissions a "mismatch" is most
likely a misread (the moderator saw the typed number on the card), so its share is
the false-mismatch rate an operator watches on real photos.
"""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import DocumentCheck, DocumentOutcome, SubmissionStatus
from pk_rentals.models import VerificationSubmission as Submission

DECIDED = (SubmissionStatus.APPROVED, SubmissionStatus.REJECTED)
READ = (DocumentOutcome.MATCH, DocumentOutcome.MISMATCH)


def report() -> dict[str, Counter]:
    """Outcome counts of checked submissions, per decision."""
    statement = (
        select(Submission.status, DocumentCheck.outcome, sa.func.count())
        .join(DocumentCheck, DocumentCheck.submission_id == Submission.id)
        .where(Submission.status.in_(DECIDED))
        .group_by(Submission.status, DocumentCheck.outcome)
    )
    counts: dict[str, Counter] = {status.value: Counter() for status in DECIDED}
    with db.session() as session:
        for status, outcome, count in session.exec(statement).all():
            counts[str(status)][str(outcome)] = count
    return counts


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def format_report(counts: dict[str, Counter]) -> str:
    """One line per decision, then the share of each outcome."""
    lines = []
    for status, outcomes in counts.items():
        total = sum(outcomes.values())
        read = sum(outcomes[o] for o in READ)
        lines.append(f"{status}: {total} checked, number read on {read} ({_share(read, total)})")
        lines.extend(
            f"  {outcome.value:<12} {outcomes[outcome.value]:>6}"
            f"  {_share(outcomes[outcome.value], total)}"
            for outcome in DocumentOutcome
        )
    return "\n".join(lines)
