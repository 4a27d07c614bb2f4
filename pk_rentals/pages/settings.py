"""/settings: theme, language and notifications (UserPreferences), and
deleting one's account."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.i18n import t
from pk_rentals.components.template import signed_in_page
from pk_rentals.components.ui import loading, message_text, titled_card
from pk_rentals.models import Language
from pk_rentals.models.enums import Theme
from pk_rentals.services.profile import NOTIFICATION_CHANNELS
from pk_rentals.state.account import AccountDeletionState
from pk_rentals.state.preferences import PreferencesState
from pk_rentals.state.ui import UiState

THEME_ICONS = {Theme.LIGHT: "sun", Theme.DARK: "moon", Theme.SYSTEM: "monitor-smartphone"}


def _choice(value: str, icon: str | None, label_key: str) -> rx.Component:
    return rx.el.label(
        rx.radio_group.item(value=value),
        rx.icon(icon, size=18, aria_hidden="true") if icon else "",
        t(label_key),
        class_name="pk-choice",
        data_testid=f"choice-{value}",
    )


def _theme() -> rx.Component:
    return rx.radio_group.root(
        rx.flex(
            *[
                _choice(theme.value, THEME_ICONS[theme], f"settings.theme.{theme.value}")
                for theme in Theme
            ],
            direction="column",
            spacing="3",
        ),
        value=rx.color_mode,
        on_change=PreferencesState.choose_theme,
        name="theme",
        size="3",
        aria_label=t("settings.theme"),
    )


def _language() -> rx.Component:
    return rx.radio_group.root(
        rx.flex(
            *[_choice(language.value, None, f"language.{language.value}") for language in Language],
            direction="column",
            spacing="3",
        ),
        value=rx.cond(UiState.is_urdu, Language.URDU.value, Language.ENGLISH.value),
        on_change=PreferencesState.choose_language,
        name="language",
        size="3",
        aria_label=t("settings.language"),
    )


def _notification(channel: str) -> rx.Component:
    return rx.el.label(
        rx.switch(
            checked=getattr(PreferencesState, f"notify_{channel}"),
            on_change=lambda on: PreferencesState.set_notification(channel, on),
            size="3",
            data_testid=f"notify-{channel}",
        ),
        t(f"settings.notify.{channel}"),
        class_name="pk-choice",
    )


DELETION_PROBLEMS = ("account.delete.error.word", "account.delete.error.clerk")


def _delete_account() -> rx.Component:
    """What goes, what stays, a typed confirmation word, then one red button."""
    state = AccountDeletionState
    return titled_card(
        "account.delete.title",
        rx.text(t("account.delete.lead"), size="2"),
        rx.el.ul(
            *[
                rx.el.li(t(f"account.delete.item.{item}"))
                for item in ("profile", "verification", "sign_in")
            ],
            class_name="pk-delete-list",
            style={"padding_inline_start": "1.25rem", "list_style": "disc"},
        ),
        rx.text(t("account.delete.kept"), size="2", color_scheme="gray"),
        rx.form(
            rx.vstack(
                rx.el.label(
                    t("account.delete.confirm_label"),
                    html_for="delete-confirmation",
                    class_name="pk-field-label",
                ),
                rx.input(
                    id="delete-confirmation",
                    name="confirmation",
                    size="3",
                    width="100%",
                    max_width="20rem",
                    auto_complete="off",
                    spell_check=False,
                    aria_invalid=rx.cond(state.problem == DELETION_PROBLEMS[0], "true", "false"),
                    aria_describedby="delete-problem",
                    on_focus=state.clear_problem,
                    data_testid="delete-confirmation",
                ),
                rx.text(
                    message_text(state.problem, DELETION_PROBLEMS),
                    id="delete-problem",
                    role="alert",
                    color_scheme="red",
                    size="2",
                    data_testid="delete-problem",
                ),
                rx.button(
                    rx.icon("trash-2", size=18, aria_hidden="true"),
                    t("account.delete.button"),
                    type="submit",
                    color_scheme="red",
                    size="3",
                    loading=state.deleting,
                    disabled=state.deleting,
                    data_testid="delete-account",
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=state.delete_account,
            width="100%",
        ),
        data_testid="settings-delete-account",
    )


@signed_in_page(route=routes.SETTINGS, title="Settings · PK Rentals")
def settings_page() -> rx.Component:
    return rx.vstack(
        rx.heading(t("settings.title"), as_="h1", size="7"),
        titled_card("settings.theme", _theme(), data_testid="settings-theme"),
        titled_card("settings.language", _language(), data_testid="settings-language"),
        titled_card(
            "settings.notifications",
            rx.text(t("settings.notifications.lead"), size="2", color_scheme="gray"),
            rx.cond(
                PreferencesState.loaded,
                rx.flex(
                    *[_notification(channel) for channel in NOTIFICATION_CHANNELS],
                    direction="column",
                    spacing="3",
                ),
                loading("settings.loading"),
            ),
            data_testid="settings-notifications",
        ),
        _delete_account(),
        rx.fragment(on_mount=PreferencesState.load),
        spacing="5",
        padding_y="2rem",
        width="100%",
        max_width="40rem",
    )
