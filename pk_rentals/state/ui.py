"""Interface choices every visitor has, signed in or not: the language."""

import reflex as rx

from pk_rentals.models.enums import Language

ONE_YEAR = 365 * 24 * 3600

# <html> attributes per language; the head script in components/head.py uses the same.
HTML_ATTRIBUTES = {Language.URDU: ("ur", "rtl"), Language.ENGLISH: ("en", "ltr")}


class UiState(rx.State):
    # A cookie so the head script can set lang/dir before first paint on reload.
    language: str = rx.Cookie(
        Language.URDU.value, name="pk_lang", path="/", max_age=ONE_YEAR, same_site="lax"
    )

    @rx.var
    def is_urdu(self) -> bool:
        return self.language != Language.ENGLISH.value

    @rx.event
    def toggle_language(self):
        new = Language.ENGLISH if self.is_urdu else Language.URDU
        self.language = new.value
        code, direction = HTML_ATTRIBUTES[new]
        return rx.call_script(
            f"document.documentElement.lang='{code}';document.documentElement.dir='{direction}'"
        )
