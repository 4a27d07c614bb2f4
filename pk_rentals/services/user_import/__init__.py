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

from pk_rentals.services.user_import.clerk import (
    REPORT_COLUMNS,
    ClerkDown,
    Importer,
    RateLimitTooLong,
    save_local_rows,
    write_failures,
)
from pk_rentals.services.user_import.rows import (
    CLERK_HASHERS,
    COLUMNS,
    Failure,
    ImportFileError,
    ImportReport,
    ImportRow,
    Reason,
    RowProblem,
    parse_row,
    read_rows,
)

__all__ = [
    "CLERK_HASHERS",
    "COLUMNS",
    "REPORT_COLUMNS",
    "ClerkDown",
    "Failure",
    "ImportFileError",
    "ImportReport",
    "ImportRow",
    "Importer",
    "RateLimitTooLong",
    "Reason",
    "RowProblem",
    "parse_row",
    "read_rows",
    "save_local_rows",
    "write_failures",
]
