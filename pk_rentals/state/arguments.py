"""Event arguments of the types their handler declares, or no event.

An event's arguments are whatever JSON the browser sent: Reflex hands them to the
handler as they came, so ``note: str`` can arrive as null, a number, a list or an
object. A handler runs only when each argument has the type it declares (``str``,
``int``, ``float``, ``bool``, ``dict``, ``list``; the outer type of ``dict[...]``
and ``list[...]``) and the count is right; otherwise the event is dropped, as an
unknown choice is. ``protected`` (state/auth.py) checks this for every privileged
handler; ``as_declared`` does it for the others.
"""

from __future__ import annotations

import functools
import inspect
import logging
import typing

log = logging.getLogger(__name__)

_CHECKED: dict[type, tuple[type, ...]] = {
    str: (str,),
    int: (int,),
    float: (int, float),
    bool: (bool,),
    dict: (dict,),
    list: (list,),
}


@functools.cache
def _declared(handler) -> tuple[inspect.Signature, dict[str, tuple[type, ...]]]:
    hints = typing.get_type_hints(handler)
    types = {}
    for name, hint in hints.items():
        outer = typing.get_origin(hint) or hint
        if name != "return" and outer in _CHECKED:
            types[name] = _CHECKED[outer]
    return inspect.signature(handler), types


def arguments_problem(handler, args: tuple, kwargs: dict) -> str | None:
    """Why ``handler`` (a method) must not run with these arguments; None if it may."""
    signature, types = _declared(handler)
    try:
        bound = signature.bind(None, *args, **kwargs)
    except TypeError as error:
        return str(error)
    for name, value in bound.arguments.items():
        if name in types and not isinstance(value, types[name]):
            return f"{name} is {type(value).__name__}"
    return None


def dropped(handler, args: tuple, kwargs: dict) -> bool:
    """True (and logged) when the arguments are not what ``handler`` declares."""
    problem = arguments_problem(handler, args, kwargs)
    if problem:
        log.info("event %s dropped: %s", handler.__qualname__, problem)
    return problem is not None


def as_declared(handler):
    """Run an event handler only with arguments of its declared types (module doc)."""
    if inspect.isasyncgenfunction(handler):

        @functools.wraps(handler)
        async def steps(self, *args, **kwargs):
            if dropped(handler, args, kwargs):
                return
            async for update in handler(self, *args, **kwargs):
                yield update

        return steps

    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def checked_async(self, *args, **kwargs):
            if dropped(handler, args, kwargs):
                return None
            return await handler(self, *args, **kwargs)

        return checked_async

    @functools.wraps(handler)
    def checked(self, *args, **kwargs):
        if dropped(handler, args, kwargs):
            return None
        return handler(self, *args, **kwargs)

    return checked
