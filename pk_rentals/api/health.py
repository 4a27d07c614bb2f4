"""``GET /healthz``: 200 when the database answers, 503 with a JSON reason when not."""

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from pk_rentals.db import get_engine
from pk_rentals.services.health import check_database

router = APIRouter()


@router.get("/healthz")
async def healthz() -> JSONResponse:
    report = await run_in_threadpool(check_database, get_engine())
    if report.ok:
        return JSONResponse({"status": "ok", "database": "ok"})
    return JSONResponse(
        {"status": "unavailable", "database": "unreachable", "reason": report.reason},
        status_code=503,
    )
