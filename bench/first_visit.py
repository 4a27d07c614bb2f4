"""Bytes a first visit downloads, by kind (JS, CSS, fonts), in English and Urdu, and
(``--link slow``) how long it takes on a phone's link.

Builds and serves the app as the e2e tests do (production mode, a scratch SQLite
database, the built-in identity server), or measures a running build given with
--url. Each visit is a fresh browser profile (empty cache) holding only the
language cookie; it ends when the network has been idle and the fonts the page
uses have loaded. Sizes are those Chromium reports: "wire" is the encoded body as
received (compressed if the server compressed it), "body" the decoded bytes.

With ``--link slow`` each visit runs on an emulated mobile link (1.6 Mbps down,
750 kbps up, 150 ms round trip, the CPU slowed 4x, through Chromium's DevTools
protocol) and prints, per page and language, the median of ``--runs`` fresh profiles:
first text (first contentful paint), ``load``, and interactive (Reflex's websocket
has answered the page's hydrate event, so its buttons work).

Usage: python bench/first_visit.py [--url URL] [--link plain|slow] [--runs N]
       [--profile-id ID]   (from the project root; /u/ID is measured when an id is
       known: the scratch app makes one, a running build needs --profile-id)
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import statistics
import sys
import tempfile
import time
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
# A mid-range phone on a busy 3G/4G link (Chromium's DevTools units: bytes/s, ms).
SLOW_LINK = {"downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8, "latency": 150}
SLOW_CPU = 4


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


# What shows once each measured page has drawn its content.
READY = {"/": "[data-testid=cta-sign-up]", "/u/": "[data-testid=public-profile]"}
SIGN_IN_READY = "input[name=identifier]"  # Clerk's card, once clerk-js has drawn it


def ready_selector(path: str) -> str:
    if path == "/":
        return READY["/"]
    return READY["/u/"] if path.startswith("/u/") else SIGN_IN_READY


def first_visit(browser: Browser, url: str, language: str, path: str = "/") -> list[Download]:
    """Every response of one visit to ``path`` from an empty cache."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_cookies([{"name": "pk_lang", "value": language, "url": url}])
    page = context.new_page()
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url + path)
    page.locator(ready_selector(path)).first.wait_for()
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


@dataclasses.dataclass
class Timing:
    first_text: float  # seconds from navigation start
    load: float
    interactive: float


def timed_visit(browser: Browser, url: str, path: str, language: str) -> Timing:
    """One fresh profile on the slow link: when text, ``load`` and the hydrated page came."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    context.add_cookies([{"name": "pk_lang", "value": language, "url": url}])
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **SLOW_LINK})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
    answered: list[float] = []  # when the server's first event (its state delta) came

    def watch(socket) -> None:
        socket.on(
            "framereceived",
            lambda frame: str(frame).startswith("42") and answered.append(time.monotonic()),
        )

    page.on("websocket", watch)
    start = time.monotonic()
    page.goto(url + path, wait_until="load", timeout=120_000)
    deadline = time.monotonic() + 60
    while not answered and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    paint = None
    while paint is None and time.monotonic() < deadline:  # text may come after hydration
        paint = page.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"
        )
        page.wait_for_timeout(100) if paint is None else None
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    context.close()
    interactive = answered[0] - start if answered else float("nan")
    return Timing((paint or float("nan")) / 1000, load / 1000, interactive)


def report_times(times: dict[tuple[str, str], list[Timing]]) -> None:
    print("Seconds on the slow link (median of fresh profiles)")
    print("| page | language | first text | load | interactive |")
    print("|---|---|---|---|---|")
    for (path, language), runs in times.items():
        medians = [
            statistics.median(getattr(run, name) for run in runs)
            for name in ("first_text", "load", "interactive")
        ]
        print(f"| {path} | {language} | " + " | ".join(f"{m:.1f}" for m in medians) + " |")


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


def a_public_profile(db_url: str) -> str:
    """A landlord whose profile strangers may see: their user id."""
    from sqlmodel import Session, create_engine

    from pk_rentals.models.base import utcnow
    from tests.utils.factories import make_user

    engine = create_engine(db_url)
    with Session(engine) as session:
        user = make_user(session, display_name="Nadia Baloch", profile_completed_at=utcnow())
        profile_id = str(user.id)
    engine.dispose()
    return profile_id


@contextlib.contextmanager
def served_app(url: str | None) -> Iterator[tuple[str, str | None]]:
    if url:
        yield url.rstrip("/"), None
        return
    scratch = Path(tempfile.mkdtemp(prefix="pk-bench-"))
    db_url = f"sqlite:///{scratch / 'app.db'}"
    migrations.upgrade(db_url)
    profile_id = a_public_profile(db_url)
    with app_server(
        db_url=db_url, redis_url="", artifacts=scratch, PK_DEVAUTH_DIR=str(scratch / "devauth")
    ) as app:
        yield app.url, profile_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="a running production build (default: start one)")
    parser.add_argument("--link", choices=("plain", "slow"), default="plain")
    parser.add_argument("--runs", type=int, default=5, help="fresh profiles per page (slow link)")
    parser.add_argument("--profile-id", help="a public profile's id on the running build")
    args = parser.parse_args()
    with served_app(args.url) as (url, made_profile), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if args.link == "plain":
            results = {language: first_visit(browser, url, language) for language in LANGUAGES}
        else:
            profile_id = args.profile_id or made_profile
            paths = ["/", *([f"/u/{profile_id}"] if profile_id else []), "/sign-in"]
            times = {
                (path, language): [
                    timed_visit(browser, url, path, language) for _ in range(args.runs)
                ]
                for path in paths
                for language in LANGUAGES
            }
        browser.close()
    report(results) if args.link == "plain" else report_times(times)


if __name__ == "__main__":
    os.environ.setdefault("PK_ENV", "test")
    main()
