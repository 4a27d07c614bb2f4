"""Counting the SQL statements an engine sends: how tests and benchmarks prove that a
page load costs what we say it costs."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine


class StatementCounter:
    """``with StatementCounter(engine) as counter: ...`` then ``counter.statements``."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.statements: list[str] = []

    def _count(self, _conn, _cursor, statement, *_args):
        self.statements.append(statement)

    def __enter__(self) -> StatementCounter:
        sa.event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *_exc) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._count)

    def touching(self, table: str) -> list[str]:
        return [s for s in self.statements if table in s]
