"""How a session's device reads in Clerk's "Active devices" list."""

import pytest

from pk_rentals.devauth.activity import activity_json
from pk_rentals.devauth.store import ClerkSession, SessionActivity

ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/141.0.0.0 Mobile Safari/537.36"
)
SAMSUNG = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36"
)
WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/141.0.0.0 Safari/537.36"
)
SESSION = ClerkSession(id="sess_2abc", user_id="user_2abc")


def _seen(user_agent: str, ip: str = "39.40.1.9") -> dict:
    activity = SessionActivity(session_id=SESSION.id, user_agent=user_agent, ip_address=ip)
    return activity_json(activity, SESSION)


@pytest.mark.parametrize(
    ("user_agent", "device", "browser", "mobile"),
    [
        (ANDROID, "Android", "Chrome Mobile 141.0", True),
        (SAMSUNG, "Samsung SM-A145F", "Chrome 120.0", True),
        (WINDOWS, "Windows", "Chrome 141.0", False),
    ],
)
def test_the_device_and_browser_are_named_as_people_know_them(user_agent, device, browser, mobile):
    seen = _seen(user_agent)
    assert seen["device_type"] == device
    assert f"{seen['browser_name']} {seen['browser_version']}" == browser
    assert seen["is_mobile"] is mobile


def test_a_local_address_is_named_and_a_public_one_is_not_guessed():
    assert _seen(WINDOWS, "127.0.0.1")["country"] == "Local network"
    assert _seen(WINDOWS, "192.168.1.7")["country"] == "Local network"
    public = _seen(WINDOWS, "39.40.1.9")
    assert public["ip_address"] == "39.40.1.9"
    assert "country" not in public and "city" not in public


def test_a_session_without_a_browser_says_only_what_is_known():
    assert activity_json(None, SESSION) == {
        "object": "session_activity",
        "id": "sess_activity_2abc",
        "is_mobile": False,
    }
    assert "device_type" not in _seen("")
