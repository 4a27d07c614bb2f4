"""The moderators' pages: the queue with one submission open beside it, the stats
panel, and the audit log.

Thin: every handler is ``@protected`` and passes the session's Clerk user id to
the services/moderation package, which checks the role itself and shapes what the
screen shows (view_models) and what it may send (screen_input). A refusal
(``NotModerator``) clears whatever the page held and shows "You do not have access";
nothing is loaded before the server has said yes, so prerendered pages hold no data.
ModerationState is defined here, not in a submodule: a state's name comes from its
module's path, and bench/load.py addresses this one by it. The gate, the audit log
and the Security tab are the package's other modules.
"""

from __future__ import annotations

import asyncio

import reflex as rx

from pk_rentals.models import SubmissionStatus
from pk_rentals.places import pakistan_time
from pk_rentals.services import moderation
from pk_rentals.services.moderation import (
    AlreadyDecided,
    DecisionInvalid,
    NotFound,
    NotModerator,
)
from pk_rentals.services.moderation import screen_input as choices
from pk_rentals.services.moderation.view_models import (
    AuditRow,
    EarlierRow,
    QueueRow,
    SecurityAccountRow,
    SubmissionView,
    duration_words,
    queue_row,
    stats_fields,
    submission_view,
)
from pk_rentals.state.auth import protected
from pk_rentals.state.changes import assign_changed
from pk_rentals.state.moderation.audit import AuditState
from pk_rentals.state.moderation.gate import ModeratorGate
from pk_rentals.state.moderation.security import SecurityTabState
from pk_rentals.state.ui import language_code, toast

__all__ = [
    "AuditRow",
    "AuditState",
    "EarlierRow",
    "ModerationState",
    "ModeratorGate",
    "QueueRow",
    "SecurityAccountRow",
    "SecurityTabState",
    "SubmissionView",
    "duration_words",
]


class ModerationState(rx.State):
    """/moderation: the queue, one submission, decisions, the stats panel."""

    # The queue.
    status_filter: str = SubmissionStatus.PENDING.value
    flag_filter: str = choices.ALL_FLAGS
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
        return choices.flag_for_query(self.flag_filter)

    def _show_page(self, page: moderation.QueuePage) -> None:
        """A page of the queue; a reload that finds the same rows sends nothing."""
        assign_changed(
            self,
            items=[queue_row(item) for item in page.items],
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
        assign_changed(self, **stats_fields(shown))

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
        if choices.status_choice(status) is None:
            return
        self.status_filter = status
        async for update in self._first_page():
            yield update

    @rx.event
    @protected
    async def filter_flag(self, flag: str):
        if choices.flag_choice(flag) is None:
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
            self.problem = choices.problem_id("not_found")
            return False
        self.selected = submission_view(shown)
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
        self.reason_code = choices.reason_choice(code)
        self.problem = ""

    @rx.event
    @protected
    async def set_note(self, note: str):
        self.note = choices.clipped_note(note)

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
            self.problem = choices.problem_id("not_found")
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
        chosen = choices.decision_choice(decision)
        if self.saving or not self.selected.id or chosen is None:
            return
        self.saving, self.problem = True, ""
        yield
        language = await language_code(self)
        submission_id = self.selected.id
        if await self._send_decision(submission_id, chosen):
            await self._refresh(submission_id)
            self.reason_code = self.note = ""
            self.saving = False
            yield toast("success", choices.done_id(chosen), language)

    async def _send_decision(self, submission_id: str, decision: moderation.Decision) -> bool:
        """Whether the service took the decision; otherwise says why and stops saving."""
        gate = await self.get_state(ModeratorGate)
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
        except DecisionInvalid as invalid:
            self.saving = False
            self.problem = choices.problem_id(invalid.code)
        except AlreadyDecided as late:
            self.saving = False
            await self._refresh(submission_id)  # it left the pending queue
            self._show_already(late)
        except NotFound:
            self.saving = False
            self.problem = choices.problem_id("not_found")
        else:
            return True
        return False

    async def _refresh(self, submission_id: str) -> None:
        """After a decision: the submission, this queue page and the stats again."""
        await self._fetch_detail(submission_id)
        await self._fetch_queue(self._after or None)
        await self._fetch_stats()

    def _show_already(self, late: AlreadyDecided) -> None:
        """Another moderator decided first: who, and when."""
        self.already_status = late.status
        self.already_by = late.by or "—"
        self.already_at = pakistan_time(late.at)
