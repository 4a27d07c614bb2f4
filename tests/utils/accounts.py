"""Test accounts as Clerk would report them."""

from __future__ import annotations

from sqlmodel import Session, select

from pk_rentals.models import User, UserVerification


def email_verified_at_clerk(session: Session, user: User) -> None:
    """What the webhook or the sign-in sync stores for an account whose address Clerk
    verified (every account the Backend API creates is), without waiting for either."""
    verification = session.exec(
        select(UserVerification).where(UserVerification.user_id == user.id)
    ).one()
    verification.email_verified = True
    session.add(verification)
