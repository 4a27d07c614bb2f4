"""``built_once``: what ``functools.cache`` gives a builder of a shared resource (an engine
and its connection pool, the identity server), safe when threads race to the first
call.

``functools.cache`` lets every thread that arrives before the first build finishes
build its own. A worker restarted under load gets its first requests all at once,
each in its own thread: each built an engine, each engine opened its own pool, and
PostgreSQL ran out of connections ("too many clients already", found with
``make load``). Here the first caller builds and the others wait for it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def built_once(build: Callable[[], T]) -> Callable[[], T]:
    """``build()`` the first time, under a lock; its result afterwards without one
    (``get_engine`` is asked on every database call). ``cache_clear`` forgets it
    (tests point settings elsewhere and rebuild); ``is_built`` tells whether it exists."""
    built: list[T] = []
    lock = threading.Lock()

    @functools.wraps(build)
    def get() -> T:
        if not built:
            with lock:
                if not built:
                    built.append(build())
        return built[0]

    get.cache_clear = built.clear  # type: ignore[attr-defined]
    get.is_built = lambda: bool(built)  # type: ignore[attr-defined]
    return get
