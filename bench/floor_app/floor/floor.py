"""One state, one handler: insert a row, then show the count. The handler is written
as pk_rentals' are (async, the database call in a thread, an engine from the same
``pk_rentals.db.create_engine``, so the same pool and the same ping when idle), so the
difference between the two apps is the app's own work."""

import asyncio
import functools
import os

import reflex as rx
import sqlalchemy as sa

from pk_rentals import db

INSERT = sa.text("INSERT INTO floor_writes (token, seq) VALUES (:token, :seq)")


@functools.cache
def engine() -> sa.Engine:
    return db.create_engine(os.environ["REFLEX_DB_URL"], on_event_loop=db.OnEventLoop.WARN)


def write_row(token: str, seq: int) -> None:
    with engine().begin() as connection:
        connection.execute(INSERT, {"token": token, "seq": seq})


class FloorState(rx.State):
    count: int = 0

    @rx.event
    async def write(self, seq: int):
        await asyncio.to_thread(write_row, self.router.session.client_token, seq)
        self.count = seq


def index() -> rx.Component:
    return rx.text(FloorState.count)


app = rx.App()
app.add_page(index)
