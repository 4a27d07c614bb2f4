"""The selfie retake nudge: problems read from whatever the browser relays, and the
selfie may be sent anyway after two failed checks."""

import pytest

from pk_rentals.services.faces import checks, retake

PROBLEM = sorted(checks.SELFIE_PROBLEMS)[0]


@pytest.mark.parametrize(
    ("answer", "problems"),
    [
        ({"face_check": {"available": True, "problems": [PROBLEM]}}, [PROBLEM]),
        ({"face_check": {"available": True, "problems": [PROBLEM, "made_up"]}}, [PROBLEM]),
        ({"face_check": {"available": False, "problems": [PROBLEM]}}, []),
        ({"face_check": {"available": "yes", "problems": [PROBLEM]}}, []),
        ({"face_check": {"available": True, "problems": PROBLEM}}, []),
        ({"face_check": None}, []),
        ({}, []),
        ([PROBLEM], []),
        (None, []),
    ],
)
def test_problems_come_only_from_a_well_formed_available_check(answer, problems):
    assert retake.problems_in_answer(answer) == problems


def test_a_retake_is_asked_until_two_checks_failed():
    assert retake.retake_needed([PROBLEM], 1)
    assert not retake.retake_needed([PROBLEM], 2)  # sent anyway, flagged
    assert not retake.retake_needed([], 1)
