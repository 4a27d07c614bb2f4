"""Accessibility checks with axe-core, loaded from tools/node_modules (no network).

``assert_accessible(page, name)`` runs axe on the whole document against WCAG 2.0
and 2.1, levels A and AA, and fails on every violation axe rates "serious" or
"critical", naming the rule, its help text and the first elements it found.

Known blind spot: axe skips colour contrast for Arabic-script text. Its icon-font
check (``isIconLigature``) sees a joined Urdu word differ from its first letter
drawn alone and takes the text for an icon ligature, so on Urdu pages
``color-contrast`` passes vacuously. Our colours are the same in both languages:
the English run of a page is the one that checks its contrast.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence

from playwright.sync_api import Page

from pk_rentals.settings import PROJECT_ROOT
from tests.utils.browser import ARTIFACTS

AXE_JS = PROJECT_ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
TARGETS_SHOWN = 3


@functools.cache
def _axe_source() -> str:
    if not AXE_JS.exists():
        raise FileNotFoundError(f"{AXE_JS} is missing: `make deps-test` installs tools/")
    return AXE_JS.read_text()


_RUN_AXE = """
async ([tags, exclude]) => {
  // With only `exclude`, axe still checks the whole document.
  const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
  const results = await axe.run(context, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.join(" ")),
    summaries: v.nodes.map((n) => n.failureSummary),
  }));
}
"""


def axe_violations(page: Page, *, exclude: Sequence[str] = ()) -> list[dict]:
    """Every WCAG 2.1 A/AA violation axe finds on ``page`` now, whatever its impact."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=_axe_source())
    return page.evaluate(_RUN_AXE, [list(WCAG_TAGS), list(exclude)])


def _describe(violation: dict) -> str:
    targets = violation["targets"]
    shown = ", ".join(targets[:TARGETS_SHOWN])
    more = f" (+{len(targets) - TARGETS_SHOWN} more)" if len(targets) > TARGETS_SHOWN else ""
    return f"- {violation['id']} [{violation['impact']}]: {violation['help']}: {shown}{more}"


def assert_accessible(page: Page, name: str, *, exclude: Sequence[str] = ()) -> None:
    """Fail if axe finds a serious or critical WCAG 2.1 A/AA violation on ``page``.

    All violations (minor ones too) are written to test-artifacts/a11y-<name>.json.
    ``exclude``: CSS selectors axe skips, for an element we cannot fix (inside a
    third-party component); name the element, never a whole rule, and say why.
    """
    violations = axe_violations(page, exclude=exclude)
    ARTIFACTS.mkdir(exist_ok=True)
    slug = re.sub(r"[^a-zA-Z0-9_-]+", "-", name)
    (ARTIFACTS / f"a11y-{slug}.json").write_text(json.dumps(violations, indent=2))
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    header = f"{name}: {len(blocking)} serious or critical accessibility violation(s)"
    assert not blocking, "\n".join([header, *(_describe(v) for v in blocking)])
