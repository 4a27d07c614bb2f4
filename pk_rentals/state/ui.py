"""Interface choices every visitor has, signed in or not: language and theme.

Both live in cookies so the head script (components/head.py) applies them before
first paint; a signed-in user's saved preferences are copied into them at sign-in.
"""

import functools

import reflex as rx
from reflex.event import EventSpec

from pk_rentals.i18n import text
from pk_rentals.models.enums import Language, Theme

ONE_YEAR = 365 * 24 * 3600

# <html> attributes per language; the head script in components/head.py uses the same.
HTML_ATTRIBUTES = {Language.URDU: ("ur", "rtl"), Language.ENGLISH: ("en", "ltr")}


@functools.cache
def toast(kind: str, key: str, language_code: str) -> EventSpec:
    """A ``success``/``info``/``error`` toast of catalogue message ``key``; made once per
    message and language and then reused (an EventSpec is immutable, and making one
    takes longer than the rest of a settings save's handler)."""
    return getattr(rx.toast, kind)(text(key, language_code))


class UiState(rx.State):
    # A cookie so the head script can set lang/dir before first paint on reload.
    language: str = rx.Cookie(
        Language.URDU.value, name="pk_lang", path="/", max_age=ONE_YEAR, same_site="lax"
    )

    # "" until chosen; then light / dark / system (Reflex keeps the live mode itself).
    theme: str = rx.Cookie("", name="pk_theme", path="/", max_age=ONE_YEAR, same_site="lax")

    @rx.var
    def is_urdu(self) -> bool:
        return self.language != Language.ENGLISH.value

    def use_language(self, language: Language):
        """Switch the interface language now; the event that sets <html lang dir>."""
        self.language = language.value
        code, direction = HTML_ATTRIBUTES[language]
        return rx.call_script(
            f"document.documentElement.lang='{code}';document.documentElement.dir='{direction}'"
        )

    def use_theme(self, theme: str) -> None:
        self.theme = Theme(theme).value


async def language_code(state: rx.State) -> str:
    """``ur`` or ``en``: the catalogue language (pk_rentals.i18n) of ``state``'s tab."""
    return "ur" if (await state.get_state(UiState)).is_urdu else "en"
