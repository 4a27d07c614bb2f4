"""The message catalogue: one module per feature, merged into one dict.

Each feature module holds ``MESSAGES = {key: {"en": ..., "ur": ...}}``; a
translator edits the module of the feature. A key defined in two modules is
an error at import, because a plain merge would silently keep the last one.
"""

from __future__ import annotations

from pk_rentals.i18n.catalogue import (
    auth,
    common,
    moderation,
    moderation_audit,
    profile,
    refusals,
    security,
    settings,
    verification,
)

FEATURES = (
    common,
    auth,
    profile,
    settings,
    verification,
    refusals,
    moderation,
    moderation_audit,
    security,
)


def merge(features=FEATURES) -> dict[str, dict[str, str]]:
    """All features' messages in one dict; raises ValueError on a duplicate key."""
    merged: dict[str, dict[str, str]] = {}
    owner: dict[str, str] = {}
    for feature in features:
        for key, texts in feature.MESSAGES.items():
            if key in merged:
                raise ValueError(
                    f"message {key!r} is defined in both {owner[key]} and {feature.__name__}"
                )
            merged[key] = texts
            owner[key] = feature.__name__
    return merged


MESSAGES = merge()
