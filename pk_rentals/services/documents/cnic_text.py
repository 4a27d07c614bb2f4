"""Rules for the text OCR reads off a CNIC front: the number, the dates, the headings.

OCR confuses letters with digits (O/0, l/1, I/1, S/5, B/8, Z/2, G/6); a letter is
turned into a digit only inside a run the ``#####-#######-#`` pattern demands, so
names and headings are never rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# Letters OCR reads in place of digits; applied only inside a number-shaped run.
_AS_DIGIT = str.maketrans("OoQDlIi|!SsBZzGgTb", "000011111558226671")
_DIGITISH = "0-9OoQDlIi|!SsBZzGgTb"
_SEP = r"[\s\-\u2010-\u2015.,_~]{0,3}"
_NUMBER = re.compile(
    rf"(?<![0-9])([{_DIGITISH}]{{5}}){_SEP}([{_DIGITISH}]{{7}}){_SEP}([{_DIGITISH}])(?![0-9])"
)
_DATE = re.compile(r"(?<!\d)([0-3]?\d)\s*[.\-/]\s*([01]?\d)\s*[.\-/]\s*((?:19|20)\d\d)(?!\d)")
# Printed headings of the smart and the older CNIC front (English side).
HEADINGS = (
    "PAKISTAN",
    "NATIONAL IDENTITY CARD",
    "IDENTITY NUMBER",
    "DATE OF EXPIRY",
    "DATE OF ISSUE",
    "DATE OF BIRTH",
    "ISLAMIC REPUBLIC",
    "FATHER NAME",
    "GENDER",
    "COUNTRY OF STAY",
)
# Enough headings to call it a CNIC: one accidental word is not a card.
MIN_HEADINGS = 2


@dataclass(frozen=True)
class CardText:
    """What the text says: the number (``#####-#######-#``), dates, headings found."""

    number: str | None
    expiry: dt.date | None = None
    issue: dt.date | None = None
    birth: dt.date | None = None
    headings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_cnic(self) -> bool:
        return len(self.headings) >= MIN_HEADINGS or (
            self.number is not None and len(self.headings) >= 1
        )


def find_number(text: str) -> str | None:
    """The first number-shaped run, letters read as the digits they resemble."""
    for match in _NUMBER.finditer(text):
        parts = [p.translate(_AS_DIGIT) for p in match.groups()]
        if all(p.isdigit() for p in parts) and parts[0][0] in "12345678":
            return "-".join(parts)
    return None


def _parse_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[dt.date]:
    """Every valid ``DD.MM.YYYY`` date (also ``-`` or ``/``), in reading order."""
    dates = (_parse_date(*m.groups()) for m in _DATE.finditer(text.translate(_DATE_FIX)))
    return [d for d in dates if d is not None]


# Inside dates, the same confusions; applied to whole text only for date search.
_DATE_FIX = str.maketrans("OoIl", "0011")


def _labelled(text: str, label: str) -> dt.date | None:
    """The first date after the heading ``label`` on the same or next line."""
    upper = text.upper()
    at = upper.find(label)
    if at < 0:
        return None
    found = find_dates(text[at : at + 80])
    return found[0] if found else None


def find_headings(text: str) -> tuple[str, ...]:
    upper = re.sub(r"\s+", " ", text.upper())
    return tuple(h for h in HEADINGS if h in upper)


def parse_card_text(text: str) -> CardText:
    """The number, the dates and the headings read off the card front."""
    dates = find_dates(text)
    birth = _labelled(text, "BIRTH")
    issue = _labelled(text, "ISSUE")
    expiry = _labelled(text, "EXPIRY")
    if expiry is None and dates:
        # Unlabelled: the expiry is the latest date printed on the card.
        expiry = max(dates) if len(dates) >= 2 else None
    return CardText(
        number=find_number(text),
        expiry=expiry,
        issue=issue,
        birth=birth,
        headings=find_headings(text),
    )
