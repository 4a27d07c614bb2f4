"""No tracking of what people do beyond what sessions need: a whole
journey (sign-up with an emailed code, profile, CNIC + live selfie) in Chromium,
then every log line of the app server (which runs at DEBUG, tests/conftest.py) and
every column of every table are searched for what must not be kept.

What may hold the journey's values, and why:
- the full email: ``users.clerk_email`` (our copy of Clerk's field) and
  the identity server's own tables, which stand in for Clerk (its accounts'
  addresses, the sign-up flow, the development outbox it "sent" the code to);
- the email code: the identity server's development outbox (``devauth_outbox``),
  which is what a developer reads instead of a mailbox;
- the password, the session tokens and the CNIC digits: nowhere (the identity server
  keeps an Argon2 digest; the CNIC is encrypted, its blind index is a keyed hash,
  and the masked form keeps the last digit only).

No page makes a request to another origin: no analytics, no third-party scripts.
"""

from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

import sqlalchemy as sa
from playwright.sync_api import Page, expect

from tests.utils.journeys import (
    CONTINUE,
    dashed,
    fill_and_send,
    fill_details,
    new_mobile,
    open_verify,
    outbox_code,
)

ALLOWED = {
    "email": {
        ("users", "clerk_email"),
        ("devauth_identifications", "value"),
        ("devauth_flows", "state"),
        ("devauth_outbox", "to"),
    },
    "email_code": {("devauth_outbox", "code")},
}


def session_tokens(page: Page) -> set[str]:
    return {c["value"] for c in page.context.cookies() if c["name"].startswith("__session")}


def test_a_whole_journey_leaves_no_secret_in_logs_or_tables(
    camera_page: Page,
    app,
    devauth,
    media_files,
):
    page = camera_page
    origin = urlsplit(app.url)
    elsewhere: list[str] = []

    def note_request(request) -> None:
        """blob: and data: URLs are the page's own memory (camera stills, previews)."""
        parts = urlsplit(request.url)
        if parts.scheme not in ("blob", "data") and parts.netloc != origin.netloc:
            elsewhere.append(request.url)

    page.on("request", note_request)
    page.context.add_cookies([{"name": "pk_lang", "value": "english", "url": app.url}])
    nonce = f"{random.randrange(10**9):09d}"
    email = f"privacy{nonce}@example.pk"
    password = f"Secret#{nonce}pk"
    cnic = f"35202{random.randrange(10**8):08d}"
    tokens: set[str] = set()

    page.goto("/sign-up")
    page.fill("input[name=emailAddress]", email)
    page.fill("input[name=password]", password)
    page.locator(CONTINUE).click()
    expect(page.get_by_text("Verify your email")).to_be_visible()
    code = outbox_code(devauth, email)
    page.keyboard.type(code)
    expect(page).to_have_url(re.compile(r"/profile/setup/?$"))
    tokens |= session_tokens(page)

    fill_details(
        page, name="Privacy Parveen", phone=new_mobile()[0], province="Punjab", city="Lahore"
    )
    page.get_by_test_id("profile-save").click()
    expect(page.get_by_test_id("setup-phone-step")).to_be_visible()
    tokens |= session_tokens(page)

    open_verify(page)
    fill_and_send(page, media_files, cnic)
    tokens |= session_tokens(page)
    page.wait_for_timeout(1000)  # the last log lines of the submission reach the file

    assert elsewhere == [], f"requests to other origins: {elsewhere}"
    assert tokens, "the journey should have held a session token"
    secrets = {
        "password": [password],
        "email_code": [code],
        "session_token": sorted(tokens),
        "cnic": [cnic, dashed(cnic)],
        "email": [email],
    }

    log = app.log.read_text(errors="replace")
    assert "DEBUG" in log  # the server did log at debug level
    leaks = [
        f"{name} in app-server.log line {number}"
        for number, line in enumerate(log.splitlines(), 1)
        for name, values in secrets.items()
        for value in values
        if value.lower() in line.lower()
    ]
    assert leaks == [], leaks[:20]

    engine = sa.create_engine(app.db_url)
    found: dict[str, set[tuple[str, str]]] = {name: set() for name in secrets}
    try:
        metadata = sa.MetaData()
        metadata.reflect(engine)
        with engine.connect() as connection:
            for table in metadata.sorted_tables:
                for row in connection.execute(sa.select(table)):
                    for column, value in row._mapping.items():
                        if value is None:
                            continue
                        text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
                        for name, values in secrets.items():
                            if any(v.lower() in text.lower() for v in values):
                                found[name].add((table.name, column))
    finally:
        engine.dispose()
    assert len(metadata.sorted_tables) > 10  # the app's tables and the identity server's
    unexpected = {
        name: sorted(places - ALLOWED.get(name, set()))
        for name, places in found.items()
        if places - ALLOWED.get(name, set())
    }
    assert unexpected == {}, unexpected
    assert ("users", "clerk_email") in found["email"]  # the search does find what is there
    assert ("devauth_outbox", "code") in found["email_code"]
