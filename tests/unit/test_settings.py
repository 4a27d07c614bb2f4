"""Settings: safe defaults for development, refusals for production."""

import pytest

from pk_rentals.settings import Environment, SettingsError, load_settings

GOOD_PRODUCTION = {
    "PK_ENV": "production",
    "REFLEX_DB_URL": "postgresql+psycopg://app:pw@db.internal:5432/pk",
    "PK_SECRET_KEY": "k" * 48,
    "PK_IDENTITY_PROVIDER": "clerk",
    "CLERK_PUBLISHABLE_KEY": "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
    "CLERK_SECRET_KEY": "sk_live_abcdefghijklmnopqrstuvwxyz",
    "CLERK_WEBHOOK_SECRET": "whsec_abcdefghijklmnopqrstuvwxyz",
    "CLERK_JWKS_URL": "https://clerk.example.com/.well-known/jwks.json",
    "CLERK_ISSUER": "https://clerk.example.com",
    "PK_MEDIA_STORAGE": "cloudinary",
    "CLOUDINARY_URL": "cloudinary://123:abc@pk-rentals",
    "PK_CNIC_KEYS": "Jf0Xk3mR3sJ5b8n7yq2D4XG6c1hS9tN0vW2aZ4pL8eE=",
    "PK_CNIC_INDEX_KEY": "i" * 48,
    "PK_METRICS_TOKEN": "m" * 40,
}


def set_env(monkeypatch, values):
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_test_environment_runs_on_embedded_defaults():
    settings = load_settings()
    assert settings.env is Environment.TEST
    assert settings.uses_sqlite
    assert settings.identity_provider == "builtin"
    assert settings.media_storage == "local"


def test_complete_production_settings_are_accepted(monkeypatch):
    set_env(monkeypatch, GOOD_PRODUCTION)
    assert load_settings().is_production


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("REFLEX_DB_URL", "sqlite:///data/pk.db"),
        ("PK_SECRET_KEY", "changeme"),
        ("PK_SECRET_KEY", "short-secret"),
        ("PK_IDENTITY_PROVIDER", "builtin"),
        ("PK_MEDIA_STORAGE", "local"),
        ("CLERK_SECRET_KEY", ""),
        ("CLERK_PUBLISHABLE_KEY", "not-a-key"),
        ("CLERK_WEBHOOK_SECRET", "placeholder"),
        ("CLERK_JWKS_URL", ""),
        ("CLERK_ISSUER", "http://clerk.example.com"),
        ("IDLE_WARNING_SECONDS", "1800"),
        ("CLOUDINARY_URL", ""),
        ("PK_CNIC_KEYS", ""),
        ("PK_CNIC_KEYS", "not-a-fernet-key-but-long-enough-to-pass-length"),
        ("PK_CNIC_INDEX_KEY", "short"),
        ("PK_METRICS_TOKEN", ""),
        ("PK_METRICS_TOKEN", "changeme"),
    ],
)
def test_production_refuses_unsafe_value_and_names_the_variable(monkeypatch, variable, value):
    set_env(monkeypatch, {**GOOD_PRODUCTION, variable: value})
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].startswith(f"{variable}: ")


def test_production_lists_every_problem_at_once(monkeypatch):
    monkeypatch.setenv("PK_ENV", "production")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    named = {problem.split(":")[0] for problem in refused.value.problems}
    assert named == {
        "REFLEX_DB_URL",
        "PK_SECRET_KEY",
        "PK_IDENTITY_PROVIDER",
        "PK_MEDIA_STORAGE",
        "PK_CNIC_KEYS",
        "PK_CNIC_INDEX_KEY",
        "PK_METRICS_TOKEN",
    }


def test_unknown_environment_is_a_sentence_naming_pk_env(monkeypatch):
    monkeypatch.setenv("PK_ENV", "staging")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert refused.value.problems == [
        "PK_ENV: Input should be 'development', 'test' or 'production'."
    ]


@pytest.mark.parametrize("variable", ["PK_WORKERS", "WEB_CONCURRENCY", "GRANIAN_WORKERS"])
def test_several_workers_without_redis_are_refused_naming_the_variable(monkeypatch, variable):
    monkeypatch.setenv(variable, "2")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert len(refused.value.problems) == 1
    expected = "GRANIAN_WORKERS" if variable == "GRANIAN_WORKERS" else "PK_WORKERS"
    assert refused.value.problems[0].startswith(f"{expected}: ")
    assert "REFLEX_REDIS_URL" in refused.value.problems[0]


def test_several_workers_share_state_through_redis(monkeypatch):
    set_env(
        monkeypatch, {**GOOD_PRODUCTION, "PK_WORKERS": "4", "REFLEX_REDIS_URL": "redis://r:6379"}
    )
    assert load_settings().workers == 4


LOCAL_TRIAL = {
    **{k: v for k, v in GOOD_PRODUCTION.items() if not k.startswith(("CLERK_", "CLOUDINARY"))},
    "PK_LOCAL_TRIAL": "1",
    "PK_IDENTITY_PROVIDER": "builtin",
    "PK_MEDIA_STORAGE": "local",
    "PK_PUBLIC_URL": "http://localhost:8080",
}


def test_local_trial_allows_builtin_identity_and_local_media(monkeypatch):
    set_env(monkeypatch, LOCAL_TRIAL)
    settings = load_settings()
    assert settings.is_production
    assert settings.runs_devauth


def test_builtin_identity_is_not_mounted_in_production_without_the_trial(monkeypatch):
    set_env(monkeypatch, {**GOOD_PRODUCTION, "PK_IDENTITY_PROVIDER": "builtin"})
    with pytest.raises(SettingsError):
        load_settings()
    set_env(monkeypatch, LOCAL_TRIAL)
    monkeypatch.setenv("PK_LOCAL_TRIAL", "0")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert {p.split(":")[0] for p in refused.value.problems} == {
        "PK_IDENTITY_PROVIDER",
        "PK_MEDIA_STORAGE",
    }


def test_local_trial_refuses_a_public_address(monkeypatch):
    set_env(monkeypatch, {**LOCAL_TRIAL, "PK_PUBLIC_URL": "https://rentals.example.pk"})
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert [p.split(":")[0] for p in refused.value.problems] == ["PK_PUBLIC_URL", "PK_LOCAL_TRIAL"]


@pytest.mark.parametrize("variable", ["PK_PUBLIC_URL", "PK_BACKEND_URL"])
def test_the_built_in_identity_server_refuses_an_address_others_can_reach_in_any_mode(
    monkeypatch, variable
):
    """Its outbox lists every email and SMS code: development mode is no exception."""
    monkeypatch.setenv("PK_ENV", "development")
    monkeypatch.setenv("PK_SECRET_KEY", "a-real-secret-" + "x" * 40)
    monkeypatch.setenv(variable, "http://192.168.1.20:3000")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert [p.split(":")[0] for p in refused.value.problems] == [variable]


def test_the_development_secret_refuses_a_public_address(monkeypatch):
    monkeypatch.setenv("PK_ENV", "development")
    monkeypatch.setenv("PK_IDENTITY_PROVIDER", "clerk")
    monkeypatch.setenv("PK_PUBLIC_URL", "https://rentals.example.pk")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert "PK_SECRET_KEY" in [p.split(":")[0] for p in refused.value.problems]


def test_loopback_addresses_pass_with_the_built_in_server_and_the_development_secret(
    monkeypatch,
):
    monkeypatch.setenv("PK_ENV", "development")
    monkeypatch.setenv("PK_PUBLIC_URL", "http://127.0.0.1:3000")
    monkeypatch.setenv("PK_BACKEND_URL", "http://localhost:8000")
    assert load_settings().runs_devauth


REAL_SECRET = {"PK_SECRET_KEY": "a-real-secret-" + "x" * 40}


@pytest.mark.parametrize("mode", ["development", "test"])
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20"])
def test_the_built_in_identity_server_refuses_to_listen_for_other_machines(monkeypatch, mode, host):
    """`reflex run --backend-host` and deploy/serve.py --host set REFLEX_BACKEND_HOST."""
    set_env(monkeypatch, {**REAL_SECRET, "PK_ENV": mode, "REFLEX_BACKEND_HOST": host})
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert [p.split(":")[0] for p in refused.value.problems] == ["REFLEX_BACKEND_HOST"]


def test_the_local_trial_still_refuses_to_listen_for_other_machines(monkeypatch):
    set_env(monkeypatch, {**LOCAL_TRIAL, "REFLEX_BACKEND_HOST": "0.0.0.0"})
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert [p.split(":")[0] for p in refused.value.problems] == ["REFLEX_BACKEND_HOST"]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("PK_PUBLIC_URL", "http://127.attacker.example:3000"),  # a name, not 127.0.0.0/8
        ("PK_PUBLIC_URL", "http://[::1:2]:3000"),
        ("REFLEX_API_URL", "http://192.168.1.20:8000"),
        ("REFLEX_DEPLOY_URL", "https://rentals.example.pk"),
        ("CLERK_AUTHORIZED_PARTIES", "http://localhost:3000, https://rentals.example.pk"),
    ],
)
def test_every_address_the_app_is_served_on_must_be_this_machine_for_the_built_in_server(
    monkeypatch, variable, value
):
    set_env(monkeypatch, {**REAL_SECRET, "PK_ENV": "development", variable: value})
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert [p.split(":")[0] for p in refused.value.problems] == [variable]


def test_the_development_secret_refuses_to_listen_for_other_machines(monkeypatch):
    clerk_in_development = {"PK_ENV": "development", "PK_IDENTITY_PROVIDER": "clerk"}
    set_env(monkeypatch, {**clerk_in_development, "REFLEX_BACKEND_HOST": "0.0.0.0"})
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert [p.split(":")[0] for p in refused.value.problems] == ["PK_SECRET_KEY"]
    assert "REFLEX_BACKEND_HOST" in refused.value.problems[0]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_binds_pass_with_the_built_in_server_and_the_development_secret(monkeypatch, host):
    set_env(monkeypatch, {"PK_ENV": "development", "REFLEX_BACKEND_HOST": host})
    assert load_settings().bind_host == host


def test_the_backend_listens_on_loopback_unless_told_while_anything_serves_this_machine_only(
    monkeypatch,
):
    assert load_settings().bind_host == "127.0.0.1"
    # Neither the built-in server nor the development secret: Reflex's own default.
    set_env(monkeypatch, GOOD_PRODUCTION)
    assert load_settings().bind_host == "0.0.0.0"
    monkeypatch.setenv("REFLEX_BACKEND_HOST", "10.0.0.5")
    assert load_settings().bind_host == "10.0.0.5"


def test_production_without_metrics_needs_no_metrics_token(monkeypatch):
    set_env(monkeypatch, GOOD_PRODUCTION | {"PK_METRICS_TOKEN": "", "PK_METRICS_ENABLED": "false"})
    assert load_settings().is_production


@pytest.mark.parametrize(
    ("variable", "least"),
    [
        # Svix retries a delivery for about 28 hours: dedupe ids and tombstones that
        # went sooner would let a late redelivery through, or bring a deleted user back.
        ("PK_RETENTION_WEBHOOK_IDS_DAYS", 7),
        ("PK_RETENTION_TOMBSTONES_DAYS", 7),
        # The moderators' Security tab shows 14 days of failed attempts.
        ("PK_RETENTION_SECURITY_EVENTS_DAYS", 14),
        # A draft can be submitted for a day.
        ("PK_RETENTION_DRAFTS_DAYS", 2),
        ("PK_RETENTION_IMAGES_DAYS", 1),
        ("PK_RETENTION_JOB_RUNS_DAYS", 1),
    ],
)
def test_a_retention_period_shorter_than_its_purpose_is_refused(monkeypatch, variable, least):
    monkeypatch.setenv(variable, str(least - 1))
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert refused.value.problems == [
        f"{variable}: Input should be greater than or equal to {least}."
    ]
    monkeypatch.setenv(variable, str(least))
    assert getattr(load_settings(), variable.removeprefix("PK_").lower()) == least


def test_retention_defaults_keep_data_as_the_readme_says():
    settings = load_settings()
    assert (
        settings.retention_images_days,
        settings.retention_drafts_days,
        settings.retention_webhook_ids_days,
        settings.retention_tombstones_days,
        settings.retention_security_events_days,
        settings.retention_job_runs_days,
        settings.job_retention_interval_seconds,
    ) == (90, 7, 30, 90, 90, 90, 86400)
