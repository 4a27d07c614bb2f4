"""Requests sent at the same moment, as two tabs or a script would send them."""

from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(calls: list[Callable[[], object]]) -> list[object]:
    """Run ``calls`` on threads released together; each result, or its exception
    (a refusal is often the outcome under test)."""
    barrier = threading.Barrier(len(calls), timeout=20)
    results: list[object] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = calls[index]()
        except Exception as error:
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
