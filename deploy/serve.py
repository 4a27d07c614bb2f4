"""One production backend in one process: what supervisord runs for each worker port.

    python -m deploy.serve --port 8101

It serves the app exactly as ``reflex run --env prod --backend-only`` does (the same
environment, ASGI target and granian settings), minus two processes. Under the CLI
the supervised process is granian's main process, which forks the worker that holds
the socket; a ``kill -9`` of the main process left that worker listening with no
parent, and each restart then found the port taken. Here granian's own worker body
runs in the process supervisord started, so that process is the one listening and
nothing outlives it. It also skips the CLI's start-up work (it empties ``.states/``,
which no backend here uses: state is in Redis).

The frontend is the static export that ``deploy/prod.py up`` builds beforehand (the
backend compiles nothing: Reflex's backend-only run skips compiling too).
Line numbers are Reflex 0.10.1's and granian 2.8.7's, the pinned versions.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os

# The app granian loads: Reflex's "module:attribute" target, read by ``frozen_app``
# (granian imports this module again by name, so the target travels in the
# environment, not in a global of ``__main__``).
APP_TARGET = "PK_SERVE_APP_TARGET"

# The collector's thresholds in a worker: a young collection after 10,000 new container
# objects, not CPython's 700. One event makes thousands (Reflex's state proxies and
# deltas, Socket.IO packets, SQLAlchemy rows), so the default collected several times
# per event: 7 % of a worker's time with 200 tabs in `make load`, under 1 % with these,
# for at most a few MB more garbage waiting (BENCHMARKS.md, "Fifth pass").
GC_THRESHOLDS = (10_000, 10, 10)

# "1": the worker runs on one CPU (PK_PIN_WORKERS; deploy/prod.py sets it unless the
# operator did). One worker is one process holding Python's lock, with the event loop
# on one thread and the database calls on others (asyncio.to_thread). When those
# threads sit on different CPUs, each hand-over of the lock wakes a thread on another
# CPU; on one CPU it is a plain switch. In `make load` a pinned worker served an event
# in 0.60 ms of CPU instead of 0.74-0.83 (BENCHMARKS.md, "Eighth pass").
PIN = "PK_PIN_WORKERS"


def reflex_backend_environment(host: str, port: int) -> dict[str, str]:
    """What ``reflex run --env prod --backend-only --backend-host H --backend-port P
    --loglevel warning`` puts in its environment before it starts granian."""
    return {
        # reflex/reflex.py:39 (every CLI command) and reflex_base/utils/log.py:1008.
        "REFLEX_MANAGED_LOGGING": "true",
        "REFLEX_LOGLEVEL": os.environ.get("REFLEX_LOGLEVEL", "warning"),
        # reflex/reflex.py:823-825.
        "REFLEX_COMPILE_CONTEXT": "run",
        "REFLEX_BACKEND_ONLY": "true",
        "REFLEX_FRONTEND_ONLY": "false",
        # reflex/reflex.py:633.
        "REFLEX_ENV_MODE": "prod",
        # reflex/reflex.py:650 and 577 (``_skip_compile``; an internal variable).
        "__REFLEX_SKIP_COMPILE": "true",
        # reflex/reflex.py:667 and 570 (``_set_persistent``).
        "REFLEX_BACKEND_HOST": host,
        "REFLEX_FRONTEND_PORT": str(port),
        "REFLEX_BACKEND_PORT": str(port),
        # reflex/utils/exec.py:965: a backend-only run mounts no frontend.
        "__REFLEX_MOUNT_FRONTEND_COMPILED_APP": "false",
    }


def frozen_app():
    """The app's ASGI callable, as granian's factory target gives it, with everything
    made while loading it frozen out of the garbage collector, and the collector's
    thresholds set for a server (``GC_THRESHOLDS``).

    Loading the app leaves ~200,000 long-lived objects (components, states, routes).
    Without the freeze each full collection walks all of them: with 200 tabs on a
    worker one ran every few seconds and stopped the event loop for up to 240-360 ms,
    which made the slowest 5 % of events (BENCHMARKS.md, "Fourth pass"). ``gc.freeze``
    moves them to a generation the collector never scans; they live as long as the
    process anyway.
    """
    module, attribute = os.environ[APP_TARGET].split(":")
    asgi = getattr(importlib.import_module(module), attribute)()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    return asgi


def worker_cpu(port: int, usable: set[int]) -> int | None:
    """The CPU for the worker on ``port``, or None when there is no choice to make.

    Workers listen on consecutive ports, so ``port`` modulo the number of usable CPUs
    gives each its own CPU while there are enough, and spreads them evenly after that.
    ``usable`` is what this process may run on (a container's or taskset's CPU set).
    """
    cpus = sorted(usable)
    return cpus[port % len(cpus)] if len(cpus) > 1 else None


def pin_to_one_cpu(port: int) -> int | None:
    """Pin this process to its worker's CPU; call it before any thread starts (threads
    inherit the CPU set of the thread that starts them). The CPU, or None."""
    cpu = worker_cpu(port, os.sched_getaffinity(0))
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    return cpu


def refuse_to_serve_other_machines_what_is_for_this_one(host: str) -> None:
    """Stop before listening on an address other machines reach while the settings say
    the app must serve this machine only: the built-in identity server (its outbox shows
    every sign-in and phone code) or the development secret. The several-hosts recipe
    needs Clerk and a real PK_SECRET_KEY. Reads REFLEX_BACKEND_HOST, which ``serve``
    has just set to ``host``; a loopback ``host`` (``make prod``) needs no reading."""
    from pk_rentals.settings import SettingsError, is_loopback_host, load_settings

    if is_loopback_host(host):
        return
    try:
        load_settings()
    except SettingsError as error:
        problems = "".join(f"\n  {problem}" for problem in error.problems)
        raise SystemExit(
            f"deploy/serve.py --host {host}: the settings refuse it:{problems}"
        ) from None


def serve(host: str, port: int) -> None:
    # Before anything reads Reflex's config, which takes these variables at load.
    os.environ.update(reflex_backend_environment(host, port))
    refuse_to_serve_other_machines_what_is_for_this_one(host)

    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import MPServer
    from reflex.utils import exec as reflex_exec
    from reflex.utils import processes
    from reflex_base.config import get_config

    # reflex/reflex.py:720: refuse a port something already listens on. Granian binds
    # with SO_REUSEPORT, so without this a second server would quietly share the port.
    processes.handle_port("backend_only", port, auto_increment=False)

    class OneProcessGranian(MPServer):
        """Granian's worker body (granian/server/mp.py:179-251) run here, not in a child.

        Granian prepares the worker's arguments and its ``multiprocessing.Process``;
        ``run()`` calls that process's target in this process. SIGTERM and SIGINT
        then reach the worker's own handlers (granian/_signals.py:22-35): it stops
        accepting, shuts down gracefully and runs the ASGI lifespan shutdown.
        ``_spawn_workers`` and ``_spawn_worker`` are granian internals: recheck them
        when granian is upgraded (tests/e2e/test_production.py fails if they change).
        """

        def _spawn_workers(self, spawn_target, target_loader):
            worker = self._spawn_worker(idx=0, target=spawn_target, callback_loader=target_loader)
            try:
                worker.inner.run()
            finally:
                # Nothing left to supervise: let serve() shut down and return.
                self.interrupt_signal = True
                self.main_loop_interrupt.set()

    loglevel = get_config().loglevel.subprocess_level()  # reflex/reflex.py:593
    # reflex/utils/exec.py:1150-1161, with one worker: this process.
    os.environ[APP_TARGET] = reflex_exec.get_app_instance_from_file()
    OneProcessGranian(
        target="deploy.serve:frozen_app",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        log_level=LogLevels(os.getenv("GRANIAN_LOG_LEVEL", loglevel.value)),
        log_dictconfig=reflex_exec._granian_log_dictconfig(),
        workers=1,
    ).serve()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if os.environ.get(PIN) == "1":
        pin_to_one_cpu(args.port)
    serve(args.host, args.port)


if __name__ == "__main__":
    main()
