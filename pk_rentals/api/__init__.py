"""HTTP routes mounted beside Reflex's own (``rx.App(api_transformer=...)``)."""

from fastapi import FastAPI

from pk_rentals.api import health, webhooks


def create_api() -> FastAPI:
    api = FastAPI(title="pk_rentals", docs_url=None, redoc_url=None, openapi_url=None)
    api.include_router(health.router)
    api.include_router(webhooks.router)
    return api
