"""``GET /metrics``: the Prometheus counters (services/security_events.py) in the text
format, for a scraper holding ``Authorization: Bearer <PK_METRICS_TOKEN>``.

Closed to everyone else: 401 without a token, 403 with a wrong one or while no
token is configured (development's default), 404 when metrics are disabled. The
token is compared in constant time. Counters are per process: with several
workers, scrape each one, or set ``PROMETHEUS_MULTIPROC_DIR`` (prometheus_client's
multiprocess mode) and this endpoint sums every worker's files.
"""

from __future__ import annotations

import hmac
import os

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
)

from pk_rentals.settings import get_settings

router = APIRouter()


def _refusal(status: int, error: str, message: str) -> JSONResponse:
    headers = {"WWW-Authenticate": 'Bearer realm="metrics"'} if status == 401 else None
    return JSONResponse({"error": error, "message": message}, status_code=status, headers=headers)


def _registry():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    settings = get_settings()
    if not settings.metrics_enabled:
        return _refusal(404, "metrics_disabled", "Metrics are disabled (PK_METRICS_ENABLED).")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return _refusal(
            401, "token_missing", "Send the metrics token as Authorization: Bearer <token>."
        )
    expected = settings.metrics_token.get_secret_value()
    # compare_digest on bytes: constant time whatever the two values hold.
    if not expected or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        return _refusal(403, "token_invalid", "The metrics token is wrong or not configured.")
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)
