"""``built_once``: ``functools.cache`` for a builder of a shared resource (an engine
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
    """``build()`` the first time, under a lock; its result afterwards. Keeps
    ``cache_clear`` and ``cache_info`` (tests point settings elsewhere and rebuild)."""
    cached = functools.cache(build)
    lock = threading.Lock()

    @functools.wraps(build)
    def get() -> T:
        with lock:
            return cached()

    get.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    get.cache_info = cached.cache_info  # type: ignore[attr-defined]
    return get
