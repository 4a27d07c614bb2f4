"""What must happen in <head> before first paint: language, direction, Urdu font."""

import reflex as rx

from pk_rentals.models.enums import Language

# Runs before <body> exists, so a reload never flashes the wrong direction.
LANGUAGE_BOOT_SCRIPT = f"""
(function () {{
  var m = document.cookie.match(/(?:^|; )pk_lang=([^;]*)/);
  var english = m && decodeURIComponent(m[1]) === "{Language.ENGLISH.value}";
  document.documentElement.lang = english ? "en" : "ur";
  document.documentElement.dir = english ? "ltr" : "rtl";
}})();
"""


def head_components() -> list[rx.Component]:
    return [rx.el.script(LANGUAGE_BOOT_SCRIPT)]


class UrduFont(rx.Fragment):
    """Noto Nastaliq Urdu, bundled from npm; the browser fetches it only for Urdu glyphs."""

    lib_dependencies: list[str] = ["@fontsource/noto-nastaliq-urdu@5.3.0"]  # noqa: RUF012

    def add_imports(self) -> dict:
        return {
            "@fontsource/noto-nastaliq-urdu/arabic-400.css": rx.ImportVar(tag=None),
            "@fontsource/noto-nastaliq-urdu/arabic-700.css": rx.ImportVar(tag=None),
        }
