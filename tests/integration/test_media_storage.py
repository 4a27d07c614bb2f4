"""Private storage of verification images, on both backends through one interface.

The local backend is served by the ``/media`` route on a real port; the Cloudinary
backend talks to a local stand-in that checks Cloudinary's signatures
(``tests/utils/fake_cloudinary.py``). Each behaviour is one test run on both.
"""

from __future__ import annotations

import io
import re
import stat
import time
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest
from fastapi import FastAPI
from PIL import Image

from pk_rentals.api import media
from pk_rentals.services.identity.accounts import user_media_dir
from pk_rentals.services.storage import (
    MediaKind,
    MediaNotFound,
    MediaStoreError,
    get_media_store,
)
from pk_rentals.services.storage.cloudinary_store import CloudinaryMediaStore
from pk_rentals.services.storage.local import LocalMediaStore
from pk_rentals.settings import get_settings
from tests.utils.fake_cloudinary import fake_cloudinary_server
from tests.utils.http_server import serve

ALI, SARA = "user_2aliAli123", "user_2saraSara45"
REF = re.compile(r"(verification-selfies|cnic)/user_[A-Za-z0-9_-]+/[0-9a-f]{32}")


def jpeg(colour=(30, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture(scope="module")
def fake_cloudinary():
    with fake_cloudinary_server() as fake:
        yield fake


@pytest.fixture
def media_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PK_MEDIA_DIR", str(tmp_path / "media"))
    get_settings.cache_clear()
    return tmp_path / "media"


@pytest.fixture
def media_server(media_dir):
    """The /media route on a real port, reading this test's media folder."""
    app = FastAPI()
    app.include_router(media.router)
    with serve(app, ready_path="/media/") as url:
        yield url


@pytest.fixture(params=["local", "cloudinary"])
def store(request, media_dir, monkeypatch):
    """The store ``get_media_store()`` gives for each ``PK_MEDIA_STORAGE``."""
    monkeypatch.setenv("PK_MEDIA_STORAGE", request.param)
    if request.param == "cloudinary":
        fake = request.getfixturevalue("fake_cloudinary")
        fake.assets.clear()
        monkeypatch.setenv("CLOUDINARY_URL", fake.cloudinary_url())
    get_settings.cache_clear()
    return get_media_store()


@pytest.fixture
def download(request):
    """``download(url)``: GET a signed URL, relative ones from the /media route."""

    def get(url: str) -> httpx.Response:
        if url.startswith("/"):
            url = request.getfixturevalue("media_server") + url
        return httpx.get(url, timeout=10)

    return get


def denied(response: httpx.Response) -> bool:
    """Refused by the local route (403) or by Cloudinary (401)."""
    return response.status_code in (401, 403) and response.content != jpeg()


# --- both backends -------------------------------------------------------------------


def test_get_media_store_follows_the_setting(store, request):
    expected = {"local": LocalMediaStore, "cloudinary": CloudinaryMediaStore}
    assert isinstance(store, expected[request.node.callspec.params["store"]])


def test_stored_image_reads_back_and_downloads_by_signed_url(store, download):
    data = jpeg()
    ref = store.put(ALI, MediaKind.CNIC_FRONT, data)

    assert REF.fullmatch(ref) and ref.startswith(f"cnic/{ALI}/")
    assert store.read(ref) == data
    response = download(store.signed_url(ref, ttl_seconds=60))
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "image/jpeg"


def test_each_kind_goes_to_its_folder(store):
    selfie = store.put(ALI, MediaKind.SELFIE, jpeg())
    back = store.put(ALI, MediaKind.CNIC_BACK, jpeg())
    assert selfie.startswith(f"verification-selfies/{ALI}/")
    assert back.startswith(f"cnic/{ALI}/")


def test_deleted_image_is_gone_and_deleting_again_is_harmless(store, download):
    ref = store.put(ALI, MediaKind.SELFIE, jpeg())
    url = store.signed_url(ref, ttl_seconds=60)
    store.delete(ref)
    store.delete(ref)

    with pytest.raises(MediaNotFound):
        store.read(ref)
    assert download(url).status_code == 404
    assert list(store.list_refs(ALI)) == []


def test_account_deletion_removes_every_image_of_that_user_only(store):
    alis = {store.put(ALI, kind, jpeg()) for kind in MediaKind}
    saras = {store.put(SARA, MediaKind.SELFIE, jpeg())}

    assert set(store.list_refs(ALI)) == alis
    assert store.delete_owner(ALI) == 3

    assert list(store.list_refs(ALI)) == []
    assert set(store.list_refs()) == saras
    assert store.delete_owner(ALI) == 0


def test_expired_signed_url_is_refused(store, download, monkeypatch):
    ref = store.put(ALI, MediaKind.CNIC_FRONT, jpeg())
    half_an_hour_ago = time.time() - 1800
    with monkeypatch.context() as past:  # minted half an hour ago, for five minutes
        past.setattr(time, "time", lambda: half_an_hour_ago)
        url = store.signed_url(ref, ttl_seconds=300)
    response = download(url)
    assert denied(response)
    assert "expired" in response.text


def test_signed_url_for_one_image_does_not_open_another(store, download):
    alis = store.put(ALI, MediaKind.CNIC_FRONT, jpeg())
    saras = store.put(SARA, MediaKind.CNIC_FRONT, jpeg((200, 0, 0)))
    url = store.signed_url(alis, ttl_seconds=60)

    forged = url.replace(alis, saras).replace(quote(alis, safe=""), quote(saras, safe=""))
    assert forged != url
    assert denied(download(forged))


def test_tampered_signature_or_expiry_is_refused(store, download):
    ref = store.put(ALI, MediaKind.SELFIE, jpeg())
    url = store.signed_url(ref, ttl_seconds=60)
    query = parse_qs(urlsplit(url).query)
    expiry = query.get("exp", query.get("expires_at"))[0]
    signature = query.get("sig", query.get("signature"))[0]
    flipped = ("0" if signature[-1] != "0" else "1").join(signature.rsplit(signature[-1], 1))

    assert denied(download(url.replace(signature, flipped)))
    assert denied(download(url.replace(expiry, str(int(expiry) + 86_400))))


def test_refs_and_owners_that_could_climb_out_are_refused(store):
    for bad_ref in ("../../etc/passwd", f"cnic/{ALI}/../../x", f"cnic/{ALI}/{'0' * 31}g", ""):
        with pytest.raises(ValueError):
            store.read(bad_ref)
        with pytest.raises(ValueError):
            store.signed_url(bad_ref, ttl_seconds=60)
    for bad_owner in ("../user_x", "user_x/../y", "user_x.jpg", "someone"):
        with pytest.raises(ValueError):
            store.put(bad_owner, MediaKind.SELFIE, jpeg())


def test_only_cleaned_jpegs_are_stored(store):
    with pytest.raises(ValueError, match="accept_image"):
        store.put(ALI, MediaKind.SELFIE, b"%PDF-1.4 not an image")


def test_signed_url_lifetime_is_capped(store):
    ref = store.put(ALI, MediaKind.SELFIE, jpeg())
    with pytest.raises(ValueError):
        store.signed_url(ref, ttl_seconds=86_400)


# --- local backend -------------------------------------------------------------------


def test_local_files_are_private_and_in_the_account_folder(media_dir):
    store = LocalMediaStore(media_dir, secret_key="s" * 40)
    ref = store.put(ALI, MediaKind.CNIC_FRONT, jpeg())

    path = user_media_dir(ALI) / "cnic" / f"{ref.rsplit('/', 1)[1]}.jpg"
    assert path.read_bytes() == jpeg()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(user_media_dir(ALI).stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary files


def test_served_image_is_private_and_never_sniffed(media_server):
    store = get_media_store()
    ref = store.put(ALI, MediaKind.SELFIE, jpeg())

    response = httpx.get(media_server + store.signed_url(ref, ttl_seconds=60))

    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_unsigned_or_expired_request_gets_a_json_reason(media_server, monkeypatch):
    store = get_media_store()
    ref = store.put(ALI, MediaKind.SELFIE, jpeg())
    with monkeypatch.context() as past:
        past.setattr(time, "time", lambda: 1_000_000)
        expired = store.signed_url(ref, ttl_seconds=60)

    unsigned = httpx.get(f"{media_server}/media/{ref}")
    assert (unsigned.status_code, unsigned.json()) == (403, {"error": "invalid_signature"})
    late = httpx.get(media_server + expired)
    assert (late.status_code, late.json()) == (403, {"error": "expired"})
    climbing = httpx.get(f"{media_server}/media/cnic/{ALI}/..%2f..%2fsecret?exp=1&sig=x")
    assert climbing.status_code == 403


@pytest.mark.parametrize("exp", ["²", "1" * 5000, "-1", " 1", "1e9", "٣"])
def test_a_malformed_expiry_is_a_403_not_a_500(media_server, exp):
    ref = get_media_store().put(ALI, MediaKind.SELFIE, jpeg())
    answer = httpx.get(f"{media_server}/media/{ref}", params={"exp": exp, "sig": "ab" * 32})
    assert (answer.status_code, answer.json()) == (403, {"error": "invalid_signature"})


def test_url_signed_with_another_secret_key_is_refused(media_server, media_dir):
    ref = get_media_store().put(ALI, MediaKind.SELFIE, jpeg())
    forger = LocalMediaStore(media_dir, secret_key="not-the-server-key-" * 3)
    response = httpx.get(media_server + forger.signed_url(ref, ttl_seconds=60))
    assert response.status_code == 403


# --- Cloudinary backend --------------------------------------------------------------


def test_cloudinary_assets_are_authenticated_and_never_overwritten(fake_cloudinary):
    store = CloudinaryMediaStore.from_url(fake_cloudinary.cloudinary_url())
    ref = store.put(ALI, MediaKind.CNIC_FRONT, jpeg())

    asset = fake_cloudinary.assets[ref]
    assert asset.type == "authenticated"
    assert asset.upload_params["folder"] == "cnic"
    assert asset.upload_params["public_id"] == f"{ALI}/{ref.rsplit('/', 1)[1]}"
    assert asset.upload_params["overwrite"] == "0"


def test_wrong_cloudinary_secret_fails_the_upload_clearly_and_quickly(fake_cloudinary):
    fake_cloudinary.assets.clear()
    store = CloudinaryMediaStore.from_url(fake_cloudinary.cloudinary_url(api_secret="wrong"))
    started = time.monotonic()
    with pytest.raises(MediaStoreError, match="upload failed: Invalid Signature"):
        store.put(ALI, MediaKind.SELFIE, jpeg())
    assert time.monotonic() - started < 10
    assert fake_cloudinary.assets == {}


def test_unreachable_cloudinary_fails_within_the_timeout():
    from tests.utils.servers import free_port

    url = f"cloudinary://key:secret@cloud?upload_prefix=http://127.0.0.1:{free_port()}"
    store = CloudinaryMediaStore.from_url(url)
    started = time.monotonic()
    with pytest.raises(MediaStoreError):
        store.put(ALI, MediaKind.SELFIE, jpeg())
    assert time.monotonic() - started < 10


def test_cloudinary_listing_and_deletion_follow_the_pages(fake_cloudinary, monkeypatch):
    monkeypatch.setattr(fake_cloudinary, "list_page_size", 2)
    monkeypatch.setattr(fake_cloudinary, "delete_page_size", 2)
    fake_cloudinary.assets.clear()
    store = CloudinaryMediaStore.from_url(fake_cloudinary.cloudinary_url())
    refs = {store.put(ALI, MediaKind.CNIC_FRONT, jpeg()) for _ in range(5)}

    assert set(store.list_refs(ALI)) == refs
    assert store.delete_owner(ALI) == 5
    assert fake_cloudinary.assets == {}


def test_cloudinary_signed_url_expires_after_its_ttl(fake_cloudinary):
    store = CloudinaryMediaStore.from_url(fake_cloudinary.cloudinary_url())
    ref = store.put(ALI, MediaKind.SELFIE, jpeg())
    query = parse_qs(urlsplit(store.signed_url(ref, ttl_seconds=120)).query)
    assert abs(int(query["expires_at"][0]) - (time.time() + 120)) < 5
    assert query["type"] == ["authenticated"]
