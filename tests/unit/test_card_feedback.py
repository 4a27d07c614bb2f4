"""The card front's quick-read nudge: problems read only from a well-formed answer,
and the same two tries as the selfie before the photo may be sent anyway."""

import pytest

from pk_rentals.services.documents import feedback
from pk_rentals.services.faces import retake


@pytest.mark.parametrize(
    ("answer", "problems"),
    [
        (
            {"document_check": {"available": True, "problems": ["card_unreadable"]}},
            ["card_unreadable"],
        ),
        (
            {"document_check": {"available": True, "problems": ["card_number_differs", "x"]}},
            ["card_number_differs"],
        ),
        ({"document_check": {"available": False, "problems": ["card_not_cnic"]}}, []),
        ({"document_check": "card_not_cnic"}, []),
        ({"face_check": {"available": True, "problems": ["card_not_cnic"]}}, []),
        ("card_not_cnic", []),
    ],
)
def test_problems_come_only_from_the_document_check(answer, problems):
    assert feedback.problems_in_answer(answer) == problems


def test_every_problem_has_words_in_both_languages():
    from pk_rentals.i18n import MESSAGES

    for problem in feedback.CARD_PROBLEMS:
        assert MESSAGES[f"verify.card.{problem}"]["ur"]


def test_a_second_failed_read_lets_the_photo_go():
    assert retake.retake_needed(["card_unreadable"], 1)
    assert not retake.retake_needed(["card_unreadable"], 2)
