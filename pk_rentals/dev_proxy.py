"""In ``reflex run`` dev mode the page (port 3000) and backend (port 8000) differ.

This plugin makes Vite forward our HTTP routes to the backend, so pages use the
same relative URLs (``/api/...``, ``/_devauth/...``) as in production, where one
port serves everything (facts: ../shared/notes/reflex-request-path.md).
"""

import dataclasses

from reflex.plugins import Plugin

PROXIED_PREFIXES = ("/api", "/_devauth", "/webhooks", "/healthz", "/media")


@dataclasses.dataclass
class DevProxyPlugin(Plugin):
    backend_port: int = 8000

    def pre_compile(self, **context) -> None:
        context["add_modify_task"]("vite.config.js", self._add_proxy)

    def _add_proxy(self, config: str) -> str:
        target = f"http://127.0.0.1:{self.backend_port}"
        entries = ", ".join(
            f"'{prefix}': {{target: '{target}', changeOrigin: false, xfwd: true}}"
            for prefix in PROXIED_PREFIXES
        )
        return config.replace("server: {", f"server: {{\n    proxy: {{{entries}}},", 1)
