"""A throwaway project for one benchmark run.

Each benchmark runs against its own SQLite database, media folder and identity-server folder in
a temporary directory, so a run never touches the developer's data and two runs
never share state. The settings must be in the environment before pk_rentals is
imported (they are read once), so a benchmark calls this first, then imports.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def scratch_project(prefix: str = "pk-bench-", **settings: str) -> Path:
    """Make the project importable, point its settings at a new temporary folder
    (plus ``settings``), and return that folder."""
    sys.path.insert(0, str(PROJECT_ROOT))
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.update(
        PK_ENV="test",
        REFLEX_DB_URL=f"sqlite:///{scratch / 'bench.db'}",
        PK_DEVAUTH_DIR=str(scratch / "devauth"),
        PK_MEDIA_DIR=str(scratch / "media"),
        **settings,
    )
    return scratch
