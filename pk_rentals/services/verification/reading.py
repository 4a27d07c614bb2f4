"""What the person sees of their verification."""

from __future__ import annotations

import logging

from pk_rentals import db
from pk_rentals.models import (
    SubmissionStatus,
)
from pk_rentals.models.base import as_utc
from pk_rentals.services.verification.common import (
    VerificationStatus,
    _attempts,
    _draft_view,
    _newest_drafts,
    _newest_submission,
    _user,
    _verification,
)
from pk_rentals.settings import get_settings

log = logging.getLogger(__name__)

# --- reading ---------------------------------------------------------------------------


def status_of(clerk_user_id: str) -> VerificationStatus:
    """What the user's /verify page shows."""
    max_resubmissions = get_settings().max_resubmissions
    with db.session() as session:
        user = _user(session, clerk_user_id)
        verification = _verification(session, user)
        newest = _newest_submission(session, user)
        attempts = _attempts(session, user)
        drafts = {k.value: _draft_view(d) for k, d in _newest_drafts(session, user).items()}
        resubmissions_left = max(0, max_resubmissions + 1 - attempts) if attempts else 0
        state = newest.status if newest is not None else "none"
        if newest is None:
            can_submit = True
        else:
            can_submit = (
                state
                in (SubmissionStatus.REJECTED.value, SubmissionStatus.RESUBMISSION_REQUESTED.value)
                and resubmissions_left > 0
            )
        email_verified = verification.email_verified
        return VerificationStatus(
            email_verified=email_verified,
            level=verification.verification_level,
            state=str(state),
            reason_code=newest.reason_code if newest else None,
            note=newest.note if newest else None,
            resubmissions_left=resubmissions_left if newest else max_resubmissions,
            can_submit=can_submit,
            submitted_at=as_utc(newest.submitted_at) if newest else None,
            decided_at=as_utc(newest.decided_at) if newest and newest.decided_at else None,
            cnic_masked=newest.cnic_masked if newest else None,
            drafts=drafts if can_submit and email_verified else {},
        )
