"""Face checks per submission: time, CPU and memory of the check process,
submissions per minute one worker sustains, the wait the /verify quick check adds,
and why the checks must not run in the web process (event-loop lag).

Inputs are real faces shipped in packages, shaped like production: a browser selfie
(1280x960 JPEG q85, the astronaut's face ~300 px) and a phone photo of a CNIC front
(1200x756 JPEG q88, a 300x400 ID photo of the same person or of Grace Hopper). A
faceless selfie (scikit-image's coffee) takes every detection fallback: the worst case.

Usage: python bench/face_checks.py [--runs N]   (from the project root)
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from pk_rentals.services.faces import detector, pool
from tests.utils.fake_camera import card_bytes, face_photo, selfie_jpeg


def browser_selfie(face: Image.Image) -> bytes:
    frame = Image.new("RGB", (1280, 960), (40, 44, 52))
    frame.paste(face.resize((1024, 768)), (128, 96))
    out = io.BytesIO()
    frame.save(out, "JPEG", quality=85)
    return out.getvalue()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(function, *args) -> tuple[float, dict]:
    started = time.perf_counter()
    report = pool.run(function, *args, timeout=120)
    return time.perf_counter() - started, report


def loop_lag(work) -> float:
    """Largest overshoot (ms) of a 10 ms asyncio sleep while ``work`` runs in a thread."""

    async def measure() -> float:
        done = threading.Event()
        thread = threading.Thread(target=lambda: (work(), done.set()))
        worst = 0.0
        thread.start()
        while not done.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            worst = max(worst, time.perf_counter() - started - 0.01)
        thread.join()
        return worst * 1000

    return asyncio.run(measure())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    runs = parser.parse_args().runs

    selfie = browser_selfie(face_photo())
    same, other = card_bytes("astronaut"), card_bytes("grace_hopper")
    faceless = browser_selfie(Image.open(io.BytesIO(selfie_jpeg("no_face"))))

    cold, _ = timed(detector.warm_up)
    print(f"check process start + model load (first call): {cold:.2f} s")

    for label, pair in (
        ("selfie + same-person card", (selfie, same)),
        ("selfie + other-person card", (selfie, other)),
        ("faceless selfie + card (all fallbacks)", (faceless, same)),
    ):
        walls, inner, cpu = [], [], []
        for _ in range(runs):
            wall, report = timed(detector.full_check, *pair)
            walls.append(wall)
            inner.append(report["seconds"])
            cpu.append(report["cpu_seconds"])
        print(
            f"{label}: wall median {statistics.median(walls) * 1000:.0f} ms, "
            f"p95 {p95(walls) * 1000:.0f} ms (in the process {statistics.median(inner) * 1000:.0f}"
            f" ms); CPU median {statistics.median(cpu):.3f} s, p95 {p95(cpu):.3f} s"
        )

    started = time.perf_counter()
    for _ in range(runs):
        pool.run(detector.full_check, selfie, same, timeout=120)
    per_minute = runs / (time.perf_counter() - started) * 60
    print(f"one worker, back to back: {per_minute:.0f} submissions per minute")

    for label, image in (("selfie with a face", selfie), ("faceless selfie", faceless)):
        walls = [timed(detector.quick_check, image)[0] for _ in range(runs)]
        print(
            f"/verify quick check, {label}: median {statistics.median(walls) * 1000:.0f} ms, "
            f"p95 {p95(walls) * 1000:.0f} ms"
        )

    stats = pool.run(detector.process_stats, timeout=10)
    print(f"check process: peak RSS {stats['peak_rss_mb']:.0f} MB, CPU {stats['cpu_seconds']} s")

    def checks_in_pool():
        for _ in range(10):
            pool.run(detector.full_check, selfie, same, timeout=120)

    def checks_in_thread():
        for _ in range(10):
            detector.full_check(selfie, same)

    print(f"event-loop lag, 10 checks in the check process: max {loop_lag(checks_in_pool):.1f} ms")
    print(f"event-loop lag, 10 checks in a thread (GIL): max {loop_lag(checks_in_thread):.1f} ms")
    pool.shutdown()


if __name__ == "__main__":
    main()
