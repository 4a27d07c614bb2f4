"""Operator commands: ``python -m pk_rentals.cli COMMAND``.

Every failure an operator can cause (a bad setting, an unreachable database, a
port in use, a malformed argument) ends in one sentence on stderr and a non-zero
exit, never a traceback. Exit codes: 1 import-users left rows out (see its
report), 2 settings, 3 database, 4 port in use,
5 account not found, 6 Clerk unreachable or refusing, 7 an argument that can never
be valid (e.g. a user id that is not ``user_`` + letters and digits), 8 a job
already running elsewhere, 9 a job that failed for another reason, 10 the OCR engine
missing.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import socket
import sys
from collections.abc import Sequence

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from pk_rentals.cli_documents import COMMANDS as DOCUMENT_COMMANDS
from pk_rentals.cli_documents import add_document_commands, run_document_command

EXIT_SETTINGS = 2
EXIT_DATABASE = 3
EXIT_PORT = 4
EXIT_NOT_FOUND = 5
EXIT_IDENTITY = 6  # Clerk's Backend API unreachable or refusing
EXIT_INVALID_ARGUMENT = 7  # malformed input, refused before anything is asked or changed
EXIT_JOB_BUSY = 8  # another worker holds the job's lease
EXIT_JOB_FAILED = 9


class OperatorError(Exception):
    """A problem the operator can fix; the message says how."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


def _settings():
    from pk_rentals.settings import SettingsError, get_settings

    try:
        return get_settings()
    except SettingsError as error:
        lines = "\n  ".join(error.problems)
        raise OperatorError(f"the settings are not usable:\n  {lines}", EXIT_SETTINGS) from None


def _describe_database(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def migrate() -> None:
    """Apply pending migrations to the configured database."""
    from pk_rentals import migrations
    from pk_rentals.db import get_engine

    settings = _settings()
    if settings.uses_sqlite:
        from pathlib import Path

        from sqlalchemy.engine import make_url

        database = make_url(settings.db_url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    try:
        before = migrations.current_revision(get_engine())
        migrations.upgrade()
    except SQLAlchemyError as error:
        reason = type(getattr(error, "orig", None) or error).__name__
        raise OperatorError(
            f"cannot reach the database at {_describe_database(settings.db_url)} ({reason}); "
            "start it or fix REFLEX_DB_URL.",
            EXIT_DATABASE,
        ) from None
    after = migrations.head_revision()
    state = "up to date" if before == after else f"migrated {before or 'empty'} -> {after}"
    print(f"Database {_describe_database(settings.db_url)}: {state}.")


def check_ports_free(ports: Sequence[int]) -> None:
    for port in ports:
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("0.0.0.0", port))
            except OSError:
                raise OperatorError(
                    f"port {port} is already in use (is another copy of the app running?); "
                    "stop that process and try again.",
                    EXIT_PORT,
                ) from None


def preflight(ports: Sequence[int]) -> None:
    """Everything `make run` needs before Reflex starts."""
    _settings()
    check_ports_free(ports)
    migrate()


def devauth_info() -> dict[str, str]:
    """Where the built-in identity server is and its keys, for tools and tests."""
    settings = _settings()
    if not settings.runs_devauth:
        raise OperatorError(
            "there is no built-in identity server here (it runs only in development and tests "
            "with PK_IDENTITY_PROVIDER=builtin); use the Clerk dashboard's keys instead.",
            EXIT_SETTINGS,
        )
    from pk_rentals.devauth.instance import MOUNT
    from pk_rentals.services.identity.config import clerk_config

    config = clerk_config()  # creates the instance's keys on first use
    return {
        "api_url": config.api_url,
        "secret_key": config.secret_key,
        "jwks_url": config.jwks_url,
        "issuer": config.issuer,
        "publishable_key": config.publishable_key,
        "outbox_url": settings.public_url.rstrip("/") + MOUNT + "/outbox",
    }


@contextlib.contextmanager
def _clerk_account_errors(settings):
    """One sentence and exit code for each way finding an account at Clerk fails."""
    from pk_rentals.services.identity import lockout
    from pk_rentals.services.identity.clerk_ids import InvalidClerkUserId
    from pk_rentals.services.identity.config import clerk_config

    try:
        yield
    except InvalidClerkUserId as error:
        raise OperatorError(
            f"{error}; give the account's email address or its user id as the Clerk "
            "dashboard shows it.",
            EXIT_INVALID_ARGUMENT,
        ) from None
    except lockout.AccountNotFound as error:
        raise OperatorError(f"{error}; check the spelling.", EXIT_NOT_FOUND) from None
    except lockout.ClerkUnavailable as error:
        fix = (
            "is the app, with its built-in identity server, running at PK_BACKEND_URL?"
            if settings.uses_devauth
            else "check CLERK_API_URL and CLERK_SECRET_KEY, or try again."
        )
        raise OperatorError(f"{error} at {clerk_config().api_url}; {fix}", EXIT_IDENTITY) from None


def unlock_account(who: str) -> None:
    """Lift a sign-in lockout at Clerk (or the built-in identity server)."""
    settings = _settings()
    from pk_rentals.services.identity import lockout

    with _clerk_account_errors(settings):
        unlocked = lockout.unlock_account(who)
    name = f"{unlocked.user_id} ({unlocked.email})" if unlocked.email else unlocked.user_id
    state = "unlocked" if unlocked.was_locked else "was not locked; its failed attempts are reset"
    print(f"Account {name} {state}: it can sign in again.")


def grant_role(who: str, role: str) -> None:
    """Set an account's role at Clerk (``public_metadata.role``) and here at once."""
    settings = _settings()
    from pk_rentals.services.identity import roles

    try:
        with _clerk_account_errors(settings):
            granted = roles.grant_role(who, role)
    except SQLAlchemyError as error:
        reason = type(getattr(error, "orig", None) or error).__name__
        raise OperatorError(
            f"Clerk has the new role, but the database at "
            f"{_describe_database(settings.db_url)} could not be updated ({reason}); "
            "the webhook or the next sign-in will bring it.",
            EXIT_DATABASE,
        ) from None
    name = f"{granted.user_id} ({granted.email})" if granted.email else granted.user_id
    change = (
        f"is now {granted.role.value} (was {granted.previous.value})"
        if granted.role != granted.previous
        else f"was already {granted.role.value}"
    )
    print(f"Account {name} {change}.")


def rotate_cnic_keys() -> None:
    """Re-encrypt stored CNICs under the newest key of PK_CNIC_KEYS."""
    _settings()
    from cryptography.fernet import InvalidToken

    from pk_rentals.services.verification import rotate_cnic_encryption

    try:
        count = rotate_cnic_encryption()
    except InvalidToken:
        raise OperatorError(
            "a stored CNIC opens with none of the keys in PK_CNIC_KEYS; put the old key "
            "back (after the new one) and run this again.",
            EXIT_SETTINGS,
        ) from None
    except SQLAlchemyError as error:
        raise OperatorError(
            f"the database failed: {error.__class__.__name__}", EXIT_DATABASE
        ) from None
    print(f"{count} CNICs re-encrypted under the newest key; older keys can now be removed.")


def _log_to_stdout() -> None:
    import logging

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", stream=sys.stdout
    )


def run_job(name: str, *, dry_run: bool) -> None:
    """Run one job now (``--dry-run``: say what it would do, change nothing)."""
    _settings()
    import httpx
    from clerk_backend_api.models import ClerkBaseError

    from pk_rentals.jobs import JOBS
    from pk_rentals.jobs.runner import JobBusy, UnknownJob
    from pk_rentals.jobs.runner import run_job as run_now

    _log_to_stdout()
    try:
        result = run_now(name, JOBS, dry_run=dry_run)
    except UnknownJob:
        raise OperatorError(
            f"there is no job called {name!r}; the jobs are: {', '.join(JOBS)}.",
            EXIT_INVALID_ARGUMENT,
        ) from None
    except JobBusy:
        raise OperatorError(
            f"job {name} is running in another worker right now; try again when it is done "
            "(or use --dry-run, which takes no lock).",
            EXIT_JOB_BUSY,
        ) from None
    except SQLAlchemyError as error:
        raise OperatorError(_database_problem(error), EXIT_DATABASE) from None
    print(result.summary())
    if result.status == "ok":
        return
    if isinstance(result.failure, SQLAlchemyError):
        raise OperatorError(_database_problem(result.failure), EXIT_DATABASE)
    if isinstance(result.failure, ClerkBaseError | httpx.HTTPError):
        raise OperatorError(
            f"job {name} stopped: Clerk's Backend API did not answer or refused "
            f"({type(result.failure).__name__}); what it did so far stays done, run it again "
            "when Clerk answers.",
            EXIT_IDENTITY,
        )
    raise OperatorError(f"job {name} failed: {result.error}", EXIT_JOB_FAILED)


def _database_problem(error: SQLAlchemyError) -> str:
    reason = type(getattr(error, "orig", None) or error).__name__
    return (
        f"the database at {_describe_database(_settings().db_url)} failed ({reason}); "
        "is it running and migrated (python -m pk_rentals.cli migrate)?"
    )


def worker() -> None:
    """Run the scheduled jobs until Ctrl+C or SIGTERM (one worker per deployment)."""
    _settings()
    import signal

    from pk_rentals.jobs import JOBS
    from pk_rentals.jobs.runner import Worker

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)  # a supervisor's stop, like Ctrl+C
    _log_to_stdout()
    try:
        Worker(JOBS).run_forever()
    except KeyboardInterrupt:
        print("worker stopped.")


def run_face_checks(since: str | None) -> None:
    """Fill in missing (or unavailable) face checks of submissions."""
    _settings()
    from datetime import UTC, datetime

    from pk_rentals.services.faces import checks

    try:
        start = datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None
    except ValueError:
        raise OperatorError(
            f"{since!r} is not a date; use YYYY-MM-DD.", EXIT_INVALID_ARGUMENT
        ) from None
    try:
        counts = checks.backfill(since=start, limit=10**9)
    except SQLAlchemyError as error:
        raise OperatorError(
            f"the database failed: {error.__class__.__name__}", EXIT_DATABASE
        ) from None
    print(
        f"{counts['missing']} submissions needed face checks: {counts['checked']} checked, "
        f"{counts['unavailable']} still unavailable."
    )


def face_calibration() -> None:
    """Distance distributions of decided submissions, and the bands' error rates."""
    _settings()
    from pk_rentals.services.faces import calibration

    print(calibration.format_report(calibration.report()))


EXIT_ROWS_FAILED = 1  # import-users finished, but some rows were not imported (see the report)


def import_users(path: str, report_path: str | None) -> int:
    """Create Clerk users and their profiles from a CSV or JSON-lines file."""
    from pathlib import Path

    from pk_rentals.services import user_import
    from pk_rentals.services.identity.sessions import backend_api

    settings = _settings()
    source = Path(path)
    try:
        rows = list(user_import.read_rows(source))
    except user_import.ImportFileError as error:
        raise OperatorError(f"{error}; nothing was imported.", EXIT_INVALID_ARGUMENT) from None
    report_file = Path(report_path) if report_path else source.with_suffix(".failures.csv")
    total = len(rows)

    def progress(report, done: int) -> None:
        waited = f" · waited {report.waited_seconds:.0f} s for Clerk's rate limit"
        print(
            f"\rimporting {done}/{total} rows · {report.counts['created']} created · "
            f"{report.counts['existed']} already there · {report.counts['failed']} failed"
            + (waited if report.rate_limited else ""),
            end="",
            file=sys.stderr,
            flush=True,
        )

    with backend_api() as clerk:
        importer = user_import.Importer(
            clerk, max_wait_seconds=settings.import_max_wait_seconds, progress=progress
        )
        report = importer.run(rows)
    print(file=sys.stderr)
    print(
        f"{total} rows: {report.counts['created']} created, {report.counts['existed']} "
        f"already in Clerk (local rows checked), {report.counts['failed']} not imported."
    )
    if report.failures:
        user_import.write_failures(report_file, report.failures)
        reasons = collections.Counter(f.reason.value for f in report.failures)
        listed = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        print(f"Not imported: {listed}; one line per row in {report_file}.")
    if report.stopped:
        raise OperatorError(
            f"the import stopped: {report.stopped} at {settings.clerk_api_url}; run the same "
            "command again when it answers (what was imported is skipped).",
            EXIT_IDENTITY,
        )
    return EXIT_ROWS_FAILED if report.failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pk_rentals.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check-settings", help="validate the settings and exit")
    commands.add_parser("migrate", help="apply pending database migrations")
    pre = commands.add_parser("preflight", help="settings, free ports and migrations")
    pre.add_argument("--ports", type=int, nargs="*", default=[])
    commands.add_parser(
        "devauth-info", help="print the built-in identity server's URLs and keys as JSON"
    )
    unlock = commands.add_parser(
        "unlock-account", help="let an account that failed sign-ins locked sign in again"
    )
    unlock.add_argument("who", metavar="EMAIL_OR_USER_ID")
    grant = commands.add_parser(
        "grant-role", help="make an account a moderator or admin (or a plain user again)"
    )
    grant.add_argument("who", metavar="EMAIL_OR_USER_ID")
    grant.add_argument("role", choices=["moderator", "admin", "user"])
    commands.add_parser("new-cnic-key", help="print a new key for PK_CNIC_KEYS")
    commands.add_parser(
        "rotate-cnic-keys", help="re-encrypt stored CNICs under the newest PK_CNIC_KEYS key"
    )
    commands.add_parser("worker", help="run the scheduled jobs until stopped")
    job = commands.add_parser("run-job", help="run one scheduled job now")
    job.add_argument("name", metavar="NAME", help="reconcile, trust, ...")
    job.add_argument("--dry-run", action="store_true", help="print what it would do")
    faces = commands.add_parser(
        "run-face-checks", help="run face checks of submissions that have none (or failed)"
    )
    faces.add_argument("--since", metavar="DATE", help="only submissions from YYYY-MM-DD on")
    commands.add_parser(
        "face-calibration", help="face distances of decided submissions, and the bands' errors"
    )
    importing = commands.add_parser(
        "import-users", help="create users in Clerk and here from a CSV or JSON-lines file"
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--report", metavar="PATH", help="where failed rows go (default FILE.failures.csv)"
    )
    add_document_commands(commands)
    args = parser.parse_args(argv)
    try:
        if args.command == "import-users":
            return import_users(args.file, args.report)
        if args.command == "check-settings":
            _settings()
            print("Settings are valid.")
        elif args.command == "migrate":
            migrate()
        elif args.command == "preflight":
            preflight(args.ports)
        elif args.command == "devauth-info":
            print(json.dumps(devauth_info(), indent=2))
        elif args.command == "unlock-account":
            unlock_account(args.who)
        elif args.command == "grant-role":
            grant_role(args.who, args.role)
        elif args.command == "new-cnic-key":
            from pk_rentals.services.cnic import new_key

            print(new_key())
        elif args.command == "rotate-cnic-keys":
            rotate_cnic_keys()
        elif args.command == "worker":
            worker()
        elif args.command == "run-job":
            run_job(args.name, dry_run=args.dry_run)
        elif args.command == "run-face-checks":
            run_face_checks(args.since)
        elif args.command == "face-calibration":
            face_calibration()
        elif args.command in DOCUMENT_COMMANDS:
            return run_document_command(args)
    except OperatorError as error:
        print(f"pk_rentals: {error}", file=sys.stderr)
        return error.exit_code
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
