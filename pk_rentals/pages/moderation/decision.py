"""The decision panel: reason, note, and approve, reject or ask again."""

import reflex as rx

from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import (
    message,
    status_badge,
)
from pk_rentals.models import SubmissionStatus
from pk_rentals.pages.moderation.parts import _text
from pk_rentals.services.moderation import Decision
from pk_rentals.services.verification import REJECTION_REASONS
from pk_rentals.state.moderation import ModerationState as M
from pk_rentals.state.ui import UiState


def _placeholder() -> rx.Var:
    return rx.cond(
        UiState.is_urdu,
        _text("moderation.reason.placeholder", "ur"),
        _text("moderation.reason.placeholder", "en"),
    )


def _decision_button(decision: Decision, key: str, color: str, icon: str) -> rx.Component:
    needs_reason = decision is not Decision.APPROVE
    disabled = ~M.can_decide | (M.reason_code == "") if needs_reason else ~M.can_decide
    return rx.button(
        rx.cond(M.saving, rx.spinner(size="1"), rx.icon(icon, size=16, aria_hidden="true")),
        t(f"moderation.{decision.value}"),
        rx.code(key.upper(), variant="ghost", size="1", class_name="pk-key-hint"),
        on_click=M.decide(decision.value),
        disabled=disabled,
        color_scheme=color,
        size="3",
        custom_attrs={"data-shortcut": key}
        | ({"data-shortcut-focus": "decision-reason"} if needs_reason else {}),
        data_testid=f"decide-{decision.value}",
        flex="1 1 auto",
    )


def _alert(shown: rx.Var, icon: str, body: rx.Component, color: str, testid: str):
    """A callout read out when it appears (``role="alert"``), nothing otherwise."""
    return rx.cond(
        shown,
        rx.callout.root(
            rx.callout.icon(rx.icon(icon, aria_hidden="true")),
            body,
            color_scheme=color,
            role="alert",
            width="100%",
            data_testid=testid,
        ),
        rx.fragment(),
    )


def _already_decided() -> rx.Component:
    """Another moderator decided first: what, who and when."""
    return _alert(
        M.already_status != "",
        "users",
        rx.vstack(
            rx.text(t("moderation.already"), weight="bold"),
            rx.callout.text(
                t("moderation.already.body"),
                " ",
                message("moderation.status", M.already_status),
                " · ",
                t("moderation.by"),
                " ",
                rx.el.strong(M.already_by),
                " · ",
                ltr(M.already_at),
            ),
            spacing="1",
        ),
        "amber",
        "already-decided",
    )


def _reason_field() -> rx.Component:
    """The rejection reason, from the service's list."""
    return rx.vstack(
        rx.el.label(
            t("moderation.reason"),
            html_for="decision-reason",
            class_name="pk-field-label",
        ),
        rx.select.root(
            rx.select.trigger(
                placeholder=_placeholder(),
                id="decision-reason",
                width="100%",
                data_testid="decision-reason",
            ),
            rx.select.content(
                *[rx.select.item(t(f"rejection.{code}"), value=code) for code in REJECTION_REASONS],
                position="popper",
            ),
            value=M.reason_code,
            on_change=M.set_reason,
        ),
        spacing="1",
        width="100%",
    )


def _note_field() -> rx.Component:
    """A note for the person (the service refuses one over NOTE_MAX)."""
    return rx.vstack(
        rx.el.label(t("moderation.note"), html_for="decision-note", class_name="pk-field-label"),
        rx.text_area(
            id="decision-note",
            value=M.note,
            on_change=M.set_note.debounce(400),
            max_length=500,
            rows="2",
            width="100%",
            data_testid="decision-note",
        ),
        spacing="1",
        width="100%",
    )


def _decision_problem() -> rx.Component:
    """Why the last try was refused."""
    return _alert(
        M.problem != "",
        "triangle-alert",
        rx.callout.text(message("moderation.error", M.problem)),
        "tomato",
        "decision-problem",
    )


def _decision_buttons() -> rx.Component:
    """Approve, reject, ask again; each with its keyboard shortcut."""
    return rx.flex(
        _decision_button(Decision.APPROVE, "a", "grass", "check"),
        _decision_button(Decision.REJECT, "r", "tomato", "x"),
        _decision_button(Decision.REQUEST_RESUBMISSION, "s", "blue", "rotate-ccw"),
        spacing="2",
        wrap="wrap",
        width="100%",
    )


def _decided_summary() -> rx.Component:
    """A decided submission: its status, who decided when, reason and note."""
    return rx.vstack(
        rx.flex(
            status_badge(M.selected.status),
            rx.text(
                t("moderation.decided"),
                " ",
                ltr(M.selected.decided),
                " · ",
                t("moderation.by"),
                " ",
                rx.el.bdi(M.selected.decided_by, dir="auto"),  # a name, or an email
                size="2",
            ),
            spacing="2",
            align="center",
            wrap="wrap",
            data_testid="decided-summary",
        ),
        rx.cond(
            M.selected.reason_code != "",
            rx.text(message("rejection", M.selected.reason_code), size="2"),
            rx.fragment(),
        ),
        rx.cond(
            M.selected.note != "",
            rx.blockquote(M.selected.note, size="2"),
            rx.fragment(),
        ),
        spacing="2",
        width="100%",
    )


def _decision_form() -> rx.Component:
    """A pending submission: reason, note, any refusal, and the buttons."""
    return rx.vstack(
        _reason_field(),
        _note_field(),
        _decision_problem(),
        _decision_buttons(),
        spacing="3",
        width="100%",
    )


def _decision() -> rx.Component:
    return rx.vstack(
        rx.heading(t("moderation.decision"), as_="h3", size="3"),
        _already_decided(),
        rx.cond(
            M.selected.status == SubmissionStatus.PENDING.value,
            _decision_form(),
            _decided_summary(),
        ),
        spacing="3",
        width="100%",
    )
