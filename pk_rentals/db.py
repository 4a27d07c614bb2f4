"""Engine and sessions for services (Reflex-free), built from the one settings URL.

Every engine watches for database calls made on a thread that is running an
asyncio event loop (a Reflex event handler or an ``async def`` route calling a
service directly): one such call stalls every tab the worker serves until the
database answers. Handlers move the call off the loop with ``asyncio.to_thread``
(Reflex state) or ``run_in_threadpool`` (HTTP routes). Development and tests
raise ``EventLoopBlocked`` so the test that reaches the handler fails; production
logs one warning per call site and lets the call through.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import inspect
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from pk_rentals.lazy import built_once
from pk_rentals.settings import PROJECT_ROOT, get_settings

log = logging.getLogger(__name__)

# As code objects spell them (from the same sys.path entry as this module's).
_THIS_FILE = __file__
_PACKAGE_DIR = str(Path(__file__).parent) + os.sep
_ASYNC = inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
_LIBRARIES = ("sqlalchemy", "sqlmodel")


class OnEventLoop(enum.StrEnum):
    """What an engine does with a database call made on an event loop's thread."""

    RAISE = "raise"  # development and tests: the handler fails and says where
    WARN = "warn"  # production: one warning per call site; the call goes on


class EventLoopBlocked(RuntimeError):
    """A database call was made on a thread that is running an asyncio event loop."""


def create_engine(
    url: str, *, connect_timeout: int = 3, on_event_loop: OnEventLoop = OnEventLoop.RAISE
) -> Engine:
    """An engine with the connection options this project relies on.

    SQLite enforces foreign keys only when asked per connection, and the
    ``ON DELETE CASCADE`` rules of the seed depend on them.
    """
    # hide_parameters: SQL in logs and errors never shows values (emails, codes, CNICs).
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 15}, hide_parameters=True
        )
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = sa.create_engine(
            url, connect_args={"connect_timeout": connect_timeout}, hide_parameters=True
        )
        _ping_when_idle(engine)
    sa.event.listen(engine, "before_cursor_execute", _event_loop_guard(on_event_loop))
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


# A pooled connection unused for this long is pinged before it is handed out.
PING_AFTER_IDLE_SECONDS = 1.0
_IDLE_SINCE = "pk_idle_since"  # in the pool's per-connection info (cleared on reconnect)


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's ``pool_pre_ping``, but only for a connection that sat in the pool.

    A connection is found dead when the server restarted or something between
    dropped it while it was idle; then the ping fails, the whole pool is renewed and
    the caller gets a fresh connection (SQLAlchemy's checkout retry). Under load every
    connection goes back out within milliseconds, and a ping on each checkout would
    cost every event one more round trip (~7 % of a worker's time in the load
    benchmark). A server restart in the middle of that traffic fails the statements
    already on their way, with or without a ping; the first such failure renews the
    pool the same way.
    """

    @sa.event.listens_for(engine, "checkin")
    def checked_in(_dbapi_connection, record) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def checked_out(dbapi_connection, record, _proxy) -> None:
        idle_since = record.info.pop(_IDLE_SINCE, None)  # None: a new connection
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise sa.exc.InvalidatePoolError("a pooled connection died while idle") from error


def _event_loop_guard(on_event_loop: OnEventLoop):
    raises = on_event_loop is OnEventLoop.RAISE
    warned: set[str] = set()  # call sites this engine has warned about, once each

    def before_cursor_execute(_conn, _cursor, _statement, _params, _context, _many) -> None:
        # Runs for every statement: off the loop (the normal case) this is one C call.
        # asyncio._get_running_loop is the non-raising get_running_loop (anyio uses it).
        if asyncio._get_running_loop() is None:
            return
        site = _blocking_call_site()
        if site is None:
            return
        message = (
            f"database call on the event loop in {site}: "
            "wrap it in asyncio.to_thread / run_in_threadpool"
        )
        if raises:
            raise EventLoopBlocked(message)
        if message not in warned:
            warned.add(message)
            log.warning(message)

    return before_cursor_execute


def _blocking_call_site() -> str | None:
    """The first frame in pk_rentals outside this module, and the coroutine that called
    it synchronously (where ``to_thread`` belongs) when that is another frame.

    None when no coroutine is on this stack: the thread's loop is then suspended, not
    waiting on us. Playwright's sync API does that to the e2e tests' main thread: it
    runs its loop in another greenlet, and the loop stays set as this thread's.
    """
    first = fallback = coroutine = None
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        code = frame.f_code
        ours = code.co_filename.startswith(_PACKAGE_DIR) and code.co_filename != _THIS_FILE
        if code.co_flags & _ASYNC and (coroutine is None or ours):
            coroutine = frame  # the innermost one, or better the innermost of ours
        if ours:
            first = first or frame
            if code.co_flags & _ASYNC:
                break
        elif fallback is None and not _names_no_caller(code.co_filename):
            fallback = frame  # a test or a script calling the engine directly
        frame = frame.f_back
    if coroutine is None:
        return None
    caller = first or fallback
    site = _describe(caller)
    return site if coroutine is caller else f"{site}, called from {_describe(coroutine)}"


def _names_no_caller(filename: str) -> bool:
    """SQLAlchemy's and SQLModel's frames, and this module's."""
    return filename == _THIS_FILE or any(
        f"{os.sep}{library}{os.sep}" in filename for library in _LIBRARIES
    )


def _describe(frame: FrameType | None) -> str:
    if frame is None:
        return "an unknown caller"
    path = Path(frame.f_code.co_filename)
    where = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path.name
    return f"{where}:{frame.f_lineno} ({frame.f_code.co_qualname})"


@built_once
def get_engine() -> Engine:
    settings = get_settings()
    return create_engine(
        settings.db_url,
        connect_timeout=settings.db_connect_timeout,
        on_event_loop=OnEventLoop.WARN if settings.is_production else OnEventLoop.RAISE,
    )


def session() -> Session:
    """A new ORM session on the configured database (use as a context manager)."""
    return Session(get_engine())


@contextlib.contextmanager
def reading() -> Iterator[sa.Connection]:
    """A connection for reads in autocommit mode: no BEGIN and ROLLBACK round trips
    around them. Each statement sees what was committed when it started, as in a
    READ COMMITTED transaction (PostgreSQL's default); writes belong in ``session()``."""
    with get_engine().connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        yield connection
