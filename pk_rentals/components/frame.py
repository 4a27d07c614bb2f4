"""The shared page frame: header, main content, footer (toasts come from rx.App)."""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components import clerk
from pk_rentals.components.email import email_banner
from pk_rentals.components.i18n import say, t
from pk_rentals.components.ui import loading
from pk_rentals.components.verify_prompt import verify_prompt
from pk_rentals.i18n import MESSAGES
from pk_rentals.state.auth import AuthState
from pk_rentals.state.preferences import PreferencesState
from pk_rentals.state.ui import UiState

CONTENT_WIDTH = "72rem"


class ThemeSync(rx.Component):
    """Applies the saved theme and reports the header toggle (assets/js/theme_sync.jsx)."""

    library = "$/public/js/theme_sync.jsx"
    tag = "ThemeSync"

    theme: rx.Var[str]
    on_change: rx.EventHandler[rx.event.passthrough_event_spec(str)]


class PageDirection(rx.Component):
    """Radix's parts read right to left on the Urdu page (assets/js/page_direction.jsx:
    Radix Themes sets "ltr" for them whatever ``<html dir>`` says)."""

    library = "$/public/js/page_direction.jsx"
    tag = "PageDirection"

    dir: rx.Var[str]


def _brand() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.icon("shield-check", size=26, color=rx.color("grass", 9), aria_hidden="true"),
            rx.text(say("brand"), weight="bold", size="4", class_name="pk-brand"),
            align="center",
            spacing="2",
        ),
        href=routes.HOME,
        underline="none",
        color_scheme="gray",
        high_contrast=True,
        data_testid="brand",
    )


def _switch_words(code: str) -> rx.Component:
    """The language switch as a page in ``code`` shows it: the other language's name,
    and for screen readers what it does, both in that other language (so marked)."""
    return rx.el.span(
        rx.el.span(MESSAGES["nav.language"][code], aria_hidden="true"),
        rx.el.span(MESSAGES["nav.language_label"][code], class_name="pk-sr-only"),
        lang="en" if code == "ur" else "ur",
        class_name=f"pk-{code}",
    )


def _language_button() -> rx.Component:
    # Written for both languages, the page's shown by CSS (as ``bilingual``), so its
    # words and its spoken name agree before the page has hydrated too. (Only <html
    # lang="ur"> turns on the Nastaliq webfont, so "اردو" here is drawn with a system
    # font and English visitors never download it.)
    return rx.button(
        _switch_words("ur"),
        _switch_words("en"),
        on_click=PreferencesState.toggle_language,
        variant="ghost",
        size="2",
        data_testid="language-toggle",
        class_name="pk-language-toggle",
    )


def _theme_button() -> rx.Component:
    return rx.icon_button(
        rx.color_mode_cond(
            light=rx.icon("moon", size=18, aria_hidden="true"),
            dark=rx.icon("sun", size=18, aria_hidden="true"),
        ),
        on_click=rx.toggle_color_mode,
        variant="ghost",
        size="2",
        aria_label=t("nav.theme_label"),
        data_testid="theme-toggle",
    )


def header() -> rx.Component:
    return rx.el.header(
        rx.flex(
            _brand(),
            rx.spacer(),
            rx.hstack(
                _language_button(),
                _theme_button(),
                rx.cond(
                    AuthState.signed_in,
                    rx.hstack(
                        rx.cond(
                            AuthState.is_moderator,
                            rx.link(
                                rx.icon("shield-check", size=18, aria_hidden="true"),
                                # On a narrow phone the icon alone keeps the header on one line.
                                rx.el.span(t("moderation.nav"), class_name="pk-hide-narrow"),
                                href=routes.MODERATION,
                                aria_label=t("moderation.nav"),
                                size="2",
                                weight="medium",
                                class_name="pk-nav-link",
                                data_testid="nav-moderation",
                            ),
                            rx.fragment(),
                        ),
                        rx.link(
                            t("nav.profile"),
                            href=routes.PROFILE,
                            size="2",
                            weight="medium",
                            class_name="pk-nav-link",
                            data_testid="nav-profile",
                        ),
                        rx.box(clerk.user_button(), data_testid="user-button", min_width="28px"),
                        align="center",
                        spacing="3",
                    ),
                    rx.link(
                        rx.button(say("nav.sign_in"), size="2", variant="soft"),
                        href=routes.SIGN_IN,
                        data_testid="header-sign-in",
                    ),
                ),
                align="center",
                spacing="3",
            ),
            align="center",
            max_width=CONTENT_WIDTH,
            margin_x="auto",
            padding_x="1rem",
            padding_y="0.75rem",
            spacing="2",
        ),
        class_name="pk-header",
    )


def footer() -> rx.Component:
    return rx.el.footer(
        rx.vstack(
            rx.text(say("footer.privacy"), size="2", color_scheme="gray"),
            rx.text("© 2026 ", say("footer.rights"), size="1", color_scheme="gray"),
            max_width=CONTENT_WIDTH,
            margin_x="auto",
            padding="1.5rem 1rem",
            spacing="1",
        ),
        class_name="pk-footer",
    )


def signed_in_only(content: rx.Component) -> rx.Component:
    """Protected content: absent from the prerendered HTML, shown once the server
    has verified a session (a signed-out visitor is sent to sign-in meanwhile)."""
    return rx.cond(
        AuthState.signed_in,
        content,
        rx.center(
            loading("auth.checking", size="3", spacing="2"),
            padding_y="4rem",
            role="status",
            data_testid="checking-session",
        ),
    )


def page_frame(*children: rx.Component) -> rx.Component:
    """Wrap a page's content in the header and footer every page shares."""
    page = rx.box(
        ThemeSync.create(theme=UiState.theme, on_change=PreferencesState.theme_changed),
        rx.el.a(
            say("nav.skip_to_content"),
            href="#main",
            class_name="pk-skip-link",
        ),
        header(),
        rx.el.main(
            rx.box(
                verify_prompt(),
                email_banner(),
                *children,
                max_width=CONTENT_WIDTH,
                margin_x="auto",
                padding_x="1rem",
            ),
            id="main",
            class_name="pk-main",
        ),
        footer(),
        class_name="pk-page",
    )
    return PageDirection.create(page, dir=rx.cond(UiState.is_urdu, "rtl", "ltr"))
