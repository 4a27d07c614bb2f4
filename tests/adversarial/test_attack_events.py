"""Reflex events an attacker's browser can send, driven in-process through the app's
own states with real session tokens (a fresh tab per case).

- ``NON_MODERATOR``: every event handler of the moderation pages, sent by Mallory,
  a signed-in user who is no moderator, some with the page state a demoted
  moderator's tab would still hold. Nothing privileged may end up in her states.
- ``SOMEONE_ELSES``: handlers given Ayesha's ids, upload, CNIC or account; a
  moderator deciding their own submission; a moderator demoted with the page open.
- ``WRONG_TYPES``: the JSON a browser may send where a handler expects a string or
  an object (None, a number, a list, an object, 10 KB): no exception, no value of
  the wrong type kept in a state, no write. Moderation handlers get them from a
  moderator, so they pass the role check; the rest from Mallory.

The database must show no change the attacker was not entitled to: Ayesha's
pending submission undecided, no new audit entry, roles and levels as they were.
PostgreSQL (tests/adversarial/conftest.py).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlmodel import select

import pk_rentals.pk_rentals  # noqa: F401 - registers every state of the app
from pk_rentals import db
from pk_rentals.models import (
    AuditEntry,
    Role,
    User,
    UserPreferences,
    UserVerification,
    VerificationSubmission,
)
from pk_rentals.models.base import utcnow
from pk_rentals.services import moderation, verification
from pk_rentals.services.moderation import encode_cursor
from pk_rentals.state.account import AccountDeletionState
from pk_rentals.state.auth import AuthState
from pk_rentals.state.moderation import (
    AuditRow,
    AuditState,
    ModerationState,
    ModeratorGate,
    QueueRow,
    SecurityTabState,
    SubmissionView,
)
from pk_rentals.state.preferences import PreferencesState
from pk_rentals.state.profile import ProfileState
from pk_rentals.state.ui import UiState
from pk_rentals.state.verification import VerificationState
from tests.utils.attacks import (
    Person,
    Target,
    attempt,
    card_photo,
    count_rows,
    send_all_drafts,
    signed_in,
    user_id_of,
    user_row,
)
from tests.utils.identity_server import Tab
from tests.utils.verification import unique_cnic

STATES = (
    AuthState,
    UiState,
    PreferencesState,
    ProfileState,
    VerificationState,
    ModerationState,
    AuditState,
    SecurityTabState,
    ModeratorGate,
    AccountDeletionState,
)


def submitted(person: Person) -> tuple[str, str]:
    """A real pending submission of ``person``: (its id, the CNIC it claims)."""
    cnic = unique_cnic()
    send_all_drafts(person)
    verification.submit(person.clerk_id, cnic)
    with db.session() as session:
        row = session.exec(
            select(VerificationSubmission).where(
                VerificationSubmission.user_id == user_id_of(person.clerk_id)
            )
        ).one()
    return str(row.id), cnic


@dataclasses.dataclass
class Cast:
    target: Target
    mallory: Person  # the attacker: signed in, no moderator
    ayesha: Person  # the victim, with a pending submission
    hina: Person  # a moderator, with a pending submission of her own
    ayeshas_submission: str
    ayeshas_cnic: str
    hinas_submission: str
    ayeshas_upload: dict  # one of her drafts as the upload API answered it

    def tab(self, person: Person) -> Tab:
        return signed_in(person)


@pytest.fixture(scope="module")
def cast(target) -> Cast:
    mallory, ayesha = target.person("mallory"), target.person("ayesha")
    hina = target.person("hina", role=Role.MODERATOR)
    ayeshas_submission, cnic = submitted(ayesha)
    hinas_submission, _ = submitted(hina)
    answer = target.http.post(
        "/api/verification/uploads/cnic_front",
        headers=ayesha.bearer(),
        files={"image": ("card.jpg", card_photo(), "image/jpeg")},
    )
    # Her submission is pending, so a new draft is refused: the drafts she sent are
    # spent. The upload she would have made: her submission's photo URL instead.
    assert answer.status_code == 409, answer.text
    detail = moderation.detail(hina.clerk_id, ayeshas_submission)
    upload = {"upload_id": ayeshas_submission, "preview_url": detail.cnic_front_url, "bytes": 1}
    return Cast(target, mallory, ayesha, hina, ayeshas_submission, cnic, hinas_submission, upload)


# --- what an attack must not leave behind -------------------------------------------------


def world(cast: Cast) -> tuple:
    """The rows an attack on the moderation pages or on Ayesha could change."""
    with db.session() as session:
        submissions = {
            str(row.id): (row.status, row.decided_by, row.reason_code)
            for row in session.exec(select(VerificationSubmission))
        }
        people = {
            row.clerk_user_id: (row.role, row.display_name, row.city, row.preferred_language)
            for row in session.exec(select(User))
        }
        levels = {
            row.user_id: (row.verification_level, row.cnic_index)
            for row in session.exec(select(UserVerification))
        }
        themes = {row.clerk_user_id: row.theme for row in session.exec(select(UserPreferences))}
    return submissions, people, levels, themes, count_rows(AuditEntry)


def privileged_data(tab: Tab) -> list[str]:
    """Moderation data, or the moderator flag, in a non-moderator's tab."""
    queue, audit = tab.state(ModerationState), tab.state(AuditState)
    security, gate = tab.state(SecurityTabState), tab.state(ModeratorGate)
    found = {
        "queue rows": queue.items,
        "a submission": queue.selected.id,
        "a revealed CNIC": queue.revealed_cnic,
        "stats": queue.pending_count or queue.decisions_total or queue.decisions_per_day,
        "audit entries": audit.entries,
        "security tab": security.per_day or security.top or security.by_kind,
        "moderator flag": gate.allowed or tab.state(AuthState).is_moderator,
    }
    return [what for what, value in found.items() if value]


def _holds(value, annotation) -> bool:
    origin = typing.get_origin(annotation)
    if annotation in (str, int, bool):
        return isinstance(value, annotation)
    if origin is dict:
        key, item = typing.get_args(annotation)
        return isinstance(value, dict) and all(
            _holds(k, key) and (_holds(v, item) if item in (str, int, bool) else True)
            for k, v in value.items()
        )
    if origin is list:
        (item,) = typing.get_args(annotation) or (object,)
        return isinstance(value, list) and (
            item not in (str, int, bool) or all(isinstance(v, item) for v in value)
        )
    return True


def wrong_types(tab: Tab) -> list[str]:
    """Vars of the tab's states holding a value of another type than declared."""
    found = []
    for state_class in STATES:
        state = tab.state(state_class)
        for name, var in state_class.base_vars.items():
            value = getattr(state, name)
            if not _holds(value, var._var_type):
                found.append(f"{state_class.__name__}.{name} = {str(value)[:40]!r}")
    return found


def judge(case, tab, error, problems: list[str], what: str) -> None:
    problems = problems + wrong_types(tab)
    case.record(
        accepted_wrongly=bool(problems),
        server_error=error is not None,
        what=f"{what}: {problems} {type(error).__name__ if error else ''}: {error or ''}"[:300],
    )


# --- a non-moderator at the moderation pages ---------------------------------------------


def stale(**values) -> Callable[[Cast, Tab], None]:
    """The page state a demoted moderator's tab still holds (``{sub}``: Ayesha's)."""

    def preset(cast: Cast, tab: Tab) -> None:
        for state_class, name, value in values["values"](cast):
            setattr(tab.state(state_class), name, value)

    return preset


def ayeshas_row(cast: Cast) -> list:
    return [(ModerationState, "items", [QueueRow(id=cast.ayeshas_submission, status="pending")])]


def ayeshas_selection(cast: Cast) -> list:
    return [(ModerationState, "selected", SubmissionView(id=cast.ayeshas_submission))]


NON_MODERATOR: dict[str, tuple] = {
    # name: (state, handler, args from the cast, page state held before)
    "queue_load": (ModerationState, "load", lambda c: (), None),
    "filter_status_pending": (ModerationState, "filter_status", lambda c: ("pending",), None),
    "filter_status_approved": (ModerationState, "filter_status", lambda c: ("approved",), None),
    "filter_flag_security": (ModerationState, "filter_flag", lambda c: ("security",), None),
    "next_page": (
        ModerationState,
        "next_page",
        lambda c: (),
        stale(
            values=lambda c: [
                (ModerationState, "has_next", True),
                (
                    ModerationState,
                    "_next_cursor",
                    encode_cursor(utcnow() - timedelta(days=1), c.ayeshas_submission),
                ),
            ]
        ),
    ),
    "previous_page": (
        ModerationState,
        "previous_page",
        lambda c: (),
        stale(values=lambda c: [(ModerationState, "_earlier", [""])]),
    ),
    "open_ayeshas_submission": (
        ModerationState,
        "open",
        lambda c: (c.ayeshas_submission,),
        None,
    ),
    "move_to_ayeshas_row": (ModerationState, "move", lambda c: (1,), stale(values=ayeshas_row)),
    "close": (ModerationState, "close", lambda c: (), stale(values=ayeshas_selection)),
    "set_reason": (ModerationState, "set_reason", lambda c: ("face_mismatch",), None),
    "set_note": (ModerationState, "set_note", lambda c: ("approved by mallory",), None),
    "reveal_ayeshas_cnic": (
        ModerationState,
        "reveal",
        lambda c: (),
        stale(values=ayeshas_selection),
    ),
    "hide_revealed_cnic": (ModerationState, "hide_revealed_cnic", lambda c: (), None),
    "approve_ayesha": (
        ModerationState,
        "decide",
        lambda c: ("approve",),
        stale(values=ayeshas_selection),
    ),
    "reject_ayesha": (
        ModerationState,
        "decide",
        lambda c: ("reject",),
        stale(values=lambda c: [*ayeshas_selection(c), (ModerationState, "reason_code", "other")]),
    ),
    "audit_load": (AuditState, "load", lambda c: (), None),
    "audit_older": (
        AuditState,
        "older",
        lambda c: (),
        stale(
            values=lambda c: [
                (AuditState, "has_older", True),
                (AuditState, "entries", [AuditRow(id=10**9, action="approve")]),
            ]
        ),
    ),
    "audit_newer": (
        AuditState,
        "newer",
        lambda c: (),
        stale(values=lambda c: [(AuditState, "_before", [10**9])]),
    ),
    "security_tab": (SecurityTabState, "choose_tab", lambda c: ("security",), None),
}


@pytest.mark.parametrize("name", list(NON_MODERATOR))
def test_a_non_moderator_gets_nothing_from_the_moderation_pages(case, cast, monkeypatch, name):
    state_class, handler, args, preset = NON_MODERATOR[name]
    monkeypatch.setattr(moderation, "REVEAL_SECONDS", 0)
    tab = cast.tab(cast.mallory)
    if preset:
        preset(cast, tab)
    before = world(cast)
    error = attempt(tab, state_class, handler, *args(cast))
    changed = ["the database"] if world(cast) != before else []
    judge(case, tab, error, privileged_data(tab) + changed, name)


# --- someone else's ids and data ----------------------------------------------------------


def image_uploaded_with_ayeshas_upload(cast: Cast) -> tuple[Tab, Exception | None, list]:
    """The browser says Ayesha's upload is Mallory's: the state re-reads her own drafts."""
    tab = cast.tab(cast.mallory)
    error = attempt(tab, VerificationState, "image_uploaded", "cnic_front", cast.ayeshas_upload)
    previews = " ".join(tab.state(VerificationState).previews.values())
    return tab, error, ["Ayesha's photo"] if cast.ayesha.clerk_id in previews else []


def submit_with_ayeshas_cnic(cast: Cast) -> tuple[Tab, Exception | None, list]:
    thief = cast.target.person("kamran")
    send_all_drafts(thief)
    tab = cast.tab(thief)
    error = attempt(tab, VerificationState, "submit", {"cnic": cast.ayeshas_cnic})
    mine = count_rows(
        VerificationSubmission, VerificationSubmission.user_id == user_id_of(thief.clerk_id)
    )
    refused = tab.state(VerificationState).refusal == "cnic_duplicate"
    return tab, error, [] if refused and not mine else ["a submission with Ayesha's CNIC"]


def submit_naming_ayesha(cast: Cast) -> tuple[Tab, Exception | None, list]:
    """Extra form fields naming Ayesha: the submission, if any, is the sender's own."""
    sender = cast.target.person("rashid")
    send_all_drafts(sender)
    tab = cast.tab(sender)
    ayeshas = count_rows(
        VerificationSubmission, VerificationSubmission.user_id == user_id_of(cast.ayesha.clerk_id)
    )
    form = {
        "cnic": unique_cnic(),
        "user_id": str(user_id_of(cast.ayesha.clerk_id)),
        "clerk_user_id": cast.ayesha.clerk_id,
    }
    error = attempt(tab, VerificationState, "submit", form)
    after = count_rows(
        VerificationSubmission, VerificationSubmission.user_id == user_id_of(cast.ayesha.clerk_id)
    )
    return tab, error, ["a submission for Ayesha"] if after != ayeshas else []


def profile_claiming_a_role(cast: Cast) -> tuple[Tab, Exception | None, list]:
    tab = cast.tab(cast.mallory)
    form = {
        "display_name": "Mallory Khan",
        "phone": "03001234567",
        "province": "Punjab",
        "city": "Lahore",
        "preferred_language": "english",
        "role": "admin",
        "clerk_user_id": cast.ayesha.clerk_id,
        "user_id": str(user_id_of(cast.ayesha.clerk_id)),
        "verification_level": "trusted",
        "phone_verified": True,
    }
    ayesha_before = user_row(cast.ayesha.clerk_id).display_name
    error = attempt(tab, ProfileState, "save", form)
    mallory = user_row(cast.mallory.clerk_id)
    with db.session() as session:
        level = session.exec(
            select(UserVerification.verification_level).where(
                UserVerification.user_id == mallory.id
            )
        ).one()
    problems = []
    if mallory.role != Role.USER or level not in ("unverified", "basic"):
        problems.append(f"role {mallory.role}, level {level}")
    if user_row(cast.ayesha.clerk_id).display_name != ayesha_before:
        problems.append("Ayesha's profile")
    return tab, error, problems


def preferences_naming_ayesha(cast: Cast) -> tuple[Tab, Exception | None, list]:
    tab = cast.tab(cast.mallory)
    before = world(cast)[3][cast.ayesha.clerk_id]
    error = attempt(
        tab,
        PreferencesState,
        "save_choices",
        {"theme": "dark", "clerk_user_id": cast.ayesha.clerk_id},
    )
    return tab, error, ["Ayesha's theme"] if world(cast)[3][cast.ayesha.clerk_id] != before else []


def forged_token_for_ayesha(cast: Cast) -> tuple[Tab, Exception | None, list]:
    """The page's token bridge handed a token claiming Ayesha, signed by Mallory."""
    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa

    real = jwt.decode(cast.ayesha.token(), options={"verify_signature": False})
    kid = jwt.get_unverified_header(cast.ayesha.token())["kid"]
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(real, key, algorithm="RS256", headers={"kid": kid})
    tab = cast.tab(cast.mallory)
    auth = tab.state(AuthState)
    error = attempt(tab, AuthState, "receive_token", forged)
    return tab, error, ["Ayesha's identity"] if auth.clerk_user_id == cast.ayesha.clerk_id else []


def delete_naming_ayesha(cast: Cast) -> tuple[Tab, Exception | None, list]:
    """Deleting one's own account with Ayesha's id in the form deletes only one's own."""
    from pk_rentals.devauth import server as devauth_server

    leaving = cast.target.person("leaving")
    tab = cast.tab(leaving)
    form = {"confirmation": "DELETE", "user_id": cast.ayesha.clerk_id}
    error = attempt(tab, AccountDeletionState, "delete_account", form)
    devauth_server.get_server().webhooks.flush(10)
    at_clerk = cast.target.backend("GET", f"/users/{cast.ayesha.clerk_id}").status_code
    gone = user_row(cast.ayesha.clerk_id) is None or at_clerk != 200
    return tab, error, ["Ayesha's account"] if gone else []


def moderator_decides_own(cast: Cast) -> tuple[Tab, Exception | None, list]:
    tab = cast.tab(cast.hina)
    queue = tab.state(ModerationState)
    error = attempt(tab, ModerationState, "open", cast.hinas_submission) or attempt(
        tab, ModerationState, "decide", "approve"
    )
    status = world(cast)[0][cast.hinas_submission][0]
    return tab, error, [] if status == "pending" and queue.problem else [f"own submission {status}"]


def demoted_moderator(handler: str, *args):
    """A moderator opened Ayesha's submission; then the role was taken away."""

    def attack(cast: Cast) -> tuple[Tab, Exception | None, list]:
        former = cast.target.person("sana", role=Role.MODERATOR)
        tab = cast.tab(former)
        assert attempt(tab, ModerationState, "open", cast.ayeshas_submission) is None
        assert tab.state(ModerationState).selected.id == cast.ayeshas_submission
        with db.session() as session:
            row = session.exec(select(User).where(User.clerk_user_id == former.clerk_id)).one()
            row.role = Role.USER
            session.add(row)
            session.commit()
        before = world(cast)
        error = attempt(tab, ModerationState, handler, *args)
        changed = ["the database"] if world(cast) != before else []
        return tab, error, privileged_data(tab) + changed

    return attack


SOMEONE_ELSES = {
    "image_uploaded_with_ayeshas_upload": image_uploaded_with_ayeshas_upload,
    "submit_with_ayeshas_cnic": submit_with_ayeshas_cnic,
    "submit_naming_ayesha": submit_naming_ayesha,
    "profile_save_claiming_a_role_and_ayeshas_id": profile_claiming_a_role,
    "preferences_naming_ayesha": preferences_naming_ayesha,
    "token_forged_for_ayesha": forged_token_for_ayesha,
    "account_deletion_naming_ayesha": delete_naming_ayesha,
    "moderator_decides_own_submission": moderator_decides_own,
    "demoted_moderator_reveals": demoted_moderator("reveal"),
    "demoted_moderator_approves": demoted_moderator("decide", "approve"),
    "demoted_moderator_reloads": demoted_moderator("load"),
}


@pytest.mark.parametrize("name", list(SOMEONE_ELSES))
def test_someone_elses_ids_and_data_stay_theirs(case, cast, name):
    tab, error, problems = SOMEONE_ELSES[name](cast)
    judge(case, tab, error, problems, name)


# --- wrong types -----------------------------------------------------------------------------

TEN_KB = "x" * 10_240
NOT_STRINGS = {"none": None, "number": 7, "list": ["pending"], "object": {"a": 1}, "10_kb": TEN_KB}
NOT_OBJECTS = {"none": None, "number": 7, "list": [{"cnic": "x"}], "string": TEN_KB}

# (state, handler, arguments around the bad value, who sends it)
STRING_ARGUMENTS: dict[str, tuple] = {
    "filter_status": (ModerationState, "filter_status", lambda bad: (bad,), "moderator"),
    "filter_flag": (ModerationState, "filter_flag", lambda bad: (bad,), "moderator"),
    "open": (ModerationState, "open", lambda bad: (bad,), "moderator"),
    "set_reason": (ModerationState, "set_reason", lambda bad: (bad,), "moderator"),
    "set_note": (ModerationState, "set_note", lambda bad: (bad,), "moderator"),
    "decide": (ModerationState, "decide", lambda bad: (bad,), "moderator"),
    "choose_tab": (SecurityTabState, "choose_tab", lambda bad: (bad,), "moderator"),
    "image_uploaded_kind": (VerificationState, "image_uploaded", lambda bad: (bad, {}), "user"),
    "check_cnic": (VerificationState, "check_cnic", lambda bad: (bad, True), "user"),
    "theme_changed": (PreferencesState, "theme_changed", lambda bad: (bad,), "user"),
    "choose_theme": (PreferencesState, "choose_theme", lambda bad: (bad,), "user"),
    "choose_language": (PreferencesState, "choose_language", lambda bad: (bad,), "user"),
    "set_notification": (PreferencesState, "set_notification", lambda bad: (bad, True), "user"),
    "set_form_province": (ProfileState, "set_form_province", lambda bad: (bad,), "user"),
    "set_form_city": (ProfileState, "set_form_city", lambda bad: (bad,), "user"),
    "receive_token": (AuthState, "receive_token", lambda bad: (bad,), "user"),
}
OBJECT_ARGUMENTS: dict[str, tuple] = {
    "submit_form": (VerificationState, "submit", lambda bad: (bad,), "user"),
    "image_uploaded_upload": (
        VerificationState,
        "image_uploaded",
        lambda bad: ("selfie", bad),
        "user",
    ),
    "profile_save_form": (ProfileState, "save", lambda bad: (bad,), "user"),
    "save_choices": (PreferencesState, "save_choices", lambda bad: (bad,), "user"),
    "delete_account_form": (AccountDeletionState, "delete_account", lambda bad: (bad,), "user"),
}


def wrong_type_cases() -> list[tuple[str, str]]:
    cases = [(handler, kind) for handler in STRING_ARGUMENTS for kind in NOT_STRINGS]
    return cases + [(handler, kind) for handler in OBJECT_ARGUMENTS for kind in NOT_OBJECTS]


@pytest.mark.parametrize(("handler", "kind"), wrong_type_cases())
def test_a_value_of_the_wrong_type_is_refused_quietly(case, cast, handler, kind):
    if handler in STRING_ARGUMENTS:
        (state_class, name, arguments, who), bad = STRING_ARGUMENTS[handler], NOT_STRINGS[kind]
    else:
        (state_class, name, arguments, who), bad = OBJECT_ARGUMENTS[handler], NOT_OBJECTS[kind]
    person = cast.hina if who == "moderator" else cast.mallory
    tab = cast.tab(person)
    if who == "moderator":  # the queue open on Ayesha's submission, as the page has it
        assert attempt(tab, ModerationState, "open", cast.ayeshas_submission) is None
    before = world(cast)
    error = attempt(tab, state_class, name, *arguments(bad))
    problems = ["the database"] if world(cast) != before else []
    if who == "user":
        problems += privileged_data(tab)
    if tab.state(AuthState).signed_in and tab.state(AuthState).clerk_user_id != person.clerk_id:
        problems.append("another identity")
    judge(case, tab, error, problems, f"{handler}({kind})")


# Arguments of the right outer type with the wrong things inside, or unknown choices.
ODD_CONTENTS: dict[str, tuple] = {
    "face_check_a_number": (
        VerificationState,
        "image_uploaded",
        ("selfie", {"face_check": 5}),
        "user",
    ),
    "face_check_problems_a_number": (
        VerificationState,
        "image_uploaded",
        ("selfie", {"face_check": {"available": True, "problems": 5}}),
        "user",
    ),
    "face_check_problems_of_lists": (
        VerificationState,
        "image_uploaded",
        ("selfie", {"face_check": {"available": True, "problems": [["blurry"], {"a": 1}]}}),
        "user",
    ),
    "cnic_a_list": (VerificationState, "submit", ({"cnic": ["3520212345673"]},), "user"),
    "cnic_null": (VerificationState, "submit", ({"cnic": None},), "user"),
    "profile_fields_of_other_types": (
        ProfileState,
        "save",
        ({"display_name": ["Mallory"], "phone": {"a": 1}, "province": None, "bio": 7},),
        "user",
    ),
    "choices_of_other_types": (
        PreferencesState,
        "save_choices",
        ({"theme": ["dark"], "language": {"a": 1}},),
        "user",
    ),
    "choices_unknown": (
        PreferencesState,
        "save_choices",
        ({"theme": "neon", "language": "klingon"},),
        "user",
    ),
    "confirmation_a_list": (
        AccountDeletionState,
        "delete_account",
        ({"confirmation": ["DELETE"]},),
        "user",
    ),
    "notification_switch_a_string": (
        PreferencesState,
        "set_notification",
        ("email", "yes"),
        "user",
    ),
    "notification_channel_unknown": (
        PreferencesState,
        "set_notification",
        ("carrier_pigeon", True),
        "user",
    ),
    "theme_unknown": (PreferencesState, "choose_theme", ("neon",), "user"),
    "language_unknown": (PreferencesState, "choose_language", ("klingon",), "user"),
    "header_theme_unknown": (PreferencesState, "theme_changed", ("neon",), "user"),
    "too_many_arguments": (ModerationState, "set_note", ("a", "b"), "moderator"),
    "too_few_arguments": (VerificationState, "check_cnic", ("35202-1234567-3",), "user"),
    "decision_unknown": (ModerationState, "decide", ("approve_all",), "moderator"),
    "status_filter_unknown": (ModerationState, "filter_status", ("deleted",), "moderator"),
    "move_by_a_string": (ModerationState, "move", ("down",), "moderator"),
    "tab_unknown": (SecurityTabState, "choose_tab", ("admin",), "moderator"),
}


@pytest.mark.parametrize("name", list(ODD_CONTENTS))
def test_odd_contents_and_unknown_choices_are_refused_quietly(case, cast, name):
    state_class, handler, args, who = ODD_CONTENTS[name]
    person = cast.hina if who == "moderator" else cast.mallory
    tab = cast.tab(person)
    if who == "moderator":
        assert attempt(tab, ModerationState, "load") is None
        assert attempt(tab, ModerationState, "open", cast.ayeshas_submission) is None
    before = world(cast)
    error = attempt(tab, state_class, handler, *args)
    problems = ["the database"] if world(cast) != before else []
    if who == "user":
        problems += privileged_data(tab)
    judge(case, tab, error, problems, name)
