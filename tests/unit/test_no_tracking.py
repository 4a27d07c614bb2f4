"""No tracking of what people do beyond what sessions need: Reflex's and
clerk-js's telemetry are off in every mode, and logs cannot carry SQL values."""

import importlib
import sys

import pytest

from pk_rentals import db
from pk_rentals.components.clerk import clerk_gate
from pk_rentals.settings import get_settings


@pytest.mark.parametrize("env", ["development", "test", "production"])
def test_reflex_telemetry_is_off_in_every_mode(monkeypatch, env):
    monkeypatch.setenv("PK_ENV", env)
    monkeypatch.setattr("pk_rentals.settings.load_settings", lambda: _lenient())
    get_settings.cache_clear()
    sys.modules.pop("rxconfig", None)
    config = importlib.import_module("rxconfig").config
    assert config.telemetry_enabled is False
    sys.modules.pop("rxconfig", None)


def _lenient():
    from pk_rentals.settings import Settings

    return Settings()


def test_clerk_js_telemetry_is_off():
    rendered = str(clerk_gate().render())
    assert "telemetry:false" in rendered


def test_sql_in_logs_and_errors_never_shows_values():
    engine = db.create_engine("sqlite://")
    assert engine.hide_parameters is True
