"""What must happen in <head> before first paint: language, direction, theme, Urdu font."""

import reflex as rx

from pk_rentals.models.enums import Language, Theme

# Noto Nastaliq Urdu (SIL Open Font License, assets/fonts/OFL.txt), the Arabic-script
# glyphs at the regular weight, from @fontsource/noto-nastaliq-urdu 5.3.0. One weight
# only: a second costs another 154 KiB on an Urdu first visit, and Nastaliq's headings
# stand out by their size. Its @font-face is in assets/styles.css; the file name
# carries the version, so it is cached for good.
URDU_FONT = "/fonts/noto-nastaliq-urdu-arabic-400-v5.3.0.woff2"

# Runs before <body> exists, so a reload never flashes the wrong direction. An Urdu
# page asks for its font at once, beside the stylesheet that would otherwise reveal
# the need for it only once loaded; an English page never does.
LANGUAGE_BOOT_SCRIPT = f"""
(function () {{
  var m = document.cookie.match(/(?:^|; )pk_lang=([^;]*)/);
  var english = m && decodeURIComponent(m[1]) === "{Language.ENGLISH.value}";
  document.documentElement.lang = english ? "en" : "ur";
  document.documentElement.dir = english ? "ltr" : "rtl";
  if (english) return;
  var font = document.createElement("link");
  font.rel = "preload";
  font.as = "font";
  font.type = "font/woff2";
  font.crossOrigin = "anonymous";
  font.href = "{URDU_FONT}";
  document.head.appendChild(font);
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
