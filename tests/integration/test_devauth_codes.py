"""A one-time code allows five tries however they arrive: parallel guesses from many
workers each count, no more than five codes are ever compared, and the right code is
used once. On SQLite and PostgreSQL, from parallel sessions as parallel workers."""

import pytest
from sqlmodel import Session

from pk_rentals.devauth import codes, outbox, store
from pk_rentals.devauth.codes import CODE_ATTEMPTS, CodeCheck
from pk_rentals.devauth.store import Message
from tests.utils.concurrency import at_once


@pytest.fixture
def code(engine) -> Message:
    store.create_tables(engine)
    with Session(engine) as session:
        message = outbox.deliver_code(session, channel="sms", to="+923001234567", subject="idn_1")
        session.commit()
        session.refresh(message)
        session.expunge(message)
        return message


def _check(engine, typed: str) -> CodeCheck:
    with Session(engine) as session:
        message = codes.newest_code(session, "idn_1")
        outcome = codes.check_code(session, message, typed)
        session.commit()
        return outcome


def _wrong(code: Message) -> str:
    return f"{(int(code.code) + 1) % 1_000_000:06d}"


def test_parallel_wrong_guesses_compare_no_more_than_five_codes(engine, code):
    outcomes = at_once([lambda: _check(engine, _wrong(code))] * (CODE_ATTEMPTS + 7))

    assert outcomes.count(CodeCheck.WRONG) == CODE_ATTEMPTS
    assert outcomes.count(CodeCheck.SPENT) == 7
    assert _check(engine, code.code) is CodeCheck.SPENT  # a new code is needed now
    with Session(engine) as session:
        assert session.get(Message, code.id).attempts == CODE_ATTEMPTS


def test_the_right_code_sent_twice_at_once_is_used_once(engine, code):
    outcomes = at_once([lambda: _check(engine, code.code)] * 4)

    assert outcomes.count(CodeCheck.RIGHT) == 1
    assert outcomes.count(CodeCheck.SPENT) == 3


def test_a_wrong_guess_then_the_right_code(engine, code):
    assert _check(engine, _wrong(code)) is CodeCheck.WRONG
    assert _check(engine, code.code) is CodeCheck.RIGHT
    assert _check(engine, code.code) is CodeCheck.SPENT


def test_an_expired_code_is_refused_without_taking_a_try(engine, code):
    with Session(engine) as session:
        session.get(Message, code.id).expire_at = store.now_ms() - 1
        session.commit()

    assert _check(engine, code.code) is CodeCheck.EXPIRED
    with Session(engine) as session:
        assert session.get(Message, code.id).attempts == 0
