"""The Urdu font's address is written twice, in the head script that preloads it and in
the stylesheet's @font-face: both must name the one file the app serves."""

from pathlib import Path

from pk_rentals.components.head import LANGUAGE_BOOT_SCRIPT, URDU_FONT

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def test_the_preloaded_font_is_the_one_the_stylesheet_uses_and_it_exists():
    assert (ASSETS / URDU_FONT.lstrip("/")).is_file()
    assert f"url({URDU_FONT})" in (ASSETS / "styles.css").read_text()
    assert URDU_FONT in LANGUAGE_BOOT_SCRIPT
