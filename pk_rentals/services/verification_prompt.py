"""The one-time prompt to verify (``verificationPrompted``).

A signed-in user below ``verified`` is asked once to verify their identity; the
prompt is marked as shown in the same statement that decides to show it, so two
tabs or a reload never show it twice. No Reflex imports here.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import SubmissionStatus, User, UserPreferences, UserVerification
from pk_rentals.models.enums import VerificationLevel
from pk_rentals.models.verification import VerificationSubmission
from pk_rentals.services.identity.clerk_ids import check_clerk_user_id

PROMPTED_LEVELS = (VerificationLevel.UNVERIFIED, VerificationLevel.BASIC)


def take_verification_prompt(clerk_user_id: str) -> bool:
    """True exactly once for a user with a complete profile, below ``verified`` and
    with no submission waiting for a moderator; marks ``verification_prompted``."""
    check_clerk_user_id(clerk_user_id)
    with db.session() as session:
        user = session.exec(select(User).where(User.clerk_user_id == clerk_user_id)).first()
        if user is None or user.profile_completed_at is None:
            return False
        level = session.exec(
            select(UserVerification.verification_level).where(UserVerification.user_id == user.id)
        ).first()
        if (level or VerificationLevel.UNVERIFIED) not in PROMPTED_LEVELS:
            return False
        waiting = session.exec(
            select(VerificationSubmission.id).where(
                VerificationSubmission.user_id == user.id,
                VerificationSubmission.status == SubmissionStatus.PENDING,
            )
        ).first()
        if waiting is not None:
            return False
        marked = session.exec(
            sa.update(UserPreferences)
            .where(
                UserPreferences.clerk_user_id == clerk_user_id,
                UserPreferences.verification_prompted.is_(False),
            )
            .values(verification_prompted=True)
        )
        session.commit()
        return marked.rowcount == 1
