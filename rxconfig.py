"""Reflex configuration, derived from pk_rentals.settings (the one source of truth)."""

import reflex as rx

from pk_rentals.dev_proxy import DevProxyPlugin
from pk_rentals.settings import get_settings

FRONTEND_PORT = 3000
BACKEND_PORT = 8000

settings = get_settings()

config = rx.Config(
    app_name="pk_rentals",
    db_url=settings.db_url,
    redis_url=settings.redis_url,
    frontend_port=FRONTEND_PORT,
    backend_port=BACKEND_PORT,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    default_color_mode="system",
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="grass", gray_color="sand", radius="large")
        ),
        DevProxyPlugin(backend_port=BACKEND_PORT),
    ],
    # No sitemap: most pages are private to their user.
    disable_plugins=[rx.plugins.SitemapPlugin],
)
