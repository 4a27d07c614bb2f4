"""Prerendered shells for pages whose address carries an id.

A production build prerenders every fixed address (``/``, ``/profile``) into HTML
that shows its text before any JavaScript arrives. A public profile's address has an
id in it (``/u/{id}``), so it had no HTML of its own: the server sent an empty page
and the visitor on a slow link saw nothing until the JavaScript had downloaded and
drawn it (about a second longer than the landing page).

This plugin asks the build to prerender one more address per such page, with a
placeholder id (``SHELLS``); that HTML is the page as it looks before its data
arrives (header, footer, "loading"). Every ``/u/{id}`` is then answered with it:
nginx in production (deploy/nginx.conf.template), the app's own route otherwise
(api/page_shells.py). It hydrates cleanly at any id, since the page draws nothing
from the id until its data has loaded.
"""

from __future__ import annotations

import dataclasses
import json

from reflex.plugins import Plugin

from pk_rentals import routes

# The address prerendered for each page with an id, and where its HTML lands.
SHELLS = {routes.PUBLIC_PROFILE: "/u/_"}
# Sign-in and sign-up take any address below them (Clerk's steps, path-routed), so
# the build skips them too; their first step is prerendered at its own address,
# which every server then finds as it finds any page.
ENTRY_PAGES = (routes.SIGN_IN, routes.SIGN_UP)


def shell_file(address: str) -> str:
    """The prerendered file of a shell address, relative to the build's client folder."""
    return address.strip("/") + "/index.html"


@dataclasses.dataclass
class PageShellsPlugin(Plugin):
    def pre_compile(self, **context) -> None:
        context["add_modify_task"]("react-router.config.js", _prerender_shells)


def _prerender_shells(config: str) -> str:
    """React Router's prerender list: every fixed address, and the shells. Only a
    production build prerenders; the development config is left as it is."""
    if '"prerender": true' not in config:
        return config
    extra = json.dumps([*SHELLS.values(), *ENTRY_PAGES])
    listed = f'"prerender": async ({{getStaticPaths}}) => [...getStaticPaths(), ...{extra}]'
    return config.replace('"prerender": true', listed, 1)
