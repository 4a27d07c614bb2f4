"""Each checked row into Clerk (created through the Backend API, found again by
``external_id`` on a re-run) and into the app's own rows, with retries and a report."""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import httpx
from clerk_backend_api.models import ClerkBaseError, ClerkErrors, SDKError
from sqlmodel import Session

from pk_rentals import db
from pk_rentals.models.base import utcnow
from pk_rentals.services.identity.accounts import AccountDeleted, ClerkUser, get_or_create_user
from pk_rentals.services.profile import (
    ProfileInvalid,
    city_menu_choice,
    parse_profile,
)
from pk_rentals.services.user_import.rows import (
    Failure,
    ImportReport,
    ImportRow,
    Reason,
    RowProblem,
    _field,
    parse_row,
)

log = logging.getLogger(__name__)

CHUNK = 100  # rows looked up at Clerk with one list call (its page size is up to 500)
UNAVAILABLE_STREAK = 3  # rows in a row Clerk did not answer: stop, a re-run finishes
TRANSIENT_RETRIES = (1.0, 2.0)  # seconds before retrying a 5xx or a dropped connection

# --- the app's own rows ----------------------------------------------------------------


def save_local_rows(session: Session, clerk_user: ClerkUser, row: ImportRow) -> None:
    """The user's rows with the imported profile. A profile the user already completed
    (a re-run after they signed in) is left as it is."""
    user = get_or_create_user(session, clerk_user.id, clerk_user)
    if user.profile_completed_at is not None:
        return
    user.display_name = row.display_name or user.display_name
    user.phone = row.phone or user.phone
    user.province = row.province or user.province
    user.city = row.city or user.city
    user.preferred_language = row.language
    form = {
        "display_name": user.display_name,
        "phone": user.phone,
        "province": user.province,
        "city": city_menu_choice(user.province, user.city),
        "city_other": user.city,
        "preferred_language": user.preferred_language,
    }
    try:
        parse_profile(form)
        user.profile_completed_at = utcnow()  # nothing left for the setup wizard to ask
    except ProfileInvalid:
        pass  # the wizard asks for what is missing at the first sign-in
    session.add(user)
    session.commit()


# --- talking to Clerk ------------------------------------------------------------------


class RateLimitTooLong(Exception):
    pass


class ClerkDown(Exception):
    pass


class Importer:
    """Runs an import through a Backend API client (``clerk_backend_api.Clerk``)."""

    def __init__(
        self,
        clerk,
        *,
        max_wait_seconds: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        progress: Callable[[ImportReport, int], None] | None = None,
    ):
        self.clerk = clerk
        self.max_wait = max_wait_seconds
        self.sleep = sleep
        self.progress = progress or (lambda _report, _done: None)
        self.report = ImportReport()

    def run(self, rows: Iterable[tuple[int, dict | RowProblem]]) -> ImportReport:
        seen_ids: set[str] = set()
        seen_emails: set[str] = set()
        chunk: list[ImportRow] = []
        done = 0
        streak = 0
        for line, raw in rows:
            if self.report.stopped:
                self._not_attempted(line, raw)
                continue
            try:
                if isinstance(raw, RowProblem):
                    raise raw
                row = parse_row(line, raw)
                if row.external_id in seen_ids or row.email in seen_emails:
                    raise RowProblem(Reason.DUPLICATE, "the same external_id or email is above")
            except RowProblem as problem:
                raw_dict = raw if isinstance(raw, dict) else {}
                self.report.fail(
                    line,
                    _field(raw_dict, "external_id"),
                    _field(raw_dict, "email"),
                    problem.reason,
                    problem.detail,
                )
                done += 1
                self.progress(self.report, done)
                continue
            seen_ids.add(row.external_id)
            seen_emails.add(row.email)
            chunk.append(row)
            if len(chunk) == CHUNK:
                streak = self._chunk(chunk, streak)
                done += len(chunk)
                self.progress(self.report, done)
                chunk = []
        if chunk:
            if self.report.stopped:
                for row in chunk:
                    self._not_attempted(row.line, row)
            else:
                self._chunk(chunk, streak)
            done += len(chunk)
            self.progress(self.report, done)
        return self.report

    def _not_attempted(self, line: int, raw) -> None:
        if isinstance(raw, ImportRow):
            external_id, email = raw.external_id, raw.email
        else:
            fields = raw if isinstance(raw, dict) else {}
            external_id, email = _field(fields, "external_id"), _field(fields, "email")
        self.report.fail(line, external_id, email, Reason.NOT_ATTEMPTED, self.report.stopped)

    def _chunk(self, chunk: list[ImportRow], streak: int) -> int:
        try:
            by_external_id, by_email = self._existing(chunk)
        except ClerkDown as error:
            self.report.stopped = f"Clerk's Backend API did not answer ({error})"
            for row in chunk:
                self._not_attempted(row.line, row)
            return streak
        for row in chunk:
            if self.report.stopped:
                self._not_attempted(row.line, row)
                continue
            try:
                self._import(row, by_external_id, by_email)
                streak = 0
            except ClerkDown as error:
                streak += 1
                self._failed(row, Reason.CLERK_UNAVAILABLE, str(error))
                if streak >= UNAVAILABLE_STREAK:
                    self.report.stopped = (
                        f"Clerk's Backend API did not answer for {streak} rows in a row"
                    )
        return streak

    def _failed(self, row: ImportRow, reason: Reason, detail: str) -> None:
        self.report.fail(row.line, row.external_id, row.email, reason, detail)

    def _existing(self, chunk: list[ImportRow]) -> tuple[dict[str, dict], dict[str, dict]]:
        """Clerk users that already have the chunk's external ids or emails."""
        by_id = self._call(
            lambda: self.clerk.users.list(
                request={"external_id": [r.external_id for r in chunk], "limit": CHUNK}
            )
        )
        by_email = self._call(
            lambda: self.clerk.users.list(
                request={"email_address": [r.email for r in chunk], "limit": CHUNK}
            )
        )
        emails = {}
        for user in by_email or []:
            for address in user.email_addresses or []:
                emails[address.email_address.lower()] = user.model_dump(mode="json")
        return {u.external_id: u.model_dump(mode="json") for u in by_id or []}, emails

    def _import(self, row: ImportRow, by_external_id: dict, by_email: dict) -> None:
        existing = by_external_id.get(row.external_id)
        if existing is None and row.email in by_email:
            owner = by_email[row.email]
            self._failed(
                row,
                Reason.EMAIL_TAKEN,
                f"Clerk account {owner['id']} already has this email "
                f"(external_id {owner.get('external_id')!r})",
            )
            return
        if existing is None:
            try:
                existing = self._create(row)
            except ClerkErrors as error:
                codes = ", ".join(
                    f"{e.code}" + (f" ({e.long_message})" if e.long_message else "")
                    for e in error.data.errors
                )
                self._failed(row, Reason.CLERK_REFUSED, codes or "no error code")
                return
            outcome = "created"
        else:
            outcome = "existed"
        try:
            with db.session() as session:
                save_local_rows(session, ClerkUser.from_json(existing), row)
        except AccountDeleted:
            self._failed(row, Reason.DELETED, f"{existing['id']} was deleted here")
            return
        except Exception as error:  # the database, or Clerk's JSON: a re-run finishes
            log.warning("import line %s: local rows failed: %s", row.line, error)
            self._failed(row, Reason.LOCAL_FAILED, f"{type(error).__name__}: {error}"[:200])
            return
        self.report.counts[outcome] += 1

    def _create(self, row: ImportRow) -> dict:
        params = {
            "external_id": row.external_id,
            "email_address": [row.email],
            "first_name": row.first_name,
            "last_name": row.last_name,
            # The old system's phone number is not sent: Clerk would mark it verified,
            # and "Phone Verified" must mean this platform checked it. The profile
            # keeps it, and the user verifies it as any other.
            "private_metadata": {"imported": {"external_id": row.external_id}},
            "skip_legal_checks": True,
        }
        if row.password_digest:
            params |= {
                "password_digest": row.password_digest,
                "password_hasher": row.password_hasher,
            }
        else:
            params["skip_password_requirement"] = True
        try:
            user = self._call(lambda: self.clerk.users.create(**params))
        except ClerkErrors as error:
            if any(e.code == "form_identifier_exists" for e in error.data.errors):
                # Created by an earlier run whose answer was lost: take that one.
                found = self._call(
                    lambda: self.clerk.users.list(request={"external_id": [row.external_id]})
                )
                if found:
                    return found[0].model_dump(mode="json")
            raise
        return user.model_dump(mode="json")

    def _call(self, request: Callable):
        """One Backend API call: a 429 waits out Retry-After (up to the limit), a 5xx
        or a dropped connection is retried twice, then ``ClerkDown``."""
        transient = list(TRANSIENT_RETRIES)
        while True:
            try:
                return request()
            except ClerkErrors as error:
                if error.raw_response.status_code != 429:
                    raise
                self._wait(error.raw_response)
            except SDKError as error:
                status = error.raw_response.status_code
                if status == 429:
                    self._wait(error.raw_response)
                elif status >= 500 and transient:
                    self.sleep(transient.pop(0))
                else:
                    raise ClerkDown(f"HTTP {status}") from None
            except (ClerkBaseError, httpx.HTTPError) as error:
                if not transient:
                    raise ClerkDown(type(error).__name__) from None
                self.sleep(transient.pop(0))

    def _wait(self, response: httpx.Response) -> None:
        try:
            seconds = max(0.0, float(response.headers.get("retry-after", "1")))
        except ValueError:
            seconds = 1.0
        if seconds > self.max_wait:
            raise ClerkDown(f"rate limited for {seconds:.0f} s, more than allowed")
        self.report.rate_limited += 1
        self.report.waited_seconds += seconds
        self.sleep(seconds)


REPORT_COLUMNS = ("line", "external_id", "email", "reason", "detail")


def write_failures(path: Path, failures: list[Failure]) -> None:
    """The failed rows as CSV, one per line, for the operator to fix and re-run."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_COLUMNS)
        for f in failures:
            writer.writerow([f.line, f.external_id, f.email, f.reason.value, f.detail])
