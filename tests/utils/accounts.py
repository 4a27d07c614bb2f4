"""Test accounts as Clerk would report them."""

from __future__ import annotations

import httpx
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


def create_clerk_user(devauth_url: str, secret_key: str, email: str, password: str) -> dict:
    """An account made through the identity server's Backend API (``devauth_url`` ends
    in ``/_devauth``), as Clerk's dashboard or SDK makes one: its user JSON."""
    response = httpx.post(
        f"{devauth_url}/v1/users",
        json={"email_address": [email], "password": password},
        headers={"Authorization": f"Bearer {secret_key}"},
    )
    response.raise_for_status()
    return response.json()
