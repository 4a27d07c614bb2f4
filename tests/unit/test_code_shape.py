"""The layers keep their shape: services and models need no Reflex (the CLI, jobs
and API use them without it), states reach the database only through services, and
comments say the rule instead of pointing at a ticket."""

import ast
import re

from pk_rentals.settings import PROJECT_ROOT

APP = PROJECT_ROOT / "pk_rentals"


def _imports(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _offenders(folder: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in sorted((APP / folder).rglob("*.py")):
        hits = sorted(
            name
            for name in _imports(path)
            if name in forbidden or name.startswith(tuple(f"{module}." for module in forbidden))
        )
        if hits:
            found[str(path.relative_to(PROJECT_ROOT))] = hits
    return found


def test_services_and_models_import_no_reflex():
    assert _offenders("services", ("reflex",)) == {}
    assert _offenders("models", ("reflex",)) == {}


def test_states_reach_the_database_only_through_services():
    assert _offenders("state", ("pk_rentals.db", "sqlalchemy", "sqlmodel")) == {}


def test_comments_state_the_rule_not_a_ticket():
    """A source document's or a ticket's number means nothing to the next reader; the
    rule does. (A CNIC's "Date of Issue" is not a citation.)"""
    citation = re.compile(r"\b[Ss]eed 00\d|(?<!of )\b[Ii]ssue \d+")
    cited = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}"
        for folder in ("pk_rentals", "tests", "bench", "deploy")
        for path in (PROJECT_ROOT / folder).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if citation.search(line)
    ]
    assert cited == []
