"""What one person's uploads may cost a worker: no database connection is held
while an image is decoded or stored, and every attempt counts toward the hourly
limit. Runs on SQLite and PostgreSQL with real images."""

from __future__ import annotations

import pytest

from pk_rentals import db
from pk_rentals.services import images, verification
from pk_rentals.services.verification import UploadRefused, uploads
from pk_rentals.settings import get_settings
from tests.utils.concurrency import at_once
from tests.utils.people import ALI, photo


def test_an_image_is_decoded_and_stored_with_no_database_connection_held(people, monkeypatch):
    held = []
    decode, store = images._decode, uploads.get_media_store()

    def decoding(image, long_side):
        held.append(("decode", db.get_engine().pool.checkedout()))
        return decode(image, long_side)

    class WatchedStore:
        def __getattr__(self, name):
            return getattr(store, name)

        def put(self, *args, **kwargs):
            held.append(("store", db.get_engine().pool.checkedout()))
            return store.put(*args, **kwargs)

    monkeypatch.setattr(images, "_decode", decoding)
    monkeypatch.setattr(uploads, "get_media_store", WatchedStore)
    verification.receive_upload(ALI, "cnic_front", photo())
    code = verification.issue_selfie_code(ALI).code
    verification.receive_upload(ALI, "selfie", photo(960, 1280), code=code)
    assert held == [("decode", 0), ("store", 0)] * 2


def _refusal(*args, **kwargs) -> str | None:
    try:
        verification.receive_upload(*args, **kwargs)
    except UploadRefused as refused:
        return refused.code
    except images.ImageRefused as refused:
        return str(refused.code)
    return None


def test_refused_images_count_toward_the_hourly_limit(people, monkeypatch):
    monkeypatch.setenv("PK_UPLOADS_PER_HOUR", "3")
    get_settings.cache_clear()
    broken = photo()[:2000]  # a truncated JPEG: refused, but it was decoded to find out
    assert [_refusal(ALI, "cnic_front", broken) for _ in range(3)] == ["corrupt"] * 3
    assert _refusal(ALI, "cnic_front", photo()) == "rate_limited"


@pytest.mark.parametrize("requests", [6])
def test_parallel_uploads_cannot_pass_the_limit_together(people, monkeypatch, requests):
    monkeypatch.setenv("PK_UPLOADS_PER_HOUR", "2")
    get_settings.cache_clear()
    image = photo()
    results = at_once([lambda: _refusal(ALI, "cnic_front", image)] * requests)
    assert results.count(None) <= 2, results
    assert results.count("rate_limited") >= requests - 2
