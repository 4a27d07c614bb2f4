"""How the moderation page words the median wait for a decision."""

import pytest

from pk_rentals.state.moderation import duration_words


@pytest.mark.parametrize(
    ("seconds", "en", "ur"),
    [
        (None, "—", "—"),
        (4, "under 1 min", "1 منٹ سے کم"),
        (29, "under 1 min", "1 منٹ سے کم"),
        (31, "1 min", "1 منٹ"),
        (3.5 * 3600, "3 h 30 min", "3 گھنٹے 30 منٹ"),
        (2 * 86400 + 3600 + 60, "2 d 1 h", "2 دن 1 گھنٹے"),
        (86400, "1 d", "1 دن"),
    ],
)
def test_the_median_wait_in_words(seconds, en, ur):
    assert duration_words(seconds, "en") == en
    assert duration_words(seconds, "ur") == ur
