"""The moderators' pages: the queue with one submission open beside it, the stats
panel, and the audit log.

Thin: every handler is ``@protected`` and passes the session's Clerk user id to
services/moderation.py, which checks the role itself. A refusal (``NotModerator``)
clears whatever the page held and shows "You do not have access"; nothing is
loaded before the server has said yes, so prerendered pages hold no data.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re

import reflex as rx

from pk_rentals.i18n import text
from pk_rentals.models import SubmissionStatus
from pk_rentals.places import PAKISTAN_TIME, pakistan_time, urdu_name
from pk_rentals.services import moderation
from pk_rentals.services.moderation import (
    AlreadyDecided,
    Decision,
    DecisionInvalid,
    Flag,
    NotFound,
    NotModerator,
)
from pk_rentals.state.auth import AuthState, protected
from pk_rentals.state.changes import assign_changed
from pk_rentals.state.ui import language_code, toast

log = logging.getLogger(__name__)

STATUSES = tuple(status.value for status in SubmissionStatus)
FLAGS = tuple(flag.value for flag in Flag)
DECISIONS = tuple(decision.value for decision in Decision)
AUDIT_PAGE = 25


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
class QueueRow:
    id: str = ""
    status: str = ""
    attempt: int = 1
    submitted: str = ""
    name: str = ""
    place_en: str = ""
    place_ur: str = ""
    cnic_masked: str = ""
    flags: list[str] = dataclasses.field(default_factory=list)
    face_band: str = ""


@dataclasses.dataclass
class EarlierRow:
    attempt: int = 1
    status: str = ""
    reason_code: str = ""
    submitted: str = ""


@dataclasses.dataclass
class SubmissionView:
    id: str = ""
    status: str = ""
    attempt: int = 1
    submitted: str = ""
    decided: str = ""
    decided_by: str = ""
    reason_code: str = ""
    note: str = ""
    cnic_masked: str = ""
    cnic_province_en: str = ""
    cnic_province_ur: str = ""
    profile_province_en: str = ""
    profile_province_ur: str = ""
    flags: list[str] = dataclasses.field(default_factory=list)
    selfie_age_minutes: int = 0
    selfie_url: str = ""
    cnic_front_url: str = ""
    cnic_back_url: str = ""
    images_purged: bool = False
    name: str = ""
    place_en: str = ""
    place_ur: str = ""
    phone_verified: bool = False
    level: str = ""
    member_since: str = ""
    earlier: list[EarlierRow] = dataclasses.field(default_factory=list)
    # The automatic face checks: "" not yet, "done" or "unavailable".
    face_status: str = ""
    face_band: str = ""
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


def _place(*parts: str | None) -> tuple[str, str]:
    present = [part for part in parts if part]
    return ", ".join(present), "، ".join(urdu_name(part) for part in present)


def _queue_row(item: moderation.QueueItem) -> QueueRow:
    place_en, place_ur = _place(item.city, item.province)
    return QueueRow(
        id=item.id,
        status=item.status,
        attempt=item.attempt,
        submitted=pakistan_time(item.submitted_at),
        name=item.display_name or "—",
        place_en=place_en,
        place_ur=place_ur,
        cnic_masked=item.cnic_masked,
        flags=list(item.flags),
        face_band=item.face_band or "",
    )


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


def _quality(blur: float | None, brightness: float | None) -> tuple[str, str]:
    """(sharpness, brightness) as short figures; "—" when there was no face."""
    if blur is None or brightness is None:
        return "—", "—"
    return f"{blur:.3f}", f"{brightness:.0f}"


def _face_fields(faces: moderation.FaceSummary | None) -> dict:
    if faces is None:
        return {}
    thresholds = dict(re.findall(r"(\w+)[<>=]+([\d.]+)", faces.thresholds))
    selfie_sharp, selfie_bright = _quality(faces.selfie_blur, faces.selfie_brightness)
    cnic_sharp, cnic_bright = _quality(faces.cnic_blur, faces.cnic_brightness)
    return {
        "face_status": faces.status,
        "face_band": faces.band or "",
        "face_distance": f"{faces.distance:.2f}" if faces.distance is not None else "",
        "face_bands": f"{thresholds.get('same', '?')} / {thresholds.get('different', '?')}",
        "selfie_faces": "" if faces.selfie_faces is None else str(faces.selfie_faces),
        "cnic_faces": "" if faces.cnic_faces is None else str(faces.cnic_faces),
        "selfie_quality": f"{selfie_sharp} · {selfie_bright}",
        "cnic_quality": f"{cnic_sharp} · {cnic_bright}",
        "face_seconds": f"{faces.seconds:.2f}" if faces.seconds is not None else "",
        "face_model": faces.model,
        "selfie_boxes": _boxes(faces.selfie_boxes),
        "cnic_boxes": _boxes(faces.cnic_boxes),
    }


def _submission_view(shown: moderation.SubmissionDetail) -> SubmissionView:
    place_en, place_ur = _place(shown.area, shown.city)
    return SubmissionView(
        id=shown.id,
        status=shown.status,
        attempt=shown.attempt,
        submitted=pakistan_time(shown.submitted_at),
        decided=pakistan_time(shown.decided_at),
        decided_by=shown.decided_by or "",
        reason_code=shown.reason_code or "",
        note=shown.note or "",
        cnic_masked=shown.cnic_masked,
        cnic_province_en=shown.cnic_province or "",
        cnic_province_ur=urdu_name(shown.cnic_province or ""),
        profile_province_en=shown.profile_province or "",
        profile_province_ur=urdu_name(shown.profile_province or ""),
        flags=list(shown.flags),
        selfie_age_minutes=shown.selfie_age_seconds // 60,
        selfie_url=shown.selfie_url,
        cnic_front_url=shown.cnic_front_url,
        cnic_back_url=shown.cnic_back_url,
        images_purged=shown.images_purged,
        name=shown.display_name or "—",
        place_en=place_en,
        place_ur=place_ur,
        phone_verified=shown.phone_verified,
        level=shown.level,
        member_since=shown.member_since.astimezone(PAKISTAN_TIME).date().isoformat(),
        earlier=[
            EarlierRow(e.attempt, e.status, e.reason_code or "", pakistan_time(e.submitted_at))
            for e in shown.earlier
        ],
        **_face_fields(shown.faces),
        # Photos deleted before the checks ran: they never will (the job skips these).
        **({"face_status": "purged"} if shown.images_purged and shown.faces is None else {}),
    )


def _audit_row(entry: moderation.AuditView) -> AuditRow:
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


class ModeratorGate(rx.State):
    """Whether the server said this session may moderate; shared by both pages."""

    checked: bool = False  # the server has answered
    allowed: bool = False

    async def _who(self) -> str:
        return (await self.get_state(AuthState)).clerk_user_id

    async def _refused(self) -> None:
        """A NotModerator from the service: drop everything, say so."""
        self.checked, self.allowed = True, False
        queue = await self.get_state(ModerationState)
        queue._clear()
        audit = await self.get_state(AuditState)
        audit._clear()
        (await self.get_state(AuthState)).is_moderator = False

    async def _admit(self) -> bool:
        allowed = await asyncio.to_thread(moderation.is_moderator, await self._who())
        if not allowed:
            await self._refused()
            return False
        await self._allow()
        return True

    async def _allow(self) -> None:
        """The server said yes (sent only when it is news)."""
        assign_changed(self, checked=True, allowed=True)
        assign_changed(await self.get_state(AuthState), is_moderator=True)


class ModerationState(rx.State):
    """/moderation: the queue, one submission, decisions, the stats panel."""

    # The queue.
    status_filter: str = SubmissionStatus.PENDING.value
    flag_filter: str = "all"
    items: list[QueueRow] = []  # noqa: RUF012
    page_number: int = 1
    has_next: bool = False
    queue_loading: bool = False
    _after: str = ""  # where this page starts ("" = the beginning)
    _earlier: list[str] = []  # noqa: RUF012 - the ``_after`` of each page before this one
    _next_cursor: str = ""

    # The submission open beside it.
    selected: SubmissionView = SubmissionView()
    detail_loading: bool = False
    revealed_cnic: str = ""
    reason_code: str = ""
    note: str = ""
    saving: bool = False
    problem: str = ""  # a message id of pk_rentals.i18n, shown above the buttons
    already_status: str = ""  # set when another moderator decided first
    already_by: str = ""
    already_at: str = ""

    # The stats panel.
    pending_count: int = 0
    median_en: str = "—"
    median_ur: str = "—"
    decisions_per_day: list[dict[str, str | int]] = []  # noqa: RUF012
    decisions_total: int = 0

    def _clear(self) -> None:
        self.items = []
        self.page_number, self.has_next = 1, False
        self._after, self._earlier, self._next_cursor = "", [], ""
        self._close()
        self.pending_count, self.decisions_per_day, self.decisions_total = 0, [], 0
        self.median_en = self.median_ur = "—"

    def _close(self) -> None:
        self.selected = SubmissionView()
        self.revealed_cnic = ""
        self.reason_code = self.note = self.problem = ""
        self.already_status = self.already_by = self.already_at = ""

    @rx.var
    def has_selection(self) -> bool:
        return self.selected.id != ""

    @rx.var
    def selected_index(self) -> int:
        return next((n for n, item in enumerate(self.items) if item.id == self.selected.id), -1)

    @rx.var
    def can_decide(self) -> bool:
        return self.selected.status == SubmissionStatus.PENDING.value and not self.saving

    # --- loading -------------------------------------------------------------------

    async def _fetch_queue(self, after: str | None) -> bool:
        gate = await self.get_state(ModeratorGate)
        try:
            page = await asyncio.to_thread(
                moderation.queue,
                await gate._who(),
                status=self.status_filter,
                flag=self._chosen_flag(),
                after=after,
            )
        except NotModerator:
            await gate._refused()
            return False
        self._show_page(page)
        return True

    def _chosen_flag(self) -> str | None:
        return None if self.flag_filter == "all" else self.flag_filter

    def _show_page(self, page: moderation.QueuePage) -> None:
        """A page of the queue; a reload that finds the same rows sends nothing."""
        assign_changed(
            self,
            items=[_queue_row(item) for item in page.items],
            has_next=page.next_cursor is not None,
        )
        self._next_cursor = page.next_cursor or ""

    async def _fetch_stats(self) -> None:
        gate = await self.get_state(ModeratorGate)
        try:
            shown = await asyncio.to_thread(moderation.stats, await gate._who())
        except NotModerator:
            await gate._refused()
            return
        self._show_stats(shown)

    def _show_stats(self, shown: moderation.Stats) -> None:
        assign_changed(
            self,
            pending_count=shown.pending,
            median_en=duration_words(shown.median_decision_seconds, "en"),
            median_ur=duration_words(shown.median_decision_seconds, "ur"),
            decisions_per_day=[
                {"day": day[5:], "decisions": count} for day, count in shown.decisions_per_day
            ],
            decisions_total=sum(count for _, count in shown.decisions_per_day),
        )

    def _at_first_page(self) -> None:
        self._after, self._earlier = "", []
        assign_changed(self, page_number=1)

    async def _first_page(self):
        self._at_first_page()
        self._close()
        self.queue_loading = True
        yield
        await self._fetch_queue(None)
        self.queue_loading = False

    @rx.event
    @protected
    async def load(self):
        """On mount: whether this session may moderate, the first page and the stats,
        in one trip to the database (nothing is shown before the server says yes)."""
        gate = await self.get_state(ModeratorGate)
        self.queue_loading = True
        yield
        try:
            opening = await asyncio.to_thread(
                moderation.overview,
                await gate._who(),
                status=self.status_filter,
                flag=self._chosen_flag(),
            )
        except NotModerator:
            self.queue_loading = False
            await gate._refused()
            return
        await gate._allow()
        self._at_first_page()
        self._show_page(opening.page)
        self._show_stats(opening.stats)
        self.queue_loading = False

    @rx.event
    @protected
    async def filter_status(self, status: str):
        if status not in STATUSES:
            return
        self.status_filter = status
        async for update in self._first_page():
            yield update

    @rx.event
    @protected
    async def filter_flag(self, flag: str):
        if flag != "all" and flag not in FLAGS:
            return
        self.flag_filter = flag
        async for update in self._first_page():
            yield update

    @rx.event
    @protected
    async def next_page(self):
        if not self.has_next:
            return
        after = self._next_cursor
        if await self._fetch_queue(after):
            self._earlier = [*self._earlier, self._after]
            self._after = after
            self.page_number += 1

    @rx.event
    @protected
    async def previous_page(self):
        if not self._earlier:
            return
        after = self._earlier[-1]
        if await self._fetch_queue(after or None):
            self._earlier = self._earlier[:-1]
            self._after = after
            self.page_number -= 1

    # --- one submission ------------------------------------------------------------

    async def _fetch_detail(self, submission_id: str) -> bool:
        gate = await self.get_state(ModeratorGate)
        try:
            shown = await asyncio.to_thread(moderation.detail, await gate._who(), submission_id)
        except NotModerator:
            await gate._refused()
            return False
        except NotFound:
            self._close()
            self.problem = "moderation.error.not_found"
            return False
        self.selected = _submission_view(shown)
        return True

    async def _open(self, submission_id: str):
        self._close()
        self.detail_loading = True
        yield
        await self._fetch_detail(str(submission_id)[:64])
        self.detail_loading = False
        yield rx.call_script(
            # A phone shows the submission instead of the queue: start at its top.
            "window.innerWidth < 1024 && document.getElementById('moderation-detail')"
            "?.scrollIntoView({block: 'start'})"
        )

    @rx.event
    @protected
    async def open(self, submission_id: str):
        async for update in self._open(submission_id):
            yield update

    @rx.event
    @protected
    async def move(self, step: int):
        """J/K: the next or previous submission of this queue page."""
        if not self.items:
            return
        index = self.selected_index
        target = 0 if index < 0 else min(max(index + int(step), 0), len(self.items) - 1)
        if target == index:
            return
        async for update in self._open(self.items[target].id):
            yield update

    @rx.event
    @protected
    async def close(self):
        self._close()

    @rx.event
    @protected
    async def set_reason(self, code: str):
        self.reason_code = code if code in moderation.REJECTION_REASONS else ""
        self.problem = ""

    @rx.event
    @protected
    async def set_note(self, note: str):
        self.note = note[: moderation.NOTE_MAX + 1]

    @rx.event
    @protected
    async def reveal(self):
        gate = await self.get_state(ModeratorGate)
        try:
            self.revealed_cnic = await asyncio.to_thread(
                moderation.reveal_cnic, await gate._who(), self.selected.id
            )
        except NotModerator:
            await gate._refused()
        except NotFound:
            self.problem = "moderation.error.not_found"
        else:
            return ModerationState.hide_revealed_cnic

    @rx.event(background=True)
    async def hide_revealed_cnic(self):
        """The full number leaves the screen and the state store after a minute."""
        async with self:
            shown = self.revealed_cnic
        await asyncio.sleep(moderation.REVEAL_SECONDS)
        async with self:
            if self.revealed_cnic == shown:
                self.revealed_cnic = ""

    @rx.event
    @protected
    async def decide(self, decision: str):
        if self.saving or not self.selected.id or decision not in DECISIONS:
            return
        decision = Decision(decision)
        self.saving, self.problem = True, ""
        yield
        gate = await self.get_state(ModeratorGate)
        language = await language_code(self)
        submission_id = self.selected.id
        try:
            await asyncio.to_thread(
                moderation.decide,
                await gate._who(),
                submission_id,
                decision,
                reason_code=self.reason_code or None,
                note=self.note,
            )
        except NotModerator:
            self.saving = False
            await gate._refused()
            return
        except DecisionInvalid as invalid:
            self.saving = False
            self.problem = f"moderation.error.{invalid.code}"
            return
        except AlreadyDecided as late:
            self.saving = False
            await self._fetch_detail(submission_id)
            await self._fetch_queue(self._after or None)  # it left the pending queue
            await self._fetch_stats()
            self.already_status = late.status
            self.already_by = late.by or "—"
            self.already_at = pakistan_time(late.at)
            return
        except NotFound:
            self.saving = False
            self.problem = "moderation.error.not_found"
            return
        await self._fetch_detail(submission_id)
        await self._fetch_queue(self._after or None)
        await self._fetch_stats()
        self.reason_code = self.note = ""
        self.saving = False
        yield toast("success", f"moderation.done.{decision.value}", language)


class AuditState(rx.State):
    """/moderation/audit: the append-only log, newest first, in pages."""

    entries: list[AuditRow] = []  # noqa: RUF012
    page_number: int = 1
    has_older: bool = False
    loading: bool = False
    _before: list[int] = []  # noqa: RUF012 - the ``before`` of each page shown so far

    def _clear(self) -> None:
        self.entries, self.page_number, self.has_older, self._before = [], 1, False, []

    async def _fetch(self, before: int | None) -> bool:
        gate = await self.get_state(ModeratorGate)
        try:
            rows = await asyncio.to_thread(
                moderation.audit_log, await gate._who(), before=before, limit=AUDIT_PAGE + 1
            )
        except NotModerator:
            await gate._refused()
            return False
        self.entries = [_audit_row(row) for row in rows[:AUDIT_PAGE]]
        self.has_older = len(rows) > AUDIT_PAGE
        return True

    @rx.event
    @protected
    async def load(self):
        gate = await self.get_state(ModeratorGate)
        if not await gate._admit():
            return
        self.loading = True
        yield
        self._before, self.page_number = [], 1
        await self._fetch(None)
        self.loading = False

    @rx.event
    @protected
    async def older(self):
        if not self.has_older or not self.entries:
            return
        before = self.entries[-1].id
        if await self._fetch(before):
            self._before = [*self._before, before]
            self.page_number += 1

    @rx.event
    @protected
    async def newer(self):
        if not self._before:
            return
        earlier = self._before[:-1]
        if await self._fetch(earlier[-1] if earlier else None):
            self._before = earlier
            self.page_number -= 1


@dataclasses.dataclass
class SecurityAccountRow:
    clerk_user_id: str = ""
    display_name: str = ""
    failures: int = 0
    flagged: bool = False


class SecurityTabState(rx.State):
    """The stats panel's Security tab (seed 004: failed attempts), read when opened."""

    tab: str = "review"  # review | security
    loading: bool = False
    per_day: list[dict[str, str | int]] = []  # noqa: RUF012
    total_14d: int = 0
    by_kind: list[list[str | int]] = []  # noqa: RUF012 - [kind, count] over 24 hours
    top: list[SecurityAccountRow] = []  # noqa: RUF012
    threshold: int = 0

    @rx.event
    @protected
    async def choose_tab(self, tab: str):
        if tab not in ("review", "security"):
            return
        self.tab = tab
        if tab != "security":
            return
        gate = await self.get_state(ModeratorGate)
        self.loading = True
        yield
        try:
            shown = await asyncio.to_thread(moderation.security, await gate._who())
        except NotModerator:
            self.loading = False
            await gate._refused()
            return
        self.per_day = [{"day": day[5:], "failures": n} for day, n in shown.failures_per_day]
        self.total_14d = sum(n for _, n in shown.failures_per_day)
        self.by_kind = [[kind, count] for kind, count in shown.by_kind_24h.items()]
        self.threshold = shown.threshold
        self.top = [
            SecurityAccountRow(
                clerk_user_id=row.clerk_user_id,
                display_name=row.display_name,
                failures=row.failures,
                flagged=row.failures >= shown.threshold,
            )
            for row in shown.top_accounts_24h
        ]
        self.loading = False
