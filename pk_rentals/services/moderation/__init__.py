"""The moderators' side of verification: the queue, a submission in detail, decisions,
the audited CNIC reveal, the audit log and the stats panel.

Each module owns one concern and every function checks the caller's role itself.
This package re-exports the names callers use as ``moderation.X``.
"""

from pk_rentals.services.moderation.access import (
    MODERATOR_ROLES,
    AlreadyDecided,
    DecisionInvalid,
    NotFound,
    NotModerator,
    is_moderator,
)
from pk_rentals.services.moderation.audit import AuditView, audit_log
from pk_rentals.services.moderation.dashboard import Overview, Stats, overview, security, stats
from pk_rentals.services.moderation.decisions import (
    NOTE_MAX,
    REVEAL_SECONDS,
    DecisionResult,
    decide,
    reveal_cnic,
    set_trust_grant,
)
from pk_rentals.services.moderation.queue_pages import (
    PAGE_SIZE,
    QueueItem,
    QueuePage,
    decode_cursor,
    encode_cursor,
    queue,
    queue_statement,
)
from pk_rentals.services.moderation.submission import (
    DocumentSummary,
    EarlierAttempt,
    FaceSummary,
    SubmissionDetail,
    detail,
    detail_statement,
    staff_name,
)
from pk_rentals.services.moderation.vocabulary import (
    AUDIT_ACTION,
    FACE_FLAG_COLUMNS,
    OUTCOME,
    Decision,
    Flag,
)
from pk_rentals.services.verification import REJECTION_REASONS

__all__ = [
    "AUDIT_ACTION",
    "FACE_FLAG_COLUMNS",
    "MODERATOR_ROLES",
    "NOTE_MAX",
    "OUTCOME",
    "PAGE_SIZE",
    "REJECTION_REASONS",
    "REVEAL_SECONDS",
    "AlreadyDecided",
    "AuditView",
    "Decision",
    "DecisionInvalid",
    "DecisionResult",
    "DocumentSummary",
    "EarlierAttempt",
    "FaceSummary",
    "Flag",
    "NotFound",
    "NotModerator",
    "Overview",
    "QueueItem",
    "QueuePage",
    "Stats",
    "SubmissionDetail",
    "audit_log",
    "decide",
    "decode_cursor",
    "detail",
    "detail_statement",
    "encode_cursor",
    "is_moderator",
    "overview",
    "queue",
    "queue_statement",
    "reveal_cnic",
    "security",
    "set_trust_grant",
    "staff_name",
    "stats",
]
