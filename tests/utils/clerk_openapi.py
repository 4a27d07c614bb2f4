"""Clerk's published OpenAPI 3.0 specs (tests/specs/clerk, MIT, from clerk/openapi-specs),
and a check of one response of the built-in identity server against its operation.

One reading is taken where OAS 3.0 is ambiguous: ``nullable: true`` beside ``allOf``,
``oneOf``, ``anyOf``, ``$ref`` or ``enum`` allows ``null``, as the spec's authors mean
(OAS 3.0.3 says ``nullable`` only widens ``type``, so a strict validator would refuse
``null`` where Clerk's own API sends it). Formats (``date-time``, ``email``...) are checked.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SPECS = Path(__file__).resolve().parents[1] / "specs" / "clerk"
FILES = {
    "fapi": "fapi-2025-11-10.yml",
    "bapi": "bapi-2025-11-10.yml",
    "webhooks": "webhooks-2025-04-15.yml",
}
COMBINERS = ("allOf", "oneOf", "anyOf", "$ref", "enum")


def _allow_null_where_meant(node) -> None:
    """The ``nullable`` reading above, applied in place to every schema of a spec."""
    if isinstance(node, list):
        for item in node:
            _allow_null_where_meant(item)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _allow_null_where_meant(value)
    if node.get("nullable") is True and any(key in node for key in COMBINERS):
        rest = {key: value for key, value in node.items() if key != "nullable"}
        node.clear()
        node["anyOf"] = [{"enum": [None]}, rest]


@dataclass(frozen=True)
class Operation:
    api: str  # "fapi" | "bapi"
    method: str  # upper case
    template: str  # the spec's path, e.g. /v1/client/sign_ins/{sign_in_id}
    pattern: re.Pattern

    @property
    def name(self) -> str:
        return f"{self.api} {self.method} {self.template}"


class ClerkSpec:
    def __init__(self, api: str):
        self.api = api
        with (SPECS / FILES[api]).open(encoding="utf-8") as file:
            self.document = yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        _allow_null_where_meant(self.document)
        self.uri = f"urn:clerk:{api}"
        resource = Resource.from_contents(self.document, default_specification=DRAFT4)
        self.registry = Registry().with_resource(self.uri, resource)
        self.operations = [
            Operation(api, method.upper(), template, _pattern(template))
            for template, item in self.document.get("paths", {}).items()
            for method in item
            if method in ("get", "post", "put", "patch", "delete")
        ]

    def operation(self, method: str, path: str) -> Operation | None:
        """The operation a request reaches; a literal segment wins over a parameter."""
        found = [o for o in self.operations if o.method == method and o.pattern.fullmatch(path)]
        return min(found, key=lambda op: op.template.count("{"), default=None)

    def problems(self, operation: Operation, status: int, body) -> list[str]:
        """What is wrong with ``body`` answered with ``status``: each a field and a reason."""
        method = operation.method.lower()
        responses = self.document["paths"][operation.template][method]["responses"]
        key = next(
            (k for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None
        )
        if key is None:
            if status < 400:
                return [f"status {status} is not among the spec's {sorted(responses)}"]
            # An error the spec does not list (a 429, a 403): still Clerk's error shape.
            return self.schema_problems("/components/schemas/ClerkErrors", body)
        pointer = _pointer("paths", operation.template, method, "responses", key)
        response = responses[key]
        if "$ref" in response:
            pointer = response["$ref"].lstrip("#")
            response = self._at(pointer)
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:  # the spec leaves the body open (e.g. the dev browser's id)
            return []
        return self.schema_problems(f"{pointer}/content/application~1json/schema", body)

    def schema_problems(self, pointer: str, value) -> list[str]:
        validator = OAS30Validator(
            {"$ref": f"{self.uri}#{pointer}"},
            registry=self.registry,
            format_checker=OAS30Validator.FORMAT_CHECKER,
        )
        return sorted(_explain(error) for error in validator.iter_errors(value))

    def _at(self, pointer: str):
        node = self.document
        for part in pointer.strip("/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node


def _explain(error) -> str:
    """The field and reason, inside the branch of a ``oneOf``/``anyOf`` that came closest
    (the fewest errors; a ``null`` branch never counts as close)."""
    while error.context:
        branches: dict[int, list] = {}
        for inner in error.context:
            branches.setdefault(inner.relative_schema_path[0], []).append(inner)
        real = [found for found in branches.values() if found[0].validator_value != [None]]
        error = min(real or branches.values(), key=len)[0]
    return f"{error.json_path}: {error.message[:200]}"


def _pattern(template: str) -> re.Pattern:
    return re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)))


def _pointer(*parts: str) -> str:
    return "/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


@functools.cache
def spec(api: str) -> ClerkSpec:
    return ClerkSpec(api)


def webhook_problems(payload: dict) -> list[str]:
    """A webhook's JSON body against its event type's schema."""
    webhooks = spec("webhooks")
    event = payload.get("type", "")
    if event not in webhooks.document["x-webhooks"]:
        return [f"type: {event!r} is not an event in the spec"]
    pointer = _pointer("x-webhooks", event, "post", "requestBody", "content", "application/json")
    return webhooks.schema_problems(f"{pointer}/schema", payload)


# --- every answer of a served identity server, checked as it goes out -----------------


@dataclass(frozen=True)
class Answer:
    operation: str  # Operation.name, or "unknown route METHOD PATH"
    status: int
    problems: tuple[str, ...]


# Every answer checked in this test process, in order (tests look at what they added).
ANSWERS: list[Answer] = []


class ConformanceRecorder:
    """ASGI middleware around the app: each JSON answer under ``/_devauth/v1`` is checked
    against Clerk's spec of its operation (the Backend API when the request carries a
    secret key, else the Frontend API) and kept in ``answers``."""

    def __init__(self, app, answers: list[Answer]):
        self.app = app
        self.answers = answers

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith("/_devauth/v1"):
            return await self.app(scope, receive, send)
        sent = {"status": 0, "body": b"", "json": False}

        async def keep(message):
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
                headers = dict(message.get("headers") or [])
                sent["json"] = headers.get(b"content-type", b"").startswith(b"application/json")
            elif message["type"] == "http.response.body":
                sent["body"] += message.get("body", b"")
            await send(message)

        await self.app(scope, receive, keep)
        if sent["json"] or not sent["body"]:  # JSON, or no body at all (a 204)
            self.answers.append(_check(scope, sent["status"], sent["body"]))


def _check(scope, status: int, body: bytes) -> Answer:
    headers = dict(scope.get("headers") or [])
    query = parse_qs(scope.get("query_string", b"").decode())
    method = (query.get("_method") or [scope["method"]])[0].upper()
    path = scope["path"].removeprefix("/_devauth").rstrip("/") or "/"
    api = "bapi" if headers.get(b"authorization", b"").startswith(b"Bearer sk_") else "fapi"
    if api == "bapi":
        path = path.removeprefix("/v1")
    operation = spec(api).operation(method, path)
    if operation is None:
        return Answer(f"unknown route {api} {method} {path}", status, ())
    problems = spec(api).problems(operation, status, json.loads(body) if body else None)
    return Answer(operation.name, status, tuple(problems))
