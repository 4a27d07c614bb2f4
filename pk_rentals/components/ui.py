"""Shared UI idioms: titled cards, loading states, busy spinners and message-id text.

Each idiom is written once here so every screen shows it the same way.
"""

import reflex as rx

from pk_rentals.components.i18n import say, t


def _spinner(size: str | None) -> rx.Component:
    return rx.spinner(size=size) if size else rx.spinner()


def loading(label_key: str, *, size: str | None = None, **props) -> rx.Component:
    """A spinner beside a translated label, announced as a status.

    Args:
        label_key: catalogue key of the label read beside the spinner.
        size: the spinner's Radix size ("1"-"3"); Radix's default when None.
        **props: passed to the row (spacing, data_testid...).
    """
    props.setdefault("role", "status")
    return rx.hstack(_spinner(size), rx.text(say(label_key)), **props)


def busy_spinner(flag: rx.Var, *, size: str = "2") -> rx.Component:
    """A spinner shown only while `flag` is true (inside a submit button)."""
    return rx.cond(flag, rx.spinner(size=size), rx.fragment())


def message_text(message_id: rx.Var, keys, default: rx.Var | str = "") -> rx.Var:
    """The translated text of a message id held in state.

    Args:
        message_id: the state var holding a catalogue key (or a code).
        keys: pairs of (id, catalogue key), or catalogue keys used as their own id;
            a pair with an empty key shows nothing for its id.
        default: what shows for any other id.
    """
    cases = [(k, t(k)) if isinstance(k, str) else (k[0], t(k[1]) if k[1] else "") for k in keys]
    return rx.match(message_id, *cases, default)


def loading_block(label_key: str | None, **props) -> rx.Component:
    """A page-sized loading state: a large spinner, centred, announced as a status.

    Args:
        label_key: catalogue key of the visible label; None shows the spinner
            alone (then pass `aria_label` so screen readers still hear it).
        **props: passed to the centred box (width, data_testid, aria_label...).
    """
    label = [rx.text(say(label_key))] if label_key else []
    props.setdefault("padding", "3rem")
    props.setdefault("role", "status")
    return rx.center(rx.spinner(size="3"), *label, **props)


def titled_card(title_key: str, *children: rx.Component, size: str = "3", **props):
    """A card whose first line is its title as an h2, the content stacked below.

    Args:
        title_key: catalogue key of the title.
        size: the card's Radix size (padding): "3" on a page, "2" for steps.
        **props: passed to the card (data_testid...).
    """
    return rx.card(
        rx.vstack(
            rx.heading(t(title_key), as_="h2", size="4"),
            *children,
            spacing="3",
            align="start",
            width="100%",
        ),
        size=size,
        width="100%",
        **props,
    )
