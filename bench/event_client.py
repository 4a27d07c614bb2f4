"""A Reflex tab without a browser: Reflex's event protocol over one websocket.

Engine.IO 4 / Socket.IO on ``/_event`` (websocket only), as the page's own
``state.js`` speaks it (see docs/notes/reflex-production.md, "Wire protocol"):
the tab's token is a query parameter, the boot (hydrate) event rides in the
CONNECT packet, events go out as ``42/_event,["event",{...}]`` and state deltas
come back the same way. Reflex sends no "done" marker, so a caller waits for the
update it expects (``send(..., until=...)``). Engine.IO pings are answered.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable

import websockets

NAMESPACE = "/_event"
ROOT = "reflex___state____state"
HYDRATE = f"{ROOT}.hydrate_and_load"
SUFFIX = "_rx_state_"


def state_name(module: str, cls: str) -> str:
    """``("pk_rentals.state.auth", "auth_state")`` -> Reflex's full name of that state."""
    return f"{ROOT}.{module.replace('.', '___')}____{cls}"


class Disconnected(Exception):
    """The backend closed the websocket (a worker died or restarted)."""


class Tab:
    """One browser tab: a token, a websocket, and the merged state it was sent."""

    def __init__(self, url: str, *, token: str | None = None, path: str = "/"):
        origin = url.rstrip("/").replace("http://", "ws://").replace("https://", "wss://")
        self.url = origin
        self.token = token or str(uuid.uuid4())
        self.path = path
        self.state: dict[str, dict] = {}
        self.toasts: list[dict] = []
        self._socket = None
        self._updates: asyncio.Queue = asyncio.Queue()
        self._reader: asyncio.Task | None = None

    # --- connection ---------------------------------------------------------------

    async def connect(self, *, timeout: float = 10, hydrate_timeout: float | None = None) -> None:
        """Open the socket and hydrate, as a page load does; returns once hydrated.
        ``timeout`` bounds the opening, ``hydrate_timeout`` (default: the same) the wait
        for the hydration that follows."""
        self.state, self.toasts = {}, []
        self._updates = asyncio.Queue()
        try:
            self._socket = await websockets.connect(
                f"{self.url}/_event/?token={self.token}&EIO=4&transport=websocket",
                open_timeout=timeout,
                max_size=None,
            )
        except (websockets.InvalidHandshake, OSError) as refused:  # e.g. nginx's 502
            raise Disconnected(f"cannot connect: {refused}") from refused
        opening = await asyncio.wait_for(self._socket.recv(), timeout)
        if not opening.startswith("0"):
            raise Disconnected(f"unexpected Engine.IO open: {opening[:80]}")
        auth = {"event": self._event(HYDRATE, {})}
        await self._socket.send(f"40{NAMESPACE},{json.dumps(auth)}")
        self._reader = asyncio.create_task(self._read())
        await self.wait(
            lambda _u: self.value(ROOT, "is_hydrated") is True,
            timeout=timeout if hydrate_timeout is None else hydrate_timeout,
        )

    async def close(self) -> None:
        if self._reader:
            self._reader.cancel()
        if self._socket is not None:
            await self._socket.close()
            self._socket = None

    async def _read(self) -> None:
        try:
            async for frame in self._socket:
                if frame == "2":  # Engine.IO ping
                    await self._socket.send("3")
                elif frame.startswith(f"42{NAMESPACE},"):
                    name, *args = json.loads(frame[len(NAMESPACE) + 3 :])
                    if name == "event":
                        self._merge(args[0])
                        self._updates.put_nowait(args[0])
                    elif name == "new_token":  # the server chose a fresh tab identity
                        self.token = args[0]
        except websockets.ConnectionClosed:
            pass
        finally:
            self._updates.put_nowait(None)

    def _merge(self, update: dict) -> None:
        for name, values in (update.get("delta") or {}).items():
            self.state.setdefault(name, {}).update(values)
        for event in update.get("events") or []:
            if event.get("name") == "_call_function":
                self.toasts.append(event)

    # --- events -------------------------------------------------------------------

    def _event(self, name: str, payload: dict) -> dict:
        return {
            "name": name,
            "payload": payload,
            "router_data": {"pathname": self.path, "asPath": self.path, "query": {}},
        }

    async def send(
        self,
        state: str,
        handler: str,
        payload: dict | None = None,
        *,
        until: Callable[[dict], bool],
        timeout: float = 30,
    ) -> tuple[float, dict]:
        """Send one event; wait for the update ``until`` accepts; the seconds it took
        and that update."""
        if self._socket is None:
            raise Disconnected("not connected")
        started = time.perf_counter()
        message = ["event", self._event(f"{state}.{handler}", payload or {})]
        try:
            await self._socket.send(f"42{NAMESPACE},{json.dumps(message)}")
        except websockets.ConnectionClosed as closed:
            raise Disconnected(str(closed)) from closed
        update = await self.wait(until, timeout=timeout)
        return time.perf_counter() - started, update

    async def wait(self, until: Callable[[dict], bool], *, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching update")
            update = await asyncio.wait_for(self._updates.get(), left)
            if update is None:
                raise Disconnected("the backend closed the socket")
            if until(update):
                return update

    def value(self, state: str, var: str):
        return self.state.get(state, {}).get(var + SUFFIX)


def touches(state: str, var: str, expected=...) -> Callable[[dict], bool]:
    """An update whose delta sets ``state.var`` (to ``expected``, if given)."""

    def check(update: dict) -> bool:
        values = (update.get("delta") or {}).get(state, {})
        key = var + SUFFIX
        return key in values and (expected is ... or values[key] == expected)

    return check


def error_toast(update: dict) -> bool:
    """Reflex's generic "An error occurred" toast, or the app's own error toast."""
    return any(
        "error" in json.dumps(event.get("payload", {})).lower()
        for event in update.get("events") or []
    )
