"""Importing users from an older system: through Clerk's Backend API, with a forced
password reset and their preferences carried over.

Each row becomes a Clerk user created through the Backend API with the old
system's id as ``external_id``, then the app's own rows (``users`` with the
profile, ``user_verifications``, ``user_preferences``). A row with a bcrypt or
argon2 hash keeps its password (``password_digest`` + ``password_hasher``); any
other row gets no password, and the user proves the email with a code and sets a
password at the first sign-in. A re-run skips what Clerk already has (found by
``external_id``) and completes its local rows, so an import cut short by a crash
or by Clerk being down is finished by running it again. Bad rows never stop the
batch: each is reported with its reason. No Reflex imports here.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import enum
import io
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import email_validator
import httpx
from clerk_backend_api.models import ClerkBaseError, ClerkErrors, SDKError
from sqlmodel import Session

from pk_rentals import db
from pk_rentals.models import Language, Province
from pk_rentals.models.base import utcnow
from pk_rentals.places import city_names
from pk_rentals.services.identity.accounts import AccountDeleted, ClerkUser, get_or_create_user
from pk_rentals.services.profile import (
    CITY_LENGTH,
    NAME_LENGTH,
    ProfileInvalid,
    city_menu_choice,
    clean_text,
    normalize_mobile,
    parse_profile,
)

log = logging.getLogger(__name__)

CHUNK = 100  # rows looked up at Clerk with one list call (its page size is up to 500)
MAX_FIELD = 200  # longer values are not names, cities or ids
UNAVAILABLE_STREAK = 3  # rows in a row Clerk did not answer: stop, a re-run finishes
TRANSIENT_RETRIES = (1.0, 2.0)  # seconds before retrying a 5xx or a dropped connection

# Column names accepted for each field (first match wins), so common exports load as is.
COLUMNS = {
    "external_id": ("external_id", "id", "user_id"),
    "email": ("email", "email_address"),
    "first_name": ("first_name", "firstname", "given_name"),
    "last_name": ("last_name", "lastname", "family_name"),
    "phone": ("phone", "phone_number", "mobile"),
    "city": ("city",),
    "province": ("province", "state", "region"),
    "language": ("language", "preferred_language", "lang"),
    "password_digest": ("password_digest", "password_hash", "hash"),
    "password_hasher": ("password_hasher", "hash_algorithm", "password_algorithm", "algorithm"),
}
LANGUAGES = {
    "ur": Language.URDU,
    "urdu": Language.URDU,
    "اردو": Language.URDU,
    "en": Language.ENGLISH,
    "english": Language.ENGLISH,
}
# The hashers whose digests Clerk keeps (clerk-backend-api 7.0.0 ``password_hasher``).
CLERK_HASHERS = frozenset(
    {
        "argon2i",
        "argon2id",
        "bcrypt",
        "bcrypt_sha256_django",
        "ldap_ssha",
        "md5",
        "md5_phpass",
        "pbkdf2_sha1",
        "pbkdf2_sha256",
        "pbkdf2_sha256_django",
        "pbkdf2_sha512",
        "pbkdf2_sha512_hex",
        "phpass",
        "scrypt_firebase",
        "scrypt_werkzeug",
        "sha256",
        "sha512_symfony",
    }
)


class Reason(enum.StrEnum):
    """Why a row was not imported (the report's ``reason`` column)."""

    MALFORMED_LINE = "malformed_line"  # not a JSON object / a broken CSV line
    MISSING_EXTERNAL_ID = "missing_external_id"
    BAD_EMAIL = "bad_email"
    BAD_NAME = "bad_name"
    BAD_PHONE = "bad_phone"
    UNKNOWN_PROVINCE = "unknown_province"
    BAD_CITY = "bad_city"
    BAD_LANGUAGE = "bad_language"
    UNKNOWN_HASHER = "unknown_hasher"  # not a hasher Clerk supports
    INCOMPLETE_HASH = "incomplete_hash"  # a hash without its algorithm, or the reverse
    DUPLICATE = "duplicate"  # the same email or external_id earlier in the file
    EMAIL_TAKEN = "email_taken"  # a Clerk account with another external_id has the email
    DELETED = "deleted"  # the account was deleted here; it is not brought back
    CLERK_REFUSED = "clerk_refused"  # Clerk answered 4xx (its error code in the detail)
    CLERK_UNAVAILABLE = "clerk_unavailable"  # no answer, 5xx, or a 429 wait too long
    LOCAL_FAILED = "local_failed"  # Clerk has the user; our database failed (re-run)
    NOT_ATTEMPTED = "not_attempted"  # the import stopped before this row


class ImportFileError(Exception):
    """The file cannot be read as an import at all; nothing was imported."""


@dataclasses.dataclass(frozen=True)
class RowProblem(Exception):
    reason: Reason
    detail: str


@dataclasses.dataclass(frozen=True)
class ImportRow:
    line: int
    external_id: str
    email: str
    first_name: str | None
    last_name: str | None
    phone: str | None  # E.164
    province: str | None
    city: str | None
    language: Language
    password_digest: str | None
    password_hasher: str | None

    @property
    def display_name(self) -> str:
        return " ".join(n for n in (self.first_name, self.last_name) if n)


@dataclasses.dataclass(frozen=True)
class Failure:
    line: int
    external_id: str
    email: str
    reason: Reason
    detail: str


@dataclasses.dataclass
class ImportReport:
    counts: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    failures: list[Failure] = dataclasses.field(default_factory=list)
    rate_limited: int = 0  # 429 answers waited out
    waited_seconds: float = 0.0
    stopped: str | None = None  # why the import stopped early (Clerk unavailable)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def fail(self, line: int, external_id: str, email: str, reason: Reason, detail: str):
        self.counts["failed"] += 1
        self.failures.append(Failure(line, external_id, email, reason, detail))


# --- reading the file ------------------------------------------------------------------


def read_rows(path: Path) -> Iterator[tuple[int, dict | RowProblem]]:
    """(line number, raw fields) per row of a CSV or JSON-lines file; a line that is
    not a row is yielded as a ``RowProblem``. Raises ``ImportFileError`` for a file
    that cannot be an import (missing, not UTF-8, no email column)."""
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFileError(f"{path} cannot be read as UTF-8 text ({error})") from None
    if not content.strip():
        raise ImportFileError(f"{path} is empty")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json") or content.lstrip()[0] == "{":
        yield from _json_lines(content)
    else:
        yield from _csv_rows(content, path)


def _json_lines(content: str) -> Iterator[tuple[int, dict | RowProblem]]:
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as error:
            yield number, RowProblem(Reason.MALFORMED_LINE, f"not JSON: {error.msg}")
            continue
        if not isinstance(value, dict):
            yield number, RowProblem(Reason.MALFORMED_LINE, "not a JSON object")
            continue
        yield number, value


def _csv_rows(content: str, path: Path) -> Iterator[tuple[int, dict | RowProblem]]:
    reader = csv.DictReader(io.StringIO(content, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    if not any(name in header for name in COLUMNS["email"]):
        raise ImportFileError(
            f"{path} has no email column: the first line must name the columns "
            "(email, external_id, first_name, last_name, phone, city, province, language, "
            "password_digest, password_hasher), or use JSON lines"
        )
    reader.fieldnames = header
    for row in reader:
        if None in row:  # more cells than the header names
            yield reader.line_num, RowProblem(Reason.MALFORMED_LINE, "more cells than columns")
            continue
        yield reader.line_num, row


def _field(raw: dict, name: str) -> str:
    for key in COLUMNS[name]:
        value = raw.get(key)
        if value is not None and str(value).strip():
            return clean_text(value)[: MAX_FIELD + 1]
    return ""


def parse_row(line: int, raw: dict) -> ImportRow:
    """Check one row; raises ``RowProblem`` with the first thing wrong."""
    raw = {str(k).strip().lower(): v for k, v in raw.items()}
    external_id = _field(raw, "external_id")
    if not external_id or len(external_id) > MAX_FIELD:
        raise RowProblem(Reason.MISSING_EXTERNAL_ID, "every row needs the old system's id")
    try:
        email = email_validator.validate_email(
            _field(raw, "email"), check_deliverability=False
        ).normalized.lower()
    except email_validator.EmailNotValidError as error:
        raise RowProblem(Reason.BAD_EMAIL, str(error)) from None
    first, last = _field(raw, "first_name") or None, _field(raw, "last_name") or None
    name = " ".join(n for n in (first, last) if n)
    if name and (
        not NAME_LENGTH[0] <= len(name) <= NAME_LENGTH[1]
        or "<" in name
        or ">" in name
        or not any(c.isalpha() for c in name)
    ):
        raise RowProblem(Reason.BAD_NAME, f"{name[:60]!r} is not a name of 2 to 50 letters")
    phone = _field(raw, "phone") or None
    if phone:
        try:
            phone = normalize_mobile(phone)
        except ValueError as error:
            raise RowProblem(Reason.BAD_PHONE, f"{phone[:40]!r}: {error}") from None
    province, city = _place(_field(raw, "province"), _field(raw, "city"))
    language_given = _field(raw, "language").lower()
    language = LANGUAGES.get(language_given or "ur")
    if language is None:
        raise RowProblem(Reason.BAD_LANGUAGE, f"{language_given[:20]!r} is not ur or en")
    digest, hasher = _field(raw, "password_digest"), _field(raw, "password_hasher").lower()
    if bool(digest) != bool(hasher):
        missing = "password_hasher" if digest else "password_digest"
        raise RowProblem(Reason.INCOMPLETE_HASH, f"{missing} is empty")
    if hasher and hasher not in CLERK_HASHERS:
        raise RowProblem(
            Reason.UNKNOWN_HASHER,
            f"{hasher[:40]!r} is not a hasher Clerk supports ({', '.join(sorted(CLERK_HASHERS))})",
        )
    return ImportRow(
        line=line,
        external_id=external_id,
        email=email,
        first_name=first,
        last_name=last,
        phone=phone,
        province=province,
        city=city,
        language=language,
        password_digest=digest or None,
        password_hasher=hasher or None,
    )


def _place(province: str, city: str) -> tuple[str | None, str | None]:
    """Province by its name in places.py (any case); a listed city gets the list's
    spelling, an unlisted one is kept as typed (the profile's "other" city)."""
    if not province:
        if city:
            raise RowProblem(Reason.UNKNOWN_PROVINCE, "a city without its province")
        return None, None
    known = {p.value.lower(): p.value for p in Province}
    match = known.get(province.lower())
    if match is None:
        raise RowProblem(
            Reason.UNKNOWN_PROVINCE,
            f"{province[:60]!r} is not one of: {', '.join(p.value for p in Province)}",
        )
    if not city:
        return match, None
    listed = {name.lower(): name for name in city_names(match)}
    if city.lower() in listed:
        return match, listed[city.lower()]
    if not CITY_LENGTH[0] <= len(city) <= CITY_LENGTH[1] or "<" in city or ">" in city:
        raise RowProblem(Reason.BAD_CITY, f"{city[:60]!r} is not a city name")
    return match, city


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
