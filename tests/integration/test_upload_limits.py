"""What one person's uploads may cost a worker: no database connection is held
while an image is decoded or stored, and every attempt counts toward the hourly
limit. Runs on SQLite and PostgreSQL with real images."""

from __future__ import annotations

from pk_rentals import db
from pk_rentals.services import images, verification
from tests.integration.test_verification import ALI, people, photo

__all__ = ["people"]  # the fixture, used by name


def test_an_image_is_decoded_and_stored_with_no_database_connection_held(people, monkeypatch):
    held = []
    decode, store = images._decode, verification.get_media_store()

    def decoding(image):
        held.append(("decode", db.get_engine().pool.checkedout()))
        return decode(image)

    class WatchedStore:
        def __getattr__(self, name):
            return getattr(store, name)

        def put(self, *args, **kwargs):
            held.append(("store", db.get_engine().pool.checkedout()))
            return store.put(*args, **kwargs)

    monkeypatch.setattr(images, "_decode", decoding)
    monkeypatch.setattr(verification, "get_media_store", WatchedStore)
    verification.receive_upload(ALI, "cnic_front", photo())
    code = verification.issue_selfie_code(ALI).code
    verification.receive_upload(ALI, "selfie", photo(960, 1280), code=code)
    assert held == [("decode", 0), ("store", 0)] * 2
