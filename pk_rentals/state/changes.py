"""Assigning to Reflex state only what changed.

Reflex sends every assigned var to the page (and recomputes what depends on it,
and saves the state again), equal value or not. A page that reloads its data on
every visit assigns through ``assign_changed`` so an unchanged value costs nothing.
"""

from __future__ import annotations

from typing import Any

import reflex as rx


def assign_changed(state: rx.State, **values: Any) -> None:
    for name, value in values.items():
        if getattr(state, name) != value:
            setattr(state, name, value)
