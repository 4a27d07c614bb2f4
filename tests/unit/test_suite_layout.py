"""The suite runs as one pytest process over three folders without packages of
their own, so two test files may not share a name (pytest would refuse to collect)."""

from collections import Counter

from pk_rentals.settings import PROJECT_ROOT


def test_no_two_test_files_share_a_name():
    names = Counter(path.name for path in (PROJECT_ROOT / "tests").glob("*/test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
