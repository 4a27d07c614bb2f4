"""Bytes a first visit to / downloads, by kind (JS, CSS, fonts), in English and Urdu.

Builds and serves the app as the e2e tests do (production mode, a scratch SQLite
database, the built-in identity server), or measures a running build given with
--url. Each visit is a fresh browser profile (empty cache) holding only the
language cookie; it ends when the network has been idle and the fonts the page
uses have loaded. Sizes are those Chromium reports: "wire" is the encoded body as
received (compressed if the server compressed it), "body" the decoded bytes.

Usage: python bench/first_visit.py [--url URL]   (from the project root)
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, Response, sync_playwright

from pk_rentals import migrations
from tests.utils.app_server import app_server
from tests.utils.browser import CHROMIUM, CHROMIUM_ARGS

LANGUAGES = ("english", "urdu")  # values of the pk_lang cookie
KINDS = ("js", "css", "font", "other")
CLERK_JS_PATH = "/clerk-js/"  # served by the built-in identity server, or Clerk's CDN
SETTLE_MS = 1500  # after network idle: late font and clerk-js requests


@dataclasses.dataclass
class Download:
    url: str
    kind: str
    wire: int
    body: int


def kind_of(response: Response) -> str:
    resource = response.request.resource_type
    path = urlparse(response.url).path
    if resource == "script" or path.endswith((".js", ".mjs", ".jsx")):
        return "js"
    if resource == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource == "font" or path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "font"
    return "other"


def first_visit(browser: Browser, url: str, language: str) -> list[Download]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_cookies([{"name": "pk_lang", "value": language, "url": url}])
    page = context.new_page()
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url + "/")
    page.get_by_test_id("cta-sign-up").wait_for()
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(SETTLE_MS)
    downloads = []
    for response in responses:
        # data: and blob: URLs are made in the page, not downloaded.
        if response.status >= 300 or response.url.startswith(("data:", "blob:")):
            continue
        wire = body = response.request.sizes()["responseBodySize"]
        with contextlib.suppress(Exception):  # bodies of streamed responses are not kept
            body = len(response.body())
        downloads.append(Download(response.url, kind_of(response), wire, body))
    context.close()
    return downloads


def kib(size: int) -> str:
    return f"{size / 1024:,.1f}"


def cell(downloads: list[Download]) -> str:
    """Wire / decoded KiB of ``downloads``."""
    return f"{kib(sum(d.wire for d in downloads))} / {kib(sum(d.body for d in downloads))}"


def report(results: dict[str, list[Download]]) -> None:
    print("KiB on the wire / decoded")
    print("| visit | JS | of which clerk-js | CSS | fonts | total | requests |")
    print("|---|---|---|---|---|---|---|")
    for language, downloads in results.items():
        by_kind = {kind: [d for d in downloads if d.kind == kind] for kind in KINDS}
        clerk_js = [d for d in by_kind["js"] if CLERK_JS_PATH in d.url]
        cells = [by_kind["js"], clerk_js, by_kind["css"], by_kind["font"], downloads]
        print(f"| {language} | {' | '.join(map(cell, cells))} | {len(downloads)} |")
    for language, downloads in results.items():
        fonts = [d for d in downloads if d.kind == "font"]
        names = ", ".join(f"{Path(urlparse(d.url).path).name} ({kib(d.body)})" for d in fonts)
        print(f"{language} fonts: {names or 'none'}")


@contextlib.contextmanager
def served_app(url: str | None) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    scratch = Path(tempfile.mkdtemp(prefix="pk-bench-"))
    db_url = f"sqlite:///{scratch / 'app.db'}"
    migrations.upgrade(db_url)
    with app_server(
        db_url=db_url, redis_url="", artifacts=scratch, PK_DEVAUTH_DIR=str(scratch / "devauth")
    ) as app:
        yield app.url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="a running production build (default: start one)")
    args = parser.parse_args()
    with served_app(args.url) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = {language: first_visit(browser, url, language) for language in LANGUAGES}
        browser.close()
    report(results)


if __name__ == "__main__":
    os.environ.setdefault("PK_ENV", "test")
    main()
