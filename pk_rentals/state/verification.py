"""/verify: the signed-in user's CNIC + live selfie submission and its status.

Thin: every rule is in pk_rentals.services.verification (status, selfie codes,
submission) and services.cnic. Images never pass through here: the browser
uploads them to /api/verification/uploads/{kind} with a Bearer token, then tells
this state, which re-reads the status from the database (the browser's word is
not proof of an upload).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from datetime import datetime, timezone

import reflex as rx

from pk_rentals.i18n import MESSAGES
from pk_rentals.places import pakistan_time
from pk_rentals.services import verification
from pk_rentals.services.cnic import CnicInvalid, normalize_cnic
from pk_rentals.services.documents import feedback as card_feedback
from pk_rentals.services.faces import checks as face_checks
from pk_rentals.services.faces import pool as face_pool
from pk_rentals.services.faces import retake
from pk_rentals.state.arguments import as_declared
from pk_rentals.state.auth import AuthState, protected
from pk_rentals.state.ui import language_code, toast

log = logging.getLogger(__name__)

CNIC_DRAFT_KEY = "pk_draft_cnic"  # localStorage key of the typed CNIC (assets/js/cnic_input.jsx)
IMAGE_KINDS = ("cnic_front", "cnic_back", "selfie")
REFUSALS = (  # SubmissionRefused.code, each with a verify.refused.<code> message
    "email_unverified",
    "cnic_invalid",
    "cnic_duplicate",
    "missing_cnic_front",
    "missing_cnic_back",
    "missing_selfie",
    "selfie_stale",
    "already_pending",
    "already_verified",
    "no_resubmissions_left",
    "profile_incomplete",
)
CNIC_PROBLEMS = {"cnic_region": "verify.cnic.region"}  # CnicInvalid.code -> message id


def _reason(code: str | None, suffix: str = "") -> dict[str, str]:
    """The moderator's reason (``rejection.<code>``) in both languages."""
    message = (
        MESSAGES.get(f"rejection.{code}{suffix}") or MESSAGES[f"verify.reason.unknown{suffix}"]
    )
    return dict(message)


class VerificationState(rx.State):
    loaded: bool = False
    read_at: str = ""  # when the status was last read (ISO, UTC): fresh or cached, for tests

    # The status, as services.verification.status_of says.
    level: str = "unverified"
    email_verified: bool = True  # False: the form waits for a verified email
    status: str = "none"  # none | pending | approved | rejected | resubmission_requested
    reason: dict[str, str] = {}  # noqa: RUF012 - {"en", "ur"}: what is wrong
    todo: dict[str, str] = {}  # noqa: RUF012 - {"en", "ur"}: what to do about it
    note: str = ""  # the moderator's own words
    resubmissions_left: int = 0
    can_submit: bool = False
    submitted_at: str = ""
    decided_at: str = ""
    cnic_masked: str = ""
    previews: dict[str, str] = {}  # noqa: RUF012 - kind -> signed URL of an unsent upload

    # The form.
    selfie_code: str = ""
    selfie_code_expires_at: str = ""  # ISO 8601, for the camera's own countdown
    cnic_ok: bool = False
    cnic_problem: str = ""  # a message id, shown under the field
    submitting: bool = False
    refusal: str = ""  # SubmissionRefused.code of the last attempt
    draft_owner: str = ""  # whose CNIC draft this browser may restore
    # The selfie's quick face check, as the upload answered it (services/faces/retake).
    selfie_problems: list[str] = []  # noqa: RUF012
    selfie_failed_checks: int = 0
    # The card front's quick read, as the upload answered it (services/documents/feedback).
    card_problems: list[str] = []  # noqa: RUF012
    card_failed_checks: int = 0
    card_reads: int = 0  # card fronts answered so far (the page shows it to its tests)
    _typed_cnic: str = ""  # the number as last typed, normalised (never sent to the page)
    _card_read_for: str = ""  # the number typed when the card front was read

    @rx.var
    def has_front(self) -> bool:
        return "cnic_front" in self.previews

    @rx.var
    def has_back(self) -> bool:
        return "cnic_back" in self.previews

    @rx.var
    def has_selfie(self) -> bool:
        return "selfie" in self.previews

    @rx.var
    def ready(self) -> bool:
        """Everything is there to send (the server checks it all again)."""
        return (
            self.cnic_ok
            and all(kind in self.previews for kind in IMAGE_KINDS)
            and not self.retake_needed
            and not self.card_retake_needed
        )

    @rx.var
    def retake_needed(self) -> bool:
        """The selfie failed its quick check once: ask for another before sending."""
        return retake.retake_needed(self.selfie_problems, self.selfie_failed_checks)

    @rx.var
    def card_retake_needed(self) -> bool:
        """The card front failed its quick read: ask for another photo (or the right
        number) before sending, until the tries run out."""
        return retake.retake_needed(self.card_problems, self.card_failed_checks)

    @rx.var
    def out_of_tries(self) -> bool:
        return self.status == "rejected" and not self.can_submit

    def _show(self, found: verification.VerificationStatus) -> None:
        self.level = found.level
        self.email_verified = found.email_verified
        self.status = found.state
        self.reason = _reason(found.reason_code) if found.reason_code else {}
        self.todo = _reason(found.reason_code, ".todo") if found.reason_code else {}
        self.note = found.note or ""
        self.resubmissions_left = found.resubmissions_left
        self.can_submit = found.can_submit
        self.submitted_at = pakistan_time(found.submitted_at)
        self.decided_at = pakistan_time(found.decided_at)
        self.cnic_masked = found.cnic_masked or ""
        self.previews = {kind: draft.preview_url for kind, draft in found.drafts.items()}
        self.loaded = True
        self.read_at = datetime.now(timezone.utc).isoformat(timespec="microseconds")

    async def _user_id(self) -> str:
        return (await self.get_state(AuthState)).clerk_user_id

    async def _issue_code(self, clerk_user_id: str) -> None:
        issued = await asyncio.to_thread(verification.issue_selfie_code, clerk_user_id)
        self.selfie_code = issued.code
        self.selfie_code_expires_at = issued.expires_at.isoformat()

    @rx.event
    @protected
    async def load(self):
        user_id = await self._user_id()
        found = await asyncio.to_thread(verification.status_of, user_id)
        self._show(found)
        self.draft_owner = hashlib.sha256(user_id.encode()).hexdigest()[:16]
        self.refusal = ""
        # The database is the truth (a webhook may have verified the email meanwhile):
        # the banner follows it.
        (await self.get_state(AuthState)).email_verified = self.email_verified
        if found.needs_selfie_code:
            await self._issue_code(user_id)
        if self.can_submit:  # start the face-check process while the form is filled in
            await asyncio.to_thread(face_pool.warm_up)

    @rx.event
    @protected
    async def new_selfie_code(self):
        """The camera needs a code that lives until the upload (or the old one was used)."""
        await self._issue_code(await self._user_id())

    @rx.event
    @protected
    async def image_uploaded(self, kind: str, upload: dict):
        """The browser says an upload succeeded: re-read what the server holds."""
        log.debug("%s uploaded: %s bytes", kind, upload.get("bytes"))
        if kind == "selfie":
            # The upload API's answer, as the browser relays it: any JSON at all.
            self.selfie_problems = retake.problems_in_answer(upload)
            if self.selfie_problems:
                self.selfie_failed_checks += 1
        elif kind == "cnic_front":
            self.card_reads += 1
            self._card_read_for = self._typed_cnic
            self.card_problems = card_feedback.problems_in_answer(upload)
            if self.card_problems:
                self.card_failed_checks += 1
        self._show(await asyncio.to_thread(verification.status_of, await self._user_id()))
        if verification.answered_by_upload(self.refusal):
            self.refusal = ""

    @rx.event
    @as_declared
    def check_cnic(self, typed: str, final: bool):
        """Whether the typed number is a CNIC; the problem is shown once the field is left."""
        try:
            typed_cnic = normalize_cnic(typed)
        except CnicInvalid as invalid:
            self.cnic_ok = False
            if final and typed.strip():
                self.cnic_problem = CNIC_PROBLEMS.get(invalid.code, "verify.cnic.invalid")
            return
        self.cnic_ok = True
        self.cnic_problem = ""
        if self.refusal == "cnic_invalid":
            self.refusal = ""
        self._typed_cnic = typed_cnic
        if final and verification.number_corrected(
            self.card_problems, typed=typed_cnic, read_for=self._card_read_for
        ):
            self.card_problems = []

    @rx.event
    @protected
    async def submit(self, form: dict):
        if self.submitting:
            return  # a double tap: the first one is still being sent
        self.submitting = True
        self.refusal = ""
        yield
        user_id = await self._user_id()
        language = await language_code(self)
        try:
            found = await asyncio.to_thread(verification.submit, user_id, form.get("cnic", ""))
        except verification.SubmissionRefused as refused:
            self.refusal = refused.code
            if refused.code == "cnic_invalid":
                self.cnic_ok, self.cnic_problem = False, "verify.cnic.invalid"
            self._show(await asyncio.to_thread(verification.status_of, user_id))
            self.submitting = False
            key = f"verify.refused.{refused.code}"
            yield toast("error", key if key in MESSAGES else "verify.submit_failed", language)
            return
        except Exception:
            log.exception("submitting the verification of %s failed", user_id)
            self.submitting = False
            yield toast("error", "verify.submit_failed", language)
            return
        self._show(found)
        self.submitting = False
        self.selfie_problems, self.selfie_failed_checks = [], 0
        self.card_problems, self.card_failed_checks = [], 0
        face_checks.check_in_background(user_id)  # the moderator's scores, off this process
        yield rx.call_script(f"window.localStorage.removeItem({CNIC_DRAFT_KEY!r})")
        yield toast("success", "verify.submitted", language)
