"""Writes docs/configuration.md from the Settings fields: every variable, its default
and its description (the field's ``description``, else the comments beside it).

Run ``python -m pk_rentals.settings_docs`` after changing a setting; a test fails
while the document is out of date.
"""

from __future__ import annotations

import ast
import enum
import inspect

from pydantic import AliasChoices, SecretStr

from pk_rentals import settings as settings_module
from pk_rentals.settings import PROJECT_ROOT, Settings

DOCUMENT = PROJECT_ROOT / "docs" / "configuration.md"
COMMAND = "python -m pk_rentals.settings_docs"

HEADER = f"""# Configuration

Generated from `pk_rentals/settings.py` by `{COMMAND}`; do not edit by hand.
Each variable is read from the environment or a `.env` file at the project root.
What each mode needs (development, test, production) and why: [deployment.md](deployment.md).

| variable | default | description |
|---|---|---|
"""


def variable_names(field: str) -> list[str]:
    """The environment variables a field reads, the preferred one first."""
    alias = Settings.model_fields[field].validation_alias
    if isinstance(alias, str):
        return [alias]
    if isinstance(alias, AliasChoices):
        return [str(choice) for choice in alias.choices]
    return [f"PK_{field.upper()}"]


def shown_default(field: str) -> str:
    """The default as an operator would type it; project paths relative to the root."""
    value = Settings.model_fields[field].default
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
        return "(the development secret)" if value else ""
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None:
        return ""
    text = str(value).replace(str(PROJECT_ROOT) + "/", "")
    return str(text).lower() if isinstance(value, bool) else text


def source_comments() -> dict[str, str]:
    """Each field's comments: the block right above it and the one on its line."""
    source = inspect.getsource(settings_module)
    lines = source.splitlines()
    klass = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.ClassDef) and node.name == "Settings"
    )
    comments = {}
    for node in klass.body:
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        above, row = [], node.lineno - 2
        while row >= 0 and lines[row].strip().startswith("#"):
            above.insert(0, lines[row].strip().lstrip("#").strip())
            row -= 1
        inline = [
            line.split("  # ", 1)[1].strip()
            for line in lines[node.lineno - 1 : node.end_lineno]
            if "  # " in line
        ]
        comments[node.target.id] = " ".join(above + inline)
    return comments


def description(field: str, comments: dict[str, str]) -> str:
    info = Settings.model_fields[field]
    return (info.description or comments.get(field, "")).replace("|", "\\|")


def render() -> str:
    """The whole document, one row per setting in the order settings.py declares them."""
    comments = source_comments()
    rows = []
    for field in Settings.model_fields:
        names = " or ".join(f"`{name}`" for name in variable_names(field))
        default = shown_default(field)
        rows.append(
            f"| {names} | {f'`{default}`' if default else ''} | {description(field, comments)} |"
        )
    return HEADER + "\n".join(rows) + "\n"


def main() -> None:
    DOCUMENT.write_text(render(), encoding="utf-8")
    print(f"wrote {DOCUMENT.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
