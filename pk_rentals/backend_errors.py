"""What a person sees when an event handler fails: one toast, in both languages.

A database or Redis outage (a restart, a failover) is the failure people meet in
production: say the change was not saved and to try again, not "contact the
administrator". Everything else keeps Reflex's own handler (logged with its trace).
"""

from __future__ import annotations

import logging

import reflex as rx
import sqlalchemy.exc
from reflex.app import default_backend_exception_handler

log = logging.getLogger(__name__)

UNAVAILABLE_UR = (
    "سروس ایک لمحے کے لیے دستیاب نہیں تھی: آپ کی تبدیلی محفوظ نہیں ہوئی۔ دوبارہ کوشش کریں۔"
)
UNAVAILABLE_EN = "The service was briefly unavailable: your change was not saved. Please try again."


def _is_outage(exception: Exception) -> bool:
    import redis.exceptions

    outages = (
        sqlalchemy.exc.OperationalError,
        sqlalchemy.exc.InterfaceError,
        sqlalchemy.exc.TimeoutError,
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
    )
    return isinstance(exception, outages)


def backend_error_toast(exception: Exception):
    if not _is_outage(exception):
        return default_backend_exception_handler(exception)
    log.error("backend unavailable: %s: %s", type(exception).__name__, exception)
    return rx.toast.error(
        UNAVAILABLE_UR,
        description=UNAVAILABLE_EN,
        id="backend_error",  # one toast, however many events fail at once
        position="top-center",
    )
