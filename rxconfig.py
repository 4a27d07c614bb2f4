"""Reflex configuration, derived from pk_rentals.settings (the one source of truth)."""

import os

import reflex as rx

from pk_rentals.dev_proxy import DevProxyPlugin
from pk_rentals.dev_reload import watch_only_the_source
from pk_rentals.page_shells import PageShellsPlugin
from pk_rentals.settings import get_settings

# `make run FRONTEND_PORT=… BACKEND_PORT=…` moves them (the dev journey test does).
FRONTEND_PORT = int(os.environ.get("PK_FRONTEND_PORT", "3000"))
BACKEND_PORT = int(os.environ.get("PK_BACKEND_PORT", "8000"))

settings = get_settings()
# Dev mode restarts the backend on file changes: only on the source's, never on
# what the running app writes (its database, media and keys in data/).
watch_only_the_source()

config = rx.Config(
    app_name="pk_rentals",
    db_url=settings.db_url,
    redis_url=settings.redis_url,
    frontend_port=FRONTEND_PORT,
    backend_port=BACKEND_PORT,
    # 127.0.0.1 while the built-in identity server or the development secret is in use:
    # both serve this machine only (settings refuse anything else).
    backend_host=settings.bind_host,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    default_color_mode="system",
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="grass", gray_color="sand", radius="large")
        ),
        DevProxyPlugin(backend_port=BACKEND_PORT, host=settings.bind_host),
        PageShellsPlugin(),
    ],
    # No sitemap: most pages are private to their user.
    disable_plugins=[rx.plugins.SitemapPlugin],
)
