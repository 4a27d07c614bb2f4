"""Deliveries to ``POST /webhooks/clerk`` that must change nothing in ``users``.

Each row makes its own Clerk user through a genuine signed delivery, then sends
the attack: forged or missing signatures, skewed timestamps, replays, reordered
and resurrecting events, malformed and huge bodies. The users, the tombstones and
the processed ``svix-id`` rows must be exactly as before (a refused delivery must
not even use up its id); signed events whose content reaches for a role may be
applied, but the role stays ``user``. Never a 5xx.

PostgreSQL (tests/adversarial/conftest.py).
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import ClerkUserTombstone, ProcessedWebhook, Role, User
from pk_rentals.services.identity.clerk_ids import new_clerk_id
from tests.utils.attacks import Target, count_rows, user_row
from tests.utils.clerk_payloads import (
    clerk_user_json,
    deleted_user_json,
    event_body,
    new_webhook_secret,
    svix_headers,
)

T0 = 1_716_883_200_000  # the genuine account's updated_at (ms)
ESCALATION = {"public_metadata": {"role": "admin"}, "email": "mallory@example.pk"}


@dataclasses.dataclass
class Attack:
    body: bytes | str
    headers: dict[str, str]


class Deliveries:
    """Genuine deliveries (signed with the app's secret) and forged ones."""

    def __init__(self, target: Target):
        self.target = target
        self.secret = target.config.webhook_secret

    def send(self, body: bytes | str, headers: dict[str, str]):
        return self.target.http.post("/webhooks/clerk", content=body, headers=headers)

    def genuine(self, event_type: str, data: dict, **signing) -> tuple[str, dict[str, str]]:
        body = event_body(event_type, data)
        headers = svix_headers(self.secret, body, **signing)
        answer = self.send(body, headers)
        assert answer.status_code == 200, answer.text
        return body, headers

    def account(self, **fields) -> str:
        """A user the app knows from a genuine ``user.created`` (updated_at T0)."""
        clerk_id = new_clerk_id("user")
        self.genuine("user.created", clerk_user_json(clerk_id, updated_at=T0, **fields))
        assert user_row(clerk_id) is not None
        return clerk_id

    def signed(self, body: str, **signing) -> Attack:
        return Attack(body, svix_headers(self.secret, body, **signing))


def escalated(clerk_id: str, updated_at: int = T0 + 60_000, event_type="user.updated") -> str:
    return event_body(event_type, clerk_user_json(clerk_id, updated_at=updated_at, **ESCALATION))


def without(headers: dict[str, str], name: str) -> dict[str, str]:
    return {key: value for key, value in headers.items() if key != name}


def replaced(headers: dict[str, str], **values: str) -> dict[str, str]:
    return {**headers, **{key.replace("_", "-"): value for key, value in values.items()}}


def envelope(**fields) -> str:
    event = {"object": "event", "type": "user.updated", "timestamp": int(time.time() * 1000)}
    return json.dumps({**event, **fields})


# --- the attacks, each after its own genuine history --------------------------------


def _old_then_new_update(d: Deliveries) -> tuple[str, dict[str, str]]:
    """Two genuine updates of one account, applied in order: the older one's delivery."""
    clerk_id = d.account()
    old = d.genuine(
        "user.updated", clerk_user_json(clerk_id, updated_at=T0 + 1000, email="old@example.pk")
    )
    d.genuine(
        "user.updated", clerk_user_json(clerk_id, updated_at=T0 + 2000, email="new@example.pk")
    )
    return old


def replay(d: Deliveries) -> Attack:
    """An old genuine delivery sent again after a newer one was applied."""
    return Attack(*_old_then_new_update(d))


def replay_signed_again(d: Deliveries) -> Attack:
    """The same svix-id re-signed now, as svix itself signs a retry."""
    body, headers = _old_then_new_update(d)
    return d.signed(body, msg_id=headers["svix-id"])


def older_after_newer(d: Deliveries) -> Attack:
    clerk_id = d.account()
    d.genuine(
        "user.updated", clerk_user_json(clerk_id, updated_at=T0 + 5000, email="new@example.pk")
    )
    return d.signed(
        event_body(
            "user.updated",
            clerk_user_json(clerk_id, updated_at=T0 + 1000, email="stale@example.pk"),
        )
    )


def after_deletion(event_type: str) -> Callable[[Deliveries], Attack]:
    def attack(d: Deliveries) -> Attack:
        clerk_id = d.account()
        d.genuine("user.deleted", deleted_user_json(clerk_id))
        assert user_row(clerk_id) is None
        return d.signed(escalated(clerk_id, updated_at=T0 + 10**9, event_type=event_type))

    return attack


def forged(make: Callable[[Deliveries, str, dict[str, str]], Attack]):
    """An escalating update of a known user, with headers ``make`` spoils."""

    def attack(d: Deliveries) -> Attack:
        body = escalated(d.account())
        return make(d, body, svix_headers(d.secret, body))

    return attack


def signed_odd(make_body: Callable[[str], str]):
    """A body signed with the real secret whose content is not a usable event."""

    def attack(d: Deliveries) -> Attack:
        return d.signed(make_body(d.account()))

    return attack


def minutes_from_now(minutes: int) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)


# name -> (the attack, the statuses that refuse it). Each must change nothing.
REFUSED: dict[str, tuple[Callable[[Deliveries], Attack], set[int]]] = {
    "no_svix_headers": (
        forged(lambda d, body, h: Attack(body, {"content-type": "application/json"})),
        {400},
    ),
    "svix_id_missing": (forged(lambda d, body, h: Attack(body, without(h, "svix-id"))), {400}),
    "svix_id_path_traversal": (
        forged(lambda d, body, h: Attack(body, replaced(h, svix_id="msg_../../etc/passwd"))),
        {400},
    ),
    "svix_id_sql": (
        forged(lambda d, body, h: Attack(body, replaced(h, svix_id="msg_1' OR '1'='1"))),
        {400},
    ),
    "svix_id_10_kb": (
        forged(lambda d, body, h: Attack(body, replaced(h, svix_id="msg_" + "a" * 10_240))),
        {400},
    ),
    "signature_missing": (
        forged(lambda d, body, h: Attack(body, without(h, "svix-signature"))),
        {400},
    ),
    "signed_with_another_secret": (
        forged(lambda d, body, h: Attack(body, svix_headers(new_webhook_secret(), body))),
        {400},
    ),
    "body_tampered_after_signing": (
        lambda d: Attack(
            escalated(clerk_id := d.account()),
            svix_headers(d.secret, event_body("user.updated", clerk_user_json(clerk_id))),
        ),
        {400},
    ),
    "signature_not_base64": (
        forged(lambda d, body, h: Attack(body, replaced(h, svix_signature="v1,!!!not-base64"))),
        {400},
    ),
    "signature_list_of_1000": (
        forged(
            lambda d, body, h: Attack(
                body, replaced(h, svix_signature=" ".join(["v1,AAAA"] * 1000))
            )
        ),
        {400},
    ),
    "signature_other_scheme": (
        forged(
            lambda d, body, h: Attack(
                body, replaced(h, svix_signature=h["svix-signature"].replace("v1,", "v2,"))
            )
        ),
        {400},
    ),
    "timestamp_10_minutes_old": (
        forged(
            lambda d, body, h: Attack(body, svix_headers(d.secret, body, at=minutes_from_now(-10)))
        ),
        {400},
    ),
    "timestamp_10_minutes_ahead": (
        forged(
            lambda d, body, h: Attack(body, svix_headers(d.secret, body, at=minutes_from_now(10)))
        ),
        {400},
    ),
    "timestamp_not_a_number": (
        forged(lambda d, body, h: Attack(body, replaced(h, svix_timestamp="soon"))),
        {400},
    ),
    "timestamp_of_30_digits": (
        forged(lambda d, body, h: Attack(body, replaced(h, svix_timestamp="9" * 30))),
        {400},
    ),
    "huge_unsigned_body": (
        lambda d: Attack(
            escalated(d.account())[:-1] + ', "padding": "' + "x" * 5_000_000 + '"}',
            {**svix_headers(new_webhook_secret(), "{}"), "content-type": "application/json"},
        ),
        {400, 413},
    ),
    "body_not_utf8": (
        forged(lambda d, body, h: Attack(b"\xff\xfe" + body.encode("utf-16-le"), h)),
        {400},
    ),
    "replayed_svix_id": (replay, {200}),
    "replayed_svix_id_signed_again": (replay_signed_again, {200}),
    "older_update_after_newer": (older_after_newer, {200}),
    "update_after_deletion": (after_deletion("user.updated"), {200}),
    "created_after_deletion": (after_deletion("user.created"), {200}),
    "signed_malformed_json": (signed_odd(lambda _id: '{"object": "event", "type": '), {422}),
    "signed_json_array": (signed_odd(lambda _id: "[1, 2, 3]"), {422}),
    "signed_data_not_an_object": (signed_odd(lambda _id: envelope(data="user")), {422}),
    "signed_object_not_event": (
        signed_odd(lambda clerk_id: envelope(object="user", data=clerk_user_json(clerk_id))),
        {422},
    ),
    "signed_timestamp_missing": (
        signed_odd(
            lambda clerk_id: json.dumps(
                {"object": "event", "type": "user.updated", "data": clerk_user_json(clerk_id)}
            )
        ),
        {422},
    ),
    "signed_user_id_traversal": (
        signed_odd(lambda _id: envelope(data=clerk_user_json("user_../../etc"))),
        {422},
    ),
    "signed_user_id_10_kb": (
        signed_odd(lambda _id: envelope(data=clerk_user_json("user_" + "a" * 10_240))),
        {422},
    ),
    "signed_deletion_of_a_bad_id": (
        signed_odd(lambda _id: envelope(type="user.deleted", data=deleted_user_json("../x"))),
        {422},
    ),
    "signed_user_wrong_types": (
        signed_odd(
            lambda clerk_id: envelope(
                data={**clerk_user_json(clerk_id), "updated_at": "later", "first_name": [1]}
            )
        ),
        {422},
    ),
    "signed_form_encoded_body": (
        lambda d: Attack(
            body := f"type=user.updated&object=event&data[id]={d.account()}",
            {
                **svix_headers(d.secret, body),
                "content-type": "application/x-www-form-urlencoded",
            },
        ),
        {422},
    ),
    "signed_unknown_event_type": (
        signed_odd(lambda clerk_id: escalated(clerk_id).replace("user.updated", "user.hacked")),
        {200},
    ),
    "signed_session_event": (
        signed_odd(
            lambda clerk_id: envelope(
                type="session.created", data={"id": "sess_x", "user_id": clerk_id}
            )
        ),
        {200},
    ),
}


# Genuine, signed updates whose content reaches for a role: applied, but no role.
def unsafe_metadata_role(d: Deliveries) -> tuple[str, Attack]:
    """``unsafe_metadata`` is written by the user's own browser through clerk-js."""
    clerk_id = d.account()
    data = clerk_user_json(clerk_id, updated_at=T0 + 1000, unsafe_metadata={"role": "admin"})
    return clerk_id, d.signed(event_body("user.updated", data))


def role_spelled_differently(role: object) -> Callable[[Deliveries], tuple[str, Attack]]:
    def attack(d: Deliveries) -> tuple[str, Attack]:
        clerk_id = d.account()
        data = clerk_user_json(clerk_id, updated_at=T0 + 1000, public_metadata={"role": role})
        return clerk_id, d.signed(event_body("user.updated", data))

    return attack


NO_ROLE = {
    "role_in_unsafe_metadata": unsafe_metadata_role,
    "role_capitalised": role_spelled_differently("Admin"),
    "role_with_spaces": role_spelled_differently(" admin "),
    "role_a_list": role_spelled_differently(["admin"]),
    "role_an_object": role_spelled_differently({"name": "admin"}),
}


def state_of_users() -> tuple[dict, set[str], int]:
    with db.session() as session:
        users = {
            user.clerk_user_id: (
                user.clerk_email,
                user.role,
                user.display_name,
                user.clerk_updated_at,
            )
            for user in session.exec(select(User))
        }
        tombstones = set(session.exec(select(ClerkUserTombstone.clerk_user_id)))
    return users, tombstones, count_rows(ProcessedWebhook)


@pytest.fixture(scope="module")
def deliveries(target) -> Deliveries:
    return Deliveries(target)


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_forged_replayed_or_odd_delivery_changes_no_user(case, deliveries, name):
    make, refusals = REFUSED[name]
    attack = make(deliveries)
    before = state_of_users()
    answer = deliveries.send(attack.body, attack.headers)
    (users, tombstones, processed), after = before, state_of_users()
    # A genuine delivery applied or ignored records its svix-id; a refused one must
    # not use it up, or a forger could block the real message.
    changed = after[:2] != (users, tombstones) or (
        answer.status_code >= 400 and after[2] != processed
    )
    case.http(answer, accepted_wrongly=changed, what=name)
    assert answer.status_code in refusals, answer.text
    if answer.status_code == 200:
        assert answer.json()["status"] in {"duplicate", "processed", "ignored"}


@pytest.mark.parametrize("name", list(NO_ROLE))
def test_a_role_reached_for_in_a_users_own_fields_is_never_granted(case, deliveries, name):
    clerk_id, attack = NO_ROLE[name](deliveries)
    answer = deliveries.send(attack.body, attack.headers)
    row = user_row(clerk_id)
    case.http(answer, accepted_wrongly=row is None or row.role != Role.USER, what=name)
    assert answer.status_code in {200, 422}, answer.text


def test_a_genuine_update_is_applied(deliveries):
    """The control: the same route applies what Clerk really signed."""
    clerk_id = deliveries.account()
    deliveries.genuine(
        "user.updated",
        clerk_user_json(clerk_id, updated_at=T0 + 1000, email=f"{secrets.token_hex(4)}@x.pk"),
    )
    assert user_row(clerk_id).clerk_updated_at is not None
