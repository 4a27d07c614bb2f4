"""A database call on a thread running an event loop stalls every tab the worker
serves: development and tests refuse it, naming the code to move into a thread;
production lets it through and warns once per call site."""

import asyncio
import logging

import pytest

from pk_rentals import db
from pk_rentals.services.verification_prompt import take_verification_prompt
from pk_rentals.settings import Environment, Settings

NOBODY = "user_29w83sxmDNGwOuEthce5gg56FcC"


@pytest.fixture
def environment(monkeypatch, use_database):
    """``environment(Environment.X)``: the app's engine as that environment builds it."""

    def use(env: Environment) -> None:
        # Settings() rather than load_settings(): production's other checks (a
        # PostgreSQL URL, real secrets) are not what these tests are about.
        monkeypatch.setattr(db, "get_settings", lambda: Settings(env=env))
        db.get_engine.cache_clear()

    return use


async def ask_on_the_loop() -> bool:
    return take_verification_prompt(NOBODY)


async def ask_in_a_thread() -> bool:
    return await asyncio.to_thread(take_verification_prompt, NOBODY)


@pytest.mark.parametrize("env", [Environment.TEST, Environment.DEVELOPMENT])
def test_a_database_call_on_the_event_loop_fails_and_names_the_caller(environment, env):
    environment(env)
    with pytest.raises(db.EventLoopBlocked) as refused:
        asyncio.run(ask_on_the_loop())
    assert str(refused.value).startswith(
        "database call on the event loop in pk_rentals/services/verification_prompt.py:"
    )
    assert "(take_verification_prompt)" in str(refused.value)
    assert str(refused.value).endswith("wrap it in asyncio.to_thread / run_in_threadpool")


def test_the_same_call_in_a_worker_thread_passes(environment):
    environment(Environment.TEST)
    assert asyncio.run(ask_in_a_thread()) is False


def test_the_same_call_outside_any_event_loop_passes(environment):
    environment(Environment.TEST)
    assert take_verification_prompt(NOBODY) is False


def test_production_lets_the_call_through_and_warns_once_per_call_site(environment, caplog):
    environment(Environment.PRODUCTION)
    with caplog.at_level(logging.WARNING, logger="pk_rentals.db"):
        assert asyncio.run(ask_on_the_loop()) is False
        assert asyncio.run(ask_on_the_loop()) is False
    [warning] = [r for r in caplog.records if r.name == "pk_rentals.db"]
    assert warning.levelno == logging.WARNING
    assert "pk_rentals/services/verification_prompt.py:" in warning.getMessage()
    assert "wrap it in asyncio.to_thread / run_in_threadpool" in warning.getMessage()
