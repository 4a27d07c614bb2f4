"""Pieces of /verify: the CNIC field, the two card photos, the live selfie camera,
the send button and the status cards (assets/js/cnic_input.jsx, image_upload.jsx,
selfie_camera.jsx)."""

from __future__ import annotations

import functools

import reflex as rx

from pk_rentals.components.i18n import ltr, script_messages, t
from pk_rentals.components.trust_badge import trust_badge_for
from pk_rentals.components.ui import busy_spinner, message_text, titled_card
from pk_rentals.services.documents.feedback import CARD_PROBLEMS
from pk_rentals.state.ui import UiState
from pk_rentals.state.verification import CNIC_DRAFT_KEY, REFUSALS, VerificationState

FORM_ID = "verify-form"
PHOTO_MESSAGES = {
    "camera": "verify.photo.camera",
    "file": "verify.photo.file",
    "retake": "verify.photo.retake",
    "uploading": "verify.photo.uploading",
    "uploaded": "verify.photo.uploaded",
    "preview": "verify.photo.preview",
    "retry": "verify.photo.retry",
    "network": "verify.photo.network",
    "failed": "verify.photo.failed",
    "signed_out": "verify.photo.signed_out",
}
SELFIE_MESSAGES = {
    **{
        name: f"verify.selfie.{name}"
        for name in (
            "open",
            "starting",
            "preview_label",
            "tips",
            "capture",
            "still_label",
            "check_still",
            "use",
            "retake",
            "uploading",
            "uploaded",
            "getting_code",
            "code_expired",
            "try_again",
            "problem_denied",
            "problem_missing",
            "problem_busy",
            "problem_insecure",
            "problem_failed",
            "help_android_title",
            "help_android",
            "help_ios_title",
            "help_ios",
            "checking",
            "face_ok",
            "face_no_face",
            "face_several_faces",
            "face_too_dark",
            "face_blurry",
            "face_retake",
            "face_send_anyway",
        )
    },
    "retry": "verify.photo.retry",
    "network": "verify.photo.network",
    "failed": "verify.photo.failed",
    "signed_out": "verify.photo.signed_out",
}


def _language_code() -> rx.Var:
    return rx.cond(UiState.is_urdu, "ur", "en")


class CnicInput(rx.Component):
    library = "$/public/js/cnic_input.jsx"
    tag = "CnicInput"

    name: rx.Var[str]
    storage_key: rx.Var[str]
    owner: rx.Var[str]
    described_by: rx.Var[str]
    invalid: rx.Var[bool]
    on_check: rx.EventHandler[rx.event.passthrough_event_spec(str, bool)]


class ImageUpload(rx.Component):
    library = "$/public/js/image_upload.jsx"
    tag = "ImageUpload"

    kind: rx.Var[str]
    label: rx.Var[str]
    hint: rx.Var[str]
    preview_url: rx.Var[str]
    lang: rx.Var[str]
    messages: rx.Var[dict]
    on_uploaded: rx.EventHandler[rx.event.passthrough_event_spec(str, dict)]


class SelfieCamera(rx.Component):
    library = "$/public/js/selfie_camera.jsx"
    tag = "SelfieCamera"

    code: rx.Var[str]
    code_expires_at: rx.Var[str]
    preview_url: rx.Var[str]
    lang: rx.Var[str]
    messages: rx.Var[dict]
    on_need_code: rx.EventHandler[rx.event.no_args_event_spec]
    on_uploaded: rx.EventHandler[rx.event.passthrough_event_spec(str, dict)]


# The three steps are cards inside the page's column: a size smaller than a page's.
_step = functools.partial(titled_card, size="2")


def _lead(key: str) -> rx.Component:
    return rx.text(t(key), size="2", color_scheme="gray")


def cnic_step() -> rx.Component:
    problem = VerificationState.cnic_problem
    return _step(
        "verify.step_cnic",
        rx.box(
            rx.el.label(t("verify.cnic.label"), html_for="cnic", class_name="pk-label"),
            CnicInput.create(
                id="cnic",
                name="cnic",
                storage_key=CNIC_DRAFT_KEY,
                owner=VerificationState.draft_owner,
                described_by="cnic-hint cnic-error",
                invalid=problem != "",
                on_check=VerificationState.check_cnic,
            ),
            rx.text(t("verify.cnic.hint"), id="cnic-hint", size="1", color_scheme="gray"),
            rx.el.p(
                message_text(problem, [("", ""), "verify.cnic.region"], t("verify.cnic.invalid")),
                id="cnic-error",
                class_name="pk-field-error",
                role="alert",
                data_testid="cnic-error",
            ),
            class_name="pk-field",
            width="100%",
            max_width="24rem",
        ),
        data_testid="verify-step-cnic",
    )


def _photo(kind: str, side: str) -> rx.Component:
    return ImageUpload.create(
        kind=kind,
        label=t(f"verify.{side}.label"),
        hint=t(f"verify.{side}.hint"),
        preview_url=VerificationState.previews[kind],
        lang=_language_code(),
        messages=script_messages(PHOTO_MESSAGES),
        on_uploaded=VerificationState.image_uploaded,
    )


def _card_feedback() -> rx.Component:
    """What the quick read of the card front found, with what to do about it."""
    problem = VerificationState.card_problems[0]
    return rx.cond(
        VerificationState.card_problems.length() > 0,
        rx.callout.root(
            rx.callout.icon(rx.icon("scan-line", aria_hidden="true")),
            rx.callout.text(
                message_text(problem, [(p, f"verify.card.{p}") for p in sorted(CARD_PROBLEMS)])
            ),
            rx.cond(
                VerificationState.card_retake_needed,
                rx.fragment(),
                rx.callout.text(t("verify.card.send_anyway"), data_testid="card-send-anyway"),
            ),
            color_scheme="amber",
            role="alert",
            width="100%",
            data_testid="card-feedback",
        ),
        rx.fragment(),
    )


def photos_step() -> rx.Component:
    return _step(
        "verify.step_photos",
        _lead("verify.photos.lead"),
        rx.grid(
            _photo("cnic_front", "front"),
            _photo("cnic_back", "back"),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        _card_feedback(),
        data_testid="verify-step-photos",
        custom_attrs={"data-card-reads": VerificationState.card_reads},
    )


def selfie_step() -> rx.Component:
    return _step(
        "verify.step_selfie",
        _lead("verify.selfie.lead"),
        SelfieCamera.create(
            code=VerificationState.selfie_code,
            code_expires_at=VerificationState.selfie_code_expires_at,
            preview_url=VerificationState.previews["selfie"],
            lang=_language_code(),
            messages=script_messages(SELFIE_MESSAGES),
            on_need_code=VerificationState.new_selfie_code,
            on_uploaded=VerificationState.image_uploaded,
        ),
        data_testid="verify-step-selfie",
    )


def _refusal() -> rx.Component:
    return rx.el.p(
        message_text(
            VerificationState.refusal,
            [(code, f"verify.refused.{code}") for code in REFUSALS],
            rx.cond(VerificationState.refusal != "", t("verify.submit_failed"), ""),
        ),
        role="alert",
        class_name="pk-field-error",
        data_testid="verify-refusal",
    )


def submit_area() -> rx.Component:
    return rx.vstack(
        rx.button(
            busy_spinner(VerificationState.submitting),
            rx.cond(VerificationState.submitting, t("verify.submitting"), t("verify.submit")),
            type="submit",
            size="3",
            disabled=~VerificationState.ready | VerificationState.submitting,
            aria_busy=VerificationState.submitting,
            aria_describedby="verify-submit-needs",
            class_name="pk-submit pk-verify-submit",
            data_testid="verify-submit",
        ),
        rx.el.p(
            rx.cond(
                VerificationState.ready,
                "",
                rx.cond(
                    VerificationState.retake_needed,
                    t("verify.submit.retake_first"),
                    t("verify.submit.needs"),
                ),
            ),
            id="verify-submit-needs",
            class_name="pk-hint",
            aria_live="polite",
        ),
        _refusal(),
        spacing="2",
        width="100%",
    )


def submission_form() -> rx.Component:
    """The three steps and the send button. Uncontrolled: typing never waits."""
    return rx.form(
        rx.vstack(
            cnic_step(),
            photos_step(),
            selfie_step(),
            submit_area(),
            spacing="4",
            width="100%",
        ),
        id=FORM_ID,
        on_submit=VerificationState.submit,
        reset_on_submit=False,
        width="100%",
        data_testid="verify-form",
    )


# --- the status ------------------------------------------------------------------


def _fact(label_key: str, value: rx.Var, testid: str) -> rx.Component:
    return rx.cond(
        value != "",
        rx.text(
            rx.text.strong(t(label_key)),
            " ",
            ltr(value),
            size="2",
            data_testid=testid,
        ),
    )


def _in_language(message: rx.Var) -> rx.Var:
    return rx.cond(UiState.is_urdu, message["ur"], message["en"])


def _card(color: str, icon: str, title_key: str, *children, testid: str) -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon(icon, aria_hidden="true")),
        rx.vstack(
            rx.heading(t(title_key), as_="h2", size="4"),
            *children,
            spacing="2",
            align="start",
            width="100%",
        ),
        color_scheme=color,
        high_contrast=True,
        size="2",
        width="100%",
        role="status",
        data_testid=testid,
    )


def _pending() -> rx.Component:
    return _card(
        "amber",
        "hourglass",
        "verify.status.pending.title",
        rx.text(t("verify.status.pending.body"), size="2"),
        _fact("verify.status.submitted_at", VerificationState.submitted_at, "status-submitted-at"),
        _fact("verify.status.cnic", VerificationState.cnic_masked, "status-cnic"),
        testid="status-pending",
    )


def _approved() -> rx.Component:
    return _card(
        "green",
        "badge-check",
        "verify.status.approved.title",
        trust_badge_for(VerificationState.level, "large"),
        rx.text(t("verify.status.approved.body"), size="2"),
        _fact("verify.status.decided_at", VerificationState.decided_at, "status-decided-at"),
        testid="status-approved",
    )


def _rejected() -> rx.Component:
    return _card(
        "red",
        "circle-x",
        "verify.status.rejected.title",
        rx.text(
            rx.text.strong(t("verify.status.reason")),
            " ",
            _in_language(VerificationState.reason),
            size="2",
            data_testid="status-reason",
        ),
        rx.cond(
            ~VerificationState.out_of_tries,
            rx.text(
                rx.text.strong(t("verify.status.todo")),
                " ",
                _in_language(VerificationState.todo),
                size="2",
                data_testid="status-todo",
            ),
        ),
        rx.cond(
            VerificationState.note != "",
            rx.text(
                rx.text.strong(t("verify.status.note")),
                " ",
                rx.el.bdi(rx.el.q(VerificationState.note), dir="auto"),
                size="2",
                class_name="pk-wrap-anywhere",
                data_testid="status-note",
            ),
        ),
        _fact("verify.status.decided_at", VerificationState.decided_at, "status-decided-at"),
        rx.cond(
            VerificationState.out_of_tries,
            rx.text(
                t("verify.status.no_tries"), size="2", weight="bold", data_testid="status-no-tries"
            ),
            rx.text(
                rx.text.strong(t("verify.status.left")),
                " ",
                ltr(VerificationState.resubmissions_left),
                size="2",
                data_testid="status-tries-left",
            ),
        ),
        testid="status-rejected",
    )


def _resubmission_requested() -> rx.Component:
    return _card(
        "orange",
        "rotate-ccw",
        "verify.status.resubmission_requested.title",
        rx.cond(
            VerificationState.note != "",
            rx.text(
                rx.text.strong(t("verify.status.note")),
                " ",
                rx.el.bdi(rx.el.q(VerificationState.note), dir="auto"),
                size="2",
                class_name="pk-wrap-anywhere",
                data_testid="status-note",
            ),
        ),
        rx.text(t("verify.status.resubmission_requested.body"), size="2"),
        testid="status-resubmission-requested",
    )


def status_card() -> rx.Component:
    return rx.match(
        VerificationState.status,
        ("pending", _pending()),
        ("approved", _approved()),
        ("rejected", _rejected()),
        ("resubmission_requested", _resubmission_requested()),
        rx.fragment(),
    )
