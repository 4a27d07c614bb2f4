"""No module of the app is longer than a newcomer reads in one sitting.

Five hundred lines is where a module stops being one concern: past it, split by
concern (see how services/moderation and pages/moderation are packages)."""

from pk_rentals.settings import PROJECT_ROOT

LIMIT = 500


def test_no_module_of_the_app_is_over_500_lines():
    lengths = {
        str(path.relative_to(PROJECT_ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (PROJECT_ROOT / "pk_rentals").rglob("*.py")
    }
    assert {path: lines for path, lines in lengths.items() if lines > LIMIT} == {}
