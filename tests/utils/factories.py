"""Build valid rows with sensible Pakistani defaults; override only what a test is about."""

from __future__ import annotations

import itertools

from sqlmodel import Session

from pk_rentals.models import User, UserPreferences, UserVerification

_sequence = itertools.count(1)


def make_user(session: Session, **fields) -> User:
    number = next(_sequence)
    user = User(
        clerk_user_id=fields.pop("clerk_user_id", f"user_test{number:06d}"),
        display_name=fields.pop("display_name", f"Test User {number}"),
        city=fields.pop("city", "Lahore"),
        province=fields.pop("province", "Punjab"),
        **fields,
    )
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def make_verification(session: Session, user: User, **fields) -> UserVerification:
    verification = UserVerification(user_id=user.id, **fields)
    session.add(verification)
    session.commit()
    session.refresh(verification)
    return verification


def make_preferences(session: Session, clerk_user_id: str, **fields) -> UserPreferences:
    preferences = UserPreferences(clerk_user_id=clerk_user_id, **fields)
    session.add(preferences)
    session.commit()
    session.refresh(preferences)
    return preferences
