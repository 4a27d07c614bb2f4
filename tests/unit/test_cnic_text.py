"""The rules for the text read off a CNIC front."""

import datetime as dt

from pk_rentals.services.documents.cnic_text import find_dates, find_number, parse_card_text


def test_number_with_and_without_dashes():
    assert find_number("Identity Number 35202-1234567-3") == "35202-1234567-3"
    assert find_number("no 3520212345673 here") == "35202-1234567-3"


def test_letters_become_digits_only_where_the_pattern_demands_one():
    assert find_number("35Z0Z-l234S67-B") == "35202-1234567-8"
    assert find_number("3O2O1 l234567 3") == "30201-1234567-3"
    assert parse_card_text("PAKISTAN Oil Slab 35202-1234567-3").headings == ("PAKISTAN",)


def test_no_number_in_ordinary_words_or_too_few_digits():
    assert find_number("GENERAL STORE TOTAL 430") is None
    assert find_number("35202-123456-3") is None
    assert find_number("05202-1234567-3") is None  # no province starts with 0


def test_dates_labelled_and_unlabelled():
    text = "Date of Birth 01.01.1990 Date of Issue 12.03.2021 Date of Expiry 12.03.2031"
    card = parse_card_text(text)
    assert (card.birth, card.issue, card.expiry) == (
        dt.date(1990, 1, 1),
        dt.date(2021, 3, 12),
        dt.date(2031, 3, 12),
    )
    assert parse_card_text("01/01/1990 12-03-2031").expiry == dt.date(2031, 3, 12)
    assert find_dates("31.02.2031") == []


def test_is_cnic_by_its_headings():
    assert parse_card_text("PAKISTAN National Identity Card").is_cnic
    assert parse_card_text("Identity Number 35202-1234567-3 PAKISTAN").is_cnic
    assert not parse_card_text("GENERAL STORE Milk 250 TOTAL 430").is_cnic
    assert not parse_card_text("35202-1234567-3").is_cnic
