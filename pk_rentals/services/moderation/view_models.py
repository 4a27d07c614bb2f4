"""What the moderation screens show, shaped for them: rows and views of plain
strings (Pakistan time, English and Urdu place names, CSS boxes), and no Reflex.
"""

from __future__ import annotations

import dataclasses
import re

from pk_rentals.i18n import text
from pk_rentals.places import PAKISTAN_TIME, pakistan_time, urdu_name
from pk_rentals.services.moderation.audit import AuditView
from pk_rentals.services.moderation.dashboard import Stats, security_flagged
from pk_rentals.services.moderation.queue_pages import QueueItem
from pk_rentals.services.moderation.submission import (
    DocumentSummary,
    FaceSummary,
    SubmissionDetail,
)


def duration_words(seconds: float | None, language: str) -> str:
    """``3 h 20 min`` / ``3 گھنٹے 20 منٹ``; ``under 1 min`` / ``1 منٹ سے کم`` for less
    than half a minute; ``—`` when nothing was decided yet."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    if not minutes:
        return text("duration.under_a_minute", language)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [
        text(f"duration.{unit}", language).format(n=n)
        for n, unit in ((days, "days"), (hours, "hours"), (minutes, "minutes"))
        if n
    ]
    return " ".join(parts[:2])


@dataclasses.dataclass
class SubmissionRow:
    """What a queue row and the open submission both show."""

    id: str = ""
    status: str = ""
    attempt: int = 1
    submitted: str = ""
    name: str = ""
    place_en: str = ""
    place_ur: str = ""
    cnic_masked: str = ""
    flags: list[str] = dataclasses.field(default_factory=list)
    face_band: str = ""  # FaceBand of the selfie↔CNIC distance, "" before a check


@dataclasses.dataclass
class QueueRow(SubmissionRow):
    """One row of the queue."""


@dataclasses.dataclass
class EarlierRow:
    attempt: int = 1
    status: str = ""
    reason_code: str = ""
    submitted: str = ""


@dataclasses.dataclass
class SubmissionView(SubmissionRow):
    decided: str = ""
    decided_by: str = ""
    reason_code: str = ""
    note: str = ""
    cnic_province_en: str = ""
    cnic_province_ur: str = ""
    profile_province_en: str = ""
    profile_province_ur: str = ""
    selfie_age_minutes: int = 0
    selfie_url: str = ""
    cnic_front_url: str = ""
    cnic_back_url: str = ""
    images_purged: bool = False
    phone_verified: bool = False
    level: str = ""
    member_since: str = ""
    earlier: list[EarlierRow] = dataclasses.field(default_factory=list)
    # The automatic face checks: "" not yet, "done" or "unavailable".
    face_status: str = ""
    face_distance: str = ""
    face_bands: str = ""  # "0.45 / 0.6": where the bands change
    selfie_faces: str = ""
    cnic_faces: str = ""
    selfie_quality: str = ""  # "sharpness 0.16 · brightness 174" figures, language-free
    cnic_quality: str = ""
    face_seconds: str = ""
    face_model: str = ""
    selfie_boxes: list[dict[str, str]] = dataclasses.field(default_factory=list)
    cnic_boxes: list[dict[str, str]] = dataclasses.field(default_factory=list)
    # The card front read offline: "" not yet, else a DocumentOutcome; dates ISO.
    document_outcome: str = ""
    document_read_masked: str = ""
    document_expiry: str = ""
    document_issue: str = ""
    document_birth: str = ""
    document_confidence: str = ""
    document_engine: str = ""


@dataclasses.dataclass
class AuditRow:
    id: int = 0
    at: str = ""
    action: str = ""
    actor: str = ""
    subject: str = ""
    level_before: str = ""
    level_after: str = ""
    reason_code: str = ""
    note: str = ""


@dataclasses.dataclass
class SecurityAccountRow:
    clerk_user_id: str = ""
    display_name: str = ""
    failures: int = 0
    flagged: bool = False


def place(*parts: str | None) -> tuple[str, str]:
    present = [part for part in parts if part]
    return ", ".join(present), "، ".join(urdu_name(part) for part in present)


def _shared(shown: QueueItem | SubmissionDetail, *place_parts: str | None) -> dict:
    """The fields a queue row and the open submission show alike."""
    place_en, place_ur = place(*place_parts)
    return {
        "id": shown.id,
        "status": shown.status,
        "attempt": shown.attempt,
        "submitted": pakistan_time(shown.submitted_at),
        "name": shown.display_name or "—",
        "place_en": place_en,
        "place_ur": place_ur,
        "cnic_masked": shown.cnic_masked,
        "flags": list(shown.flags),
    }


def queue_row(item: QueueItem) -> QueueRow:
    return QueueRow(**_shared(item, item.city, item.province), face_band=item.face_band or "")


def _boxes(boxes: list[list[float]]) -> list[dict[str, str]]:
    """Face boxes (fractions of the image) as CSS percentages for the overlay."""
    return [
        {
            "left": f"{100 * left:.2f}%",
            "top": f"{100 * top:.2f}%",
            "width": f"{100 * (right - left):.2f}%",
            "height": f"{100 * (bottom - top):.2f}%",
        }
        for left, top, right, bottom in boxes
    ]


def _figure(value: float | None, spec: str, missing: str = "") -> str:
    """A measured figure as short text, ``missing`` when there is none."""
    return missing if value is None else format(value, spec)


def _day(value) -> str:
    """A date read off a card as ISO text; "—" when none was read."""
    return value.isoformat() if value else "—"


def _quality(blur: float | None, brightness: float | None) -> tuple[str, str]:
    """(sharpness, brightness) as short figures; "—" when there was no face."""
    if blur is None or brightness is None:
        return "—", "—"
    return _figure(blur, ".3f"), _figure(brightness, ".0f")


def _face_fields(faces: FaceSummary | None) -> dict:
    if faces is None:
        return {}
    thresholds = dict(re.findall(r"(\w+)[<>=]+([\d.]+)", faces.thresholds))
    selfie_sharp, selfie_bright = _quality(faces.selfie_blur, faces.selfie_brightness)
    cnic_sharp, cnic_bright = _quality(faces.cnic_blur, faces.cnic_brightness)
    return {
        "face_status": faces.status,
        "face_band": faces.band or "",
        "face_distance": _figure(faces.distance, ".2f"),
        "face_bands": f"{thresholds.get('same', '?')} / {thresholds.get('different', '?')}",
        "selfie_faces": "" if faces.selfie_faces is None else str(faces.selfie_faces),
        "cnic_faces": "" if faces.cnic_faces is None else str(faces.cnic_faces),
        "selfie_quality": f"{selfie_sharp} · {selfie_bright}",
        "cnic_quality": f"{cnic_sharp} · {cnic_bright}",
        "face_seconds": _figure(faces.seconds, ".2f"),
        "face_model": faces.model,
        "selfie_boxes": _boxes(faces.selfie_boxes),
        "cnic_boxes": _boxes(faces.cnic_boxes),
    }


def _document_fields(document: DocumentSummary | None) -> dict:
    if document is None:
        return {}

    return {
        "document_outcome": document.outcome,
        "document_read_masked": document.read_masked or "—",
        "document_expiry": _day(document.expiry),
        "document_issue": _day(document.issue),
        "document_birth": _day(document.birth),
        "document_confidence": _figure(document.confidence, ".2f", "—"),
        "document_engine": document.engine,
    }


def submission_view(shown: SubmissionDetail) -> SubmissionView:
    return SubmissionView(
        **_shared(shown, shown.area, shown.city),
        decided=pakistan_time(shown.decided_at),
        decided_by=shown.decided_by or "",
        reason_code=shown.reason_code or "",
        note=shown.note or "",
        cnic_province_en=shown.cnic_province or "",
        cnic_province_ur=urdu_name(shown.cnic_province or ""),
        profile_province_en=shown.profile_province or "",
        profile_province_ur=urdu_name(shown.profile_province or ""),
        selfie_age_minutes=shown.selfie_age_seconds // 60,
        selfie_url=shown.selfie_url,
        cnic_front_url=shown.cnic_front_url,
        cnic_back_url=shown.cnic_back_url,
        images_purged=shown.images_purged,
        phone_verified=shown.phone_verified,
        level=shown.level,
        member_since=shown.member_since.astimezone(PAKISTAN_TIME).date().isoformat(),
        earlier=[
            EarlierRow(e.attempt, e.status, e.reason_code or "", pakistan_time(e.submitted_at))
            for e in shown.earlier
        ],
        **_face_fields(shown.faces),
        **_document_fields(shown.document),
        # Photos deleted before the checks ran: they never will (the job skips these).
        **({"face_status": "purged"} if shown.images_purged and shown.faces is None else {}),
    )


def audit_row(entry: AuditView) -> AuditRow:
    return AuditRow(
        id=entry.id,
        at=pakistan_time(entry.at),
        action=entry.action,
        actor=entry.actor or "—",
        subject=entry.subject or "—",
        level_before=entry.level_before or "",
        level_after=entry.level_after or "",
        reason_code=entry.reason_code or "",
        note=entry.note or "",
    )


def stats_fields(shown: Stats) -> dict:
    """The stats panel: pending, the median wait in both languages, decisions per day."""
    return {
        "pending_count": shown.pending,
        "median_en": duration_words(shown.median_decision_seconds, "en"),
        "median_ur": duration_words(shown.median_decision_seconds, "ur"),
        "decisions_per_day": [
            {"day": day[5:], "decisions": count} for day, count in shown.decisions_per_day
        ],
        "decisions_total": sum(count for _, count in shown.decisions_per_day),
    }


def security_fields(shown) -> dict:
    """The Security tab: failures per day over the window, by kind over 24 h, and the
    accounts with the most, each marked when it reached the flag threshold."""
    return {
        "per_day": [{"day": day[5:], "failures": n} for day, n in shown.failures_per_day],
        "total_14d": sum(n for _, n in shown.failures_per_day),
        "by_kind": [[kind, count] for kind, count in shown.by_kind_24h.items()],
        "threshold": shown.threshold,
        "top": [
            SecurityAccountRow(
                clerk_user_id=row.clerk_user_id,
                display_name=row.display_name,
                failures=row.failures,
                flagged=security_flagged(row.failures, shown.threshold),
            )
            for row in shown.top_accounts_24h
        ],
    }
