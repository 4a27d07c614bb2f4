"""clerk-js from the built-in identity server: the smallest copy the browser accepts,
byte-for-byte the file once decoded, cached for a year, and nothing else of the package."""

import gzip

import brotli
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from pk_rentals.devauth import clerk_js, instance

VERSION = instance.CLERK_JS_VERSION
ENTRY = f"/clerk-js/{VERSION}/clerk.browser.js"
CHUNK = "signin_clerk.browser_70f75e_5.128.0.js"


@pytest.fixture
def dist(tmp_path, monkeypatch):
    (tmp_path / "clerk.browser.js").write_text("console.log('clerk');" * 200)
    (tmp_path / CHUNK).write_text("export const signIn = 1;" * 200)
    (tmp_path / "clerk.headless.js").write_text("headless")
    (tmp_path / "index.d.ts").write_text("types")
    monkeypatch.setattr(clerk_js, "DIST", tmp_path)
    assert clerk_js.precompress(tmp_path) == 4  # two browser files, two copies each
    return tmp_path


@pytest.fixture
def client(dist):
    app = FastAPI()
    app.include_router(clerk_js.router)
    return TestClient(app)


def fetch(client, path, accept_encoding):
    # httpx would decode the body; ask for the raw bytes as they left the server.
    with client.stream("GET", path, headers={"Accept-Encoding": accept_encoding}) as response:
        return response, b"".join(response.iter_raw())


@pytest.mark.parametrize(
    ("accept", "encoding", "decode"),
    [
        ("gzip, deflate, br, zstd", "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
        ("br;q=0, gzip", "gzip", gzip.decompress),
        ("identity", None, bytes),
        ("", None, bytes),
    ],
)
def test_the_smallest_accepted_copy_decodes_to_the_file(client, dist, accept, encoding, decode):
    response, body = fetch(client, ENTRY, accept)
    assert response.status_code == 200
    assert response.headers.get("content-encoding") == encoding
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-type"].startswith("text/javascript")
    assert decode(body) == (dist / "clerk.browser.js").read_bytes()


def test_chunks_are_served_too(client, dist):
    response, body = fetch(client, f"/clerk-js/{VERSION}/{CHUNK}", "br")
    assert response.status_code == 200
    assert brotli.decompress(body) == (dist / CHUNK).read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "/clerk-js/5.0.0/clerk.browser.js",  # another version: the URL would lie about it
        f"/clerk-js/{VERSION}/clerk.headless.js",  # not the browser build
        f"/clerk-js/{VERSION}/index.d.ts",
        f"/clerk-js/{VERSION}/clerk.browser.js.br",  # copies only through Accept-Encoding
        f"/clerk-js/{VERSION}/..%2F..%2Fpackage.json",
        f"/clerk-js/{VERSION}/missing_clerk.browser_abc123_5.128.0.js",
    ],
)
def test_nothing_else_is_served(client, path):
    assert client.get(path).status_code == 404


def test_precompress_rewrites_a_copy_older_than_its_file(dist):
    entry = dist / "clerk.browser.js"
    entry.write_text("changed")
    assert clerk_js.precompress(dist) == 2
    assert brotli.decompress((dist / "clerk.browser.js.br").read_bytes()) == b"changed"
    assert clerk_js.precompress(dist) == 0


def test_the_installed_bundle_is_precompressed():
    """`make` precompresses clerk-js after installing it; a missing copy would quietly
    send a phone the 1 MB uncompressed bundle."""
    files = clerk_js.browser_files()
    assert files, "clerk-js is not installed (make deps-test)"
    for path in files:
        for suffix in (".br", ".gz"):
            assert path.with_name(path.name + suffix).is_file(), path.name + suffix
