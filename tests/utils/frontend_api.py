"""A browser as clerk-js 5 is to the identity server's Frontend API, over real HTTP.

What clerk-js sends (docs/notes/clerk-frontend-api.md): a dev-browser token
(``__clerk_db_jwt``) on every URL, Clerk's API version, the active session id on
non-``/client`` paths, form-encoded snake_case bodies, and PATCH/DELETE tunnelled
through POST as ``?_method=``.
"""

from __future__ import annotations

import httpx

CLERK_API_VERSION = "2025-04-10"
CLERK_JS_VERSION = "5.128.0"


class FrontendClient:
    def __init__(self, devauth_url: str):
        self.http = httpx.Client(base_url=devauth_url.rstrip("/") + "/v1", timeout=10)
        self.dev_browser = self.http.post("/dev_browser").json()["id"]
        self.session_id: str | None = None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> FrontendClient:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def request(self, method: str, path: str, body: dict | None = None) -> httpx.Response:
        params = self._params(method, path)
        if method == "GET":
            return self.http.get(path, params=params)
        return self.http.post(path, params=params, data=body or {})

    def upload(self, path: str, data: bytes, filename: str = "photo.jpg") -> httpx.Response:
        """A file as clerk-js posts one: a multipart form with a ``file`` part."""
        files = {"file": (filename, data, "application/octet-stream")}
        return self.http.post(path, params=self._params("POST", path), files=files)

    def _params(self, method: str, path: str) -> dict:
        params = {
            "__clerk_api_version": CLERK_API_VERSION,
            "_clerk_js_version": CLERK_JS_VERSION,
            "__clerk_db_jwt": self.dev_browser,
        }
        if method not in ("GET", "POST"):
            params["_method"] = method
        if self.session_id and not path.startswith("/client"):
            params["_clerk_session_id"] = self.session_id
        return params

    def post(self, path: str, body: dict | None = None) -> httpx.Response:
        return self.request("POST", path, body)

    def sign_in(self, email: str, password: str) -> httpx.Response:
        """``signIn.create`` then ``attemptFirstFactor``; the password attempt's answer."""
        sign_in = self.post("/client/sign_ins", {"identifier": email})
        sign_in.raise_for_status()
        sign_in_id = sign_in.json()["response"]["id"]
        answer = self.post(
            f"/client/sign_ins/{sign_in_id}/attempt_first_factor",
            {"strategy": "password", "password": password},
        )
        if answer.status_code == 200:
            self.session_id = answer.json()["response"]["created_session_id"]
        return answer
