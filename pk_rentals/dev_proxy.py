"""In ``reflex run`` dev mode the page (port 3000) and backend (port 8000) differ.

This plugin makes Vite forward our HTTP routes to the backend, so pages use the
same relative URLs (``/api/...``, ``/_devauth/...``) as in production, where one
port serves everything (facts: docs/notes/reflex-request-path.md).

It also makes Vite listen where the backend listens: Reflex starts it with
``--host`` (every address), and whatever it forwards would then reach other
machines, media URLs signed with the published development secret included.
"""

import dataclasses
import json

from reflex.plugins import Plugin

PROXIED_PREFIXES = ("/api", "/_devauth", "/webhooks", "/healthz", "/media")


@dataclasses.dataclass
class DevProxyPlugin(Plugin):
    backend_port: int = 8000
    # The address the page server listens on (settings.bind_host: 127.0.0.1 while the
    # built-in identity server or the development secret is in use).
    host: str = "127.0.0.1"

    def pre_compile(self, **context) -> None:
        context["add_modify_task"]("vite.config.js", self._add_proxy)

    def _add_proxy(self, config: str) -> str:
        target = f"http://127.0.0.1:{self.backend_port}"
        entries = ", ".join(
            f"'{prefix}': {{target: '{target}', changeOrigin: false, xfwd: true}}"
            for prefix in PROXIED_PREFIXES
        )
        config = config.replace("server: {", f"server: {{\n    proxy: {{{entries}}},", 1)
        # A plugin's config hook runs after the command line's options are merged in,
        # so it overrides the ``--host`` Reflex passes.
        listen = (
            "{name: 'pk-listen-on', config(config) "
            f"{{ config.server = {{...config.server, host: {json.dumps(self.host)}}}; }}}}"
        )
        return config.replace("plugins: [", f"plugins: [\n    {listen},", 1)
