"""What the adversarial suite (tests/adversarial) shares: each case's recorded outcome,
the app under attack with its people, and small database reads.

A case records two things before asserting them: was it accepted wrongly (data, a
write, an identity or a level the attacker should not get), and did the server
fail (a 5xx, or an exception no caller expects). The session's summary line sums
them (tests/adversarial/conftest.py).
"""

from __future__ import annotations

import dataclasses
import io
import time
import uuid

import httpx
from PIL import Image
from sqlmodel import func, select

from pk_rentals import db
from pk_rentals.devauth import server as devauth_server
from pk_rentals.models import Role, User
from pk_rentals.models.base import utcnow
from pk_rentals.services import verification
from pk_rentals.services.identity.accounts import get_or_create_user
from pk_rentals.services.identity.config import ClerkConfig
from tests.utils.accounts import email_verified_at_clerk
from tests.utils.identity_server import Tab, new_tab, run_handler

# --- outcomes --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Outcome:
    accepted_wrongly: bool
    server_error: bool


OUTCOMES: dict[str, Outcome] = {}  # by test node id, for the session's summary line


class Case:
    """One attack's verdict, recorded before it is asserted."""

    def __init__(self, nodeid: str):
        self.nodeid = nodeid

    def record(self, *, accepted_wrongly: bool, server_error: bool, what: str = "") -> None:
        OUTCOMES[self.nodeid] = Outcome(bool(accepted_wrongly), bool(server_error))
        assert not server_error, f"server error: {what}"
        assert not accepted_wrongly, f"accepted wrongly: {what}"

    def http(self, response: httpx.Response, *, accepted_wrongly: bool, what: str = "") -> None:
        """An answer over HTTP: any 5xx is a server error; whether it was accepted
        wrongly is for the caller to judge, from the status and the side effects."""
        self.record(
            accepted_wrongly=accepted_wrongly,
            server_error=response.status_code >= 500,
            what=f"{what} -> {response.status_code} {response.text[:300]}",
        )


# --- the app under attack ----------------------------------------------------------------


@dataclasses.dataclass
class Person:
    """An account at the identity server with one live session."""

    target: Target
    clerk_id: str
    session_id: str
    _token: str = ""
    _minted: float = -1e9

    def token(self) -> str:
        """A session token as clerk-js would hold it (minted again every few minutes)."""
        if time.monotonic() - self._minted > 300:
            answer = self.target.backend("POST", f"/sessions/{self.session_id}/tokens")
            answer.raise_for_status()
            self._token, self._minted = answer.json()["jwt"], time.monotonic()
        return self._token

    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}


@dataclasses.dataclass
class Target:
    """The app's HTTP routes and the built-in identity server, on one real port."""

    url: str
    config: ClerkConfig
    http: httpx.Client

    def backend(self, method: str, path: str, **options) -> httpx.Response:
        """Clerk's Backend API of the identity server, with its secret key."""
        headers = {"Authorization": f"Bearer {self.config.secret_key}"}
        return self.http.request(method, f"/_devauth/v1{path}", headers=headers, **options)

    def person(self, name: str, *, role: Role = Role.USER, profile: bool = True) -> Person:
        """A new account (its role in Clerk's public metadata, as the dashboard sets
        it), its ``users`` row with a verified email and, unless ``profile=False``, a
        complete profile; signed in once through the Backend API."""
        created = self.backend(
            "POST",
            "/users",
            json={
                "email_address": [f"{name}.{uuid.uuid4().hex[:8]}@example.pk"],
                "first_name": name.title(),
                "public_metadata": {"role": role.value},
            },
        )
        created.raise_for_status()
        clerk_id = created.json()["id"]
        with db.session() as session:
            user = get_or_create_user(session, clerk_id)
            user.role = role
            if profile:
                user.display_name, user.city, user.province = name.title(), "Lahore", "Punjab"
                user.profile_completed_at = utcnow()
            email_verified_at_clerk(session, user)
            session.add(user)
            session.commit()
        opened = self.backend("POST", "/sessions", json={"user_id": clerk_id})
        opened.raise_for_status()
        # The user.created webhook is on its way back to the app: let it land first,
        # so no late delivery changes a row while a case looks at it.
        devauth_server.get_server().webhooks.flush(10)
        return Person(self, clerk_id, opened.json()["id"])


# --- tabs and drafts ---------------------------------------------------------------------


def signed_in(person: Person) -> Tab:
    """A fresh tab of ``person``, signed in with a real token as the page signs in."""
    from pk_rentals.state.auth import AuthState

    tab = new_tab(person.token(), person.clerk_id)
    run_handler(AuthState.receive_token, tab.state(AuthState), tab.token)
    auth = tab.state(AuthState)
    assert auth.signed_in and auth.clerk_user_id == person.clerk_id
    return tab


def attempt(tab: Tab, state_class, handler: str, *args) -> Exception | None:
    """Send one event to ``tab``; the exception it raised, if any."""
    try:
        run_handler(getattr(state_class, handler), tab.state(state_class), *args)
    except Exception as error:
        return error
    return None


def send_all_drafts(person: Person) -> None:
    """Both CNIC photos and a live selfie, as the /verify page uploads them."""
    for kind in ("cnic_front", "cnic_back"):
        verification.receive_upload(person.clerk_id, kind, card_photo())
    code = verification.issue_selfie_code(person.clerk_id).code
    verification.receive_upload(person.clerk_id, "selfie", card_photo(640, 640), code=code)


# --- reads and pictures ----------------------------------------------------------------


def count_rows(model, *conditions) -> int:
    with db.session() as session:
        return session.exec(select(func.count()).select_from(model).where(*conditions)).one()


def user_row(clerk_id: str) -> User | None:
    with db.session() as session:
        return session.exec(select(User).where(User.clerk_user_id == clerk_id)).first()


def user_id_of(clerk_id: str):
    row = user_row(clerk_id)
    assert row is not None, clerk_id
    return row.id


def card_photo(width: int = 640, height: int = 400) -> bytes:
    """A JPEG any upload kind accepts, so a refusal is never about the picture."""
    image = Image.new("RGB", (width, height), (120, 160, 90))
    for x in range(0, width, 32):
        image.paste((x % 255, 90, 140), (x, 0, x + 12, height))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
