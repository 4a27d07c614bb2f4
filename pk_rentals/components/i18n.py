"""Show a message from pk_rentals.i18n in the visitor's language."""

import reflex as rx

from pk_rentals.i18n import MESSAGES
from pk_rentals.state.ui import UiState


def t(key: str) -> rx.Var:
    """The message ``key`` as a Var that follows the language switch."""
    message = MESSAGES[key]
    return rx.cond(UiState.is_urdu, message["ur"], message["en"])
