"""How well the distance bands separate real decisions (``cli face-calibration``).

Approved submissions are taken as the same person; submissions rejected for
``face_mismatch`` as different people. With the current bands:
- false reject: an approved pair the bands call "likely different";
- false accept: a mismatch the bands call "likely same";
- "look closely" shares: how much of each group lands between the bands.
The shipped bands come from synthetic pairs (docs/notes/face-checks.md); an operator tunes
PK_FACE_BAND_SAME / PK_FACE_BAND_DIFFERENT from this report on real data.
"""

from __future__ import annotations

import dataclasses
import statistics

from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import FaceCheck, FaceCheckStatus, SubmissionStatus, VerificationSubmission
from pk_rentals.services.faces.checks import Thresholds

MISMATCH_REASON = "face_mismatch"
BIN_WIDTH = 0.05


@dataclasses.dataclass(frozen=True)
class Distribution:
    count: int
    minimum: float | None
    p5: float | None
    median: float | None
    p95: float | None
    maximum: float | None

    @classmethod
    def of(cls, values: list[float]) -> Distribution:
        if not values:
            return cls(0, None, None, None, None, None)
        ordered = sorted(values)

        def at(fraction: float) -> float:
            return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]

        return cls(
            len(ordered), ordered[0], at(0.05), statistics.median(ordered), at(0.95), ordered[-1]
        )


@dataclasses.dataclass(frozen=True)
class Report:
    thresholds: Thresholds
    same: Distribution  # approved
    different: Distribution  # rejected for face_mismatch
    false_reject: float | None  # approved, called "likely different"
    false_accept: float | None  # face_mismatch, called "likely same"
    same_look_closely: float | None
    different_look_closely: float | None
    histogram: list[tuple[float, int, int]]  # (bin start, approved, mismatched)


def _share(values: list[float], test) -> float | None:
    return sum(1 for v in values if test(v)) / len(values) if values else None


def _histogram(same: list[float], different: list[float]) -> list[tuple[float, int, int]]:
    values = same + different
    if not values:
        return []
    bins = range(int(min(values) / BIN_WIDTH), int(max(values) / BIN_WIDTH) + 1)
    return [
        (
            round(b * BIN_WIDTH, 2),
            sum(1 for v in same if int(v / BIN_WIDTH) == b),
            sum(1 for v in different if int(v / BIN_WIDTH) == b),
        )
        for b in bins
    ]


def distances() -> tuple[list[float], list[float]]:
    """(approved, rejected for face mismatch) distances of checked submissions."""
    with db.session() as session:
        rows = session.exec(
            select(
                VerificationSubmission.status,
                VerificationSubmission.reason_code,
                FaceCheck.distance,
            )
            .join(FaceCheck, FaceCheck.submission_id == VerificationSubmission.id)
            .where(FaceCheck.status == FaceCheckStatus.DONE, FaceCheck.distance.is_not(None))
        ).all()
    same = [d for status, _, d in rows if status == SubmissionStatus.APPROVED]
    different = [
        d
        for status, reason, d in rows
        if status == SubmissionStatus.REJECTED and reason == MISMATCH_REASON
    ]
    return same, different


def report(thresholds: Thresholds | None = None) -> Report:
    thresholds = thresholds or Thresholds.current()
    same, different = distances()

    def closely(v: float) -> bool:
        return thresholds.same <= v < thresholds.different

    return Report(
        thresholds=thresholds,
        same=Distribution.of(same),
        different=Distribution.of(different),
        false_reject=_share(same, lambda v: v >= thresholds.different),
        false_accept=_share(different, lambda v: v < thresholds.same),
        same_look_closely=_share(same, closely),
        different_look_closely=_share(different, closely),
        histogram=_histogram(same, different),
    )


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def format_report(found: Report) -> str:
    """The report as an operator reads it in a terminal."""
    t = found.thresholds
    lines = [
        f"Face distance bands now: likely same < {t.same:g} <= look closely < {t.different:g}"
        " <= likely different",
        "",
        f"{'':28}{'n':>6}{'min':>8}{'p5':>8}{'median':>8}{'p95':>8}{'max':>8}",
    ]
    for label, d in (
        ("approved (same person)", found.same),
        ("rejected: face_mismatch", found.different),
    ):
        lines.append(
            f"{label:28}{d.count:>6}"
            + "".join(f"{_number(v):>8}" for v in (d.minimum, d.p5, d.median, d.p95, d.maximum))
        )
    lines += [
        "",
        f"false reject (approved, called likely different): {_percent(found.false_reject)}",
        f"false accept (mismatch, called likely same):      {_percent(found.false_accept)}",
        f"look closely: {_percent(found.same_look_closely)} of approved, "
        f"{_percent(found.different_look_closely)} of mismatches",
    ]
    if found.histogram:
        lines += ["", f"{'distance':>10}{'approved':>10}{'mismatch':>10}"]
        lines += [f"{start:>10.2f}{a:>10}{m:>10}" for start, a, m in found.histogram]
    if found.same.count < 30 or found.different.count < 30:
        lines += [
            "",
            "Fewer than 30 decisions in a group: too few to move the bands; "
            "keep the shipped ones and run this again later.",
        ]
    return "\n".join(lines)
