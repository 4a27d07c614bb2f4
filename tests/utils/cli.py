"""The operator's command line, run as an operator runs it: its own process."""

from __future__ import annotations

import os
import subprocess
import sys

from pk_rentals.settings import PROJECT_ROOT


def run_cli(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    """``python -m pk_rentals.cli ARGS`` with this process's environment plus ``env``:
    its exit code and output (it never raises on a failure, which is often the test)."""
    return subprocess.run(
        [sys.executable, "-m", "pk_rentals.cli", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
