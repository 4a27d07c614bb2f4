"""The README stays a map, its links lead somewhere, and docs/configuration.md says
what settings.py says."""

import re

from pk_rentals import settings_docs
from pk_rentals.settings import PROJECT_ROOT, Settings

README = PROJECT_ROOT / "README.md"


def test_configuration_document_is_generated_from_the_current_settings():
    written = settings_docs.DOCUMENT.read_text(encoding="utf-8")
    assert written == settings_docs.render(), (
        f"docs/configuration.md is out of date: run `{settings_docs.COMMAND}`"
    )


def test_every_setting_is_documented_with_a_description():
    rendered = settings_docs.render()
    for field in Settings.model_fields:
        name = settings_docs.variable_names(field)[0]
        row = next(line for line in rendered.splitlines() if line.startswith(f"| `{name}`"))
        assert not row.endswith("|  |"), f"{field} has no description in settings.py"


def test_readme_is_a_short_map():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 150


def test_readme_keeps_the_commands_and_the_adversarial_figure():
    text = README.read_text(encoding="utf-8")
    assert "make run" in text
    assert "make test" in text
    assert re.search(r"`\d+ cases, \d+ accepted wrongly, \d+ server errors`", text)


def test_every_local_link_in_the_readme_and_docs_leads_to_a_file():
    documents = [README, *(PROJECT_ROOT / "docs").glob("*.md")]
    broken = [
        f"{document.relative_to(PROJECT_ROOT)} -> {target}"
        for document in documents
        for target in re.findall(r"\]\(([^)#:]+)\)", document.read_text(encoding="utf-8"))
        if not (document.parent / target).exists()
    ]
    assert broken == []


def test_code_cites_notes_inside_the_repository():
    cited = set()
    for path in [*PROJECT_ROOT.glob("pk_rentals/**/*.py"), *PROJECT_ROOT.glob("tests/**/*.py")]:
        text = path.read_text(encoding="utf-8")
        assert "../shared/" + "notes" not in text, path
        cited.update(re.findall(r"docs/notes/([\w-]+\.md)", text))
    assert cited
    assert all((PROJECT_ROOT / "docs" / "notes" / name).exists() for name in cited)


APP_FOLDERS = ("services", "state", "components", "pages", "devauth", "jobs", "api", "models")


def _named_paths(text: str) -> set[str]:
    """Code paths a document names in backticks: ``pk_rentals/…``, ``tests/…``, or a
    path inside the app such as ``services/cnic.py``."""
    named = set()
    for span in re.findall(r"`([^`\s]+)`", text):
        path = span.rstrip(".,:)")
        if any(mark in path for mark in "{}<>*…|$="):
            continue  # a pattern or a placeholder, not a file
        if path.startswith(("pk_rentals/", "tests/", "bench/", "deploy/", "docs/")):
            named.add(path)
        elif path.startswith(tuple(f"{folder}/" for folder in APP_FOLDERS)):
            named.add(f"pk_rentals/{path}")
    return named


def test_every_code_path_the_readme_and_docs_name_exists():
    """Where-to-change-what only helps while it points at files that are there."""
    documents = [README, *(PROJECT_ROOT / "docs").glob("*.md")]
    missing = [
        f"{document.relative_to(PROJECT_ROOT)}: {path}"
        for document in documents
        for path in sorted(_named_paths(document.read_text(encoding="utf-8")))
        if not (PROJECT_ROOT / path).exists()
    ]
    assert missing == []
