"""HTTP routes mounted beside Reflex's own (``rx.App(api_transformer=...)``)."""

from fastapi import FastAPI

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
    if settings.uses_devauth and not settings.is_production:
        from pk_rentals.devauth.instance import MOUNT
        from pk_rentals.devauth.server import create_devauth_app

        api.mount(MOUNT, create_devauth_app())
    return api
