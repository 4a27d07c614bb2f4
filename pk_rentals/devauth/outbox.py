"""The development outbox: one-time codes the identity server "sent" by email or
SMS, and the app's own messages (reminders), on a page for people
(``/_devauth/outbox``) and as JSON for tests."""

from __future__ import annotations

import html
import secrets

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from sqlmodel import Session, select

from pk_rentals.devauth.store import Message, Notice, new_id, now_ms

router = APIRouter()


def deliver_code(
    session: Session, *, channel: str, to: str, subject: str, ttl_seconds: int = 600
) -> Message:
    """Store a new random 6-digit code for ``subject`` (a flow or phone number id)."""
    message = Message(
        id=new_id("msg"),
        channel=channel,
        to=to,
        subject=subject,
        code=f"{secrets.randbelow(1_000_000):06d}",
        expire_at=now_ms() + ttl_seconds * 1000,
    )
    session.add(message)
    session.flush()
    return message


def deliver_notice(session: Session, *, channel: str, to: str, subject: str, body: str) -> Notice:
    """Keep a message the app sent (not committed)."""
    notice = Notice(id=new_id("ntc"), channel=channel, to=to, subject=subject, body=body)
    session.add(notice)
    session.flush()
    return notice


def _recipient(to: str) -> str:
    """As stored: a lower-case email, or an E.164 number. An unescaped ``+`` in a
    query string (``?to=+923001234567``) arrives as a space, so put it back."""
    to = to.strip().lower()
    return f"+{to}" if to.isdigit() else to


def _messages(to: str | None, limit: int = 50) -> list[Message]:
    from pk_rentals.devauth.server import get_server

    with get_server().session() as session:
        statement = select(Message).order_by(Message.created_at.desc()).limit(limit)
        if to:
            statement = statement.where(Message.to == _recipient(to))
        return list(session.exec(statement))


@router.get("/outbox.json")
def outbox_json(to: str | None = None) -> list[dict]:
    return [
        {
            "id": m.id,
            "channel": m.channel,
            "to": m.to,
            "code": m.code,
            "subject": m.subject,
            "created_at": m.created_at,
        }
        for m in _messages(to)
    ]


def _notices(to: str | None, limit: int = 50) -> list[Notice]:
    from pk_rentals.devauth.server import get_server

    with get_server().session() as session:
        statement = select(Notice).order_by(Notice.created_at.desc()).limit(limit)
        if to:
            statement = statement.where(Notice.to == _recipient(to))
        return list(session.exec(statement))


@router.get("/outbox/notices.json")
def notices_json(to: str | None = None) -> list[dict]:
    return [
        {
            "id": n.id,
            "channel": n.channel,
            "to": n.to,
            "subject": n.subject,
            "body": n.body,
            "created_at": n.created_at,
        }
        for n in _notices(to)
    ]


@router.get("/outbox", response_class=HTMLResponse)
def outbox_page() -> str:
    now = now_ms()
    notices = "".join(
        f"<tr><td>{html.escape(n.to)}</td><td>{n.channel}</td>"
        f"<td><b>{html.escape(n.subject)}</b><br>{html.escape(n.body)}</td>"
        f"<td>{(now - n.created_at) // 1000} s ago</td></tr>"
        for n in _notices(None)
    )
    rows = "".join(
        f"<tr><td>{html.escape(m.to)}</td><td>{m.channel}</td>"
        f"<td class=code>{html.escape(m.code)}</td>"
        f"<td>{(now - m.created_at) // 1000} s ago</td></tr>"
        for m in _messages(None)
    )
    body = (
        f"<table><thead><tr><th>To</th><th>Channel</th><th>Code</th><th>Sent</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        if rows
        else "<p class=empty>Nothing sent yet. Sign up or add a phone number, then look here.</p>"
    )
    return f"""<!doctype html><html lang=en><head><meta charset=utf-8>
<meta name=viewport content="width=device-width,initial-scale=1">
<meta http-equiv=refresh content=3><title>Outbox · identity server</title>
<style>body{{font:16px system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}}
table{{border-collapse:collapse;width:100%;max-width:44rem}}
th,td{{text-align:left;padding:.5rem;border-bottom:1px solid #ddd}}
.code{{font:600 1.3rem ui-monospace,monospace;letter-spacing:.15em}}
.empty{{color:#666}}</style></head><body>
<h1>Development outbox</h1><p>Codes the built-in identity server would have sent
(newest first; refreshes every 3 seconds).</p>{body}{_notices_table(notices)}</body></html>"""


def _notices_table(rows: str) -> str:
    if not rows:
        return ""
    return (
        "<h2>Messages</h2><p>Reminders the app sent by email or SMS.</p><table><thead><tr>"
        f"<th>To</th><th>Channel</th><th>Message</th><th>Sent</th></tr></thead><tbody>{rows}"
        "</tbody></table>"
    )
