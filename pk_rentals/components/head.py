"""What must happen in <head> before first paint: language, direction, theme, Urdu font."""

import reflex as rx

from pk_rentals.models.enums import Language, Theme

# Runs before <body> exists, so a reload never flashes the wrong direction.
LANGUAGE_BOOT_SCRIPT = f"""
(function () {{
  var m = document.cookie.match(/(?:^|; )pk_lang=([^;]*)/);
  var english = m && decodeURIComponent(m[1]) === "{Language.ENGLISH.value}";
  document.documentElement.lang = english ? "en" : "ur";
  document.documentElement.dir = english ? "ltr" : "rtl";
}})();
"""

# Runs after Reflex's own theme script: a saved preference (the pk_theme cookie, set
# at sign-in and on the settings page) wins over this browser's last choice, so a
# new browser shows the user's theme from the first paint after signing in.
THEME_BOOT_SCRIPT = f"""
(function () {{
  var m = document.cookie.match(/(?:^|; )pk_theme=([^;]*)/);
  var theme = m && decodeURIComponent(m[1]);
  var known = ["{Theme.LIGHT.value}", "{Theme.DARK.value}", "{Theme.SYSTEM.value}"];
  if (known.indexOf(theme) < 0) return;
  try {{ window.localStorage.setItem("theme", theme); }} catch (e) {{}}
  var dark = theme === "{Theme.DARK.value}" || (theme === "{Theme.SYSTEM.value}" &&
    window.matchMedia("(prefers-color-scheme: dark)").matches);
  var root = document.documentElement;
  root.classList.remove(dark ? "light" : "dark");
  root.classList.add(dark ? "dark" : "light");
  root.style.colorScheme = dark ? "dark" : "light";
}})();
"""


def head_components() -> list[rx.Component]:
    return [rx.el.script(LANGUAGE_BOOT_SCRIPT), rx.el.script(THEME_BOOT_SCRIPT)]


class UrduFont(rx.Fragment):
    """Noto Nastaliq Urdu, bundled from npm; the browser fetches it only for Urdu glyphs."""

    lib_dependencies: list[str] = ["@fontsource/noto-nastaliq-urdu@5.3.0"]  # noqa: RUF012

    def add_imports(self) -> dict:
        return {
            "@fontsource/noto-nastaliq-urdu/arabic-400.css": rx.ImportVar(tag=None),
            "@fontsource/noto-nastaliq-urdu/arabic-700.css": rx.ImportVar(tag=None),
        }
