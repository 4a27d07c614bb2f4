"""Styles that Reflex passes through as CSS must be valid CSS.

Reflex's ``rx.flex`` and ``rx.grid`` take the Radix spacing scale as ``spacing="3"``;
``gap="3"`` is not one of their props, so it lands in the style as ``gap: 3``, which
browsers drop: the moderation page's cards and rows touched each other that way.
"""

import re

import pytest
import reflex as rx

from pk_rentals.pk_rentals import app

GAPS = ("gap", "rowGap", "columnGap", "row_gap", "column_gap")
BARE_NUMBER = re.compile(r'^"?\d+(\.\d+)?"?$')


def _components(component):
    yield component
    for child in getattr(component, "children", None) or []:
        yield from _components(child)
    for branch in ("comp1", "comp2"):  # rx.cond's two sides
        if getattr(component, branch, None) is not None:
            yield from _components(getattr(component, branch))


def _css(value) -> str:
    return str(getattr(value, "_js_expr", value))


def unitless_gaps(component) -> list[str]:
    return [
        f"{type(c).__name__} {name}: {_css(c.style[name])}"
        for c in _components(component)
        for name in GAPS
        if name in (getattr(c, "style", None) or {}) and BARE_NUMBER.match(_css(c.style[name]))
    ]


@pytest.mark.parametrize("route", sorted(app._unevaluated_pages))
def test_no_page_has_a_unitless_gap(route):
    assert unitless_gaps(app._unevaluated_pages[route].component()) == []


def test_the_check_sees_a_misplaced_gap():
    wrong = rx.card(rx.cond(True, rx.grid(rx.text("a"), gap="3"), rx.text("b")))
    assert unitless_gaps(wrong) == ['Grid gap: "3"']
    assert unitless_gaps(rx.grid(rx.text("a"), spacing="3", gap="0.5rem")) == []
