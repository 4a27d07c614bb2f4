"""Verified session tokens per second: networkless (PyJWT + a PEM or cached JWKS)
against one Backend API call per request (what checking a session remotely costs).

Usage: python bench/tokens.py [--seconds S]   (from the project root; uses a scratch
SQLite database and the built-in identity server on a free 127.0.0.1 port).
"""

from __future__ import annotations

import argparse
import os
import time

from scratch import scratch_project

scratch = scratch_project(
    PK_SESSION_TOKEN_LIFETIME="3600",
)

import httpx  # noqa: E402

from pk_rentals import migrations  # noqa: E402
from pk_rentals.api import create_api  # noqa: E402
from pk_rentals.services.identity.config import clerk_config  # noqa: E402
from pk_rentals.services.identity.tokens import SessionTokenVerifier  # noqa: E402
from tests.utils.http_server import serve  # noqa: E402


def rate(work, seconds: float) -> float:
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        work()
        count += 1
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    seconds = parser.parse_args().seconds
    migrations.upgrade(os.environ["REFLEX_DB_URL"])
    with serve(create_api()) as url:
        os.environ["PK_BACKEND_URL"] = os.environ["PK_PUBLIC_URL"] = url
        config = clerk_config()
        headers = {"Authorization": f"Bearer {config.secret_key}"}
        api = f"{url}/_devauth/v1"
        user = httpx.post(
            f"{api}/users",
            json={"email_address": ["bench@example.pk"], "password": "Bench#2026pk"},
            headers=headers,
        ).json()
        session = httpx.post(f"{api}/sessions", json={"user_id": user["id"]}, headers=headers)
        token = httpx.post(f"{api}/sessions/{session.json()['id']}/tokens", headers=headers)
        jwt = token.json()["jwt"]

        pem = SessionTokenVerifier(issuer=config.issuer, pem_key=config.jwt_key)
        jwks = SessionTokenVerifier(
            issuer=config.issuer, jwks_url=f"{url}/_devauth/.well-known/jwks.json"
        )
        with httpx.Client(headers=headers) as client:
            local_pem = rate(lambda: pem.verify(jwt), seconds)
            local_jwks = rate(lambda: jwks.verify(jwt), seconds)
            remote = rate(
                lambda: client.get(f"{api}/users/{user['id']}").raise_for_status(), seconds
            )
    print(f"networkless, PEM key       {local_pem:10.0f} tokens/s")
    print(f"networkless, cached JWKS   {local_jwks:10.0f} tokens/s")
    print(f"one Backend API call each  {remote:10.0f} requests/s (127.0.0.1, no network latency)")
    print(f"ratio (PEM / API call)     {local_pem / remote:10.1f}x")


if __name__ == "__main__":
    main()
