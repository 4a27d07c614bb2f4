"""The identity server's own tables, kept in the app database so a restart keeps
accounts and sessions. They live on their own metadata, created on start-up: they
are not part of the app's schema or its migrations, and production never has them.

Times are integers in milliseconds since the epoch, as Clerk's JSON carries them
(BIGINT: they overflow PostgreSQL's 32-bit INTEGER).
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import registry
from sqlmodel import JSON, Field, Session, SQLModel, select

from pk_rentals.models.base import JSONB
from pk_rentals.services.identity.clerk_ids import new_clerk_id


class DevauthTable(SQLModel, registry=registry()):
    """Base of the identity server's tables (a metadata of their own)."""


metadata = DevauthTable.metadata


def now_ms() -> int:
    return int(time.time() * 1000)


def new_id(prefix: str) -> str:
    """Clerk-style ids: ``user_2abc...``, 27 base62 characters after the prefix."""
    return new_clerk_id(prefix)


class Account(DevauthTable, table=True):
    """A Clerk user."""

    __tablename__ = "devauth_users"

    id: str = Field(primary_key=True)
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    password_digest: str | None = None  # argon2id; None = no password set
    image_url: str | None = None
    external_id: str | None = None
    public_metadata: dict = Field(default_factory=dict, sa_type=JSONB)
    private_metadata: dict = Field(default_factory=dict, sa_type=JSONB)
    unsafe_metadata: dict = Field(default_factory=dict, sa_type=JSONB)
    primary_email_address_id: str | None = None
    primary_phone_number_id: str | None = None
    locked: bool = False  # by an operator (Backend API lock), until unlocked
    # by failed sign-ins, until this time
    lockout_until: int | None = Field(default=None, sa_type=sa.BigInteger)
    # consecutive failed sign-ins, counted in the database (accounts.count_failed_sign_in);
    # reset by a successful sign-in, and a new run starts once a lockout has ended
    failed_attempts: int = 0
    banned: bool = False
    last_sign_in_at: int | None = Field(default=None, sa_type=sa.BigInteger)
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)
    updated_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)

    def is_locked(self, at: int | None = None) -> bool:
        return self.locked or (self.lockout_until or 0) > (at or now_ms())


class Identification(DevauthTable, table=True):
    """An email address or phone number of an account (Clerk: identification)."""

    __tablename__ = "devauth_identifications"
    __table_args__ = (sa.UniqueConstraint("kind", "value"),)

    id: str = Field(primary_key=True)
    user_id: str = Field(
        sa_column=sa.Column(sa.Text, sa.ForeignKey("devauth_users.id", ondelete="CASCADE"))
    )
    kind: str  # "email_address" | "phone_number"
    value: str  # lower-case email, or E.164 phone number
    verified: bool = False
    verification_strategy: str | None = None  # email_code, phone_code, admin
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)
    updated_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)


class BrowserClient(DevauthTable, table=True):
    """A browser's Clerk client, found by its dev-browser token."""

    __tablename__ = "devauth_clients"

    id: str = Field(primary_key=True)
    dev_browser_token: str = Field(unique=True, index=True)
    sign_in_id: str | None = None
    sign_up_id: str | None = None
    last_active_session_id: str | None = None
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)
    updated_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)


class ClerkSession(DevauthTable, table=True):
    """A Clerk session: ``active`` until ended, removed, revoked or expired."""

    __tablename__ = "devauth_sessions"

    id: str = Field(primary_key=True)
    client_id: str | None = Field(default=None, index=True)
    user_id: str = Field(
        sa_column=sa.Column(sa.Text, sa.ForeignKey("devauth_users.id", ondelete="CASCADE"))
    )
    status: str = "active"
    last_active_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)
    expire_at: int = Field(default=0, sa_type=sa.BigInteger)
    abandon_at: int = Field(default=0, sa_type=sa.BigInteger)
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)
    updated_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)

    def end(self, status: str, at: int | None = None) -> None:
        """Close the session as ``ended``, ``removed``, ``revoked`` or ``expired``; it
        mints no token from then on."""
        self.status, self.updated_at = status, at or now_ms()

    def settle(self, at: int | None = None) -> ClerkSession:
        """Clerk ends a session at ``expire_at`` whatever its client does: an active
        one past it reads ``expired`` from then on, and mints no token."""
        now = at or now_ms()
        if self.status == "active" and now >= self.expire_at:
            self.end("expired", now)
        return self


class SessionActivity(DevauthTable, table=True):
    """The browser and network a session was started from, as Clerk's "Active devices"
    lists it. A table of its own, so a database from before it needs no migration."""

    __tablename__ = "devauth_session_activities"

    session_id: str = Field(
        sa_column=sa.Column(
            sa.Text, sa.ForeignKey("devauth_sessions.id", ondelete="CASCADE"), primary_key=True
        )
    )
    user_agent: str = ""
    ip_address: str = ""


class ProfileImage(DevauthTable, table=True):
    """An account's uploaded picture, re-encoded without metadata (Clerk keeps it on
    its CDN; the identity server serves it at ``/_devauth/images/{id}.jpg``)."""

    __tablename__ = "devauth_profile_images"

    id: str = Field(primary_key=True)
    user_id: str = Field(
        sa_column=sa.Column(
            sa.Text, sa.ForeignKey("devauth_users.id", ondelete="CASCADE"), index=True
        )
    )
    data: bytes = Field(sa_type=sa.LargeBinary)
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)


class Flow(DevauthTable, table=True):
    """A sign-in or sign-up in progress; its Clerk-shaped state as JSON."""

    __tablename__ = "devauth_flows"

    id: str = Field(primary_key=True)
    kind: str  # "sign_in" | "sign_up"
    client_id: str = Field(index=True)
    state: dict = Field(default_factory=dict, sa_type=JSON)
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)
    updated_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger)


class Message(DevauthTable, table=True):
    """A one-time code the server "sent": the development outbox shows it."""

    __tablename__ = "devauth_outbox"

    id: str = Field(primary_key=True)
    channel: str  # "email" | "sms"
    to: str
    subject: str  # the flow or identification the code verifies
    code: str
    attempts: int = 0
    used: bool = False
    expire_at: int = Field(sa_type=sa.BigInteger)
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger, index=True)


class Notice(DevauthTable, table=True):
    """A message the app "sent" by email or SMS (services/notifications.py): a reminder,
    not a code. The development outbox shows it beside the codes."""

    __tablename__ = "devauth_notices"

    id: str = Field(primary_key=True)
    channel: str  # "email" | "sms"
    to: str
    subject: str
    body: str
    created_at: int = Field(default_factory=now_ms, sa_type=sa.BigInteger, index=True)


class InstanceSetting(DevauthTable, table=True):
    """A setting of the instance changed while running, as in Clerk's dashboard
    (e.g. ``verify_email_at_sign_up``); it overrides the start-up setting for every
    worker, since all read the same table."""

    __tablename__ = "devauth_instance_settings"

    key: str = Field(primary_key=True)
    value: dict = Field(default_factory=dict, sa_type=JSON)  # {"value": ...}


def instance_setting(session: Session, key: str, default):
    row = session.get(InstanceSetting, key)
    return default if row is None else row.value.get("value", default)


def set_instance_setting(session: Session, key: str, value) -> None:
    row = session.get(InstanceSetting, key) or InstanceSetting(key=key)
    row.value = {"value": value}
    session.add(row)


class UnknownEmailLockout(DevauthTable, table=True):
    """Failed sign-ins on an email that has no account, counted and locked exactly like
    an account's (accounts.count_failed_sign_in), so a lockout reveals nothing."""

    __tablename__ = "devauth_unknown_email_lockouts"

    email: str = Field(primary_key=True)
    failed_attempts: int = 0
    lockout_until: int | None = Field(default=None, sa_type=sa.BigInteger, index=True)


class RateWindow(DevauthTable, table=True):
    """Hits on a limit (e.g. sign-in attempts from one IP) in one minute-long window,
    in the database so every worker counts against the same limit."""

    __tablename__ = "devauth_rate_windows"

    key: str = Field(primary_key=True)
    window_start: int = Field(primary_key=True, sa_type=sa.BigInteger, index=True)
    hits: int = 0


def insert_or_update(session: Session, table: sa.Table):
    """``INSERT ... ON CONFLICT`` for the session's database (SQLite or PostgreSQL)."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


RATE_WINDOW_MS = 60_000


def take_rate_hit(session: Session, key: str, limit: int, now: int | None = None) -> bool:
    """Count one hit on ``key`` and say whether it stays within ``limit`` per minute.
    Commits: a hit counts even if the request then fails.

    The last minute is estimated from two fixed windows (the previous one weighted by
    how much of it is still within the minute), so a burst at the end of one window
    is not followed by a second burst at the start of the next. The check and the
    count are one statement, so parallel hits on any worker cannot overshoot; a
    refused hit is not counted. A new window deletes the stale ones."""
    now = now_ms() if now is None else now
    start = now - now % RATE_WINDOW_MS
    table = RateWindow.__table__
    previous = session.scalar(
        sa.select(table.c.hits).where(
            table.c.key == key, table.c.window_start == start - RATE_WINDOW_MS
        )
    )
    still_counted = (previous or 0) * (1 - (now - start) / RATE_WINDOW_MS)
    room = int(limit - still_counted)  # hits this window may hold
    hits = None
    if room >= 1:
        upsert = insert_or_update(session, table).values(key=key, window_start=start, hits=1)
        hits = session.scalar(
            upsert.on_conflict_do_update(
                index_elements=[table.c.key, table.c.window_start],
                set_={"hits": table.c.hits + 1},
                where=table.c.hits < room,
            ).returning(table.c.hits)
        )
    session.commit()
    if hits == 1:  # the first hit of a window: stale windows go, in their own transaction
        session.execute(sa.delete(table).where(table.c.window_start < start - RATE_WINDOW_MS))
        session.commit()
    return hits is not None


def create_tables(engine: sa.Engine) -> None:
    metadata.create_all(engine)


def primary_email(session: Session, account: Account) -> str | None:
    """The account's primary email address, if it has one."""
    if not account.primary_email_address_id:
        return None
    identification = session.get(Identification, account.primary_email_address_id)
    return identification.value if identification else None


def email_owner(session: Session, email: str) -> Account | None:
    statement = (
        select(Account)
        .join(Identification, Identification.user_id == Account.id)
        .where(Identification.kind == "email_address", Identification.value == email.lower())
    )
    return session.exec(statement).first()


def identifications(session: Session, user_id: str) -> list[Identification]:
    statement = (
        select(Identification)
        .where(Identification.user_id == user_id)
        .order_by(Identification.created_at, Identification.id)
    )
    return list(session.exec(statement))
