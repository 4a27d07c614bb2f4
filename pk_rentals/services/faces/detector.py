"""The face checks themselves: dlib's HOG detector, its 5-point landmarks and its
ResNet descriptor (docs/notes/face-checks.md), on JPEG bytes.

This module runs **only inside the check process** (services/faces/pool.py): the
descriptor holds the GIL for ~80 ms, which would stall every other request of a web
worker. It imports nothing of the app (no settings, no database), so a spawned
process starts quickly; thresholds arrive as arguments.

Never ``import face_recognition`` or ``face_recognition_models``: the first loads the
non-commercial 68-point model and the second can ``quit()`` the process when
setuptools has no ``pkg_resources``. The model files are found without importing
their package. Descriptors never leave this module: only scores, boxes and counts do.
"""

from __future__ import annotations

import importlib.util
import io
import math
import os
import resource
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

MODEL = "dlib-hog+sp5+resnet_v1"
LONG_SIDE = 1280  # px: faces of ~80 px and more are found at upsample 0
CHIP_SIZE = 150  # the face chip quality is measured on (its inner 100x100)
SELFIE_MIN_SCORE = 0.0  # HOG score at upsample 0 (the suit patch scored -0.05)
UPSAMPLED_MIN_SCORE = 0.3  # at upsample 1 (the suit patch scored 0.12)
# Beside a face, a second detection counts only from this score: the astronaut's suit
# patch scores -0.05..0.13 depending on scale and JPEG, real faces of a group 0.21+.
SECOND_FACE_MIN_SCORE = 0.2
RETRY_ANGLES = (15, -15)  # a tilted head or card, found by a rotated second look

_models: dict[str, object] = {}


def _model_dir() -> Path:
    spec = importlib.util.find_spec("face_recognition_models")  # located, not imported
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("face_recognition_models is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def load_models() -> dict[str, object]:
    """Load the detector, the 5-point landmarks and the descriptor once per process."""
    if not _models:
        import dlib

        folder = _model_dir()
        _models["detector"] = dlib.get_frontal_face_detector()
        _models["landmarks"] = dlib.shape_predictor(
            str(folder / "shape_predictor_5_face_landmarks.dat")
        )
        _models["descriptor"] = dlib.face_recognition_model_v1(
            str(folder / "dlib_face_recognition_resnet_model_v1.dat")
        )
        _models["version"] = f"{MODEL}/dlib-{dlib.__version__}"
    return _models


def model_version() -> str:
    return str(load_models()["version"])


# --- images ----------------------------------------------------------------------------


def decode(data: bytes) -> np.ndarray:
    """RGB pixels, upright, long side at most LONG_SIDE."""
    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    if max(image.size) > LONG_SIDE:
        image.thumbnail((LONG_SIDE, LONG_SIDE), Image.LANCZOS)
    return np.asarray(image)


def _rotate(pixels: np.ndarray, angle: float) -> np.ndarray:
    return np.asarray(Image.fromarray(pixels).rotate(angle, resample=Image.BILINEAR))


def _unrotate(rect, angle: float, width: int, height: int) -> tuple[float, ...]:
    """A box found on the image rotated by ``angle`` (PIL: counter-clockwise), in the
    original image's coordinates: its centre turned back, its size kept."""
    cx, cy = width / 2, height / 2
    x = (rect.left() + rect.right()) / 2 - cx
    y = (rect.top() + rect.bottom()) / 2 - cy
    turn = math.radians(angle)  # undo a counter-clockwise turn in y-down coordinates
    ox = cx + x * math.cos(turn) - y * math.sin(turn)
    oy = cy + x * math.sin(turn) + y * math.cos(turn)
    half_w, half_h = rect.width() / 2, rect.height() / 2
    return (ox - half_w, oy - half_h, ox + half_w, oy + half_h)


# --- detection -------------------------------------------------------------------------


def _faces(rects, scores, minimum: float) -> list:
    """Detections at ``minimum`` or better, strongest first; weak extras dropped."""
    found = sorted(
        ((s, r) for r, s in zip(rects, scores, strict=True) if s >= minimum),
        key=lambda pair: -pair[0],
    )
    return [r for n, (s, r) in enumerate(found) if n == 0 or s >= SECOND_FACE_MIN_SCORE]


def _detect(pixels: np.ndarray):
    """(pixels the faces were found on, the faces as dlib rectangles, angle).

    Upsample 0 first (fast, faces ≥ ~80 px), then upsample 1 (≥ ~40 px), then the
    image turned by ±15°: on the package faces this found 108/108 (notes).
    """
    detector = load_models()["detector"]
    rects, scores, _ = detector.run(pixels, 0, SELFIE_MIN_SCORE)
    found = _faces(rects, scores, SELFIE_MIN_SCORE)
    if found:
        return pixels, found, 0
    rects, scores, _ = detector.run(pixels, 1, UPSAMPLED_MIN_SCORE)
    found = _faces(rects, scores, UPSAMPLED_MIN_SCORE)
    if found:
        return pixels, found, 0
    for angle in RETRY_ANGLES:
        turned = _rotate(pixels, angle)
        rects, scores, _ = detector.run(turned, 0, SELFIE_MIN_SCORE)
        found = _faces(rects, scores, SELFIE_MIN_SCORE)
        if found:
            return turned, found, angle
    return pixels, [], 0


def _quality(pixels: np.ndarray, shape) -> tuple[float, float]:
    """(normalised blur, brightness) of the face: var(Laplacian)/var(grey) and mean
    grey on the inner 100x100 of a 150 px face chip. Raw Laplacian variance cannot
    tell sharp from blurred across faces; divided by the contrast it can."""
    import dlib

    chip = dlib.get_face_chip(pixels, shape, size=CHIP_SIZE, padding=0.25)
    grey = chip.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    inner = grey[25:125, 25:125]
    laplacian = (
        inner[:-2, 1:-1] + inner[2:, 1:-1] + inner[1:-1, :-2] + inner[1:-1, 2:]
    ) - 4 * inner[1:-1, 1:-1]
    variance = float(inner.var())
    blur = float(laplacian.var()) / variance if variance > 0 else 0.0
    return round(blur, 5), round(float(inner.mean()), 1)


def _box(rect, angle: float, width: int, height: int) -> list[float]:
    """A face box as fractions of the image (left, top, right, bottom), for drawing."""
    if angle:
        left, top, right, bottom = _unrotate(rect, angle, width, height)
    else:
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    return [
        round(min(max(left / width, 0.0), 1.0), 4),
        round(min(max(top / height, 0.0), 1.0), 4),
        round(min(max(right / width, 0.0), 1.0), 4),
        round(min(max(bottom / height, 0.0), 1.0), 4),
    ]


def analyse(data: bytes, *, describe: bool = False) -> tuple[dict, np.ndarray | None]:
    """Faces of one image: count, boxes, quality of the largest; its descriptor if asked
    (kept in this process by the caller, never returned to the app)."""
    pixels = decode(data)
    height, width = pixels.shape[:2]
    searched, faces, angle = _detect(pixels)
    report = {
        "faces": len(faces),
        "boxes": [_box(r, angle, width, height) for r in faces],
        "blur": None,
        "brightness": None,
    }
    if not faces:
        return report, None
    largest = max(faces, key=lambda r: r.width() * r.height())
    shape = load_models()["landmarks"](searched, largest)
    report["blur"], report["brightness"] = _quality(searched, shape)
    descriptor = None
    if describe:
        descriptor = np.array(load_models()["descriptor"].compute_face_descriptor(searched, shape))
    return report, descriptor


# --- the two checks --------------------------------------------------------------------


def quick_check(selfie: bytes) -> dict:
    """The selfie alone, before the user submits: faces, blur and brightness (~0.1 s)."""
    started, cpu = time.perf_counter(), time.process_time()
    report, _ = analyse(selfie)
    report["seconds"] = round(time.perf_counter() - started, 3)
    report["cpu_seconds"] = round(time.process_time() - cpu, 3)
    report["model"] = model_version()
    return report


def full_check(selfie: bytes, cnic_front: bytes) -> dict:
    """Selfie and CNIC front: faces on each, quality, and the distance between the
    largest faces (the descriptors themselves are dropped here)."""
    started, cpu = time.perf_counter(), time.process_time()
    selfie_report, selfie_descriptor = analyse(selfie, describe=True)
    cnic_report, cnic_descriptor = analyse(cnic_front, describe=True)
    distance = None
    if selfie_descriptor is not None and cnic_descriptor is not None:
        distance = round(float(np.linalg.norm(selfie_descriptor - cnic_descriptor)), 4)
    del selfie_descriptor, cnic_descriptor
    return {
        "selfie": selfie_report,
        "cnic": cnic_report,
        "distance": distance,
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),
        "model": model_version(),
    }


def warm_up() -> str:
    """Load the models now, so the first user does not wait for them."""
    return model_version()


def process_stats() -> dict:
    """This check process's peak memory and CPU so far (for bench/face_checks.py)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "pid": os.getpid(),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
    }


def sleep(seconds: float) -> float:
    """Occupy the check process (tests of the timeout)."""
    time.sleep(seconds)
    return seconds
