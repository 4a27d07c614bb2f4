"""What ``reflex run`` (dev mode) reloads the backend on: the app's source only.

Reflex's dev server watches every non-hidden top-level entry of the project and
restarts the backend when a file there changes. The running app writes files too:
SQLite's ``-wal``/``-shm`` on every query, media, the identity server's keys. Each
write would restart the backend mid-request (a sign-up cut off, a form that spins
forever). So the watch list is the source that a restart can change, and nothing
the app writes lives there.
"""

from __future__ import annotations

import os

from pk_rentals.settings import PROJECT_ROOT

# The Python the backend imports, and assets/, which a compile copies into the page
# server's folder (an edited .jsx reaches the page through a backend reload).
SOURCE_PATHS = tuple(PROJECT_ROOT / name for name in ("pk_rentals", "assets", "rxconfig.py"))
RELOAD_PATHS_VARIABLE = "REFLEX_HOT_RELOAD_OVERRIDE_PATHS"


def watch_only_the_source() -> None:
    """Point Reflex's reloader at ``SOURCE_PATHS``, unless the developer chose paths."""
    os.environ.setdefault(RELOAD_PATHS_VARIABLE, os.pathsep.join(map(str, SOURCE_PATHS)))
