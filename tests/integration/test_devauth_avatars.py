"""Every user of the identity server has an image_url, as Clerk's do: a default
initials picture until one is uploaded (has_image stays false)."""

import httpx


def test_a_user_without_an_image_gets_a_default_initials_svg(identity_server):
    url, config = identity_server
    headers = {"Authorization": f"Bearer {config.secret_key}"}
    created = httpx.post(
        f"{config.api_url}/users",
        json={"email_address": ["nadia@example.pk"], "first_name": "Nadia", "last_name": "Ali"},
        headers=headers,
    ).json()
    assert created["has_image"] is False
    assert created["image_url"].endswith(f"/avatars/{created['id']}.svg")

    picture = httpx.get(url + created["image_url"])
    assert picture.status_code == 200
    assert picture.headers["content-type"] == "image/svg+xml"
    assert ">NA</text>" in picture.text


def test_an_unknown_user_still_gets_a_picture_and_names_are_escaped(identity_server):
    url, config = identity_server
    headers = {"Authorization": f"Bearer {config.secret_key}"}
    assert httpx.get(f"{url}/_devauth/avatars/user_nobody.svg").status_code == 200
    created = httpx.post(
        f"{config.api_url}/users",
        json={"email_address": ["x@example.pk"], "first_name": "<b>", "last_name": "&"},
        headers=headers,
    ).json()
    assert "&lt;&amp;" in httpx.get(url + created["image_url"]).text
