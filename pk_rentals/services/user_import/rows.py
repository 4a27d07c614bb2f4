"""An import file's rows: read (JSON lines or CSV), checked one by one, each with the
reason it was refused."""

from __future__ import annotations

import collections
import csv
import dataclasses
import enum
import io
import json
from collections.abc import Iterator
from pathlib import Path

import email_validator

from pk_rentals.models import Language, Province
from pk_rentals.services.profile import (
    NAME_LENGTH,
    clean_text,
    is_city_name,
    listed_city,
    normalize_mobile,
)

MAX_FIELD = 200  # longer values are not names, cities or ids

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
    listed = listed_city(match, city)
    if listed:
        return match, listed
    if not is_city_name(city):
        raise RowProblem(Reason.BAD_CITY, f"{city[:60]!r} is not a city name")
    return match, city
