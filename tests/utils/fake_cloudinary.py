"""A small stand-in for Cloudinary's API, served on 127.0.0.1, for the storage tests.

It implements only what ``CloudinaryMediaStore`` calls, and checks what Cloudinary
checks, written here from Cloudinary's documentation rather than with the SDK's
code, so a signing mistake on either side shows:

- Upload API ``POST /v1_1/<cloud>/image/upload`` and ``.../image/destroy``: the
  ``signature`` is the hex SHA-1 (or SHA-256) of the parameters, except ``file``,
  ``api_key``, ``resource_type``, ``cloud_name`` and ``signature``, as sorted
  ``name=value`` pairs joined by ``&`` (a ``&`` inside a value as ``%26``), followed
  by the API secret. A wrong one is refused with 401, as Cloudinary does.
- Admin API ``GET``/``DELETE /v1_1/<cloud>/resources/image/<type>``: HTTP basic
  auth with the API key and secret; pages with ``next_cursor``.
- ``GET /v1_1/<cloud>/image/download``: a private download URL, signed like an
  upload, refused after its ``expires_at``.

Point the SDK at it with ``CLOUDINARY_URL=cloudinary://KEY:SECRET@CLOUD?upload_prefix=URL``.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import hmac
import time
from collections.abc import Iterator

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from tests.utils.http_server import serve

UNSIGNED = frozenset({"file", "api_key", "resource_type", "cloud_name", "signature"})
MAX_REQUEST_AGE_SECONDS = 3600  # Cloudinary refuses "stale" signed requests


@dataclasses.dataclass
class Asset:
    public_id: str
    type: str
    data: bytes
    upload_params: dict[str, str]
    created_at: float = dataclasses.field(default_factory=time.time)


@dataclasses.dataclass
class FakeCloudinary:
    cloud_name: str = "pk-test-cloud"
    api_key: str = "614335564976464"
    api_secret: str = "fake-cloudinary-secret-0123456789"
    signature_algorithm: str = "sha1"
    list_page_size: int = 500  # the real API's largest; tests lower them to see paging
    delete_page_size: int = 1000
    url: str = ""
    assets: dict[str, Asset] = dataclasses.field(default_factory=dict)

    def cloudinary_url(self, *, api_secret: str | None = None) -> str:
        secret = self.api_secret if api_secret is None else api_secret
        return f"cloudinary://{self.api_key}:{secret}@{self.cloud_name}?upload_prefix={self.url}"

    # --- checks ----------------------------------------------------------------------

    def expected_signature(self, params: dict[str, str]) -> str:
        pairs = sorted(
            f"{name}={value}".replace("&", "%26")
            for name, value in params.items()
            if name not in UNSIGNED and value != ""
        )
        hash_function = getattr(hashlib, self.signature_algorithm)
        return hash_function(("&".join(pairs) + self.api_secret).encode()).hexdigest()

    def signature_problem(self, params: dict[str, str]) -> str | None:
        if params.get("api_key") != self.api_key:
            return f"Unknown API key {params.get('api_key')}"
        expected = self.expected_signature(params)
        if not hmac.compare_digest(params.get("signature", ""), expected):
            return f"Invalid Signature {params.get('signature')}."
        timestamp = params.get("timestamp", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_REQUEST_AGE_SECONDS:
            return f"Stale request - reported time is {timestamp}"
        return None

    def basic_auth_problem(self, request: Request) -> str | None:
        expected = base64.b64encode(f"{self.api_key}:{self.api_secret}".encode()).decode()
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Basic {expected}".encode()):
            return "Invalid credentials"
        return None

    # --- the app ---------------------------------------------------------------------

    def app(self) -> FastAPI:
        app = FastAPI()
        base = "/v1_1/{cloud}"

        @app.get("/healthz")
        def healthz():
            return {"ok": True}

        @app.post(base + "/image/upload")
        async def upload(cloud: str, request: Request):
            form = await request.form()
            params = {k: v for k, v in form.items() if isinstance(v, str)}
            file = form.get("file")
            if problem := self._upload_api_problem(cloud, params):
                return problem
            if file is None or isinstance(file, str):
                return _error(400, "Missing required parameter - file")
            public_id = "/".join(p for p in (params.get("folder"), params["public_id"]) if p)
            existing = self.assets.get(public_id)
            if existing is not None and params.get("overwrite") in ("0", "false"):
                return self._resource(existing) | {"existing": True}
            asset = Asset(public_id, params.get("type", "upload"), await file.read(), params)
            self.assets[public_id] = asset
            return self._resource(asset)

        @app.post(base + "/image/destroy")
        async def destroy(cloud: str, request: Request):
            params = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
            if problem := self._upload_api_problem(cloud, params):
                return problem
            asset = self.assets.get(params.get("public_id", ""))
            if asset is None or asset.type != params.get("type", "upload"):
                return {"result": "not found"}
            del self.assets[asset.public_id]
            return {"result": "ok"}

        @app.get(base + "/image/download")
        def download(cloud: str, request: Request):
            params = dict(request.query_params)
            if problem := self._upload_api_problem(cloud, params):
                return problem
            expires_at = params.get("expires_at", "")
            if expires_at and (not expires_at.isdigit() or int(expires_at) < time.time()):
                return _error(401, "The download link has expired")
            asset = self.assets.get(params.get("public_id", ""))
            if asset is None or asset.type != params.get("type", "upload"):
                return _error(404, f"Resource not found - {params.get('public_id')}")
            return Response(asset.data, media_type="image/jpeg")

        @app.get(base + "/resources/image/{asset_type}")
        def list_resources(cloud: str, asset_type: str, request: Request):
            if problem := self._admin_api_problem(cloud, request):
                return problem
            query = request.query_params
            page_size = min(int(query.get("max_results", "10")), self.list_page_size)
            ids = self._ids(asset_type, query.get("prefix", ""))
            page, cursor = _page(ids, query.get("next_cursor"), page_size)
            resources = [self._resource(self.assets[i]) for i in page]
            return {"resources": resources} | ({"next_cursor": cursor} if cursor else {})

        @app.delete(base + "/resources/image/{asset_type}")
        async def delete_by_prefix(cloud: str, asset_type: str, request: Request):
            if problem := self._admin_api_problem(cloud, request):
                return problem
            body = await request.json()
            ids = self._ids(asset_type, body.get("prefix") or "")
            page, cursor = _page(ids, body.get("next_cursor"), self.delete_page_size)
            for public_id in page:
                del self.assets[public_id]
            result = {"deleted": dict.fromkeys(page, "deleted"), "partial": bool(cursor)}
            return result | ({"next_cursor": cursor} if cursor else {})

        return app

    def _upload_api_problem(self, cloud: str, params: dict[str, str]) -> JSONResponse | None:
        if cloud != self.cloud_name:
            return _error(401, f"Invalid cloud_name {cloud}")
        if problem := self.signature_problem(params):
            return _error(401, problem)
        return None

    def _admin_api_problem(self, cloud: str, request: Request) -> JSONResponse | None:
        if cloud != self.cloud_name:
            return _error(401, f"Invalid cloud_name {cloud}")
        if problem := self.basic_auth_problem(request):
            return _error(401, problem)
        return None

    def _ids(self, asset_type: str, prefix: str) -> list[str]:
        return sorted(
            public_id
            for public_id, asset in self.assets.items()
            if asset.type == asset_type and public_id.startswith(prefix)
        )

    def _resource(self, asset: Asset) -> dict:
        return {
            "public_id": asset.public_id,
            "type": asset.type,
            "resource_type": "image",
            "format": "jpg",
            "bytes": len(asset.data),
            "version": 1,
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(asset.created_at)),
        }


def _page(ids: list[str], cursor: str | None, size: int) -> tuple[list[str], str | None]:
    """One page of ``ids``; the cursor is the last id of the previous page."""
    start = [i for i in ids if i > cursor] if cursor else ids
    page = start[:size]
    return page, (page[-1] if len(start) > size else None)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"message": message}}, status_code=status)


@contextlib.contextmanager
def fake_cloudinary_server(**settings) -> Iterator[FakeCloudinary]:
    fake = FakeCloudinary(**settings)
    with serve(fake.app()) as url:
        fake.url = url
        yield fake
