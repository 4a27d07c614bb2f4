"""The floor app of `make load`: the least a Reflex app can do per event (one row
written), run on the same topology as pk_rentals to show what Reflex itself costs."""

import reflex as rx

config = rx.Config(
    app_name="floor",
    telemetry_enabled=False,
    plugins=[],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
