"""Show a message from pk_rentals.i18n in the visitor's language."""

import reflex as rx

from pk_rentals.i18n import MESSAGES
from pk_rentals.state.ui import UiState


def t(key: str) -> rx.Var:
    """The message ``key`` as a Var that follows the language switch."""
    message = MESSAGES[key]
    return rx.cond(UiState.is_urdu, message["ur"], message["en"])


def bilingual(urdu: str, english: str) -> rx.Component:
    """Words shown in both languages' HTML, the page's language picked by CSS from
    ``<html lang>`` (styles.css, ``.pk-ur``/``.pk-en``). The head script sets ``lang``
    from the visitor's cookie before the first paint, so the prerendered page already
    reads in their language while its JavaScript is still on the way (``t`` follows
    the state, which is Urdu until the page has hydrated). Visible text only: an
    attribute (``aria-label``, ``placeholder``) takes ``t``."""
    return rx.fragment(
        rx.el.span(urdu, lang="ur", class_name="pk-ur"),
        rx.el.span(english, lang="en", class_name="pk-en"),
    )


def say(key: str) -> rx.Component:
    """The message ``key`` as visible text, right before hydration (``bilingual``)."""
    message = MESSAGES[key]
    return bilingual(message["ur"], message["en"])


def script_messages(keys: dict[str, str]) -> dict[str, rx.Var]:
    """The words a JS component shows, as ``{name: text in the page's language}`` for
    ``{name: catalogue key}``: the catalogue stays the one place words live."""
    return {name: t(key) for name, key in keys.items()}


def ltr(*children, **props) -> rx.Component:
    """A CNIC, phone number, email, code, date or figure inside text of either
    direction: drawn left to right as one island, never broken over lines (in Urdu,
    "42101-*******-1" would otherwise read "1-*******-42101")."""
    return rx.el.bdi(*children, dir="ltr", class_name="pk-ltr", **props)
