"""HTTP routes mounted beside Reflex's own (``rx.App(api_transformer=...)``)."""

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from pk_rentals.api import health, media, metrics, verification, webhooks
from pk_rentals.settings import get_settings


def create_api() -> FastAPI:
    api = FastAPI(title="pk_rentals", docs_url=None, redoc_url=None, openapi_url=None)
    api.include_router(health.router)
    api.include_router(webhooks.router)
    api.include_router(verification.router)
    api.include_router(media.router)
    api.include_router(metrics.router)
    settings = get_settings()
    if settings.runs_devauth:
        from pk_rentals.devauth.instance import MOUNT
        from pk_rentals.devauth.server import create_devauth_app

        api.mount(MOUNT, loopback_only(create_devauth_app()))
    return api


LOOPBACK_HOSTS = ("127.", "::1", "localhost")


def loopback_only(app):
    """The built-in identity server answers this machine only: its outbox lists every
    code. A request from any other peer (the connection's address, or the visitor's
    that a trusted proxy passed on) gets a 404, whatever the settings said."""

    async def guarded(scope, receive, send):
        host = (scope.get("client") or ("",))[0] or ""
        if scope["type"] in ("http", "websocket") and not host.startswith(LOOPBACK_HOSTS):
            response = JSONResponse({"errors": [{"code": "resource_not_found"}]}, 404)
            return await response(scope, receive, send)
        return await app(scope, receive, send)

    return guarded


def trust_proxy_headers(app):
    """The client address from X-Forwarded-For, believed only from PK_TRUSTED_PROXIES.

    Wraps the whole backend (``/_event`` included), so rate limits and logs see the
    visitor, not nginx; from any other peer the header is ignored.
    """
    trusted = [host.strip() for host in get_settings().trusted_proxies.split(",") if host.strip()]
    if not trusted:
        return app
    from granian.utils.proxies import wrap_asgi_with_proxy_headers

    return wrap_asgi_with_proxy_headers(app, trusted_hosts=trusted)
