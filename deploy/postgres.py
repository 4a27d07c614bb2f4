"""A PostgreSQL cluster from Debian's binaries: find them, and create a cluster.

`make prod` keeps its cluster under ``.prod/``; the test suite makes throwaway ones.
Both create them here, so the tests run the database the way production does.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

# Debian installs each major version under its own folder; the newest wins.
BIN_CANDIDATES = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def binary(name: str) -> Path:
    """The path of a PostgreSQL program (``initdb``, ``pg_ctl``, ``postgres``)."""
    for directory in BIN_CANDIDATES:
        if (directory / name).exists():
            return directory / name
    found = shutil.which(name)
    if not found:
        raise RuntimeError(
            f"{name} not found: install PostgreSQL (tools/system-deps.sh, or make deps)"
        )
    return Path(found)


def as_postgres(args: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: as root, run them as ``postgres``."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def init_cluster(data: Path, *, durable: bool = True) -> None:
    """A new cluster in ``data`` (its parent made and, as root, given to ``postgres``):
    superuser ``postgres``, trusted local connections, UTF-8. ``durable=False`` skips
    the final fsync, for clusters that live as long as a test run."""
    data.parent.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(data.parent, user.pw_uid, user.pw_gid)
    command = [str(binary("initdb")), "-D", str(data), "-U", "postgres", "-A", "trust"]
    command += ["-E", "UTF8"] + ([] if durable else ["--no-sync"])
    subprocess.run(as_postgres(command), check=True, capture_output=True)
