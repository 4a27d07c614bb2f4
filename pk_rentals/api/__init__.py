"""HTTP routes mounted beside Reflex's own (``rx.App(api_transformer=...)``)."""

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from reflex.utils.exec import is_prod_mode

from pk_rentals.api import health, media, metrics, page_shells, verification, webhooks
from pk_rentals.settings import get_settings, is_loopback_host


def create_api() -> FastAPI:
    api = FastAPI(title="pk_rentals", docs_url=None, redoc_url=None, openapi_url=None)
    api.include_router(health.router)
    api.include_router(webhooks.router)
    api.include_router(verification.router)
    api.include_router(media.router)
    api.include_router(metrics.router)
    if is_prod_mode():  # a production build exists to serve its prerendered shells
        api.include_router(page_shells.router)
    settings = get_settings()
    if settings.runs_devauth:
        from pk_rentals.devauth.instance import MOUNT
        from pk_rentals.devauth.server import create_devauth_app

        api.mount(MOUNT, loopback_only(create_devauth_app()))
    return api


# The connection's own peer, kept by ``trust_proxy_headers`` before a trusted proxy's
# X-Forwarded-For replaces the scope's ``client``.
PEER = "pk_rentals.peer"


def loopback_only(app):
    """The built-in identity server answers this machine only: its outbox lists every
    code. Any other request gets a 404, whatever the settings said."""

    async def guarded(scope, receive, send):
        if scope["type"] in ("http", "websocket") and not from_this_machine(scope):
            response = JSONResponse({"errors": [{"code": "resource_not_found"}]}, 404)
            return await response(scope, receive, send)
        return await app(scope, receive, send)

    return guarded


def from_this_machine(scope) -> bool:
    """The connection's peer, the client a trusted proxy named, and every address in
    X-Forwarded-For or X-Real-IP are all loopback. The headers can refuse, never admit:
    a proxy on this machine connects from 127.0.0.1 and names its visitor there (the
    page server of ``make run`` listens on every address and forwards ``/_devauth``;
    nginx does in ``make prod``), and a visitor can add addresses but not remove the
    one the proxy adds."""
    addresses = [(scope.get(PEER) or scope.get("client") or ("",))[0]]
    addresses.append((scope.get("client") or ("",))[0])
    for name, value in scope.get("headers", ()):
        if name in (b"x-forwarded-for", b"x-real-ip"):
            addresses.extend(value.decode("latin-1").split(","))
    return all(is_loopback_host(address) for address in addresses)


def trust_proxy_headers(app):
    """The client address from X-Forwarded-For, believed only from PK_TRUSTED_PROXIES.

    Wraps the whole backend (``/_event`` included), so rate limits and logs see the
    visitor, not nginx; from any other peer the header is ignored.
    """
    trusted = [host.strip() for host in get_settings().trusted_proxies.split(",") if host.strip()]
    if not trusted:
        return app
    from granian.utils.proxies import wrap_asgi_with_proxy_headers

    proxied = wrap_asgi_with_proxy_headers(app, trusted_hosts=trusted)

    async def keep_peer(scope, receive, send):
        if scope["type"] != "lifespan":
            scope[PEER] = scope.get("client")
        return await proxied(scope, receive, send)

    return keep_peer
