"""The identity server's instance: its keys and secrets, created on first start.

Like a Clerk instance it has a publishable key, a secret key for the Backend API,
an RS256 signing key and a webhook signing secret. They live in ``PK_DEVAUTH_DIR``
(git-ignored, mode 0600) so a restart keeps sessions and links valid.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import secrets
from pathlib import Path

from pk_rentals.devauth.keys import SigningKey

MOUNT = "/_devauth"
# A development-suffix host makes clerk-js use its "dev browser" token instead of
# third-party cookies (docs/notes/clerk-frontend-api.md); requests go to the
# proxy URL, never to this host.
FRONTEND_API_HOST = "devauth.pk-rentals.lcl.dev"
PUBLISHABLE_KEY = "pk_test_" + base64.b64encode(f"{FRONTEND_API_HOST}$".encode()).decode().rstrip(
    "="
)
CLERK_JS_VERSION = "5.128.0"  # tools/package.json pins the same version
CLERK_JS_PATH = f"{MOUNT}/clerk-js/{CLERK_JS_VERSION}/clerk.browser.js"


@dataclasses.dataclass(frozen=True)
class Instance:
    signing_key: SigningKey
    secret_key: str  # sk_test_..., the Backend API's bearer token
    webhook_secret: str  # whsec_..., as svix formats it

    @classmethod
    def load_or_create(cls, directory: Path) -> Instance:
        directory.mkdir(parents=True, exist_ok=True)
        return cls(
            signing_key=SigningKey.load_or_create(directory / "signing_key.pem"),
            secret_key=_secret(
                directory / "secret_key", lambda: "sk_test_" + secrets.token_hex(20)
            ),
            webhook_secret=_secret(
                directory / "webhook_secret",
                lambda: "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode(),
            ),
        )


def _secret(path: Path, make) -> str:
    """Read a one-line secret, or create it with mode 0600.

    Written to a private temporary file and then hard-linked into place, so two
    processes starting at once agree on one value and never read a half file.
    """
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(make() + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process won; use its value
        finally:
            temporary.unlink()
    return path.read_text().strip()
