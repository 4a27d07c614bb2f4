"""The suite runs as one pytest process over three folders without packages of
their own, so two test files may not share a name (pytest would refuse to collect)."""

import ast
from collections import Counter

from pk_rentals.settings import PROJECT_ROOT


def test_no_two_test_files_share_a_name():
    names = Counter(path.name for path in (PROJECT_ROOT / "tests").glob("*/test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []


def _imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_test_module_imports_another():
    """Shared steps live in tests/utils and fixtures in conftest.py: a test file that
    imports another runs (and must keep) the other's fixtures and helpers by accident."""
    suites = ("tests.unit", "tests.integration", "tests.adversarial", "tests.e2e", "tests.conftest")
    offenders = {
        str(path.relative_to(PROJECT_ROOT)): sorted(
            name for name in _imported_modules(path) if name.startswith(suites)
        )
        for path in (PROJECT_ROOT / "tests").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}
