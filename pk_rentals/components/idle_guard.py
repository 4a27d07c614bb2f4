"""The idle-timeout warning, so a shared phone is not left signed in: drawn in the
browser from assets/js/idle_guard.jsx."""

import reflex as rx

from pk_rentals.components.i18n import t
from pk_rentals.state.auth import AuthState


class IdleGuard(rx.Component):
    library = "$/public/js/idle_guard.jsx"
    tag = "IdleGuard"

    enabled: rx.Var[bool]
    warning_seconds: rx.Var[int]
    timeout_seconds: rx.Var[int]
    heartbeat_seconds: rx.Var[int]
    title: rx.Var[str]
    message: rx.Var[str]
    stay_label: rx.Var[str]
    sign_out_label: rx.Var[str]
    on_activity: rx.EventHandler[rx.event.no_args_event_spec]
    on_timeout: rx.EventHandler[rx.event.no_args_event_spec]


def idle_guard() -> rx.Component:
    return IdleGuard.create(
        enabled=AuthState.signed_in,
        warning_seconds=AuthState.idle_warning_seconds,
        timeout_seconds=AuthState.idle_timeout_seconds,
        heartbeat_seconds=AuthState.idle_heartbeat_seconds,
        title=t("idle.title"),
        message=t("idle.message"),
        stay_label=t("idle.stay"),
        sign_out_label=t("idle.sign_out"),
        on_activity=AuthState.heartbeat,
        on_timeout=AuthState.idle_timeout,
    )
