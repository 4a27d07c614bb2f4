"""The one Settings object, read from the environment and validated at start-up.

Variable names: ours start with ``PK_``; the database and Redis URLs keep the
names Reflex itself reads (``REFLEX_DB_URL``, ``REFLEX_REDIS_URL``) so one
variable drives both; Clerk and Cloudinary keep the names their docs use.
"""

from __future__ import annotations

import enum
import functools
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from pk_rentals.settings_checks import (
    DEV_SECRET_KEY,
    MIN_SECRET_LENGTH,
    _is_loopback_url,
    _is_placeholder,
    is_loopback_host,
    parse_nameservers,
)
from pk_rentals.settings_checks import (
    PLACEHOLDER_SECRETS as PLACEHOLDER_SECRETS,  # re-exported
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"


class Environment(enum.StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class IdentityProvider(enum.StrEnum):
    BUILTIN = "builtin"  # the Clerk-compatible identity server in pk_rentals.devauth
    CLERK = "clerk"


class MediaStorage(enum.StrEnum):
    LOCAL = "local"  # a private folder, signed expiring URLs
    CLOUDINARY = "cloudinary"


class DnsTimeoutPolicy(enum.StrEnum):
    """What sign-up does when the email domain's DNS lookup runs out of time."""

    ACCEPT = "accept"  # let the sign-up through and flag the address as unchecked
    REFUSE = "refuse"  # ask the person to try again


class SettingsError(Exception):
    """Settings that cannot run; ``problems`` holds one sentence per variable."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PK_", env_file=PROJECT_ROOT / ".env", extra="ignore", frozen=True
    )

    env: Environment = Environment.DEVELOPMENT  # development, test or production
    public_url: str = "http://localhost:3000"  # the address people open the app at
    db_url: str = Field(
        default=f"sqlite:///{DATA_DIR / 'pk_rentals.db'}", validation_alias="REFLEX_DB_URL"
    )  # SQLite here; PostgreSQL (postgresql+psycopg://) in production
    # Reflex state shared by several workers.
    redis_url: str | None = Field(default=None, validation_alias="REFLEX_REDIS_URL")
    # Signs image URLs; >= 32 random chars in production.
    secret_key: SecretStr = SecretStr(DEV_SECRET_KEY)

    # Builtin (Clerk-compatible server) or clerk.
    identity_provider: IdentityProvider = IdentityProvider.BUILTIN
    # Pk_live_... from the Clerk dashboard.
    clerk_publishable_key: str = Field(default="", validation_alias="CLERK_PUBLISHABLE_KEY")
    # Sk_live_... from the Clerk dashboard.
    clerk_secret_key: SecretStr = Field(default=SecretStr(""), validation_alias="CLERK_SECRET_KEY")
    clerk_webhook_secret: SecretStr = Field(
        default=SecretStr(""),
        validation_alias=AliasChoices("CLERK_WEBHOOK_SECRET", "CLERK_WEBHOOK_SIGNING_SECRET"),
    )  # whsec_... of the webhook endpoint
    # Networkless token checks: the instance's PEM public key (Clerk dashboard, "JWT
    # public key"), or else its JWKS URL, fetched once and cached.
    clerk_jwt_key: str = Field(default="", validation_alias="CLERK_JWT_KEY")
    clerk_jwks_url: str = Field(default="", validation_alias="CLERK_JWKS_URL")  # else CLERK_JWT_KEY
    # The Frontend API URL of the instance: the ``iss`` of its session tokens.
    clerk_issuer: str = Field(default="", validation_alias="CLERK_ISSUER")
    # Origins allowed in a token's ``azp``, comma separated; empty means PK_PUBLIC_URL.
    clerk_authorized_parties: str = Field(default="", validation_alias="CLERK_AUTHORIZED_PARTIES")
    # Clerk Backend API.
    clerk_api_url: str = Field(default="https://api.clerk.com/v1", validation_alias="CLERK_API_URL")
    # Optional: a Frontend API proxy path and a pinned clerk-js bundle URL.
    clerk_proxy_url: str = Field(default="", validation_alias="CLERK_PROXY_URL")
    clerk_js_url: str = Field(default="", validation_alias="CLERK_JS_URL")  # a pinned bundle
    # Seconds a sign-in sync waits for the Backend API before going on without it.
    clerk_api_timeout: float = 2.0

    # Warn after 25 idle minutes, sign out after 30.
    idle_warning_seconds: int = Field(
        default=1500,
        validation_alias=AliasChoices("IDLE_WARNING_SECONDS", "PK_IDLE_WARNING_SECONDS"),
    )
    idle_timeout_seconds: int = Field(
        default=1800,
        validation_alias=AliasChoices("IDLE_TIMEOUT_SECONDS", "PK_IDLE_TIMEOUT_SECONDS"),
    )  # signed out after this long idle

    # The built-in identity server (development and tests only).
    devauth_dir: Path = DATA_DIR / "devauth"  # its keys and secrets, created on first start
    session_token_lifetime: int = 60  # seconds, as Clerk's
    lockout_attempts: int = 5  # locked after 5 consecutive failed sign-ins
    lockout_seconds: int = 3600  # then unlocked by time, or by an operator
    sign_in_attempts_per_minute: int = 30  # per client IP
    # Where the identity server delivers its webhooks; empty means this app's backend.
    devauth_webhook_url: str = ""
    # The backend's own URL, for the identity server to reach the app's webhook route.
    backend_url: str = "http://localhost:8000"
    # Where the backend listens and the URLs Reflex serves it on: Reflex reads the same
    # variables (``reflex run --backend-host`` and deploy/serve.py --host set the
    # first). Empty host: 127.0.0.1 while anything that serves this machine only is in
    # use (the built-in identity server, the development secret), else Reflex's 0.0.0.0.
    backend_host: str = Field(default="", validation_alias="REFLEX_BACKEND_HOST")
    # The backend URL pages call.
    reflex_api_url: str = Field(default="", validation_alias="REFLEX_API_URL")
    # The page URL Reflex serves.
    reflex_deploy_url: str = Field(default="", validation_alias="REFLEX_DEPLOY_URL")
    # Email deliverability at sign-up: the DNS server(s) asked for the
    # domain's MX (else A/AAAA) records, as "host[:port]" comma separated; empty means
    # the system's resolver. The whole lookup never takes longer than the timeout.
    dns_resolver: str = ""
    email_dns_timeout: float = Field(default=3.0, gt=0, le=3.0)  # seconds for the whole lookup
    email_on_dns_timeout: DnsTimeoutPolicy = DnsTimeoutPolicy.ACCEPT  # accept (and flag) or refuse

    media_storage: MediaStorage = MediaStorage.LOCAL  # local or cloudinary
    media_dir: Path = DATA_DIR / "media"  # private, never under assets/
    # Cloudinary://KEY:SECRET@CLOUD.
    cloudinary_url: SecretStr = Field(default=SecretStr(""), validation_alias="CLOUDINARY_URL")
    # Largest upload accepted for a verification image (selfie, CNIC photo): 8 MB.
    max_image_bytes: int = 8 * 1024 * 1024

    # Verification. CNIC encryption keys: Fernet keys, comma separated,
    # newest first; older ones still decrypt until `cli rotate-cnic-keys` has run.
    # Empty in development: derived from PK_SECRET_KEY. Production needs its own.
    cnic_keys: SecretStr = SecretStr("")
    # The keyed hash that makes CNICs unique without storing them in the clear.
    cnic_index_key: SecretStr = SecretStr("")
    selfie_code_seconds: int = 300  # a one-time selfie code's life
    selfie_max_age_seconds: int = 900  # an older selfie is flagged for moderators
    max_resubmissions: int = 3  # after a rejection; then the user contacts support
    uploads_per_hour: int = 60  # images one user may upload in an hour
    # Images decoded at once by one worker (each may take tens of MB), and how long
    # another upload waits for a turn before it is told to try again.
    image_decodes_per_worker: int = Field(default=2, ge=1, le=16)
    image_decode_wait_seconds: float = Field(default=10.0, gt=0, le=60)  # wait for a decode turn
    media_url_seconds: int = 300  # life of a signed image URL
    # ``trusted``: verified, plus all of these (or an admin's grant).
    trusted_min_bookings: int = 5
    trusted_min_rating: float = 4.5  # average rating
    trusted_min_verified_days: int = 30  # days since ID verified

    # Scheduled jobs: `cli worker` runs each when its interval (seconds)
    # has passed since its last run; `cli run-job NAME` runs one now. A running job
    # holds a lease in `job_locks`, renewed every third of its length.
    job_reconcile_interval_seconds: int = Field(default=3600, gt=0)
    job_face_checks_interval_seconds: int = Field(default=900, gt=0)  # backfill of missing checks
    job_reminders_interval_seconds: int = Field(default=86400, gt=0)  # once a day
    job_trust_interval_seconds: int = Field(default=3600, gt=0)  # the trust job
    job_retention_interval_seconds: int = Field(default=86400, gt=0)  # once a day
    job_lease_seconds: int = Field(default=600, gt=0)  # a job lease
    worker_poll_seconds: float = Field(default=30.0, gt=0)  # checks for due jobs
    # Reconciliation leaves rows and stored images younger than this alone (a
    # sign-up or an upload in flight), and asks Clerk about this many ids at once
    # (Clerk's Backend API takes at most 100 user ids per request).
    reconcile_grace_seconds: int = Field(default=3600, ge=0)
    reconcile_batch_size: int = Field(default=100, ge=1, le=100)  # ids per Clerk call
    # Reconciliation's safety stop: a Backend API of the wrong instance (a staging
    # CLERK_SECRET_KEY, say) knows none of our users, and removing them all cannot be
    # undone. A run that would remove more than this share of the users it checked
    # (or more than the floor, whichever is larger, so that a small install still
    # removes its one or two deleted accounts) removes nobody and fails instead.
    # A share of 1 turns the stop off.
    reconcile_max_remove_share: float = Field(default=0.05, ge=0, le=1)
    reconcile_max_remove_min: int = Field(default=5, ge=0)  # the stop's floor
    # Face checks: aids for moderators, never decisions. The distance bands
    # come from synthetic pairs (docs/notes/face-checks.md): calibrate them on real decided
    # submissions with `python -m pk_rentals.cli face-calibration` before trusting them.
    face_checks_enabled: bool = True
    face_band_same: float = Field(default=0.45, gt=0, lt=2)  # below: "likely same"
    face_band_different: float = Field(default=0.60, gt=0, lt=2)  # from: "likely different"
    face_blur_min: float = 0.015  # normalised Laplacian variance of the face chip
    face_dark_max: float = 50.0  # mean grey (0-255) of the face chip
    face_check_seconds: float = Field(default=30.0, gt=0)  # selfie + CNIC, incl. start-up
    face_quick_check_seconds: float = Field(default=5.0, gt=0)  # the selfie on /verify
    document_quick_read_seconds: float = Field(default=5.0, gt=0)  # the card front, incl. start-up
    # User import and reminders. The built-in identity server's Backend API
    # rate limit, per instance as Clerk's (100 requests per 10 s on a development
    # instance, 1000 in production): requests per window, 0 = no limit.
    devauth_api_requests: int = Field(default=0, ge=0)
    devauth_api_window_seconds: float = Field(default=10.0, gt=0)  # the window
    # The import waits out a 429's Retry-After up to this long each time, then fails the row.
    import_max_wait_seconds: float = Field(default=120.0, gt=0)
    # Reminders (lastLoginReminder): to users not seen for this many days,
    # at most once per ``reminder_every_days``.
    reminder_after_days: int = Field(default=30, ge=1)
    reminder_every_days: int = Field(default=30, ge=1)  # between reminders
    # Retention (the `retention` job applies it; docs/operations.md
    # "Data we keep"), in days. Images of rejected submissions, of those asked to
    # resubmit (from the decision) and of superseded ones (from the later submission):
    retention_images_days: int = Field(default=90, ge=1)
    # Draft images never submitted (a submission refuses drafts older than a day).
    retention_drafts_days: int = Field(default=7, ge=2)
    # Processed svix ids: Svix retries a failed delivery for about 28 hours (and an
    # operator can replay one by hand); a week is the least that still dedupes those.
    retention_webhook_ids_days: int = Field(default=30, ge=7)
    # Tombstones stop a late user.created/updated from bringing a deleted account
    # back; they must outlive every redelivery, as the svix ids above must.
    retention_tombstones_days: int = Field(default=90, ge=7)
    # Failed attempts: the moderators' Security tab shows 14 days of them.
    retention_security_events_days: int = Field(default=90, ge=14)
    # The jobs' run log (each job's last real run always stays: the schedule reads it).
    retention_job_runs_days: int = Field(default=90, ge=1)
    # Rows one statement of the retention job deletes or updates at most.
    retention_batch_size: int = Field(default=500, ge=1, le=5000)

    # Seconds a health check waits for the database before answering 503.
    db_connect_timeout: int = 3

    # Production topology (deploy/, docs/deployment.md). Backend processes serving
    # this app, counted over all hosts; each keeps Reflex state in memory unless Redis
    # is shared, so more than one needs REFLEX_REDIS_URL.
    workers: int = Field(
        default=1, ge=1, validation_alias=AliasChoices("PK_WORKERS", "WEB_CONCURRENCY")
    )
    granian_workers: int = Field(default=1, ge=1, validation_alias="GRANIAN_WORKERS")  # per backend
    # Addresses (or networks) of the reverse proxies whose X-Forwarded-For is
    # believed, comma separated; empty = the peer address is the client.
    trusted_proxies: str = ""
    # `make prod` without Clerk or Cloudinary: production topology on this machine
    # with the built-in identity server and local media. Never for real users.
    local_trial: bool = False
    # Account rules: email verification, metrics, failed attempts, logs.
    # Clerk's "verify at sign-up" switch of the built-in identity server: off lets a
    # new user in at once with the address unverified (the Backend API's
    # ``PATCH /v1/instance`` changes it while running, as the Clerk dashboard does).
    devauth_verify_email_at_sign_up: bool = True
    # /metrics (Prometheus text): needs ``Authorization: Bearer <token>``; production
    # refuses an empty or weak token while metrics are enabled.
    metrics_enabled: bool = True
    metrics_token: SecretStr = SecretStr("")  # Bearer token for /metrics
    # Failed attempts in 24 hours that flag an account in the moderation queue.
    security_flag_threshold: int = Field(default=5, ge=1)
    # The app's own log level (DEBUG, INFO, WARNING...); logs never carry tokens,
    # passwords, codes, CNIC numbers or full email addresses, at any level.
    log_level: str = Field(default="INFO", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def uses_devauth(self) -> bool:
        return self.identity_provider is IdentityProvider.BUILTIN

    @property
    def runs_devauth(self) -> bool:
        """The built-in identity server is mounted: development, tests, a local trial."""
        return self.uses_devauth and (not self.is_production or self.local_trial)

    @property
    def bind_host(self) -> str:
        """The address the backend listens on (rxconfig.py hands it to Reflex)."""
        if self.backend_host:
            return self.backend_host
        return "127.0.0.1" if self.runs_devauth or self.uses_development_secret else "0.0.0.0"

    @property
    def uses_development_secret(self) -> bool:
        """PK_SECRET_KEY is the published development one (or another placeholder)."""
        return _is_placeholder(self.secret_key)

    @property
    def authorized_parties(self) -> tuple[str, ...]:
        parties = [p.strip().rstrip("/") for p in self.clerk_authorized_parties.split(",")]
        return tuple(p for p in parties if p) or (self.public_url.rstrip("/"),)

    @property
    def dns_nameservers(self) -> tuple[tuple[str, int], ...]:
        """``PK_DNS_RESOLVER`` as (address, port) pairs; empty = the system's resolver."""
        return parse_nameservers(self.dns_resolver)

    @property
    def uses_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    def production_problems(self) -> list[str]:
        """One sentence per setting that production must not run with."""
        problems = self._scale_problems() + self._loopback_problems()
        if not self.is_production:
            return problems
        if self.local_trial and not _is_loopback_url(self.public_url):
            problems.append(
                "PK_LOCAL_TRIAL: the local trial serves only this machine; unset it, or set "
                "PK_PUBLIC_URL to an http://localhost:PORT address."
            )
        if self.uses_sqlite:
            problems.append(
                "REFLEX_DB_URL: production needs PostgreSQL; set it to "
                "postgresql+psycopg://USER:PASSWORD@HOST:5432/DBNAME."
            )
        if _is_placeholder(self.secret_key):
            problems.append(
                f"PK_SECRET_KEY: set a random value of at least {MIN_SECRET_LENGTH} characters "
                "(python -c 'import secrets; print(secrets.token_urlsafe(48))')."
            )
        if self.identity_provider is IdentityProvider.BUILTIN and not self.local_trial:
            problems.append(
                "PK_IDENTITY_PROVIDER: the built-in identity server is for development and "
                "tests only; set it to clerk and set the CLERK_* variables."
            )
        elif not self.uses_devauth:
            problems.extend(self._clerk_problems())
        problems.extend(
            f"PK_{name.upper()}: production needs its own key "
            "(python -m pk_rentals.cli new-cnic-key prints one)."
            for name in ("cnic_keys", "cnic_index_key")
            if _is_placeholder(getattr(self, name))
        )
        if self.metrics_enabled and _is_placeholder(self.metrics_token):
            problems.append(
                f"PK_METRICS_TOKEN: set a random value of at least {MIN_SECRET_LENGTH} "
                "characters for /metrics, or set PK_METRICS_ENABLED=false."
            )
        if self.media_storage is MediaStorage.LOCAL:
            if not self.local_trial:
                problems.append(
                    "PK_MEDIA_STORAGE: local media storage is for development and tests only; "
                    "set it to cloudinary and set CLOUDINARY_URL."
                )
        elif _is_placeholder(self.cloudinary_url, min_length=1):
            problems.append(
                "CLOUDINARY_URL: set it to cloudinary://API_KEY:API_SECRET@CLOUD_NAME "
                "from your Cloudinary console."
            )
        return problems

    def _loopback_problems(self) -> list[str]:
        """In any mode, what serves this machine only: the built-in identity server (its
        outbox lists every sign-in and phone code) and the development secret (a
        published constant that signs image URLs and derives the CNIC keys). Every URL
        the app is served on and the address it listens on must then be loopback.
        PK_LOCAL_TRIAL admits the identity server in production, on the same terms."""
        # Each address the app is served on that others could reach.
        exposed = [
            (name, url)
            for name, urls in (
                ("PK_PUBLIC_URL", [self.public_url]),
                ("PK_BACKEND_URL", [self.backend_url]),
                ("REFLEX_API_URL", [self.reflex_api_url]),
                ("REFLEX_DEPLOY_URL", [self.reflex_deploy_url]),
                ("CLERK_AUTHORIZED_PARTIES", self.clerk_authorized_parties.split(",")),
            )
            for url in urls
            if url.strip() and not _is_loopback_url(url.strip())
        ]
        exposed = list(dict(exposed).items())  # one sentence per variable
        listens_for_others = not is_loopback_host(self.bind_host)
        problems = []
        if self.runs_devauth:
            problems.extend(
                f"{name}: {url.strip()} is not this machine, and the built-in identity server "
                "serves only this machine (its outbox shows every sign-in and phone code); "
                "use an http://localhost:PORT address, or set PK_IDENTITY_PROVIDER=clerk "
                "and the CLERK_* variables."
                for name, url in exposed
            )
            if listens_for_others:
                problems.append(
                    f"REFLEX_BACKEND_HOST: listening on {self.bind_host} lets other machines "
                    "reach the built-in identity server (its outbox shows every sign-in and "
                    "phone code); listen on 127.0.0.1 (leave it unset, or pass 127.0.0.1 to "
                    "--backend-host or deploy/serve.py --host), or set "
                    "PK_IDENTITY_PROVIDER=clerk and the CLERK_* variables."
                )
        if self.uses_development_secret and not self.is_production:
            reasons = [name for name, _url in exposed]
            if listens_for_others:
                reasons.append(f"REFLEX_BACKEND_HOST={self.bind_host}")
            if reasons:
                problems.append(
                    "PK_SECRET_KEY: the development secret is public (anyone could sign "
                    "image URLs and derive the CNIC keys with it), so it serves only this "
                    f"machine; set a random value of at least {MIN_SECRET_LENGTH} characters "
                    "(python -c 'import secrets; print(secrets.token_urlsafe(48))') before "
                    f"serving others through {', '.join(reasons)}."
                )
        return problems

    def _scale_problems(self) -> list[str]:
        """What silently breaks with several backend processes, in any mode."""
        problems = []
        if self.redis_url:
            return problems
        if self.workers > 1:
            problems.append(
                f"PK_WORKERS: {self.workers} workers without REFLEX_REDIS_URL would each keep "
                "their own copy of every tab's state; set REFLEX_REDIS_URL=redis://HOST:6379/0 "
                "or PK_WORKERS=1."
            )
        if self.granian_workers > 1:
            problems.append(
                "GRANIAN_WORKERS: more than one worker per backend needs REFLEX_REDIS_URL "
                "(state would fork per worker); set REFLEX_REDIS_URL or GRANIAN_WORKERS=1."
            )
        return problems

    def cnic_key_problems(self) -> list[str]:
        """Every CNIC key given must be a Fernet key (32 url-safe base64 bytes)."""
        from cryptography.fernet import Fernet

        for key in self.cnic_keys.get_secret_value().split(","):
            try:
                key.strip() and Fernet(key.strip())
            except ValueError:
                return [
                    "PK_CNIC_KEYS: each key must be a Fernet key "
                    "(python -m pk_rentals.cli new-cnic-key prints one)."
                ]
        return []

    def _clerk_problems(self) -> list[str]:
        problems = []
        if not self.clerk_publishable_key.startswith(("pk_live_", "pk_test_")):
            problems.append(
                "CLERK_PUBLISHABLE_KEY: set it to the pk_live_... key from the Clerk dashboard."
            )
        if _is_placeholder(self.clerk_secret_key, min_length=1):
            problems.append(
                "CLERK_SECRET_KEY: set it to the sk_live_... key from the Clerk dashboard."
            )
        if not (self.clerk_jwt_key or self.clerk_jwks_url):
            problems.append(
                "CLERK_JWKS_URL: set it to https://clerk.YOUR-DOMAIN/.well-known/jwks.json, "
                "or set CLERK_JWT_KEY to the PEM public key from the Clerk dashboard."
            )
        if not self.clerk_issuer.startswith("https://"):
            problems.append(
                "CLERK_ISSUER: set it to your instance's Frontend API URL, "
                "https://clerk.YOUR-DOMAIN (the iss of its session tokens)."
            )
        if _is_placeholder(self.clerk_webhook_secret, min_length=1):
            problems.append(
                "CLERK_WEBHOOK_SECRET: set it to the whsec_... secret of the "
                "webhook endpoint in the Clerk dashboard."
            )
        return problems


def _variable_name(field: str) -> str:
    info = Settings.model_fields.get(field)
    if info is not None and isinstance(info.validation_alias, str):
        return info.validation_alias
    return f"PK_{field.upper()}"


def load_settings() -> Settings:
    """Read and check the settings; raise SettingsError naming each bad variable."""
    try:
        settings = Settings()
    except ValidationError as error:
        problems = [f"{_variable_name(str(e['loc'][0]))}: {e['msg']}." for e in error.errors()]
        raise SettingsError(problems) from None
    problems = settings.production_problems()
    problems.extend(settings.cnic_key_problems())
    try:
        settings.dns_nameservers  # noqa: B018 (parsed for its error)
    except ValueError as error:
        problems.append(f"PK_DNS_RESOLVER: {error}; use e.g. 127.0.0.1:5353, or leave it empty.")
    if settings.idle_warning_seconds >= settings.idle_timeout_seconds:
        problems.append("IDLE_WARNING_SECONDS: must be smaller than IDLE_TIMEOUT_SECONDS.")
    if settings.face_band_same > settings.face_band_different:
        problems.append("PK_FACE_BAND_SAME: must not be larger than PK_FACE_BAND_DIFFERENT.")
    if problems:
        raise SettingsError(problems)
    return settings


@functools.cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests call ``get_settings.cache_clear()``)."""
    return load_settings()
