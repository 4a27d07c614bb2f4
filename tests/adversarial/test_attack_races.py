"""The same thing twice at the same moment, on real threads (PostgreSQL, which
production runs, with its row locks and unique constraints):

- one person's submit from two tabs: one pending submission, the other tab told so;
- two moderators deciding one submission: one decision, one audit entry, and the
  level it implies; the other moderator told who was first;
- one selfie code on two uploads: one stored, one ``code_used``;
- a burst of uploads against the hourly allowance: never more than it allows;
- one svix delivery twice: applied once.

Each thread starts at a barrier, so the requests really overlap. PostgreSQL
(tests/adversarial/conftest.py).
"""

from __future__ import annotations

import httpx
import pytest
from sqlmodel import select

from pk_rentals import db
from pk_rentals.models import (
    AuditAction,
    AuditEntry,
    Role,
    UserVerification,
    VerificationSubmission,
    VerificationUpload,
)
from pk_rentals.services import verification
from pk_rentals.settings import get_settings
from pk_rentals.state.moderation import ModerationState
from pk_rentals.state.verification import VerificationState
from tests.utils.attacks import (
    Person,
    attempt,
    card_photo,
    count_rows,
    send_all_drafts,
    signed_in,
    user_id_of,
    user_row,
)
from tests.utils.clerk_payloads import clerk_user_json, event_body, svix_headers
from tests.utils.concurrency import at_once
from tests.utils.verification import unique_cnic


def errors(results: list[object]) -> list[str]:
    return [f"{type(r).__name__}: {r}" for r in results if isinstance(r, Exception)]


def submissions_of(person: Person) -> list[VerificationSubmission]:
    with db.session() as session:
        return list(
            session.exec(
                select(VerificationSubmission).where(
                    VerificationSubmission.user_id == user_id_of(person.clerk_id)
                )
            )
        )


@pytest.mark.parametrize("round_", [1, 2, 3])
def test_one_persons_submit_from_two_tabs_makes_one_submission(case, target, round_):
    person = target.person(f"twotabs{round_}")
    send_all_drafts(person)
    tabs = [signed_in(person), signed_in(person)]
    cnic = unique_cnic()
    results = at_once(
        [lambda tab=tab: attempt(tab, VerificationState, "submit", {"cnic": cnic}) for tab in tabs]
    )
    refusals = sorted(tab.state(VerificationState).refusal for tab in tabs)
    made = submissions_of(person)
    case.record(
        accepted_wrongly=len(made) != 1,
        server_error=bool(errors(results)) or any(results) or refusals != ["", "already_pending"],
        what=f"{len(made)} submissions, refusals {refusals}, {results}",
    )
    assert made[0].status == "pending"


DECIDED_AS = {
    "approved": "approve",
    "rejected": "reject",
    "resubmission_requested": "request_resubmission",
    "pending": "",
}
DECISION_PAIRS = [("approve", "reject"), ("approve", "approve"), ("reject", "request_resubmission")]


@pytest.mark.parametrize(("first", "second"), DECISION_PAIRS)
def test_two_moderators_deciding_one_submission_make_one_decision(case, target, first, second):
    applicant = target.person("applicant")
    send_all_drafts(applicant)
    verification.submit(applicant.clerk_id, unique_cnic())
    [submission] = submissions_of(applicant)
    moderators = [target.person(f"mod{i}", role=Role.MODERATOR) for i in (1, 2)]
    tabs = [signed_in(moderator) for moderator in moderators]
    for tab in tabs:
        assert attempt(tab, ModerationState, "open", str(submission.id)) is None
        assert attempt(tab, ModerationState, "set_reason", "face_mismatch") is None
    results = at_once(
        [
            lambda tab=tab, decision=decision: attempt(tab, ModerationState, "decide", decision)
            for tab, decision in zip(tabs, (first, second), strict=True)
        ]
    )
    with db.session() as session:
        row = session.get(VerificationSubmission, submission.id)
        decisions = session.exec(
            select(AuditEntry).where(
                AuditEntry.submission_id == submission.id,
                AuditEntry.action.in_(
                    [AuditAction.APPROVE, AuditAction.REJECT, AuditAction.REQUEST_RESUBMISSION]
                ),
            )
        ).all()
        level = session.exec(
            select(UserVerification.verification_level).where(
                UserVerification.user_id == row.user_id
            )
        ).one()
    told = [tab.state(ModerationState).already_status for tab in tabs]
    consistent = (
        len(decisions) == 1
        and sorted(told, key=bool) == ["", row.status]
        and (level == "verified") == (row.status == "approved")
        and DECIDED_AS[row.status] in {first, second}
    )
    case.record(
        accepted_wrongly=not consistent,
        server_error=bool(errors(results)) or any(results),
        what=f"{row.status}, {len(decisions)} audit entries, told {told}, level {level}",
    )


def selfie(client: httpx.Client, person: Person, code: str, route: str) -> httpx.Response:
    """The /verify page's upload (``page``) or the selfie API endpoint (``api``)."""
    path = "/api/verification/selfie" if route == "api" else "/api/verification/uploads/selfie"
    return client.post(
        path,
        headers=person.bearer(),
        files={"image": ("selfie.jpg", card_photo(640, 800), "image/jpeg")},
        data={"code": code},
    )


@pytest.mark.parametrize(
    "routes", [("page", "page"), ("page", "api"), ("api", "api")], ids=lambda r: "-".join(r)
)
def test_one_selfie_code_on_two_uploads_stores_one(case, target, routes):
    person = target.person("selfie")
    code = verification.issue_selfie_code(person.clerk_id).code
    with (
        httpx.Client(base_url=target.url, timeout=30) as first,
        httpx.Client(base_url=target.url, timeout=30) as second,
    ):
        clients = [first, second]
        results = at_once(
            [
                lambda client=client, route=route: selfie(client, person, code, route)
                for client, route in zip(clients, routes, strict=True)
            ]
        )
    statuses = sorted(r.status_code for r in results if isinstance(r, httpx.Response))
    stored = count_rows(
        VerificationUpload, VerificationUpload.user_id == user_id_of(person.clerk_id)
    )
    codes = sorted(r.json().get("error", "") for r in results if isinstance(r, httpx.Response))
    case.record(
        accepted_wrongly=stored != 1 or statuses.count(201) != 1,
        server_error=bool(errors(results)) or any(s >= 500 for s in statuses),
        what=f"statuses {statuses}, codes {codes}, {stored} stored",
    )
    assert codes == ["", "code_used"]


def test_a_burst_of_uploads_never_passes_the_hourly_allowance(case, target, monkeypatch):
    monkeypatch.setenv("PK_UPLOADS_PER_HOUR", "3")
    get_settings.cache_clear()
    person = target.person("burst")
    clients = [httpx.Client(base_url=target.url, timeout=60) for _ in range(8)]
    try:
        results = at_once(
            [
                lambda client=client: client.post(
                    "/api/verification/uploads/cnic_front",
                    headers=person.bearer(),
                    files={"image": ("card.jpg", card_photo(), "image/jpeg")},
                )
                for client in clients
            ]
        )
    finally:
        for client in clients:
            client.close()
    statuses = sorted(r.status_code for r in results if isinstance(r, httpx.Response))
    stored = count_rows(
        VerificationUpload, VerificationUpload.user_id == user_id_of(person.clerk_id)
    )
    case.record(
        accepted_wrongly=stored > 3 or statuses.count(201) > 3,
        server_error=bool(errors(results)) or any(s >= 500 for s in statuses),
        what=f"statuses {statuses}, {stored} stored",
    )
    assert set(statuses) <= {201, 429}


@pytest.mark.parametrize("round_", [1, 2])
def test_one_delivery_sent_twice_at_once_is_applied_once(case, target, round_):
    from pk_rentals.services.identity.clerk_ids import new_clerk_id

    clerk_id = new_clerk_id("user")
    body = event_body("user.created", clerk_user_json(clerk_id, public_metadata={}))
    headers = svix_headers(target.config.webhook_secret, body)
    with httpx.Client(base_url=target.url) as first, httpx.Client(base_url=target.url) as second:
        results = at_once(
            [
                lambda client=client: client.post("/webhooks/clerk", content=body, headers=headers)
                for client in (first, second)
            ]
        )
    answers = sorted(
        r.json().get("status", r.text) for r in results if isinstance(r, httpx.Response)
    )
    case.record(
        accepted_wrongly=answers != ["duplicate", "processed"] or user_row(clerk_id) is None,
        server_error=bool(errors(results))
        or any(r.status_code >= 500 for r in results if isinstance(r, httpx.Response)),
        what=f"answers {answers}",
    )
