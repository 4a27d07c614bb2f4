"""`make run`, exactly as a newcomer starts it, in a fresh copy of the project.

The copy holds every file git would check out (the working tree's, edits included)
and links to this checkout's installed tools (``.venv``, ``tools/node_modules``,
``.cache``), so nothing is installed twice. It runs with no settings of the test
suite: the app's database, media and keys land in the copy's own ``data/``, as on a
newcomer's machine. Only the ports move (free ones, so a developer's own `make run`
can keep 3000 and 8000), and the environment of the machine can be given: an
offline machine's DNS, for one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psutil

from pk_rentals.settings import PROJECT_ROOT
from tests.utils.app_server import start_logged, wait_serving
from tests.utils.servers import free_port

SHARED_TOOLS = (".venv", "tools/node_modules", ".cache")
# What the test suite sets for its own processes, never for `make run`.
SUITE_ONLY = ("PK_", "REFLEX_", "CLERK_", "IDLE_", "MAKE", "MFLAGS")
# Lines the dev server's log shows when it restarts the backend.
RESTART_LINES = ("Changes detected", "reloading workers", "Killing worker", "Respawning")


@dataclasses.dataclass(frozen=True)
class DevServer:
    url: str  # the page server, where a person opens the app
    root: Path  # the project copy
    log: Path
    reflex_pid: int  # `reflex run`, which supervises the backend
    environment: dict[str, str]  # what `make run` was started with
    backend_url: str  # where BACKEND_PORT put the backend

    @property
    def database(self) -> Path:
        return self.root / "data" / "pk_rentals.db"

    def backend_pid(self) -> int:
        """The backend worker: the Python child of `reflex run` (a new one after a restart)."""
        children = psutil.Process(self.reflex_pid).children()
        workers = [c.pid for c in children if "python" in Path(c.cmdline()[0]).name]
        assert len(workers) == 1, f"expected one backend worker, found {workers}"
        return workers[0]

    def restart_lines(self) -> list[str]:
        text = self.log.read_text(errors="replace")
        return [line for line in text.splitlines() if any(r in line for r in RESTART_LINES)]

    def cli(self, *arguments: str) -> subprocess.CompletedProcess:
        """``python -m pk_rentals.cli …`` in the copy, as an operator runs it beside `make run`
        on moved ports (docs/development.md): told where the backend is."""
        return subprocess.run(
            [str(self.root / ".venv/bin/python"), "-m", "pk_rentals.cli", *arguments],
            cwd=self.root,
            env={**self.environment, "PK_BACKEND_URL": self.backend_url, "PK_PUBLIC_URL": self.url},
            capture_output=True,
            text=True,
            timeout=60,
        )


def copy_project(destination: Path) -> Path:
    """Every file git would check out, mtimes kept (so make's stamps stay valid)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = PROJECT_ROOT / name
        if not source.is_file():  # deleted in the working tree
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    for tool in SHARED_TOOLS:
        (destination / tool).parent.mkdir(parents=True, exist_ok=True)
        (destination / tool).symlink_to(PROJECT_ROOT / tool)
    return destination


def _newcomer_environment(machine: dict[str, str]) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith(SUITE_ONLY)}
    return {**kept, **machine}


@contextlib.contextmanager
def make_run(root: Path, log: Path, **machine: str) -> Iterator[DevServer]:
    """`make run` in ``root`` (a copy of the project) on free ports, until the block ends."""
    frontend, backend = free_port(), free_port()
    url = f"http://localhost:{frontend}"
    # Only the ports, as a newcomer whose 3000 or 8000 is taken moves them: the
    # Makefile makes the app's own URLs follow.
    environment = _newcomer_environment(machine)
    command = ["make", "run", f"FRONTEND_PORT={frontend}", f"BACKEND_PORT={backend}"]
    process = start_logged(command, cwd=root, env=environment, log=log)
    try:
        wait_serving(url, process, log, name="`make run`")
        yield DevServer(
            url=url,
            root=root,
            log=log,
            reflex_pid=_reflex_run(process.pid),
            environment=environment,
            backend_url=f"http://localhost:{backend}",
        )
    finally:
        _stop(process)


def _reflex_run(make: int) -> int:
    """`reflex run` under `make run` (its backend worker runs the same command line)."""
    found = [p for p in psutil.Process(make).children(recursive=True) if _is_reflex_run(p)]
    pids = {p.pid for p in found}
    return next(p.pid for p in found if p.ppid() not in pids)


def _is_reflex_run(process: psutil.Process) -> bool:
    with contextlib.suppress(psutil.Error):
        command = process.cmdline()
        return any(part.endswith("/reflex") for part in command[:2]) and "run" in command
    return False


def _stop(process: subprocess.Popen) -> None:
    """Ctrl+C, as a person stops it; then whatever is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
