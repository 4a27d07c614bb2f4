"""The face-check process: one worker of a ``ProcessPoolExecutor``, started on first
use, the models loaded once in it.

Why a process: dlib's descriptor holds the GIL (~80 ms per face), and with it in a
thread the web worker's event loop got 5 % of its normal throughput
(docs/notes/face-checks.md). Why "spawn": forking a web worker that runs threads and an
event loop can copy a held lock into the child; a fresh interpreter imports only
``detector`` (numpy, Pillow, dlib).

A call that runs past its timeout ends the worker (a stuck dlib call cannot be
cancelled) and the next call starts a fresh one. Callers get ``ChecksUnavailable``
for a timeout, a crashed worker or a missing model, and carry on without scores.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any

log = logging.getLogger(__name__)

_lock = threading.Lock()
_executor: concurrent.futures.ProcessPoolExecutor | None = None


class ChecksUnavailable(Exception):
    """The checks could not run: ``reason`` is ``timeout``, ``crashed`` or ``failed``."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _pool() -> concurrent.futures.ProcessPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = concurrent.futures.ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
        return _executor


def _discard(executor: concurrent.futures.ProcessPoolExecutor) -> None:
    """End a worker that overran or broke; the next call starts another."""
    global _executor
    with _lock:
        if _executor is executor:
            _executor = None
    # The executor cannot cancel a running call; end its process instead.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)


def _submit(function: Callable[..., Any], *args: Any):
    executor = _pool()
    try:
        return executor, executor.submit(function, *args)
    except (BrokenProcessPool, RuntimeError):
        _discard(executor)
        executor = _pool()
        return executor, executor.submit(function, *args)


def _unavailable(executor, error: BaseException) -> ChecksUnavailable:
    if isinstance(error, TimeoutError | concurrent.futures.TimeoutError):
        log.warning("face checks: no answer in time; restarting the check process")
        _discard(executor)
        return ChecksUnavailable("timeout")
    if isinstance(error, BrokenProcessPool):
        log.warning("face checks: the check process died; restarting it")
        _discard(executor)
        return ChecksUnavailable("crashed")
    log.exception("face checks failed", exc_info=error)
    return ChecksUnavailable("failed")


def run(function: Callable[..., Any], *args: Any, timeout: float) -> Any:
    """Call ``function(*args)`` in the check process and wait (from a thread, never the
    event loop); raises ``ChecksUnavailable``."""
    executor, future = _submit(function, *args)
    try:
        return future.result(timeout=timeout)
    except Exception as error:
        raise _unavailable(executor, error) from None


async def run_async(function: Callable[..., Any], *args: Any, timeout: float) -> Any:
    """The same for async code: the event loop waits without blocking."""
    executor, future = _submit(function, *args)
    try:
        return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
    except Exception as error:
        raise _unavailable(executor, error) from None


def warm_up() -> None:
    """Start the process and load the models in the background (a page about to need
    them calls this); returns at once."""
    from pk_rentals.services.faces import detector

    try:
        _submit(detector.warm_up)
    except Exception:  # a warm-up is only a head start
        log.exception("face checks: warm-up failed")


def shutdown() -> None:
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True, cancel_futures=True)
