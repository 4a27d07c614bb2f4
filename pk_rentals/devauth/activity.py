"""Where a session was started from: Clerk's "Active devices" shows each of a user's
sessions with its browser, device kind and IP address, so a person can spot a sign-in
that is not theirs and end it.

The browser is read from the User-Agent with ua-parser (the maintained port of
Browserscope's rules) rather than hand-written patterns.
"""

from __future__ import annotations

import functools
import ipaddress

from sqlmodel import Session
from ua_parser import parse

from pk_rentals.devauth.store import ClerkSession, SessionActivity

MAX_USER_AGENT = 512  # a longer header is cut: it is shown, never trusted


def record(session: Session, clerk_session: ClerkSession, user_agent: str, ip: str) -> None:
    session.add(
        SessionActivity(
            session_id=clerk_session.id,
            user_agent=user_agent[:MAX_USER_AGENT],
            ip_address=ip[:64],
        )
    )


@functools.lru_cache(maxsize=256)
def _device(user_agent: str) -> dict:
    """Browser and device as Clerk's list shows them: "Chrome Mobile 141" on "Android"."""
    parsed = parse(user_agent)
    browser, system, device = parsed.user_agent, parsed.os, parsed.device
    family = browser.family if browser else ""
    mobile = bool(system and system.family in ("Android", "iOS")) or "Mobile" in family
    shape: dict = {"is_mobile": mobile}
    if browser:
        shape["browser_name"] = family
        shape["browser_version"] = ".".join(p for p in (browser.major, browser.minor) if p)
    # A named phone model when the browser tells it (Chrome's reduced agent says "K"
    # for every Android phone), else the system: what a person recognises.
    named = device and device.brand and not device.brand.startswith("Generic")
    if named:
        shape["device_type"] = f"{device.brand} {device.model or ''}".strip()
    elif system and system.family != "Other":
        shape["device_type"] = system.family
    return shape


def _place(ip: str) -> dict:
    """Where an address is. Clerk looks public ones up; offline there is no such
    lookup, so only a local address can be named."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return {}
    return {"country": "Local network"} if address.is_private or address.is_loopback else {}


def activity_json(activity: SessionActivity | None, clerk_session: ClerkSession) -> dict:
    """Clerk's SessionActivity; a session started through the Backend API has no
    browser behind it, so only what is known is said."""
    shape = {"object": "session_activity", "id": f"sess_activity_{clerk_session.id[5:]}"}
    if activity is None:
        return shape | {"is_mobile": False}
    shape |= _device(activity.user_agent) if activity.user_agent else {"is_mobile": False}
    if activity.ip_address:
        shape |= {"ip_address": activity.ip_address, **_place(activity.ip_address)}
    return shape
