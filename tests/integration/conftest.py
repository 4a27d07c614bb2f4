"""Fixtures the integration suites share (built in tests/utils/identity_server.py,
which the adversarial suite uses too)."""

import pytest

from tests.utils import identity_server as identity
from tests.utils.people import seat_people


@pytest.fixture
def identity_server(use_database, monkeypatch, dns_server):
    """The app's HTTP routes (with /_devauth) on a real port; webhooks go back to it
    unless the test sets ``PK_DEVAUTH_WEBHOOK_URL`` first. Sign-up emails are checked
    against the test DNS zone."""
    with identity.identity_server(monkeypatch, dns_server.resolver_setting) as served:
        yield served


@pytest.fixture
def signed_in_tab(identity_server) -> identity.Tab:
    url, config = identity_server
    return identity.signed_in_tab(url, config, "asma@example.pk", "Sialkot#2026pk")


@pytest.fixture
def people(use_database, tmp_path, monkeypatch):
    """Two users with complete profiles, a moderator and an admin (tests/utils/people.py)."""
    yield from seat_people(tmp_path, monkeypatch)
