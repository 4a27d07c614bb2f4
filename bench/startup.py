"""Time from `make run` to the first page served, and to /healthz through the dev proxy.

Usage: python bench/startup.py [--runs N]   (run it from the project root; ports 3000
and 8000 must be free). Prints one line per run; the first run may include set-up.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import time
import urllib.request

URL = "http://localhost:3000/"
TIMEOUT = 600


def served(url: str) -> bool:
    with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
        return response.status == 200
    return False


def one_run() -> tuple[float, float]:
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        page = health = None
        while time.monotonic() - started < TIMEOUT and (page is None or health is None):
            now = time.monotonic() - started
            if page is None and served(URL):
                page = now
            if health is None and served(URL + "healthz"):
                health = now
            time.sleep(0.1)
        if page is None or health is None:
            raise SystemExit(f"the app did not answer within {TIMEOUT}s")
        return page, health
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for run in range(1, args.runs + 1):
        page, health = one_run()
        print(f"run {run}: first page {page:.1f} s, /healthz {health:.1f} s")
        time.sleep(2)


if __name__ == "__main__":
    main()
