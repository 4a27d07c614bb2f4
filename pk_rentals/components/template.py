"""The signed-in page template: frame, session gate, route and title in one place.

A page declares where it lives and what its tab says beside its body::

    @signed_in_page(route=routes.SETTINGS, title="Settings · PK Rentals")
    def settings_page() -> rx.Component:
        return rx.vstack(...)

The app registers it with ``register(app, settings_page)``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import reflex as rx

from pk_rentals.components.frame import page_frame, signed_in_only


def signed_in_page(*, route: str, title: str) -> Callable:
    """Wrap a page body in the shared frame, shown only to a verified session.

    Args:
        route: the page's path, from ``pk_rentals.routes``.
        title: the browser tab's title.

    Returns:
        A decorator; the decorated function builds the whole page and carries
        ``route`` and ``title`` as attributes for ``register``.
    """

    def decorate(body: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        @functools.wraps(body)
        def page() -> rx.Component:
            return page_frame(signed_in_only(body()))

        page.route = route
        page.title = title
        return page

    return decorate


def register(app: rx.App, *pages: Callable[[], rx.Component]) -> None:
    """Add pages built by ``signed_in_page`` to the app under their route and title."""
    for page in pages:
        app.add_page(page, route=page.route, title=page.title)
